"""Light queries: those whose work is bounded by construction (one triple pattern over one resource's
index range, with a small LIMIT), told from the guard's tokens, so they may run at once without a
worker's time and memory bounds."""
from __future__ import annotations

from .tokens import Token

LIGHT_LIMIT = 1000  # the largest LIMIT of a light SELECT


def is_light(toks: list[Token]) -> int:
    """The most rows the query can give if it is light: one triple pattern with a constant subject or
    object (one index range of that resource's triples), no repeated variable (every triple scanned
    is a row), no expression, DISTINCT, ORDER BY or OFFSET; an ASK, or a SELECT with a LIMIT of at
    most LIGHT_LIMIT. Its work and memory are bounded by that LIMIT (or the first match), so it may
    run without the time and memory bounds of a worker process. 0 for anything else, however cheap."""
    i = _after_prologue(toks)
    words = [t.text.upper() if t.kind == "word" else None for t in toks]
    if i >= len(toks) or words[i] not in ("SELECT", "ASK"):
        return 0
    form, i = words[i], i + 1
    if form == "SELECT":
        if i < len(toks) and toks[i].text == "*":
            i += 1
        else:
            start = i
            while i < len(toks) and toks[i].kind == "var":
                i += 1
            if i == start:
                return 0
    if i < len(toks) and words[i] == "WHERE":
        i += 1
    pattern = _one_pattern(toks, i)
    if pattern is None:
        return 0
    terms, i = pattern
    subject, _, obj = terms
    if not (_constant(subject) or _constant(obj)):
        return 0
    variables = [t.text[1:] for t in terms if t.kind == "var"]
    if len(set(variables)) != len(variables):
        return 0
    rest = toks[i:]
    if form == "ASK":
        return 0 if rest else 1
    if len(rest) == 2 and words[i] == "LIMIT" and rest[1].kind == "number" and rest[1].text.isdigit():
        limit = int(rest[1].text)
        return limit if 0 < limit <= LIGHT_LIMIT else 0
    return 0


def _after_prologue(toks: list[Token]) -> int:
    i = 0
    while i < len(toks) and toks[i].kind == "word":
        word = toks[i].text.upper()
        if word == "BASE" and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            i += 2
        elif word == "PREFIX" and i + 2 < len(toks) and toks[i + 1].kind == "pname" and toks[i + 2].kind == "iri":
            i += 3
        else:
            break
    return i


def _one_pattern(toks: list[Token], i: int) -> tuple[list[Token], int] | None:
    """`{ s p o [.] }` at toks[i]: the three terms and the index after the closing brace."""
    if i >= len(toks) or toks[i].text != "{":
        return None
    i += 1
    terms = []
    for position in ("subject", "predicate", "object"):
        if i >= len(toks) or not _term(toks[i], position):
            return None
        terms.append(toks[i])
        i += 1
    if terms[2].kind == "string" and i < len(toks):  # a literal's language tag or datatype
        if toks[i].kind == "langtag":
            i += 1
        elif toks[i].text == "^^" and i + 1 < len(toks) and toks[i + 1].kind in ("iri", "pname"):
            i += 2
    if i < len(toks) and toks[i].text == ".":
        i += 1
    if i >= len(toks) or toks[i].text != "}":
        return None
    return terms, i + 1


def _term(token: Token, position: str) -> bool:
    if token.kind in ("var", "iri", "pname"):
        return True
    if position == "predicate":
        return token.kind == "word" and token.text == "a"
    if position == "object":
        return token.kind in ("string", "number") or (token.kind == "word" and token.text in ("true", "false"))
    return False


def _constant(token: Token) -> bool:
    return token.kind in ("iri", "pname", "string", "number", "word")
