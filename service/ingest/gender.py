"""A person's grammatical gender, for pronouns ("he" is not "Anne Marie Murphy") and for surnames
after an honorific ("Mrs. Murphy" is not "Chris Murphy"): from the first name, by the built-in table
first_names.tsv (only names its source data gives as plainly female or male: "Chris" or "Kim" decide
nothing), or from an honorific written before the name.
"""
from __future__ import annotations

from ..lexicon import Lexicons

HONORIFICS = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
              "miss": "f", "dame": "f", "lady": "f"}


def first_names(lexicons: Lexicons) -> dict[str, str]:
    """{lower-case first name: 'f' | 'm'} of the built-in table: `lexicons.view(first_names)` reads it once."""
    text = lexicons.text(lexicons.folders[0] / "first_names.tsv")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


def of_first_name(name: str, names: dict[str, str]) -> str | None:
    """'m' or 'f' for a first name the dictionary knows as plainly one, else None."""
    word = name.strip(".")
    if len(word) < 2 or not word.isalpha() or word.isupper():
        return None  # initials ("J.") and acronyms say nothing
    return names.get(word.lower())


def of_honorific(word: str) -> str | None:
    """'m' for "Mr.", 'f' for "Mrs."/"Ms.", None for "Dr." and other words."""
    return HONORIFICS.get(word.lower())


def of_label(label: str, names: dict[str, str]) -> str | None:
    """The gender a person's full name gives by its first word ("Anne Marie Murphy": 'f')."""
    words = label.split()
    return of_first_name(words[0], names) if len(words) > 1 else None


def of_names(doc, found: list, actors: dict, names: dict[str, str]) -> dict[str, str]:
    """Genders the names of a parsed Doc settle: a plainly male or female first name, else an honorific written
    before a mention ("Mrs. Okafor")."""
    out: dict[str, str] = {}
    for f in found:
        actor = actors.get(f.key)
        if actor is None or actor.kind != "Person" or f.key in out:
            continue
        said = of_label(actor.label, names) or (of_honorific(doc[f.start - 1].text) if f.start else None)
        if said:
            out[f.key] = said
    return out
