"""A person's grammatical gender, for pronouns ("he" is not "Anne Marie Murphy") and for surnames
after an honorific ("Mrs. Murphy" is not "Chris Murphy"): from the first name, by the built-in table
first_names.tsv (only names its source data gives as plainly female or male: "Chris" or "Kim" decide
nothing), or from an honorific written before the name.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import BUILT_IN

HONORIFICS = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
              "miss": "f", "dame": "f", "lady": "f"}


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """{lower-case first name: 'f' | 'm'}, read once."""
    text = (BUILT_IN / "first_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=4096)
def of_first_name(name: str) -> str | None:
    """'m' or 'f' for a first name the dictionary knows as plainly one, else None."""
    word = name.strip(".")
    if len(word) < 2 or not word.isalpha() or word.isupper():
        return None  # initials ("J.") and acronyms say nothing
    return _first_names().get(word.lower())


def of_honorific(word: str) -> str | None:
    """'m' for "Mr.", 'f' for "Mrs."/"Ms.", None for "Dr." and other words."""
    return HONORIFICS.get(word.lower())


def of_label(label: str) -> str | None:
    """The gender a person's full name gives by its first word ("Anne Marie Murphy": 'f')."""
    words = label.split()
    return of_first_name(words[0]) if len(words) > 1 else None
