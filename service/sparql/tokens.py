"""The SPARQL lexer the guard reads a query with: tokens as the engine lexes them (strings, IRIs and
comments skipped exactly as the grammar defines them), with `<` after an operand inside an expression
read as the less-than operator, and refused where the two readings would hide a SERVICE clause."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ServiceRefused

_NAME = r"[\w\u00B7\u0300-\u036F\u203F-\u2040]"
TOKEN = re.compile(rf"""
  (?P<ws>\s+)
| (?P<comment>\#[^\n\r]*)
| (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
| (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''|\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
            |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
| (?P<var>[?$]{_NAME}+)
| (?P<bnode>_:(?:{_NAME}|[-.])+)
| (?P<pname>(?:[^\W\d_](?:{_NAME}|[-.])*)?:(?:{_NAME}|[-:.%]|\\[_~.\-!$&'()*+,;=/?\#@%])*)
| (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:--[A-Za-z]+)?)
| (?P<number>\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
| (?P<word>[^\W\d]\w*)
| (?P<punct><<|>>|\{{\||\|}}|\^\^|&&|\|\||!=|<=|>=|.)
""", re.VERBOSE | re.DOTALL)

# After these, `<` inside an expression is the less-than operator, not the start of an IRI.
_OPERAND = frozenset({"var", "string", "number", "iri", "pname", "bnode", "langtag"})
_DIVERGING = re.compile(r"[#'()\[\]]|service", re.IGNORECASE)


@dataclass
class Token:
    kind: str
    text: str
    start: int


def tokens(query: str) -> list[Token]:
    """The query's significant tokens (no whitespace or comments), lexed as the engine lexes them."""
    out: list[Token] = []
    depth = 0  # parentheses open in the current group (a '{' starts a new count)
    outer: list[tuple[int, bool]] = []  # per open '{': the depth outside it, and whether it holds VALUES rows
    in_values = pending_values = False
    pos = 0
    while pos < len(query):
        match = TOKEN.match(query, pos)
        kind, text = match.lastgroup, match.group()
        if kind == "iri" and depth and not in_values and out and is_operand(out[-1]):
            # `<` after an operand inside parentheses: the engine may read the less-than operator here.
            if _DIVERGING.search(text[1:-1]):
                raise ServiceRefused(
                    f"ambiguous '<' at character {pos}: {text!r} reads both as an IRI and as a comparison, "
                    "which could hide a SERVICE clause from this check; put spaces around comparison operators")
            kind, text = "punct", "<"
        if kind in ("pname", "bnode") and text.endswith("."):
            text = text.rstrip(".")  # a name never ends with '.': the dot is the triple terminator
        pos += len(text)
        if kind in ("ws", "comment"):
            continue
        out.append(Token(kind, text, pos - len(text)))
        if text == "(":
            depth += 1
        elif text == ")":
            depth = max(0, depth - 1)
        elif kind == "word" and text.upper() == "VALUES":
            pending_values = True
        elif text == "{":
            outer.append((depth, in_values))
            depth, in_values, pending_values = 0, pending_values, False
        elif text == "}" and outer:
            depth, in_values = outer.pop()
    return out


def is_operand(token: Token) -> bool:
    if token.kind in _OPERAND or token.text in (")", "]"):
        return True
    return token.kind == "word" and token.text.lower() in ("true", "false")
