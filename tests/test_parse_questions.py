"""Questions, however phrased and cased, map to a template and text slots (no store needed)."""
from __future__ import annotations

import pytest

from service.qa import lexicon
from service.qa.parse import clean, parse, split_actors
from tests.support import LEXICONS, MODELS, kgqa

LEX = LEXICONS.view(lexicon.build)


def read(question: str):
    return parse(question, LEX, MODELS.get())


@pytest.mark.parametrize("question, template, slots", [
    ("What has Putin suggested?", "proposals", {"actors": ["Putin"]}),
    ("Which proposals did Russia make at the UN?", "proposals", {"actors": ["Russia"], "occasion": "the UN"}),
    ("Who proposed what at the UN meeting?", "proposals", {"occasion": "the UN meeting"}),
    ("who met with obama", "meetings", {"actors": ["obama"]}),
    ("Who did Obama meet at the UN General Assembly?", "meetings",
     {"actors": ["Obama"], "occasion": "the UN General Assembly"}),
    ("Who took part in the meeting at the UN General Assembly?", "meetings",
     {"occasion": "the UN General Assembly"}),
    ("Did Biden meet Putin?", "meetings", {"actors": ["biden", "putin"]}),
    ("When and where did Obama and Putin meet?", "meeting_details", {"actors": ["obama", "putin"]}),
    ("How long was the meeting between Biden and Putin?", "meeting_details", {"actors": ["biden", "putin"]}),
    ("Where did Ruiz and Gil hold talks?", "meeting_details", {"actors": ["ruiz", "gil"]}),
    ("Kerry's role?", "roles", {"actor": "kerry"}),
    ("Who is Vladimir Frolov?", "roles", {"actor": "vladimir frolov"}),
    ("What is Moscow's position on Assad?", "position_on", {"actor": "moscow", "topic": "assad"}),
    ("What are Washington military planners worried about?", "positions",
     {"actors": ["Washington military planners"], "kind": "Concern"}),
    ("What did the United States accept?", "positions", {"actors": ["the United States"], "kind": "Acceptance"}),
    ("What did Putin rule out?", "positions", {"actors": ["Putin"], "kind": "Denial"}),
    ("Did Putin reject new talks?", "positions", {"actors": ["Putin"], "kind": "Denial"}),
    ("Did Putin rule out talks?", "positions", {"actors": ["Putin"], "kind": "Denial"}),
    ("Did Putin talk to Biden?", "meetings", {"actors": ["Putin", "Biden"]}),
    ("Who accused the United States?", "positions", {"kind": "Accusation", "topic": "the United States"}),
    ("What did Obama say about Iran?", "statements", {"actors": ["Obama"], "topic": "Iran"}),
    ("What did Putin tell Lavrov?", "statements", {"actors": ["Putin"], "recipient": "Lavrov"}),
    ("What did Obama and Putin agree on?", "agreements", {"actors": ["Obama", "Putin"], "kind": "Agreement"}),
    ("Which sources mention Lavrov?", "sources", {"actor": "lavrov"}),
    ("What does the Moscow Times article say about Putin?", "source_says",
     {"source": "the moscow times article", "actor": "putin"}),
    ("How many Chechens are fighting for ISIS according to Russian estimates?", "estimates",
     {"according": "russian estimates"}),
    ("How big will the bridge loan be, according to the treasury?", "estimates", {"according": "the treasury"}),
    ("How large was the crowd in Tbilisi?", "estimates", {}),
    # who tells it is no topic: "according to" anywhere a clause question ends
    ("What did Ruiz fear, according to a senior aide?", "positions",
     {"actors": ["Ruiz"], "kind": "Concern", "according": "a senior aide"}),
    # a clause after "warn" is what was warned, not who was warned
    ("What did the mayor warn would happen without a deal?", "statements", {"actors": ["the mayor"]}),
    ("What did Russia establish in Baghdad?", "actions", {"actors": ["Russia"], "verb": "establish"}),
    ("Who will handle the ongoing work with Russia?", "actions", {"verb": "handle"}),
    ("How long did the call between Biden and Xi last?", "meeting_details", {"actors": ["Biden", "Xi"]}),
    ("How long did the phone call between Biden and Xi last?", "meeting_details", {"actors": ["Biden", "Xi"]}),
    ("When were the talks between Kerry and Lavrov?", "meeting_details", {"actors": ["Kerry", "Lavrov"]}),
    ("Where was the summit between Biden and Putin?", "meeting_details", {"actors": ["Biden", "Putin"]}),
    # "hold" a meeting, with its modifiers: who holds it, not "Xi hold"
    ("When did Biden and Xi hold their first summit?", "meeting_details", {"actors": ["Biden", "Xi"]}),
    ("Where did Putin and Obama hold talks?", "meeting_details", {"actors": ["Putin", "Obama"]}),
    ("Where will Ruiz and Walsh hold their first televised debate?", "meeting_details", {"actors": ["Ruiz", "Walsh"]}),
    ("Where did Peru and Chile hold their fifth round of trade talks?", "meeting_details",
     {"actors": ["Peru", "Chile"]}),
    ("How long did the Peru-Chile trade talks in Lima last?", "meeting_details", {"actors": ["Peru-Chile trade"]}),
    ("How long did the coalition talks at the palace last?", "meetings", {"occasion": "coalition talks at the palace"}),
    ("How long did Merkel's meeting with Macron and Sanchez last?", "meeting_details",
     {"actors": ["Merkel", "Macron", "Sanchez"]}),
    ("Where did Modi and Albanese hold talks?", "meeting_details", {"actors": ["Modi", "Albanese"]}),
    ("Where did the Norwegian party leaders hold coalition talks on Monday?", "meeting_details",
     {"actors": ["the Norwegian party leaders"]}),
    ("When did Ruiz and Gil hold peace talks in Oslo?", "meeting_details", {"actors": ["Ruiz", "Gil"]}),
    ("When will Scholz and Tusk meet again?", "meeting_details", {"actors": ["Scholz", "Tusk"]}),
    ("When did Scholz meet Tusk in his office?", "meeting_details", {"actors": ["Scholz", "Tusk"]}),
    ("When did Scholz and Tusk last meet?", "meeting_details", {"actors": ["Scholz", "Tusk"]}),
    # an occasion described by its place and topic around the meeting word
    ("Who took part in the Lima talks on fishing quotas?", "meetings",
     {"occasion": "the Lima talks on fishing quotas"}),
    ("Who took part in the dinner at the mayor's house?", "meetings", {"occasion": "the dinner at the mayor's house"}),
    # a purpose after the meeting verb is nobody met: who, for an open question; a yes/no one stays unsettled
    ("Who did Ana Ruiz meet to break the deadlock?", "meetings", {"actors": ["Ana Ruiz"]}),
    ("Did Ana Ruiz meet to break the deadlock?", "meetings", {"actors": ["Ana Ruiz", "break the deadlock"]}),
    # a possessive late in a clause owns no fact: the clause's subject asks
    ("What did Ana Ruiz demand after the observers' statement?", "positions", {"actors": ["Ana Ruiz"]}),
    ("What were the observers' demands?", "positions", {"actors": ["observers"]}),
    ("Who rejected Ana Ruiz's accusation?", "positions", {"kind": "Denial"}),
    # how they met is nobody met
    ("Who did Ana Ruiz meet alone on Thursday evening?", "meetings", {"actors": ["Ana Ruiz"]}),
    ("Did Ana Ruiz meet Tomas Hale again?", "meetings", {"actors": ["Ana Ruiz", "Tomas Hale"]}),
    ("Who did Ana Ruiz meet privately?", "meetings", {"actors": ["Ana Ruiz"]}),
])
def test_parse_template_and_slots(question, template, slots):
    parsed = read(question)
    assert parsed is not None and parsed.template == template
    for name, value in slots.items():
        got = parsed.slots[name]
        assert (got.lower() if isinstance(got, str) else [g.lower() for g in got]) == (
            value.lower() if isinstance(value, str) else [v.lower() for v in value])


