"""actors: role facts from premodifiers, appositions and copulas, with their organization."""
import pytest

from tests.support import extractor


@pytest.mark.parametrize("text, holder, title, organization", [
    ("Secretary of State John Kerry flew to Geneva for the talks.", "john-kerry", "Secretary of State",
     "united-states"),
    ("Russia's defense minister Sergei Shoygu inspected the troops in Crimea.", "sergei-shoigu",
     "Defense Minister", "russia"),
    ("State Department spokesman John Kirby declined to comment on the report.", "john-kirby", "Spokesman",
     "us-state-department"),
    ("Vladimir Frolov is president of LEFF Group, a government relations company.", "vladimir-frolov",
     "President", "leff-group"),
    ("U.S. Deputy Secretary of State Tony Blinken met the allies in Brussels.", "antony-blinken",
     "Deputy Secretary of State", "united-states"),
    ("Sergei Lavrov, Russia's foreign minister, said the plan was unrealistic.", "sergei-lavrov",
     "Foreign Minister", "russia"),
    ("Karim Haddad, the Jordanian foreign minister, said the border would stay open.", "karim-haddad",
     "Foreign Minister", "jordan"),
    ("Chinese President Xi Jinping spoke with the German chancellor by phone.", "xi-jinping", "President",
     "china"),
    ("John Smith, who is the British ambassador to Russia, said the talks failed.", "john-smith",
     "Ambassador", "united-kingdom"),
    ("Maria Zakharova, a spokeswoman for the Russian Foreign Ministry, said the claims were false.",
     "maria-zakharova", "Spokeswoman", "russian-foreign-ministry"),
    ("NATO Secretary General Jens Stoltenberg warned Moscow against escalation.", "jens-stoltenberg",
     "Secretary General", "nato"),
    ("Sen. Marco Rubio said the deal was weak.", "marco-rubio", "Senator", "united-states"),
    ("Officials fear pressure before the inauguration of Taiwanese President-elect Lai Ching-te.", "lai-ching-te",
     "President-elect", "taiwan"),
    ("Dagalo accused Sudanese army chief Abdel Fattah al-Burhan of lying.", "abdel-fattah-al-burhan",
     "Army Chief", "sudan"),
    ("Lt. Gen. John Smith led the mission.", "john-smith", "Lieutenant General", None),
    ("The IAEA said its inspectors were denied access. Its director general, Rafael Grossi, warned the "
     "board.", "rafael-grossi", "Director General", "iaea"),
    # a hyphenated modifier keeps its title, spelled as written: a vice-president is not the president
    ("Peruvian Vice-President Ana Ruiz opened the fair.", "ana-ruiz", "Vice-President", "peru"),
    ("Peruvian Vice President Ana Ruiz opened the fair.", "ana-ruiz", "Vice President", "peru"),
    # a named body the lexicon does not know: the body itself, not the country named inside its name
    ("Luis Gil, the vice-president of the National Fisheries Authority of Peru, left early.", "luis-gil",
     "Vice-President", "national-fisheries-authority-of-peru"),
    # the organization a definite noun stands for: "the agency's" after the agency was named
    ("The International Atomic Energy Agency sent a team. Ana Ruiz, the agency's deputy director general, "
     "led it.", "ana-ruiz", "Deputy Director General", "iaea"),
    # words of the office between the owner and the title
    ("The European Union's climate envoy, Ana Ruiz, arrived on Monday.", "ana-ruiz", "Envoy", "european-union"),
    ("Peru's lead negotiator, Luis Gil, left early.", "luis-gil", "Negotiator", "peru"),
    # an office held by a verb in the present, here in a relative clause
    ("Tevita Maka, the Tongan diplomat who chairs the Alliance of Small Island States, spoke first.",
     "tevita-maka", "Chair", "alliance-of-small-island-states"),
    # an official of a named movement; the movement's name inside the person's own is not it
    ("Senior Hamas official Karim Saleh said the talks would resume.", "karim-saleh", "Official", "hamas"),
    ("A Houthi official, Yusuf al-Houthi, said the group would respond.", "yusuf-al-houthi", "Official", None),
    ("Ana Ruiz, chairperson of the Red Cross, visited the camp.", "ana-ruiz", "Chairperson", "icrc"),
    # the capitalized words of an office between the body and the title: the body's office, so named
    ("NATO Military Committee Chairman Luis Gil inspected the base.", "luis-gil", "Military Committee Chairman",
     "nato"),
    ("EU Trade Commissioner Ana Ruiz left Delhi on Friday.", "ana-ruiz", "Trade Commissioner", "european-union"),
    # "former" before the country keeps the title a past one
    ("Former Chilean president Lena Ortiz arrived at the palace.", "lena-ortiz", "Former President", "chile"),
    # a campaign's staff, with a possessive
    ("Senator Bo Kane spoke first. His campaign manager, Tomas Ruiz, was blunter.", "tomas-ruiz",
     "Campaign Manager", None),
    # an appointment in a relative clause; a body that appoints holds the office, a person does not
    ("Maria Lind, a former judge whom the European Union appointed as its mediator, arrived.", "maria-lind",
     "Mediator", "european-union"),
    ("Pia Berg was named envoy on Friday.", "pia-berg", "Envoy", None),
    ("Lena Visser, a former judge whom the European Union appointed as informateur, chaired the talks.",
     "lena-visser", "Informateur", "european-union"),
    # a title of several words with "of": the person's name starts after it
    ("The host, Qatari Minister of State Nasser Al Kuwari, read the statement.", "nasser-al-kuwari",
     "Minister of State", "qatar"),
    # a body the graph has no actor for, chaired or headed: named in the title, no organization
    ('"We will wait," said Pol Kermarrec, who chairs a farmers\' union in Normandy.', "pol-kermarrec",
     "Chair of a farmers' union in Normandy", None),
    ("Ana Gil, who heads a commission that reviews budgets, resigned.", "ana-gil", "Head of a commission", None),
    # a name the parser hangs on the body that ends the title ("to the Treasury"): the title's, body and all
    ("The memo, dated 12 November and signed by the Secretary to the Treasury, Tomas Vial, is addressed to the "
     "cabinet.", "tomas-vial", "Secretary to the Treasury", None),
    # offices of a company or a party; a deputy told by a possessive
    ("The firm's chief financial officer, Lena Ortiz, resigned.", "lena-ortiz", "Chief Financial Officer", None),
    ("The chief whip, Pia Berg, counted the votes.", "pia-berg", "Chief Whip", None),
    ("Ana Ruiz: My deputy, Tomas Vial, and two advisers came with me.", "tomas-vial", "Deputy", None),
    # "former" apart from the title by another word still makes it a past one
    ("Lena Ortiz, a former federal deputy, opened the rally.", "lena-ortiz", "Former Deputy", None),
    # professions named in appositions; a body named inside "a ... newspaper" is not the one they serve
    ("Velka's lawyer, Ivo Maric, said the meeting was brief.", "ivo-maric", "Lawyer", "velka"),
    ("The prisoners included Ivo Maric, a reporter for a Kaunas newspaper who was held for a year.", "ivo-maric",
     "Reporter", None),
    ("Ivo Maric, a Croatian journalist, was freed.", "ivo-maric", "Journalist", "croatia"),
])
def test_actors_roles_read(text, holder, title, organization):
    _, resolver = extractor().analyse(text)
    roles = [(f.holders, f.title, f.organization) for f in resolver.roles]
    assert ([holder], title, organization) in roles


