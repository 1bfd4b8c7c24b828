"""How people's names are written in full and in short: the inner surname that can stand for a name of
three words ("Huamán" for "Rosa Huamán Quispe"), and a person's name the tagger typed as a body."""
from __future__ import annotations

import re

from spacy.tokens import Doc

INITIAL = re.compile(r"^[A-Z]\.?$")  # a middle initial: "E." in "Loretta E. Lynch"
# last words that make a capitalized pair a place, a body or a thing, not a person ("Jordan River")
NOT_SURNAMES = {"river", "street", "avenue", "road", "square", "park", "lake", "island", "islands", "bay",
                "valley", "mountain", "mountains", "county", "city", "state", "university", "college",
                "school", "institute", "foundation", "center", "centre", "church", "hospital", "party",
                "group", "company", "bank", "house", "hall", "council", "committee", "times", "post", "news",
                "journal", "daily", "today", "tech", "airport", "station", "prize", "award", "act", "bill"}


def middle_words(words: list[str]) -> list[str]:
    """The inner words of a name of three words or more that can stand for it alone: a first of two
    surnames ("Huamán" of "Rosa Huamán Quispe", "Gaviria" of "Andrés Felipe Gaviria Rojas")."""
    return [w for w in words[1:-1] if len(w) > 2 and w[:1].isupper() and not INITIAL.match(w)] \
        if len(words) >= 3 else []


def person_typed_as_body(doc: Doc, s: int, e: int, lex) -> bool:
    """Two or three capitalized words typed as an organization that are a person's name: a first name the
    table knows as plainly one sex's, no word of a place or body, set off by a comma after a role ("the
    president of the elections jury, Elena Villafuerte,"): a body is not named after a title that way."""
    words = doc[s:e]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.text.istitle() and t.pos_ == "PROPN" for t in words):
        return False
    if words[0].lower_ not in lex.first_names or any(t.lower_ in NOT_SURNAMES for t in words):
        return False
    if s < 2 or doc[s - 1].text != ",":
        return False
    before = doc[max(doc[s].sent.start, s - 9):s - 1]
    return any(t.lower_ in lex.canon_titles and t.pos_ == "NOUN" for t in before)


def name_set_off_after(doc: Doc, h, key_at: list, is_person, titles: dict) -> str | None:
    """The person named right after a title noun's phrase, set off by a comma ("the president of the elections
    jury, Elena Villafuerte,"), whatever the parser hung the name on: that title is hers, not that of an
    earlier person known by the same title."""
    if h.pos_ != "NOUN" or h.tag_ != "NN" or h.lemma_.lower() not in titles \
            or not any(c.dep_ in ("det", "poss") for c in h.children):
        return None  # not "According to officials, Putin proposed ...": a source, then the clause's subject
    after = h.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != "," or not key_at[after + 1] or not is_person(key_at[after + 1]):
        return None
    end = after + 1
    while end < len(doc) and key_at[end] == key_at[after + 1]:
        end += 1
    return key_at[after + 1] if end == len(doc) or doc[end].text in (",", ".", ";") else None