@pytest.mark.parametrize("question, template, actors", [
    ("Which parties voted against the budget?", "actions", []),
    ("What officials proposed a ceasefire?", "proposals", []),
    ("Which Chilean officials met Ana Ruiz?", "meetings", ["Chilean officials", "Ana Ruiz"]),
], ids=["which-noun-asks-who", "what-noun-asks-who", "a-named-group-is-one"])
def test_parse_which_noun_subject(question, template, actors):
    """ "which parties voted": the wh-word's common noun asks who did it and names no one; a capitalized
    group ("which Chilean officials") is still one to look up."""
    parsed = read(question)
    assert parsed.template == template and parsed.slots.get("actors", []) == actors


@pytest.mark.parametrize("question, template, actors, need", [
    ("How long did the Lima talks between Ana Ruiz and Tomas Hale last?", "meeting_details",
     ["Ana Ruiz", "Tomas Hale"], ["lima"]),
    ("How long did the closed session between Ana Ruiz and Tomas Hale last?", "meetings", [], []),
], ids=["named-place-talks-between", "lower-case-word-no-place"])
def test_parse_place_before_meeting_noun(question, template, actors, need):
    """ "the Lima talks between X and Y": X's and Y's talks, Lima needed of them (not an occasion named
    "Lima talks between ..."); a lower-case word there ("closed") is no place."""
    parsed = read(question)
    assert (parsed.template, parsed.slots.get("actors", []), parsed.need) == (template, actors, need)


