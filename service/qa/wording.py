"""Matching a question's words against a fact's words, and spotting conflicting reports.

Words match by crude stems ("fighters" ~ "fighting", "Russia" ~ "Russian", "agreement" ~ "agreed"):
a question's content words are rarely the article's exact forms. A fact fits when at least half of
the question's content words are found in its content and the names it involves.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .facts import FactRecord
from .times import duration_text, how_long

_TOKEN = re.compile(r"[\w][\w\-']*")
SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ians", "ian", "ers", "er",
            "ies", "ied", "es", "ed", "s", "ly", "al")
_DOUBLING = ("ing", "ings", "ed", "er", "ers")  # suffixes that double a final consonant before them
_SILENT_E = ("ing", "ed")  # "paving", "ruled": a three-letter root whose verb ends in a silent e ("pave", "rule")
TEXT_PROPS = ("content", "quantityText", "counts", "title", "condition", "attribution", "timeText", "placeText",
              "durationText", "verb")
ACTOR_PROPS = ("holder", "participant", "about", "target", "recipient", "place", "attributedTo",
               "organization")


@lru_cache(maxsize=1 << 16)  # the same words again and again: merging a frequent actor's facts stems 800
def stem(word: str) -> str:
    word = word.lower().strip("'-")
    if word.endswith("'s"):  # "Guinea-Bissau's" is found as "Guinea-Bissau" too
        word = word[:-2]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= (3 if suffix in _SILENT_E else 4):  # "andes": no "and"
            root = word[: -len(suffix)]
            if suffix in _DOUBLING and root[-1] == root[-2] and root[-1] not in "aeioulsfz":
                return root[:-1]  # "letting" is "let", "stopped" "stop" (not "calling" "cal")
            return root
    if len(word) >= 6 and word[-1] == "y" and word[-2] not in "aeiou":
        return word[:-1]  # "subsidy" finds "subsidies", "policy" "policies"
    if len(word) == 4 and word[-1] == "s" and word[-2] not in "aeious" and word != "news":
        return word[:-1]  # "cuts" is "cut", "arms" "arm" (a stem of three: inflections only)
    return word


def same_word(token: str, stem_: str) -> bool:
    """A text's token is the question's word by its stem ("fighting" for "fighters"); a stem of three letters
    only with an inflection ("bans", "banned" for "ban"; never "banks", nor "warned" for "war")."""
    if len(stem_) > 3:
        return token.startswith(stem_)
    return _short_word(stem_).fullmatch(token) is not None


@lru_cache(maxsize=4096)
def _short_word(stem_: str) -> re.Pattern:
    return re.compile(rf"{re.escape(stem_)}{re.escape(stem_[-1:])}?(?:e|s|es|ed|ing|er|ers|'s)?")


def tokens(text: str) -> list[str]:
    out = []
    for tok in _TOKEN.findall(text.lower()):
        out.append(tok)
        if "-" in tok:
            out.extend(p for p in tok.split("-") if p)
    return out


def fact_text(rec: FactRecord) -> str:
    parts = [v.value for name in TEXT_PROPS for v in rec.values(name)]
    parts += [label for name in ACTOR_PROPS for label in rec.labels(name)]
    parts += [label for _, label in rec.occasions] + rec.settings
    if rec.referent is not None:  # "accepted the proposal": the words of the proposal it names
        parts += [v.value for v in rec.referent.values("content")] + rec.referent.labels("about")
    return " ".join(parts)


def matches_words(rec: FactRecord, words: list[str], extra_text: str = "", share: float = 0.5) -> bool:
    """At least `share` of `words` (half, rounded up; and at least one) occur, by stem, in the fact's words."""
    text = fact_text(rec) + " " + extra_text
    toks = tokens(text)
    stems = [stem(w) for w in words]  # once, not once per token
    found = [any(same_word(t, s) for t in toks) for s in stems]
    needed = max(1, math.ceil(len(words) * share - 1e-9))
    if sum(found) < needed and share >= 1.0:  # every word: "UNEP" may be written out in full
        found = [f or acronym_of(w, text) for f, w in zip(found, words, strict=True)]
    return sum(found) >= needed


