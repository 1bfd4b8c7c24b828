"""The documents of one version of the graph as the name index holds them: each one's IRI, id, title,
publisher, URL and date, kept by column (columns.Table), so that the sources of the facts an answer
loads are read here rather than from the store at every question (6-11 ms of a question at 100 k facts).

`named(text)` is the document a question names by its title, id or publisher (fuzzy). `described(iri)`
gives what facts.load's query of the document would give (one description a row of it); it gives None,
and the query runs, for a document the index does not hold and for one with several ids, titles, URLs,
publishers or dates (whose rows the engine orders its own way).
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from hashlib import blake2b

from ..memory import trim
from . import fuzzy
from .columns import Table
from .spelling import normalize

NAMED = ("iri", "id", "title", "publisher")  # what a question naming a source reads (linking.Index.source)
OPTIONAL = ("title", "url", "publisher", "published")  # absent from some documents: a bit each in `_present`
FIELDS = (*NAMED, "url", "published")


class Documents:
    """Rows of (iri, id, title, url, publisher, published), None where the graph has no value."""

    __slots__ = ("_table", "_present", "_by_iri", "_names")

    def __init__(self, rows: Iterable[tuple[str, str, str | None, str | None, str | None, str | None]]):
        listed = [dict(zip(("iri", "id", *OPTIONAL), row, strict=True)) for row in rows]
        self._table = Table(FIELDS, ((*(r[n] or "" for n in NAMED), r["url"] or "", r["published"] or "")
                                     for r in listed))
        self._present = array("B", (sum(1 << k for k, n in enumerate(OPTIONAL) if r[n] is not None) for r in listed))
        # row positions in the order of a hash of their IRIs (then their own), beside those hashes: a
        # document's rows are found by bisecting integers (decoding IRIs to compare them cost 50 us a look-up)
        keys = sorted((_hash(r["iri"]), i) for i, r in enumerate(listed))
        self._by_iri = (array("q", (h for h, _ in keys)), array("i", (i for _, i in keys)))
        self._names: tuple[fuzzy.Names, array] | None = None  # made by prepare()

    def __len__(self) -> int:
        return len(self._table)

    def __getitem__(self, i: int) -> dict[str, str]:
        """Row i as the name index's look-ups read it: iri, id, title and publisher ("" when absent)."""
        row = self._table[i]
        return {n: row[n] for n in NAMED}

    def __iter__(self) -> Iterator[dict[str, str]]:
        return (self[i] for i in range(len(self)))

    def described(self, iri: str) -> list[dict] | None:
        """The document's description (id, iri, title, url, publisher, published: None when absent) as a
        one-item list, or None when it is not held here or has more than one."""
        hashes, at = self._by_iri
        key = _hash(iri)
        lo, iris = bisect_left(hashes, key), self._table.column("iri")
        rows = []
        while lo < len(hashes) and hashes[lo] == key:  # the same hash: almost always the one document
            if iris[at[lo]] == iri:
                rows.append(at[lo])
            lo += 1
        if len(rows) != 1:
            return None
        row, present = self._table[rows[0]], self._present[rows[0]]
        return [{"id": row["id"], "iri": iri,
                 **{name: row[name] if present >> k & 1 else None for k, name in enumerate(OPTIONAL)}}]

    def named(self, text: str) -> dict[str, str] | None:
        """The document named by title, id or publisher (fuzzy), as __getitem__ gives it."""
        name = normalize(text)
        name = re.sub(r"^(?:article|source|story|piece|report)\s+|\s+(?:article|source|story|piece|report)$",
                      "", name).strip(" '\"")
        if not name:
            return None
        names, first = self.prepare()
        at = names.find(name)  # most names are given exactly: no fuzzy pass over every title
        if at is not None:
            return self[first[at]]
        hit = names.best(name, 85)  # WRatio over the names that can reach 85, not every one
        return self[first[names.find(hit[0])]] if hit else None

    def prepare(self) -> tuple[fuzzy.Names, array]:
        """The documents' titles, ids and publishers normalized, each name once (a publisher of thousands
        of documents too), and each name's first document: made once, at the first question naming one."""
        if self._names is None:
            exact: dict[str, int] = {}
            for i, doc in enumerate(self):
                for value in (doc["title"], doc["id"].replace("-", " "), doc["publisher"]):
                    if value:
                        exact.setdefault(normalize(value), i)
            self._names = (fuzzy.Names(list(exact)), array("i", exact.values()))
            del exact
            trim()  # the dict and its strings were the largest of the index while built
        return self._names

    def __getstate__(self):
        return self._table, self._present, self._by_iri, self._names

    def __setstate__(self, state) -> None:
        self._table, self._present, self._by_iri, self._names = state


def _hash(iri: str) -> int:
    """A hash of the IRI that is the same in every process (the index may be built in another one)."""
    return int.from_bytes(blake2b(iri.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little", signed=True)
