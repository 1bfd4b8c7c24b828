"""spaCy over the article body, paragraph by paragraph, as one Doc whose offsets are the document's.

Each body paragraph is parsed on its own (so boilerplate or a neighbouring paragraph never confuses
the parser; a paragraph longer than MAX_PIECE characters in parts), then the pieces are joined with
Doc.from_docs. The text parsed is an equal-length copy of the document text with odd spaces made
plain and everything outside the body blanked with spaces: `token.idx` and
`span.start_char` are therefore offsets into Document.text.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as Tokens

from ..model import Span
from .clean import normalized

_NOT_SPACE = re.compile(r"\S")
SENTENCES_KEY = "kgqa.sentences"  # doc.user_data: (start, end) of each token's sentence
PARSED_KEY = "kgqa_parsed"  # doc.user_data: the parse text (Doc.text would join every token again)
MAX_PIECE = 100_000  # characters parsed at once: spaCy refuses over max_length (1,000,000, error E088),
# and the parser's memory grows with the piece; a longer paragraph is parsed in parts


def pieces(text: str, body: list[Span]) -> list[str]:
    """The equal-length parse text cut into consecutive pieces: a leading gap, then each body paragraph
    with the (blanked) gap that follows it. Joined, they are exactly as long as `text`."""
    clean = normalized(text)
    parts, at = [], 0
    for start, end in _merged(body):  # outside the body every non-space character becomes a space
        parts += [_NOT_SPACE.sub(" ", clean[at:start]), clean[start:end]]
        at = max(at, end)
    flat = "".join([*parts, _NOT_SPACE.sub(" ", clean[at:])])
    cuts = sorted({0, *(s.start for s in body), len(text)})
    return [part for a, b in zip(cuts, cuts[1:], strict=False) if b > a for part in bounded(flat[a:b])]


def _merged(body: list[Span]) -> list[tuple[int, int]]:
    """Body spans sorted, overlapping ones merged."""
    out: list[list[int]] = []
    for span in sorted(body, key=lambda s: (s.start, s.end)):
        if span.end <= span.start:
            continue
        if out and span.start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], span.end)
        else:
            out.append([span.start, span.end])
    return [(a, b) for a, b in out]


def bounded(piece: str, limit: int = MAX_PIECE) -> list[str]:
    """A piece cut into consecutive parts of at most `limit` characters, each cut after the last line
    break, else sentence end, else space before the bound (a hard cut only in a text without any)."""
    parts = []
    while len(piece) > limit:
        window = piece[:limit]
        cut = max(window.rfind("\n"), window.rfind(". "), 0) or window.rfind(" ")
        cut = cut + 1 if cut > 0 else limit
        parts.append(piece[:cut])
        piece = piece[cut:]
    return [*parts, piece] if piece else parts


def parse(items: list[tuple[str, list[Span]]], nlp: Language, n_process: int = 1) -> list[Doc]:
    """One Doc per (text, body spans)."""
    return list(parse_stream(iter(items), nlp, n_process))


def parse_stream(items: Iterator[tuple[str, list[Span]]], nlp: Language, n_process: int = 1,
                 batch_size: int = 64) -> Iterator[Doc]:
    """One Doc per (text, body spans), lazily, in order. The paragraphs of every document flow through
    one nlp.pipe stream, so `n_process` > 1 starts its worker processes once and keeps both cores
    busy across many documents."""
    counts: deque[tuple[int, str]] = deque()  # (pieces, the parse text) per document, in order

    def flat() -> Iterator[str]:
        for text, body in items:
            ps = pieces(text, body)
            counts.append((len(ps), "".join(ps)))
            yield from ps

    parsed = nlp.pipe(flat(), n_process=max(1, n_process), batch_size=batch_size)
    buffer: list[Doc] = []
    for part in parsed:
        buffer.append(part)
        while counts and len(buffer) >= counts[0][0]:
            n, text = counts.popleft()
            parts, buffer = buffer[:n], buffer[n:]
            yield _join(nlp, parts, text)
    while counts:  # documents with no pieces at all (empty text)
        n, text = counts.popleft()
        yield _join(nlp, buffer[:n], text)
        buffer = buffer[n:]


def _join(nlp: Language, parts: list[Doc], text: str) -> Doc:
    """The parts as one Doc, its parse text kept (spaCy's tokens always rebuild their text exactly)."""
    doc = Doc.from_docs(parts, ensure_whitespace=False) if parts else nlp.make_doc("")
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # len(doc.text), without building it
    assert end == len(text), "the parse text must keep the document's offsets"
    doc.user_data[PARSED_KEY] = text
    index_sentences(doc)
    return doc


def index_sentences(doc: Doc) -> None:
    """Answer `token.sent` from a table of sentence bounds made once per Doc: spaCy walks from the
    token to both ends of its sentence on every call, and the rules ask for it often. The bounds are
    those spaCy's walk finds: from the last sentence start at or before the token (or the first token)
    to the next one (or the end)."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return
    flags = doc.to_array("SENT_START").tolist()
    starts = [0] + [i for i, flag in enumerate(flags) if flag == 1 and i > 0]
    table: list[tuple[int, int]] = []
    for start, end in zip(starts, [*starts[1:], len(doc)], strict=True):
        table += [(start, end)] * (end - start)
    doc.user_data[SENTENCES_KEY] = table
    doc.user_token_hooks["sent"] = _sentence


def _sentence(token) -> Tokens:
    start, end = token.doc.user_data[SENTENCES_KEY][token.i]  # no closure over the Doc: no cycle to collect
    return Tokens(token.doc, start, end)