def test_actors_roles_cover_coordinated_holders():
    _, resolver = extractor().analyse("Presidents Barack Obama and Vladimir Putin met for more than an hour.")
    holders = {f.holders[0] for f in resolver.roles if f.title == "President"}
    assert holders == {"barack-obama", "vladimir-putin"}


def test_actors_roles_evidence_is_the_sentence():
    text = "The talks ended late. Kremlin spokesman Dmitry Peskov said nothing was agreed."
    _, resolver = extractor().analyse(text)
    role = next(f for f in resolver.roles if f.holders == ["dmitry-peskov"])
    span = role.evidence[0]
    assert text[span.start:span.end] == "Kremlin spokesman Dmitry Peskov said nothing was agreed."
    assert role.organization == "russia-government" and role.kind == "Role"


def test_actors_roles_premodifier_title_not_apposed_to_the_next_name():
    text = ("Burns met Egyptian intelligence chief Abbas Kamel and Qatari Prime Minister "
            "Mohammed bin Abdulrahman Al Thani on Monday.")
    _doc, resolver = extractor().analyse(text)
    titles = {(f.holders[0], f.title) for f in resolver.roles}
    assert ("abbas-kamel", "Intelligence Chief") in titles
    assert ("mohammed-bin-abdulrahman-al-thani", "Intelligence Chief") not in titles


