"""Which outlet reported something ("which news agency reported the ceasefire?"): the documents whose text
holds every word the question gives of it, each answered by its publisher and quoted at the passage (a
line or sentence) that holds most of those words. The graph knows each document's publisher; the writer
of a report is its outlet, whoever it quotes.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from pyoxigraph import Literal

from .cards import MAX_ANSWERS
from .facts import values
from .wordcut import Cut, Stale, Unordered
from .wording import same_word, stem, tokens

# a passage: a line, or a sentence of one (its end: . ! or ? before a space and a capital or a quote)
_PASSAGE = re.compile(r"[^\n]+?(?:[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9])|$)", re.M)


def word_binding(words: list[str]) -> dict:
    """The template's parameter: the longest stem of the question's words (the rarest, most likely), lower
    case, for the engine's first cut; every other word is checked here."""
    stems = sorted((stem(w) for w in words), key=lambda s: (-len(s), s))
    return {"word": Literal(stems[0])} if stems else {}


CHUNK = MAX_ANSWERS + 14  # documents of the word index's cut read in one query, earliest first


def run(store, template, bindings: dict, words: list[str], link_root: str, doc_words=None) -> tuple[list[dict], str]:
    """The answers and the query shown (the plain one, whatever ran). With the store's document word
    index (qa/docwords.py) current, only the documents holding every word are read, earliest first, a
    chunk at a time until answers() stops; else the engine tests every text."""
    query, shown = template.prepare(store, bindings)
    cut = doc_words.documents([stem(w) for w in words]) if doc_words is not None and bindings else None
    if cut is not None:
        try:
            try:
                return answers(_in_order(store, query, bindings, cut), words, link_root, ordered=True), shown
            except Unordered:  # read them all, as the plain path sorts them
                return answers(_rows(store, query, bindings, cut.iris()), words, link_root), shown
        except Stale:  # the index changed meanwhile: every text
            pass
    return answers(store.select(query, bindings), words, link_root), shown


def _rows(store, query: str, bindings: dict, iris: list[str]) -> list[dict]:
    """The query's rows for these documents only (their IRIs as a VALUES block inside the document's graph)."""
    if not iris:
        return []
    head, brace, body = query.partition("WHERE {")
    graph, inner, rest = body.partition("{")  # within_one_document: GRAPH ?kgqaDocument { ... }
    if not brace or "GRAPH" not in graph:
        raise ValueError("the publishers query reads one document's graph")
    return store.select(f"{head}{brace}{graph}{inner}\n  {values(iris, 'doc')}{rest}", bindings)


def _in_order(store, query: str, bindings: dict, cut: Cut) -> Iterator[dict]:
    """The cut's rows earliest first (as answers() sorts them), read CHUNK documents at a time; Unordered
    when a row's date or identifier is not the index's, or two rows share them (the engine's order of
    such rows decides on the plain path, which no chunking keeps)."""
    last, docs = None, iter(cut)
    while chunk := dict(itertools.islice(docs, CHUNK)):
        rows = sorted(_rows(store, query, bindings, list(chunk)), key=_when)
        for row in rows:
            key = _when(row)
            if key != chunk.get(row["doc"].value) or (last is not None and key <= last):
                raise Unordered
            last = key
        yield from rows


def answers(rows: Iterable[dict], words: list[str], link_root: str, *, ordered: bool = False) -> list[dict]:
    """One answer per document holding every word (a word's stem begins one of its tokens), the best
    passage first: most of the words in one passage, then the earliest report. ordered: the rows come
    earliest first already (read as needed)."""
    stems = [stem(w) for w in words]
    found, full = [], 0
    for row in rows if ordered else sorted(rows, key=_when):  # earliest first: once MAX_ANSWERS hold every
        # word, no later one ranks above
        if full >= MAX_ANSWERS:
            break
        text = row["text"].value
        lower = text.lower()  # a word's stem stands in the text wherever one of its tokens holds it: cut first
        if not all(s in lower for s in stems):
            continue
        held = set(tokens(text))
        if not all(any(same_word(t, s) for t in held) for s in stems):
            continue
        passage, count = _best_passage(text, stems)
        found.append((row, passage, count))
        full += count == len(stems)
    found.sort(key=lambda f: (-f[2], *_when(f[0])))
    return [_answer(row, passage, count / len(stems), link_root) for row, passage, count in found[:MAX_ANSWERS]]


def _when(row: dict) -> tuple[str, str]:
    return row["published"].value if "published" in row else "9999", row["id"].value


def _best_passage(text: str, stems: list[str]) -> tuple[re.Match, int]:
    best, most = None, -1
    for m in _PASSAGE.finditer(text):
        lower = m.group(0).lower()  # a token holding a stem: the stem stands in the passage (else none does)
        held = [s for s in stems if s in lower]
        toks = tokens(m.group(0)) if held else ()
        n = sum(any(same_word(t, s) for t in toks) for s in held)
        if n > most:
            best, most = m, n
    return best, most


def _answer(row: dict, passage: re.Match, share: float, link_root: str) -> dict:
    value = {n: row[n].value if n in row else None for n in ("id", "title", "url", "publisher", "published")}
    doc, title, publisher = row["doc"].value, value["title"] or value["id"], value["publisher"]
    start, end = passage.span()
    quote = passage.group(0)
    start += len(quote) - len(quote.lstrip())
    end -= len(quote) - len(quote.rstrip())
    said = f"{publisher} reported it" if publisher else "A report with no publisher named tells it"
    when = f" ({value['published']})" if value["published"] else ""
    source = {"id": value["id"], "iri": doc, "title": value["title"], "url": value["url"], "publisher": publisher,
              "published": value["published"]}
    return {"text": f"{said}: \u201c{title}\u201d{when}.", "fact": doc,
            "values": {"source": {"iri": doc, "label": title}, "publisher": publisher},
            "confidence": round(share, 2),
            "provenance": [{"source": source, "quote": row["text"].value[start:end], "start": start, "end": end,
                            "link": f"{link_root}sources/{value['id']}#char={start},{end}"}]}
