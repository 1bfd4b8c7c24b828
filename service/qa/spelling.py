"""Names as a question spells them: the normalized form every look-up compares, and the graph's name a
misspelled one most likely means ("Lavrow" for "Lavrov").

A misspelling is forgiven, another word is not: a fuzzy match must spell each word of the name nearly as
the question does, and a country or its demonym exactly as written ("the Zambian government" is not the
"American government", though the two strings are 86 % alike).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from rapidfuzz import fuzz, process

ARTICLES = re.compile(r"^(?:the|a|an)\s+")
SMALL = frozenset(("of", "the", "and", "in", "on", "for", "to", "a", "an", "at"))
WHOLE = 82  # rapidfuzz ratio of the whole name for a misspelling
WORD = 80  # and of each word the question writes


def normalize(text: str) -> str:
    """Lower case, plain spaces and apostrophes, no dots, no leading article, no trailing possessive."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'").casefold()
    text = re.sub(r"(?<=\w)\.(?=\w)|(?<=\b\w)\.", "", text)  # U.S. -> us
    text = re.sub(r"[^\w'\- ]+", " ", text)
    text = " ".join(text.split())
    text = re.sub(r"'s?$", "", text).strip()
    return ARTICLES.sub("", text).strip(" '-")


class Spellings:
    """The graph's names of actors and of occasions, each set apart, for fuzzy look-ups; made once per
    name index, at the first question naming something not in the graph as written."""

    def __init__(self, names: Mapping[str, list], is_occasion, is_country, demonyms: Mapping[str, str]):
        self.names: dict[bool, tuple[list[str], list[frozenset[str]]]] = {}
        for occasions in (False, True):
            listed = [n for n, ents in names.items() if any(is_occasion(e) == occasions for e in ents)]
            self.names[occasions] = (listed, [frozenset(w for w in n.split() if w not in SMALL) for n in listed])
        # the words that name a country: its demonyms and names in the lexicon, its names in the graph
        countries = [n for n, ents in names.items() if any(is_country(e) for e in ents)]
        self.places = frozenset(demonyms) | frozenset(
            w for c in (*map(normalize, demonyms.values()), *countries) for w in c.split() if w not in SMALL)

    def alike(self, name: str, occasions: bool) -> tuple[str, float] | None:
        """(the graph's name, a score in 0-1) a normalized name most likely means, or None."""
        choices, word_sets = self.names[occasions]
        if len(name) < 4 or not choices:
            return None
        hit = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=WHOLE)
        if hit is not None:
            return (hit[0], hit[1] / 100) if self._same_words(name.split(), hit[0].split()) else None
        wanted = {w for w in name.split() if w not in SMALL}
        if len(wanted) < 2:
            return None
        # "washington's regional allies" within a longer name: every word of the question's, and at
        # least half of the name's
        best: tuple[float, str] | None = None
        for other, words in zip(choices, word_sets, strict=True):
            if wanted <= words and len(wanted) >= 0.5 * len(words):
                score = len(wanted) / len(words)
                if best is None or score > best[0]:
                    best = (score, other)
        return (best[1], 0.8 * best[0]) if best else None

    def _same_words(self, words: list[str], name: list[str]) -> bool:
        """Each word of the name is in the question or spelled nearly so, a place only as written; a word
        the question adds is no place ("venkataraman hold", a verb the parse left in, finds "venkataraman";
        "zambian government" never finds a "government")."""
        for o in name:
            if o not in words and (o in self.places or not any(
                    fuzz.ratio(w, o) >= WORD and w not in self.places for w in words)):
                return False
        return not any(w in self.places and w not in name for w in words)
