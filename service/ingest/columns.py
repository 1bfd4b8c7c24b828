"""Which tokens of a Doc have a given text, lower-case form, part of speech, dependency or entity type,
found from the Doc's own arrays (`Doc.to_array`, read once per Doc and attribute).

A scan of the whole document (quote marks, "of" before a country, proper nouns an apposition calls a
body) asks these first and makes a spaCy Token only where they pass: `for t in doc` makes a Token
object per token, and each string attribute read from it is a further lookup (docs/ingest-speed.md).
A value is compared by its id in the vocabulary's string store, which is what the arrays hold.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection

from spacy.attrs import DEP, ENT_TYPE, IDX, LEMMA, LOWER, ORTH, POS, TAG

from .nlp import PARSED_KEY

KEY = "kgqa_columns"  # doc.user_data: attribute name -> its id for every token, in order
ATTRS = {"text": ORTH, "lower": LOWER, "pos": POS, "dep": DEP, "ent_type": ENT_TYPE, "idx": IDX, "lemma": LEMMA,
         "tag": TAG}
# attributes of few distinct values: their tokens are indexed by value once per Doc (positions); the
# others (words, lemmas) are scanned per query, which makes no list per distinct value
FEW = ("pos", "dep", "tag", "ent_type")


def ids(doc, name: str) -> list[int]:
    """The `name` attribute (ATTRS) of every token of the Doc, as string-store ids (`idx`: offsets)."""
    memo = doc.user_data.get(KEY)
    if memo is None:
        memo = doc.user_data[KEY] = {}
    values = memo.get(name)
    if values is None:
        values = memo[name] = doc.to_array(ATTRS[name]).tolist() if len(doc) else []
    return values


def where(doc, name: str, values: Collection[str]) -> list[int]:
    """Indices of the tokens whose `name` attribute (`t.text`, `t.lower_`, `t.pos_`, `t.dep_`,
    `t.ent_type_`) is one of `values` (a tuple or frozenset: the answer is kept per Doc), in order."""
    memo = doc.user_data.get(KEY)
    if memo is None:
        memo = doc.user_data[KEY] = {}
    found = memo.get((name, values))
    if found is None:
        strings = doc.vocab.strings
        wanted = {strings[v] for v in values}
        if name in FEW:
            by_value = positions(doc, name)
            lists = [by_value[h] for h in wanted if h in by_value]
            found = lists[0] if len(lists) == 1 else sorted(i for some in lists for i in some)
        else:
            found = _indices(ids(doc, name), wanted)
        memo[name, values] = found
    return found


def positions(doc, name: str) -> dict[int, list[int]]:
    """For each value id of the `name` attribute (one of FEW) in the Doc, the indices of its tokens in
    order: one pass per Doc and attribute, where a pass per query would read every token again."""
    memo = doc.user_data.get(KEY)
    if memo is None:
        memo = doc.user_data[KEY] = {}
    found = memo.get(("positions", name))
    if found is None:
        found = memo["positions", name] = {}
        for i, h in enumerate(ids(doc, name)):
            at = found.get(h)
            if at is None:
                found[h] = [i]
            else:
                at.append(i)
    return found


def matching(doc, name: str, test: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens whose `name` attribute, as a string, passes `test`, in order: the test is
    asked once per distinct value (not kept per Doc: a test is no key)."""
    strings, values = doc.vocab.strings, ids(doc, name)
    if name in FEW:
        lists = [at for h, at in positions(doc, name).items() if test(strings[h])]
        return lists[0] if len(lists) == 1 else sorted(i for some in lists for i in some)
    return _indices(values, {h for h in set(values) if test(strings[h])})


def _indices(values: list[int], wanted: set[int]) -> list[int]:
    """Where the values of `wanted` stand in `values`, in order: the few present found by list.index
    (the scans run in C; most wanted words are absent from a Doc or rare in it)."""
    found: list[int] = []
    for h in wanted.intersection(values):
        i = values.index(h)
        while i >= 0:
            found.append(i)
            try:
                i = values.index(h, i + 1)
            except ValueError:
                i = -1
    return sorted(found)


def between(doc, name: str, values: Collection[str], start: int, end: int) -> list[int]:
    """where() within the token range [start, end)."""
    found = where(doc, name, values)
    return found[bisect_left(found, start):bisect_left(found, end)]


def holding(doc, char: str) -> list[int]:
    """Indices of the tokens whose text holds `char` (a line break: space tokens), in order: found in the
    parse text, where every character that is not a token's is a one-space gap after one."""
    text = doc.user_data.get(PARSED_KEY)
    text = doc.text if text is None else text
    starts, out = ids(doc, "idx"), []
    at = text.find(char)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < starts[i] + len(doc[i]) and (not out or out[-1] != i):
            out.append(i)
        at = text.find(char, at + 1)
    return out


def substrings(text: str) -> frozenset[str]:
    """Every non-empty piece of `text`: the token texts that `t.text in text` is true of."""
    return frozenset(text[a:b] for a in range(len(text)) for b in range(a + 1, len(text) + 1))
