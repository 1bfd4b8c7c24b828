"""actors: groups from plural noun phrases about people with an actor as modifier, with members."""
import pytest

from tests.support import extractor


def group_of(text: str, phrase: str):
    doc, resolver = extractor().analyse(text)
    start = text.index(phrase)
    keys = resolver.resolve(doc.char_span(start, start + len(phrase), alignment_mode="expand"))
    assert len(keys) == 1, keys
    return resolver, resolver.actor(keys[0])


@pytest.mark.parametrize("text, phrase, owner", [
    ("Washington military planners remain worried about the deployment.", "Washington military planners",
     "united-states-government"),
    ("Russian diplomats said the proposal was premature.", "Russian diplomats", "russia"),
    ("Kremlin officials refused to comment on the report.", "Kremlin officials", "russia-government"),
])
def test_actors_groups_from_modified_plurals(text, phrase, owner):
    _, group = group_of(text, phrase)
    assert group.kind == "Group" and owner in group.member_of


def test_actors_groups_list_their_members():
    text = ("Washington's key regional allies in Syria, including Saudi Arabia, Kuwait, Qatar and Turkey, "
            "are all committed to a different outcome.")
    resolver, group = group_of(text, "Washington's key regional allies in Syria")
    members = {k for k, a in resolver.actors.items() if group.key in a.member_of}
    assert members == {"saudi-arabia", "kuwait", "qatar", "turkey"}
    assert group.label == "Washington's key regional allies in Syria"


def test_actors_groups_need_an_actor_modifier():
    doc, resolver = extractor().analyse("Many analysts remain worried about the deployment.")
    assert resolver.resolve(doc[1:3]) == []


@pytest.mark.parametrize("text, phrase, label", [
    ("LISBON (Reuters) - European Union ministers failed to agree on fishing quotas on Monday.",
     "European Union ministers", "European Union ministers"),
    ("MADRID (AP) \u2014 Portuguese diplomats said the quota talks would resume.", "Portuguese diplomats",
     "Portuguese diplomats"),
])
def test_actors_groups_leave_out_the_dateline(text, phrase, label):
    _, group = group_of(text, phrase)
    assert group.label == label


@pytest.mark.parametrize("text, phrase, alias", [
    ("Government negotiators and M23 rebels ended the talks on Wednesday.", "M23 rebels", "M23"),
])
def test_actors_groups_named_by_their_movement_answer_to_its_name(text, phrase, alias):
    _, group = group_of(text, phrase)
    assert alias in group.aliases  # "the M23" in a question names the M23 rebels


@pytest.mark.parametrize("text, phrase, owner", [
    ("East African leaders met in Arusha for a summit of the East African Community. They backed the plan.",
     "East African leaders", "east-african-community"),
    ("West African leaders gathered in Abuja, where the ECOWAS summit opened on Friday.", "West African leaders",
     "ecowas"),
])
def test_actors_groups_of_the_body_their_modifier_names(text, phrase, owner):
    _, group = group_of(text, phrase)
    assert group.member_of == {owner}


@pytest.mark.parametrize("text, phrase, owner", [
    ("The Gulf Cooperation Council met. The GCC's leaders approved the visa.", "GCC's leaders",
     "gulf-cooperation-council"),
    ("NATO's negotiators left Vienna on Friday.", "NATO's negotiators", "nato"),
])
def test_actors_groups_of_the_body_that_possesses_their_office(text, phrase, owner):
    _, group = group_of(text, phrase)
    assert group.member_of == {owner}


@pytest.mark.parametrize("text, phrase", [
    ("West African leaders said ECOWAS and the West African Development Bank would respond.",
     "West African leaders"),
    ("European officials said the European Commission would respond.", "European officials"),
], ids=["two-bodies", "one-word"])
def test_actors_groups_of_no_body_unless_one_and_two_words(text, phrase):
    _, group = group_of(text, phrase)
    assert not group.member_of


@pytest.mark.parametrize("text, phrase", [
    ("Russia's leaders met in Moscow on Friday.", "Russia's leaders"),  # a country's: not its government's own
    ("NATO's critics met in Vienna on Friday.", "NATO's critics"),  # not people of an office in it
])
def test_actors_groups_possessed_by_no_body_or_no_office(text, phrase):
    _, group = group_of(text, phrase)
    assert not group.member_of


def test_actors_groups_act_for_each_actor_they_are_of():
    _, group = group_of("The foreign ministers of Peru and Chile agreed to reopen the border.",
                        "foreign ministers of Peru and Chile")
    assert {"peru", "chile"} <= group.member_of
