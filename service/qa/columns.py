"""Compact columns of strings for the name index: many short strings held as one UTF-8 buffer and an
array of offsets, not as one Python object each.

A Python str costs about 50 bytes beyond its characters and a dict per row a few hundred: at a million
facts the index's 55,528 documents (IRI, id, title, publisher) took 25 MB as dicts of strings, and a
string made of them all would widen every character to four bytes for one character outside Latin-1.
A row is decoded when it is read (a question reads a few).
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator


class Strings:
    """An immutable sequence of strings: `Strings(values)[i]` is `list(values)[i]`."""

    __slots__ = ("_data", "_ends")

    def __init__(self, values: Iterable[str] = ()):
        parts = [v.encode("utf-8", "surrogatepass") for v in values]
        self._data = b"".join(parts)
        ends, at = array("q"), 0
        for part in parts:
            at += len(part)
            ends.append(at)
        self._ends = ends

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: int) -> str:
        ends = self._ends
        if i < 0:
            i += len(ends)
        if not 0 <= i < len(ends):
            raise IndexError(i)
        return self._data[ends[i - 1] if i else 0:ends[i]].decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self._ends)))

    def __eq__(self, other) -> bool:
        return isinstance(other, Strings) and self._data == other._data and self._ends == other._ends

    def __getstate__(self):
        return self._data, self._ends

    def __setstate__(self, state) -> None:
        self._data, self._ends = state


class Table:
    """Rows of named string fields, kept by column (Strings); a row is read as a dict."""

    __slots__ = ("fields", "_columns")

    def __init__(self, fields: tuple[str, ...], rows: Iterable[tuple[str, ...]] = ()):
        self.fields = fields
        listed = list(rows)
        self._columns = tuple(Strings(row[k] for row in listed) for k in range(len(fields)))

    def __len__(self) -> int:
        return len(self._columns[0]) if self._columns else 0

    def __getitem__(self, i: int) -> dict[str, str]:
        return {name: column[i] for name, column in zip(self.fields, self._columns, strict=True)}

    def __iter__(self) -> Iterator[dict[str, str]]:
        return (self[i] for i in range(len(self)))

    def column(self, name: str) -> Strings:
        return self._columns[self.fields.index(name)]

    def __getstate__(self):
        return self.fields, self._columns

    def __setstate__(self, state) -> None:
        self.fields, self._columns = state
