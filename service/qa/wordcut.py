"""A cut of the document word index (qa/docwords.py): the documents whose lower-cased text holds every
substring asked for, earliest first by (date of publication or "9999", identifier), as publishers.answers
reads reports, a page at a time so that a question needing the first fifty of thousands reads few.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterator

PAGE = 64  # documents of a cut read at a time, earliest first


class Stale(Exception):
    """The index changed (or went) while a question read it: the question scans instead."""


class Unordered(Exception):
    """A document of the cut has several dates or identifiers, or several texts: no order to trust."""


class Cut:
    """The documents holding every substring: earliest first by (date of publication or "9999",
    identifier), read a page at a time (iter), or all of them in no order (iris). Documents written in
    one build hold row numbers in that order; those added since (the tail, a few) are sorted here."""

    def __init__(self, index, match: str, checked: tuple, upto: int):
        self.index, self.match, self.checked, self.upto = index, match, checked, upto

    def __iter__(self) -> Iterator[tuple[str, tuple]]:
        tail = sorted(self._page("texts.rowid > ?", (self.upto,)), key=_key)
        yield from heapq.merge(self._head(), tail, key=_key)

    def iris(self) -> list[str]:
        return [iri for iri, _ in self._page("1", ())]

    def _head(self) -> Iterator[tuple[str, tuple]]:
        after = 0
        while True:
            page = self._page("texts.rowid > ? AND texts.rowid <= ? ORDER BY texts.rowid LIMIT ?",
                              (after, self.upto, PAGE), rowids=True)
            if not page:
                return
            after = page[-1][0]
            for _, iri, key in page:
                yield iri, key

    def _page(self, where: str, args: tuple, rowids: bool = False) -> list:
        rows = self.index.read(self.checked, self.match, where, args)
        out = [(n, iri, (pub or "9999", id_) if ordered else None) for n, iri, pub, id_, ordered in rows]
        return out if rowids else [(iri, key) for _, iri, key in out]


def _key(item: tuple[str, tuple | None]) -> tuple:
    if item[1] is None:
        raise Unordered
    return item[1]
