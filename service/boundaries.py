"""Sentence starts the parser misses, set before it parses: a quote opening after an abbreviation that
ends a sentence ('... after 9 p.m. "If this happens, ..." Ruiz said.'). Left to the parser, the two
sentences become one and the quote's speaker takes the sentence before as part of its words."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

OPENING = ('"', "“", "``")
NAME = "kgqa_quote_starts"


def ends_sentence(token) -> bool:
    """An abbreviation that can close a sentence: lower-case ("p.m.", "etc.") or dotted capitals
    ("U.S."), never a title ("Gen.", "Sen.": 'Gen. "Mad Dog" Mattis' is a nickname)."""
    text = token.text
    return len(text) > 1 and text.endswith(".") and (text[0].islower() or text.count(".") > 1)


@Language.component(NAME)
def quote_starts(doc: Doc) -> Doc:
    """A quote mark after such an abbreviation and a space, opening on a capital, starts a sentence."""
    for i in range(len(doc) - 2):
        token = doc[i]
        if token.whitespace_ and doc[i + 1].text in OPENING and doc[i + 2].text[:1].isupper() \
                and ends_sentence(token):
            doc[i + 1].is_sent_start = True
    return doc


def add_to(nlp: Language) -> Language:
    """The pipeline with the quote starts set before its parser (unchanged without a parser)."""
    if "parser" in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
    return nlp