@pytest.mark.parametrize("question, words", [
    ("What did Russia establish in Baghdad?", {"baghdad"}),
    ("Who agreed to co-sponsor the Comprehensive Convention on International Terrorism?",
     {"co-sponsor", "comprehensive", "convention", "international", "terrorism"}),
    ("How many Chechens are fighting for ISIS?", {"chechens", "fighting", "isis"}),
])
def test_parse_content_words(question, words):
    parsed = read(question)
    found = set(parsed.words) | set(parsed.slots.get("topic", "").lower().split())
    assert words <= found


@pytest.mark.parametrize("question, counted", [
    ("How many sailors has the navy deployed?", ["sailors"]),
    ("How many Chechens are fighting for ISIS?", ["chechens"]),
    ("How much will Estonia lend to the port?", []),  # a sum: nothing named before the auxiliary
    ("How much money will Estonia lend to the port?", []),  # a sum in whatever currency
    ("How much outside financing will Ukraine need?", ["outside", "financing"]),
])
def test_parse_counted_words(question, counted):
    """What a how-many question counts: the words before its auxiliary, one of them in the estimate's own."""
    assert read(question).counted == counted


@pytest.mark.parametrize("question", ["", "hello", "banana banana banana", "{ } ; DROP ALL", "42"])
def test_parse_no_template(question):
    assert read(question) is None


@pytest.mark.parametrize("raw, cleaned", [
    ("  who\u00a0met   Putin ??", "who met Putin"),
    ("what did\x00 putin\x1b propose\u2028?", "what did putin propose"),
    ("\u201cWho\u201d met Putin\u2019s aides?", '"Who" met Putin\'s aides'),
])
def test_parse_clean(raw, cleaned):
    assert clean(raw) == cleaned


@pytest.mark.parametrize("text, parts", [
    ("Obama and Putin", ["Obama", "Putin"]),
    ("Russia, China and India", ["Russia", "China", "India"]),
    ("Guinea-Bissau and Senegal", ["Guinea-Bissau", "Senegal"]),
    ("Obama & Putin", ["Obama", "Putin"]),
])
def test_parse_split_actors(text, parts):
    assert split_actors(text) == parts


def test_parse_unsupported_names_closest_templates(store):
    from service.errors import UnsupportedQuestion

    with pytest.raises(UnsupportedQuestion) as caught:
        kgqa(store).ask("banana banana banana", link_root="/")
    assert caught.value.status == 422
    assert caught.value.details["suggestions"] and all(s["examples"] for s in caught.value.details["suggestions"])


@pytest.mark.parametrize("question, details, remote", [
    ("How long did the call between Biden and Xi last?", ("duration", "durationText"), True),
    ("When and where did Obama and Putin meet?", ("date", "timeText", "place", "placeText", "occasion"), False),
    ("When did Macron speak by phone with Scholz?", ("date", "timeText"), True),
    ("Did Obama meet Putin?", (), False),
], ids=["how long call", "when and where", "when by phone", "yes/no"])
def test_parse_questions_meeting_details_and_calls(question, details, remote):
    parsed = read(question)
    assert (parsed.details, parsed.remote) == (details, remote)


@pytest.mark.parametrize("question, recipient", [
    ("What did the mayor warn would happen without a deal?", None),
    ("What did the mayor warn the council?", "the council"),
])
def test_parse_warned_clause_is_no_recipient(question, recipient):
    assert read(question).slots.get("recipient") == recipient


@pytest.mark.parametrize("question, words", [
    ("What did the mayor offer the striking unions?", []),  # whom it was offered to: not what
    ("Who offered a ceasefire?", ["ceasefire"]),
    ("Did the governor promise a new stadium?", ["new", "stadium"]),  # no wh-word: the object is what
    ("Did the mayor offer the unions a pay rise?", ["unions", "pay", "rise"]),
])
def test_parse_offered_to_is_not_the_offer(question, words):
    assert read(question).words == words


@pytest.mark.parametrize("question, says", [
    ("Where did Peru and Chile swap the prisoners?", "read only for meetings"),  # where: meetings only
    ("Did Ruiz abstain on the bill?", "no verb in it names a kind of fact"),
])
def test_parse_unread_says_what_was_not_understood(question, says):
    from service.qa.parse import unread

    assert says in unread(question, LEX)
