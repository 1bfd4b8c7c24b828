"""clean: the article body (headline, byline, paragraphs, bio line) without the site's furniture."""
import json
from pathlib import Path

import pytest

from service.ingest.clean import body_spans, boilerplate, normalized, paragraphs
from tests.support import LEXICONS

DATA = Path(__file__).parent / "data"
RULES = LEXICONS.view(boilerplate)


def body_text(folder: str, name: str) -> tuple[str, str]:
    path = DATA / folder / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    title = json.loads(path.with_suffix(".json").read_text(encoding="utf-8")).get("title")
    return text, "\n".join(text[s.start:s.end] for s in body_spans(text, title, RULES))


SUMMIT, TIED, SCRAPED = ("seeds", "putin-and-obama-summit"), ("seeds", "why-obama-and-putin-are-tied-to-each-other"), \
    ("articles", "scraped-ministers")


@pytest.mark.parametrize("source, furniture", [
    (SUMMIT, "Home / Article"), (SUMMIT, "Leave a Reply"), (SUMMIT, "Required fields"),
    (SUMMIT, "visitors online"), (SUMMIT, "Scroll To Top"), (TIED, "Support The Moscow Times"),
    (TIED, "Wikicommons"), (TIED, "Sign up for our free weekly newsletter"), (TIED, "Dear readers"),
    (TIED, "undesirable"), (TIED, "Remind me later"), (TIED, "Read more"), (SCRAPED, "News > World"),
    (SCRAPED, "Share on Facebook"), (SCRAPED, "Photo: Reuters"), (SCRAPED, "Advertisement"),
    (SCRAPED, "Read more"), (SCRAPED, "Related articles"), (SCRAPED, "Ceasefire talks resume"),
    (SCRAPED, "Comments (3)"), (SCRAPED, "newsletter"), (SCRAPED, "All rights reserved"),
])
def test_clean_drops_furniture(source, furniture):
    assert furniture not in body_text(*source)[1]


@pytest.mark.parametrize("source, kept", [
    (SUMMIT, "Putin and Obama Summit: More Progress Than Expected\n"),
    (SUMMIT, "Presidents Barack Obama and Vladimir Putin met"),
    (SUMMIT, "set up on Monday in New York."),
    (TIED, "Why Obama and Putin Are Tied to Each Other\n"),
    (TIED, "Vladimir Frolov is president of\u00a0LEFF Group"),  # the author's bio line
    (TIED, "It's a\u00a0possibility worth exploring."),
    (SCRAPED, "Foreign Ministers Agree on Aid Corridor"),
    (SCRAPED, "Haddad is a former ambassador to the United Nations."),
])
def test_clean_keeps_article(source, kept):
    assert kept in body_text(*source)[1]


def test_clean_spans_index_the_original_text():
    text = "Home / World / Talks\n\nEnvoys met in\u00a0Vienna on Tuesday to revive the agreement.\n\nShare"
    spans = body_spans(text, None, RULES)
    assert [text[s.start:s.end] for s in spans] == ["Envoys met in\u00a0Vienna on Tuesday to revive the agreement."]
    assert len(normalized(text)) == len(text) and "\u00a0" not in normalized(text)


def test_clean_byline_belongs_to_the_article():
    text = "Leaders Meet\n\nBy Jane Doe\n\nThe two leaders met on Monday and talked for an hour about trade."
    assert "By Jane Doe" in [text[s.start:s.end] for s in body_spans(text, "Leaders Meet", RULES)]


def test_clean_one_line_paragraphs_are_split_and_judged():
    text = ("Home > News > Diplomacy\nEnvoys Meet in Geneva\nThe envoys of both countries met in Geneva on "
            "Friday to discuss a ceasefire.\nThey agreed to meet again next week, a spokesman said.\n"
            "Share this article\nSubscribe to our newsletter for more news like this.")
    body = [text[s.start:s.end] for s in body_spans(text, "Envoys Meet in Geneva", RULES)]
    assert body == ["Envoys Meet in Geneva",
                    "The envoys of both countries met in Geneva on Friday to discuss a ceasefire.",
                    "They agreed to meet again next week, a spokesman said."]