_CAPITALIZED_RUN = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:of|for|the|and|on|de|des|du|la)\s+)*[A-Z][\w'-]*)+")
_SMALL = {"of", "for", "the", "and", "on", "de", "des", "du", "la"}


def acronym_of(word: str, text: str) -> bool:
    """Whether a run of capitalized words in `text` spells `word` by its initials ("United Nations
    Environment Programme" for "unep"; small words skipped)."""
    if not (2 <= len(word) <= 6 and word.isalpha()):
        return False
    word = word.lower()
    for run in _CAPITALIZED_RUN.findall(text):  # a run may join two names ("... United Nations The United ...")
        initials = "".join(w[0] for w in run.split() if w.lower() not in _SMALL).lower()
        if initials == word or (len(word) >= 3 and word in initials):
            return True
    return False


def mentions_any(rec: FactRecord, names: list[str], extra_text: str = "") -> bool:
    """One of the names occurs as words in the fact's content (or the extra text)."""
    referred = [v.value for v in rec.referent.values("content")] if rec.referent is not None else []
    text = " ".join(tokens(" ".join([v.value for v in rec.values("content")] + referred) + " " + extra_text))
    labels = " ".join(tokens(" ".join(rec.labels("about") + rec.labels("target") + rec.labels("recipient"))))
    for name in names:
        name = " ".join(tokens(name))
        if len(name) >= 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text + " | " + labels):
            return True
    return False


def conflicts_of(rec: FactRecord) -> list[dict]:
    """Properties whose sources disagree (a meeting of 90 vs 94 minutes), each value with its sources."""
    ids = {p.source["iri"]: p.source["id"] for p in rec.evidence}
    out = []
    for prop, shown_by in (("duration", "durationText"), ("date", "timeText"), ("quantity", "quantityText"),
                           ("place", None)):
        per_value: dict[str, dict] = {}
        for v in rec.props.get(prop, []):
            entry = per_value.setdefault(v.value, {"value": v.value, "text": v.label or v.value, "sources": []})
            source = ids.get(v.graph, v.graph.rsplit("/", 1)[-1])
            if source not in entry["sources"]:
                entry["sources"].append(source)
            if prop == "duration":
                entry["text"] = how_long(rec, v.graph) or duration_text(v.value)
            elif shown_by:
                texts = [t.value for t in rec.props.get(shown_by, []) if t.graph == v.graph]
                if texts:
                    entry["text"] = texts[0]
        if len(per_value) > 1:
            out.append({"property": prop, "values": sorted(per_value.values(), key=lambda e: e["value"])})
    return out


# objects that name nothing in particular: "has not ruled anything out" rules out no object at all
UNIVERSAL = frozenset(("anything", "anything else", "any option", "any options"))
# words after such an object that except something from it ("anything, apart from the use of force")
_EXCEPT = re.compile(r"\b(?:apart from|aside from|except|other than|besides|but|save for|short of)\b", re.I)


def covers_any(rec: FactRecord, words: list[str], passage: str) -> bool:
    """A negated fact of nothing in particular ("had not ruled anything out") denies it of any object the
    question names, save one its passage excepts; read only with its passage, where an exception is told."""
    contents = {v.value.strip(" .,\"'\u201c\u201d").lower() for v in rec.values("content")}
    if not passage or not contents or not contents <= UNIVERSAL or rec.first("negated") != "true":
        return False
    at = re.search(r"\banything\b|\bany options?\b", passage, re.I)
    rest = passage[at.end():] if at else ""
    cut = _EXCEPT.search(rest)
    excepted = re.split(r"(?<=[.!?])[\"\u201d]?\s", rest[cut.start():])[0] if cut else ""
    return at is not None and not any(same_word(t, stem(w)) for w in words for t in tokens(excepted))

