"""nlp: a token's sentence, answered from the bounds indexed once per Doc, is the one spaCy's own walk
from the token finds, for every token of texts with a headline, several paragraphs and quotes."""
import pytest

from tests.support import extractor

TEXTS = [
    "Border Talks Resume\n\nThe two ministers met in Tallinn on Monday. They agreed to meet again.\n\n"
    "\"We will not give up,\" Ilves said. Talks resume in June.\n",
    "Farmers protested outside parliament.   Police said nobody was hurt!\n\nWhat happens next? Nobody knows.",
    "One paragraph with no full stop at its end",
]


@pytest.mark.parametrize("text", TEXTS)
def test_nlp_token_sentence_is_spacys_own(text):
    doc, _ = extractor().analyse(text)
    assert "sent" in doc.user_token_hooks
    for tok in doc:
        walked = doc[tok.i:tok.i + 1].sent  # Span.sent: spaCy's walk to the sentence starts around the token
        assert (tok.sent.start, tok.sent.end) == (walked.start, walked.end)
