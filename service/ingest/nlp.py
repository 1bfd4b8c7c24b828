"""spaCy over the article body, paragraph by paragraph, as one Doc whose offsets are the document's.

Each body paragraph is parsed on its own (so boilerplate or a neighbouring paragraph never confuses
the parser), then the pieces are joined with Doc.from_docs. The text parsed is an equal-length copy of
the document text with odd spaces made plain and everything outside the body blanked with spaces:
`token.idx` and `span.start_char` are therefore offsets into Document.text.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError
from ..model import Span
from .clean import normalized


@lru_cache(maxsize=2)
def load_model(name: str) -> Language:
    """The spaCy pipeline, loaded once per process."""
    try:
        return spacy.load(name)
    except OSError as err:
        raise ConfigError(f"spaCy model {name!r} is not installed: {err}") from None


def parse_text(text: str) -> str:
    """Kept only for clarity of the offsets contract: the equal-length copy that is parsed."""
    return normalized(text)


def pieces(text: str, body: list[Span]) -> list[str]:
    """The equal-length parse text cut into consecutive pieces: a leading gap, then each body paragraph
    with the (blanked) gap that follows it. Joined, they are exactly as long as `text`."""
    clean = list(normalized(text))
    inside = bytearray(len(text))
    for span in body:
        inside[span.start:span.end] = b"\x01" * (span.end - span.start)
    for i, ch in enumerate(clean):
        if not inside[i] and not ch.isspace():
            clean[i] = " "
    flat = "".join(clean)
    cuts = sorted({0, *(s.start for s in body), len(text)})
    return [flat[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def parse(items: list[tuple[str, list[Span]]], model: str, n_process: int = 1,
          batch_size: int = 64) -> list[Doc]:
    """One Doc per (text, body spans), parsing every paragraph of every document in one stream (so
    `n_process` > 1 keeps both cores busy across many documents)."""
    nlp = load_model(model)
    per_doc = [pieces(text, body) for text, body in items]
    flat = [p for ps in per_doc for p in ps]
    parsed = iter(nlp.pipe(flat, n_process=max(1, n_process), batch_size=batch_size))
    docs = []
    for (text, _), ps in zip(items, per_doc, strict=True):
        parts = [next(parsed) for _ in ps]
        doc = Doc.from_docs(parts, ensure_whitespace=False) if parts else nlp.make_doc("")
        assert len(doc.text) == len(text), "parse text must keep the document's offsets"
        docs.append(doc)
    return docs
