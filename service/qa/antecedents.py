"""What a fact's bare definite object names earlier in its own article: "China did not oppose the mission"
after "the council extended its peacekeeping mission in South Sudan". A yes/no question naming the
object with modifiers the fact lacks ("the UN mission in South Sudan") is settled by an earlier sentence
of the same document that mentions the same head noun with them; never by another document, never by
a fact whose object carries words of its own ("the Mali mission").
"""
from __future__ import annotations

import re

from .facts import FactRecord, Passage
from .wording import stem, tokens

_DEFINITE = ("the", "this", "that", "these", "those")
_SENTENCE = re.compile(r"[^.!?\n]+")


def head_of(rec: FactRecord) -> str | None:
    """The head noun of a content that is only a definite noun phrase of one noun ("the patrols")."""
    words = tokens(rec.first("content") or "")
    return words[1] if len(words) == 2 and words[0] in _DEFINITE else None


def before_it(rec: FactRecord, quote) -> str:
    """For a content whose object is "it" ("stopped short of calling it free and fair"): the words of its own
    passages before it, where what "it" is was named ("said Zambia's election had been peaceful but");
    '' for any other content. quote(passage): the passage's text."""
    content = rec.first("content") or ""
    if tokens(content)[:1] != ["it"]:
        return ""
    out = []
    for p in rec.evidence:
        text = quote(p)
        at = text.find(content)
        if at > 0:
            out.append(text[:at])
    return " ".join(out)


def leading_head(rec: FactRecord) -> str | None:
    """The noun of a content opening with a definite noun ("the duties be removed in full")."""
    words = tokens(rec.first("content") or "")
    return words[1] if len(words) > 1 and words[0] in _DEFINITE else None


def earlier_mentions(rec: FactRecord, texts, asked: list[str], kind_nouns=None) -> list[Passage]:
    """The sentences before the fact's passages, in its documents, that mention its object's head noun,
    when the question names that noun (`asked`: its words); each a passage to cite. Not for a noun
    naming a kind of fact ("the offer", `kind_nouns`): which one it names, kg:respondsTo tells, or nothing
    when two were in reach; then the object of the fact it names ("rejected the demand" that "the duties
    be removed": the duties, told before the demand)."""
    told, head = (rec, head_of(rec)) if rec.referent is None else (rec.referent, leading_head(rec.referent))
    if head is None or head in (kind_nouns or {}) or stem(head) not in {stem(w) for w in asked}:
        return []
    key, out, seen = stem(head), [], set()
    for p in told.evidence:
        text = texts(p.source["id"])
        for m in _SENTENCE.finditer(text, 0, p.start):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            end = m.start() + len(m.group().rstrip())
            fresh = (p.source["id"], start) not in seen and end > start
            if fresh and any(t.startswith(key) for t in tokens(m.group())):
                seen.add((p.source["id"], start))
                out.append(Passage(p.source, start, end, text[start:end]))
    return out
