"""The check every user query passes before anything runs: its form, and no update, no SERVICE.

pyoxigraph executes SERVICE for real (an outbound HTTP request: an SSRF hole) and cannot be told not
to, and rdflib's parser cannot read RDF 1.2 syntax, so the check is a tokenizer that reads the query
the way the engine does: strings, IRIs and comments are skipped exactly as the SPARQL grammar defines
them, and a keyword counts wherever it stands (inside OPTIONAL, subqueries, lower case, SILENT).

Measured on pyoxigraph 0.5.13, and why the rules are broader than "the token SERVICE":
- the engine does not look for a word boundary after a keyword: `SERVICESILENT <x> {}`,
  `?s ?p trueSERVICE <x> {}` and `1.5SERVICE` all reach the network. So any bare word, prefix name
  or language tag that *contains* "service" is refused (no legitimate keyword contains it);
- inside an expression, `<` after an operand is the less-than operator, while the same text can also
  read as an IRI: `FILTER(?a<?b)SERVICE#>` hides a SERVICE from a naive lexer. Where both readings
  are possible and they would diverge (the IRI-looking text holds a comment mark, a quote, a bracket
  or "service"), the query is refused as ambiguous;
- `\\uXXXX` escapes are checked a second time in decoded form (the SPARQL spec allows them anywhere,
  even though this engine only decodes them inside IRIs and strings).

The engine's parser recurses once per level of nesting and overflows its stack a few thousand levels
deep (a segmentation fault: the whole process dies). So nesting is bounded here, before any engine,
embedded or remote, sees the query: groups, sub-selects, parentheses, blank-node brackets, quoted
triples and runs of prefix operators (`!`, `^` in paths, unary signs) count together, up to MAX_DEPTH.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import QuerySyntaxError, QueryTooComplex, ServiceRefused, UpdateRefused
from .light import is_light
from .tokens import Token, is_operand, tokens

MAX_DEPTH = 100  # deepest nesting accepted; real queries stay under 20
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class QueryInfo:
    """What the endpoint needs to know about a query before running it."""

    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    has_dataset: bool  # FROM / FROM NAMED clauses: the query names its own dataset
    prefixes: tuple[tuple[str, str], ...] = ()  # the prologue's PREFIX declarations (absolute IRIs)
    light: int = 0  # a light query's most rows (its LIMIT; 1 for ASK), 0 for any other (see light.is_light)

    @property
    def is_graph(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")


def _refuse_service(toks: list[Token]) -> None:
    for token in toks:
        text = token.text
        if token.kind == "pname":
            text = text.split(":", 1)[0]  # the prefix; a local name (ex:Service) is data
        elif token.kind not in ("word", "langtag", "bnode"):
            continue
        if "service" in text.lower():
            raise ServiceRefused(
                "SERVICE (federated query) is refused: this endpoint makes no outbound requests"
                + ("" if text.upper() == "SERVICE" else f" (found in {token.text!r} at character {token.start})"))


_OPENS = frozenset({"{", "(", "[", "<<", "{|"})
_CLOSES = frozenset({"}", ")", "]", ">>", "|}"})
_PREFIX_OPS = frozenset({"!", "^", "-", "+"})


def _refuse_deep(toks: list[Token]) -> None:
    """QueryTooComplex past MAX_DEPTH levels of nesting (module docstring). A run of prefix operators
    counts one level per operator, as the engine's parser recurses on each."""
    levels: list[int] = []  # per open bracket: 1, plus the prefix operators just before it
    depth = run = 0
    prev = None
    for token in toks:
        text = token.text
        if text in _OPENS:
            levels.append(run + 1)
            depth, run = depth + run + 1, 0
        elif text in _CLOSES:
            depth, run = depth - (levels.pop() if levels else 0), 0
        elif token.kind == "punct" and text in _PREFIX_OPS and (prev is None or not is_operand(prev)):
            run += 1  # `!`, `^`, or a sign with no operand before it: a prefix operator
        else:
            run = 0
        if depth + run > MAX_DEPTH:
            raise QueryTooComplex(
                f"the query nests deeper than {MAX_DEPTH} levels (groups, sub-selects, parentheses and "
                f"paths together) at character {token.start}; flatten it", details={"max_depth": MAX_DEPTH})
        prev = token


def _decoded(query: str) -> str:
    def char(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except ValueError:
            return m.group()
    return _ESCAPE.sub(char, query)


CACHED_CHARS = 4096  # queries up to this long are remembered (CACHE_SIZE of them: at most 2 MB)
CACHE_SIZE = 512


def inspect(query: str) -> QueryInfo:
    """The query's form, or the domain error that refuses it: UpdateRefused (403), ServiceRefused
    (403), QuerySyntaxError (400) when no query form can be found. Runs nothing. A short query's
    verdict is remembered (clients repeat the same texts); a refusal is not, it is found again."""
    if len(query) <= CACHED_CHARS:
        return _remembered(query)
    return _inspect(query)


@lru_cache(maxsize=CACHE_SIZE)
def _remembered(query: str) -> QueryInfo:
    return _inspect(query)


def _inspect(query: str) -> QueryInfo:
    if not query or not query.strip():
        raise QuerySyntaxError("empty query: send a SPARQL query in the 'query' parameter")
    toks = tokens(query)
    _refuse_deep(toks)
    _refuse_service(toks)
    if "\\u" in query or "\\U" in query:
        _refuse_service(tokens(_decoded(query)))
    words = [t.text.upper() for t in toks if t.kind == "word"]
    updates = sorted(UPDATES.intersection(words))
    if updates:
        raise UpdateRefused(f"this endpoint is read-only: SPARQL Update ({updates[0]}) is refused")
    form = _form(toks)
    light = 0 if "\\u" in query or "\\U" in query else is_light(toks)
    return QueryInfo(form=form, has_dataset="FROM" in words, prefixes=_prefixes(toks), light=light)


def _prefixes(toks: list[Token]) -> tuple[tuple[str, str], ...]:
    """PREFIX declarations, so that a CONSTRUCT's Turtle reads with the names the query used."""
    found = {}
    for i, tok in enumerate(toks[:-2]):
        name, iri = toks[i + 1], toks[i + 2]
        if tok.kind == "word" and tok.text.upper() == "PREFIX" and name.kind == "pname" and iri.kind == "iri":
            if name.text.endswith(":") and ":" in iri.text:
                found[name.text[:-1]] = iri.text[1:-1]
    return tuple(found.items())


def _form(toks: list[Token]) -> str:
    """The first keyword after the prologue (BASE, PREFIX, VERSION declarations)."""
    i = 0
    while i < len(toks):
        word = toks[i].text.upper() if toks[i].kind == "word" else ""
        if word in ("BASE", "VERSION"):
            i += 2
        elif word == "PREFIX":
            i += 3
        else:
            break
    if i < len(toks) and toks[i].kind == "word":
        word = toks[i].text.upper()
        for form in FORMS:
            if word.startswith(form):  # the engine reads `ASKWHERE{}` as ASK WHERE {}
                return form
    found = toks[i].text if i < len(toks) else "the end of the query"
    raise QuerySyntaxError(f"malformed query: expected SELECT, ASK, CONSTRUCT or DESCRIBE, found {found!r}")
