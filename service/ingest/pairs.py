"""Pairs of actors a document mentions together ("Obama and Putin", "Putin-Obama"), and those of them
that met, by the token where each pair is complete (for the actors stage's coreference of "the two")."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from . import columns

NUMBERS = {"two", "both", "2"}  # "the two leaders", "both sides": a pair

Pairs = list[tuple[int, tuple[str, ...]]]


def found(doc: Doc, tokens: list[Token], key_at: list, meeting_words: set[str],
          dateline: frozenset[int] | set[int] = frozenset()) -> tuple[Pairs, Pairs]:
    """Actors mentioned together: coordinations ("Obama and Putin") and hyphenated pairs ("Putin-Obama",
    "U.S.-Russian"), by the token where the pair is complete; and those of them that met (subject of
    "met", "talked", or naming a "meeting": "the Obama-Putin meeting"). A name the parser hung as a
    conjunct on the dateline ("HANOI, Oct 9 - X and Y agreed") opens its coordination."""
    pairs, meetings = [], []
    names = [i for i, key in enumerate(key_at) if key]  # only names and hyphens can pass the tests below
    for tok in (tokens[i] for i in sorted({*names, *columns.where(doc, "text", ("-",))})):
        found = None
        # "Modi and his Australian counterpart Anthony Albanese"; never a dateline's place
        if key_at[tok.i] and tok.i not in dateline and (tok.dep_ != "conj" or tok.head.i in dateline):
            conj = [c for c in tok.conjuncts if _named(c, key_at) and c.i not in dateline]
            keys = tuple(dict.fromkeys([key_at[tok.i], *(_named(c, key_at) for c in conj)]))
            if len(keys) > 1:
                found = (max(c.i for c in conj), keys, tok)
        if 0 < tok.i < len(doc) - 1 and tok.text == "-" and not tok.whitespace_:
            left, right = key_at[tok.i - 1], key_at[tok.i + 1]
            if left and right and left != right:
                found = (tok.i + 1, (left, right), doc[tok.i + 1])
        if found:
            pairs.append(found[:2])
            if _met(found[2], meeting_words):
                meetings.append(found[:2])
    for verb in (tokens[i] for i in columns.where(doc, "pos", ("VERB",))):  # "X met Y", "X held talks with Y"
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in meeting_words:
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        objs = [c for c in verb.children if c.dep_ == "dobj"] + \
               [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                if g.dep_ == "pobj"]
        named = [_named(t, key_at) for t in [*subj, *objs] for t in [t, *t.conjuncts]]
        keys = tuple(dict.fromkeys(k for k in named if k))
        if subj and objs and len(keys) > 1:
            meetings.append((max(t.i for t in [*subj, *objs]), keys))
    return sorted(pairs), sorted(meetings)


def _met(tok: Token, meeting_words: set[str]) -> bool:
    """Is this name part of the subject of "met" or of a noun like "meeting" (up to the clause's verb)?"""
    for _ in range(5):
        if tok.lemma_.lower() in meeting_words:
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _named(tok: Token, key_at: list) -> str | None:
    """The actor a noun names, itself or by a name beside it ("negotiator Ali Bagheri", "Mora, the envoy")."""
    if key_at[tok.i]:
        return key_at[tok.i]
    beside = sorted((c for c in tok.children if c.dep_ in ("appos", "compound", "flat") and key_at[c.i]),
                    key=lambda c: c.dep_ != "appos")  # "his Tajik counterpart, X": X, not Tajikistan
    return key_at[beside[0].i] if beside else None
