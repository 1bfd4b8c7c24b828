"""ingest.columns: the tokens found from the Doc's arrays are those whose own attributes match, and the
quote masks built from quote marks and line breaks alone are the per-token readings, on texts with
headlines, paragraphs, curly, straight and doubled quotes (invented text)."""
import pytest

from service.ingest import antecedents, columns
from service.ingest.facts import spans
from tests.support import extractor

TEXTS = [
    "Border Talks Resume\n\nThe two ministers met in Tallinn on Monday. They agreed to meet again.\n\n"
    "\u201cWe will not give up,\u201d Ilves said. \u201cAnd we will\n\nnot wait.\u201d Talks resume in June.\n",
    "Farmers protested outside parliament.   Police said \"nobody was hurt\"!\n\n\"What happens next?\" "
    "Nobody knows. ``Later,'' she said, \u2018maybe\u2019.",
    "\"An open quote that never closes\n\nand a new paragraph \"with one more",
    "One paragraph with no full stop at its end",
]
ATTRS = [("text", "text"), ("lower", "lower_"), ("pos", "pos_"), ("dep", "dep_"), ("ent_type", "ent_type_"),
         ("lemma", "lemma_"), ("tag", "tag_")]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("name,attr", ATTRS)
def test_ingest_columns_where_finds_the_tokens_with_that_value(text, name, attr):
    doc, _ = extractor().analyse(text)
    values = sorted({getattr(t, attr) for t in doc})
    for some in (tuple(values[::2]), tuple(values[1::2]), ('"', "\u201c")):
        assert columns.where(doc, name, some) == [t.i for t in doc if getattr(t, attr) in some]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("name,attr", ATTRS)
def test_ingest_columns_matching_finds_the_tokens_whose_value_passes(text, name, attr):
    doc, _ = extractor().analyse(text)
    for test in (str.istitle, lambda value: value.lower() in ("the", "said", "they", "noun", "nns")):
        assert columns.matching(doc, name, test) == [t.i for t in doc if test(getattr(t, attr))]


@pytest.mark.parametrize("text", TEXTS)
def test_ingest_columns_holding_finds_line_breaks(text):
    doc, _ = extractor().analyse(text)
    assert columns.holding(doc, "\n") == [t.i for t in doc if "\n" in t.text]


def _inside_quote(doc) -> list[bool]:  # spans.inside_quote as one reading per token
    mask, depth = [], 0
    for t in doc:
        depth = 0 if "\n" in t.text else depth
        if t.text in ("\u201c", "``"):
            depth += 1
        elif t.text in ("\u201d", "''"):
            depth = max(0, depth - 1)
        elif t.text == '"':
            depth = depth - 1 if depth else 1
        mask.append(depth > 0 and t.text not in ("\u201c", "``", '"'))
    return mask


def _quoted(doc) -> list[bool]:  # antecedents.quoted as one reading per token
    mask, curly, straight, doubled = [], 0, False, False
    for t in doc:
        if "\n" in t.text:
            curly, straight, doubled = 0, False, False
        if t.text in ("\u201c", "``"):
            curly += 1
        elif t.text == "\u201d":
            curly = max(0, curly - 1)
        elif t.text == '"':
            straight = not straight
        elif t.text == "''":
            doubled = not doubled
        else:
            mask.append(curly > 0 or straight or doubled)
            continue
        mask.append(False)
    return mask


def _counts(doc) -> tuple[list[int], ...]:  # spans._quote_counts as one reading per token
    out = ([0], [0], [0])
    for t in doc:
        for marks, tests in zip(out, (t.text in "\u201c\u2018", t.text in "\u201d\u2019", t.text == '"'), strict=True):
            marks.append(marks[-1] + tests)
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_ingest_columns_quote_masks_are_the_per_token_readings(text):
    doc, _ = extractor().analyse(text)
    assert [spans.inside_quote(t) for t in doc] == _inside_quote(doc)
    assert antecedents._quoted(doc) == _quoted(doc)
    assert spans._quote_counts(doc) == _counts(doc)


@pytest.mark.parametrize("text", TEXTS)
def test_ingest_columns_between_is_where_within_each_sentence(text):
    doc, _ = extractor().analyse(text)
    for sent in doc.sents:
        assert columns.between(doc, "pos", ("VERB", "NOUN"), sent.start, sent.end) == [
            t.i for t in sent if t.pos_ in ("VERB", "NOUN")]
