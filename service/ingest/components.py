"""The model's rule-based components run by table lookup: the same annotation at a fraction of the cost.

The attribute_ruler: spaCy's AttributeRuler runs every pattern of the model (179 in en_core_web_sm: the tag map, one
pattern per tag, and its exceptions) through a Matcher at every token; that was about a tenth of the
spaCy pipeline's time (docs/performance.md). Its patterns are short fixed sequences of tokens tested
for TAG, LOWER, DEP or IS_SPACE (equal to, in, not in, regular expression): here each pattern is tried
only at the tokens whose value for one of its equality tests it names, found through a dict; a key
with any other kind of pattern stays with a Matcher. The component itself is unchanged: its
`set_annotations` applies the matches, deduplicated and sorted exactly as its own `match` returns
them, so every token gets the same POS, MORPH and LEMMA.

The lemmatizer (rule mode): a token's lemma depends only on its ORTH, POS and MORPH (spaCy's own cache
key), so each distinct triple is lemmatized once by the component and its lemma written for every
token with one column write, instead of a Python call per token.
"""
from __future__ import annotations

import re
from collections import defaultdict

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]  # the columns of Doc.to_array read per token
_NAMES = ["TAG", "LOWER", "DEP", "IS_SPACE"]
_INDEX_ORDER = ["LOWER", "TAG", "DEP", "IS_SPACE"]  # the most selective equality test is the index
KNOWN_LIMIT = 200_000  # distinct (TAG, LOWER, DEP, IS_SPACE) kept with their one-token matches


class _Regex:
    """A REGEX test on a string attribute, its answer kept per string (a missing value is "", as
    the Matcher reads it)."""

    def __init__(self, pattern: str, strings):
        self.regex, self.strings, self.seen = re.compile(pattern), strings, {}

    def __contains__(self, value: int) -> bool:
        hit = self.seen.get(value)
        if hit is None:
            hit = self.seen[value] = bool(self.regex.search(self.strings[value]))
        return hit


class _Not:
    """A NOT_IN test: every value but these."""

    def __init__(self, values: frozenset):
        self.values = values

    def __contains__(self, value: int) -> bool:
        return value not in self.values


def _test(strings, name: str, value):
    """(is an equality test, the values it accepts as a container) or None if not supported."""
    if name not in _NAMES:
        return None
    op, values = ("=", [value]) if not isinstance(value, dict) else next(iter(value.items()), (None, None))
    if (isinstance(value, dict) and len(value) != 1) or op not in ("=", "IN", "NOT_IN", "REGEX"):
        return None
    if op == "REGEX":
        return (False, _Regex(values, strings)) if isinstance(values, str) and name != "IS_SPACE" else None
    if not isinstance(values, list):
        return None
    if name == "IS_SPACE":
        if not all(isinstance(v, bool) for v in values):
            return None
        hashes = frozenset(int(v) for v in values)
    elif all(isinstance(v, str) for v in values):
        hashes = frozenset(strings.add(v) for v in values)
    else:
        return None
    return (op != "NOT_IN", hashes if op != "NOT_IN" else _Not(hashes))


class RuleIndex:
    """The matches of an AttributeRuler's patterns in a Doc, as its `match` returns them."""

    def __init__(self, ruler):
        strings = ruler.vocab.strings
        self.rest = Matcher(ruler.vocab, validate=False)  # keys with a pattern this cannot read
        self.index: dict[tuple[int, int], list] = defaultdict(list)  # (column, value) -> one-token rules
        self.scan: list = []  # one-token rules without an equality test: tried at every token
        self.index_long: dict[tuple[int, int], list] = defaultdict(list)  # the same for longer rules
        self.scan_long: list = []
        self.known: dict[tuple, list] = {}  # a token's values -> its one-token matches (attr_id, m_id)
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            _, patterns = ruler.matcher.get(key)
            rules = [self._rule(strings, attr_id, strings[key], p) for p in patterns]
            if not rules or None in rules:
                self.rest.add(key, patterns)
                continue
            for where, rule in rules:
                index, scan = (self.index, self.scan) if rule[2] == 1 else (self.index_long, self.scan_long)
                if where is None:
                    scan.append(rule)
                for entry in where or ():
                    index[entry].append(rule)

    @staticmethod
    def _rule(strings, attr_id: int, m_id: int, pattern: list):
        """(index entry or None, (attr_id, m_id, tests per token)) or None if not supported."""
        tokens = []
        for spec in pattern:
            if not spec or not isinstance(spec, dict):
                return None
            tests = {name: _test(strings, name, value) for name, value in spec.items()}
            if None in tests.values():
                return None
            tokens.append(tests)
        first = next((n for n in _INDEX_ORDER if n in tokens[0] and tokens[0][n][0]), None)
        where, checks = None, []
        for k, tests in enumerate(tokens):
            for name, (_, accepts) in tests.items():
                if k == 0 and name == first:
                    where = [(_NAMES.index(name), v) for v in accepts]
                else:
                    checks.append((k, _NAMES.index(name), accepts))
        return where, (attr_id, m_id, len(tokens), tuple(checks))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings = doc.vocab.strings
        found = {(int(strings[m_id]), m_id, s, e)
                 for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)} if len(self.rest) else set()
        rows = doc.to_array(_COLUMNS).tolist()
        n, known, index, scan = len(rows), self.known, self.index_long, self.scan_long
        columns = sorted({c for c, _ in index})
        if len(known) > KNOWN_LIMIT:  # a long-running process meets ever new words
            known.clear()
        for i, row in enumerate(rows):
            key = tuple(row)
            ones = known.get(key)
            if ones is None:
                ones = known[key] = self._one_token(row)
            for attr_id, m_id in ones:
                found.add((attr_id, m_id, i, i + 1))
            for candidates in (*(index.get((c, row[c])) for c in columns), scan):
                for attr_id, m_id, length, checks in candidates or ():
                    if i + length <= n and all(rows[i + k][c] in accepts for k, c, accepts in checks):
                        found.add((attr_id, m_id, i, i + length))
        return sorted(found)

    def _one_token(self, row: list) -> list[tuple[int, int]]:
        """The one-token rules a token with these values matches."""
        index = self.index
        return [(attr_id, m_id)
                for candidates in (index.get((0, row[0])), index.get((1, row[1])), index.get((2, row[2])),
                                   index.get((3, row[3])), self.scan)
                for attr_id, m_id, _, checks in candidates or ()
                if all(row[c] in accepts for _, c, accepts in checks)]


class LemmaTable:
    """A rule-mode Lemmatizer's `pipe`: each (ORTH, POS, MORPH) lemmatized once by the component."""

    def __init__(self, lemmatizer):
        self.lemmatizer, self.known = lemmatizer, {}

    def __call__(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self.annotate(doc)

    def annotate(self, doc: Doc) -> Doc:
        lem, known, strings = self.lemmatizer, self.known, doc.vocab.strings
        if not lem._validated:
            lem._validate_tables(Errors.E1004)
        overwrite, lemmas = lem.overwrite, []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if overwrite or lemma == 0:
                lemma = known.get((orth, pos, morph))
                if lemma is None:
                    lemma = known[(orth, pos, morph)] = strings.add(lem.lemmatize(doc[i])[0])
            lemmas.append(lemma)
        if lemmas:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        return doc


def install(nlp: Language) -> None:
    """Let the pipeline's attribute_ruler find its matches through a RuleIndex, and its rule-mode
    lemmatizer run through a LemmaTable (in nlp.pipe; a component the model lacks is left alone)."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.match = RuleIndex(ruler)
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            lemmatizer.pipe = LemmaTable(lemmatizer)