@pytest.mark.parametrize("text, holder, title, organization", [
    ("Kyrgyz Foreign Minister Aibek Toktogulov and his Tajik counterpart Farrukh Rahimzoda met in Astana.",
     "farrukh-rahimzoda", "Foreign Minister", "tajikistan"),
    ("Chilean Foreign Minister Ana Ruiz met her Peruvian counterpart, Jorge Salas, on Monday.", "jorge-salas",
     "Foreign Minister", "peru"),
    # the parser does not attach the long name after the comma to "counterpart"
    ("Austrian Foreign Minister Karl Weber spoke by phone with his Omani counterpart, Sayyid Talal bin Khalid Al "
     "Rawahi, shortly after the plane landed.", "sayyid-talal-bin-khalid-al-rawahi", "Foreign Minister", "oman"),
])
def test_actors_roles_counterpart_holds_the_owners_title(text, holder, title, organization):
    _, resolver = extractor().analyse(text)
    assert ([holder], title, organization) in [(f.holders, f.title, f.organization) for f in resolver.roles]


@pytest.mark.parametrize("text", [
    "Varga met his counterpart, Jorge Salas, on Friday.",  # Varga's title is never given
    "Foreign Minister Ana Ruiz and Defence Minister Lena Ruiz met their counterparts, Jorge Salas and Tomas Brandt.",
])
def test_actors_roles_counterpart_unsettled_gives_no_role(text):
    _, resolver = extractor().analyse(text)
    assert not [f for f in resolver.roles if f.holders in (["jorge-salas"], ["tomas-brandt"])]


@pytest.mark.parametrize("text", [
    "Ana Ruiz said that if she were president, the program would grow.",
    "Ana Ruiz could become president next year.",
    "Ana Ruiz should be president, her aide said.",
    "Senator Ana Ruiz wants to be president.",
])
def test_actors_roles_office_supposed_is_not_held(text):
    """A copula that is conditional, modal or wished names no office the person holds."""
    _, resolver = extractor().analyse(text)
    assert not [f for f in resolver.roles if f.title == "President"]


@pytest.mark.parametrize("text", [
    "Tom Ruiz, who chairs the talks, said little.",  # talks are no body
    "Ana Ruiz, who leads the polls, spoke last.",  # only chair and head name a body's office
])
def test_actors_roles_office_verb_without_body_gives_no_role(text):
    _, resolver = extractor().analyse(text)
    assert not resolver.roles


def test_actors_roles_office_taken_is_held():
    _, resolver = extractor().analyse("Ana Ruiz became governor of Lima in 2013.")
    assert [f.title for f in resolver.roles] == ["Governor"]


@pytest.mark.parametrize("text, person", [
    # a speaker's label: the words after its colon are no apposition to the label's name
    ("Ana Ruiz: My deputy, Tomas Vial, and two advisers came with me.", "ana-ruiz"),
    # a name after a title's "to the President": the President's name, not the adviser's
    ("The memo, dated 12 November and signed by the adviser to the President, Tomas Vial, is addressed to the "
     "cabinet.", "tomas-vial"),
])
def test_actors_roles_labelled_or_listed_name_holds_no_title(text, person):
    _, resolver = extractor().analyse(text)
    assert not [f for f in resolver.roles if f.holders == [person]]