def test_clean_hard_wrapped_paragraph_stays_whole():
    text = ("The envoys of both countries met in Geneva on Friday to discuss a ceasefire that\n"
            "both governments had rejected only a week earlier, according to officials who\n"
            "spoke on condition of anonymity because they were not authorized to talk.")
    assert [(s.start, s.end) for s in body_spans(text, None, RULES)] == [(0, len(text))]


REPORT = ("The foreign ministers of both countries met in Geneva on Friday and agreed to reopen the border "
          "crossing that has been closed since the spring, officials said after the talks ended late in the "
          "evening. Sign up for our newsletter to get the latest news. The two sides also promised to "
          "exchange prisoners before the end of the month and to set up a joint commission on water rights.")
APPEAL = ("Dear reader, independent journalism needs your support. Make a monthly contribution or subscribe "
          "today.")


@pytest.mark.parametrize("paragraph, label", [(REPORT, "prose"), (APPEAL, "furniture")], ids=["report", "appeal"])
def test_clean_appeal_is_judged_by_its_share_of_the_paragraph(paragraph, label):
    """A sign-up line pasted into a long paragraph of reporting leaves it prose; a short paragraph made of
    appeal words is furniture."""
    assert [p.label for p in paragraphs(paragraph, RULES)] == [label]


@pytest.mark.parametrize("glued, after", [
    ("Advertisement Continue reading the main story ", "Senator Ana Ruiz urged both sides to talk."),
    ("Facebook Twitter Pinterest ", "Senator Ana Ruiz urged both sides to talk."),
    ("Image copyright Reuters Image caption ", "Ana Ruiz spoke to the envoys in Vienna."),
    ("READ MORE: ", "Senator urges talks on the border dispute"),
    ("Story Continued Below ", "Speaking at a rally, Ana Ruiz urged both sides to talk."),
])
def test_clean_furniture_glued_into_a_paragraph_is_cut(glued, after):
    before = "The envoys of both countries met in Geneva on Friday to discuss a ceasefire. "
    text = before + glued + after
    spans = [text[s.start:s.end] for s in body_spans(text, None, RULES)]
    assert spans == [before.strip(), after]


def test_clean_furniture_words_in_prose_stay():
    text = "The envoys will continue reading the draft on Friday, and the advertisement ran twice."
    assert [text[s.start:s.end] for s in body_spans(text, None, RULES)] == [text]


@pytest.mark.parametrize("credit", ["REUTERS / Lena Marsh ", "AFP / Tomas K. Berg ",
                                    "Photograph: Lena Marsh for the Daily Courier ", "Photograph: Lena Marsh/EPA "])
def test_clean_unbracketed_photo_credit_is_cut(credit):
    """A photo credit with no brackets between a caption and the next sentence: the photographer is no
    actor, and the caption and the sentence are parsed apart."""
    caption = "A boy walks past a shelled school in the old town"
    after = "Inside the city, protesters gathered on Friday to demand an end to the siege."
    text = f"{caption} {credit}{after}"
    assert [text[s.start:s.end] for s in body_spans(text, None, RULES)] == [caption, after]


def test_clean_agency_and_slash_in_prose_stay():
    text = "Reporters from AP / Reuters and AFP covered the talks in Vienna on Friday."
    assert [text[s.start:s.end] for s in body_spans(text, None, RULES)] == [text]


@pytest.mark.parametrize("text", [
    "Senator Tom Reilly fired back with a statement. \"I am not ready to support Governor Lena Ortiz's agenda. "
    "Perhaps in the future, we can work together and come to an agreement about what is best for the state,\" "
    "Reilly said.",
    "The ministry said on Tuesday that it would review the platform's privacy policy after complaints from "
    "parents, and that the review would end before the election in March.",
])
def test_clean_furniture_words_in_a_long_paragraph_stay(text):
    assert [text[s.start:s.end] for s in body_spans(text, None, RULES)] == [text]
