"""nlp: the parse text kept with each Doc when its pieces are joined is exactly the text spaCy's tokens
spell (Doc.text), for texts with a headline, blanked furniture, odd spaces and several paragraphs."""
import pytest

from service.ingest.facts.spans import parsed_text
from service.ingest.nlp import PARSED_KEY
from tests.support import extractor

TEXTS = [
    "Border Talks Resume\n\nThe two ministers met in Tallinn on Monday. They agreed to meet again.\n\n"
    "\"We will not give up,\" Ilves said.\u00a0Talks resume in June.\n",
    "Advertisement\n\nFarmers protested outside parliament.   Police said nobody was hurt!\n\n"
    "Subscribe to our newsletter\n\nWhat happens next? Nobody knows.",
    "One paragraph with no full stop at its end",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_nlp_parsed_text_is_the_docs_own(text):
    doc, _ = extractor().analyse(text)
    assert doc.user_data[PARSED_KEY] == doc.text
    assert parsed_text(doc) == doc.text and len(parsed_text(doc)) == len(text)
