"""What a fact's IRI is minted from: its kind, holders, time or occasion, and the lemmas of its content
(stop words left out), so that two documents' reports of one fact get one IRI."""
from __future__ import annotations

import re

from ..model import Fact, Span

_STOP = set("""a an the of to in on at for by with from and or but that this these those it its is are was were
be been being has have had do does did will would can could may might must shall should not no as than then
there their they them he she his her him we our you your i me my what which who whom whose also very more
most such so if into about over under between after before during while""".split())
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def fact_key(fact: Fact, lemmas=None, scope: str = "") -> str:
    """The normalized key a fact's IRI is minted from. `lemmas(span)` reduces a content span to its
    lemmas (the spaCy Doc's); without it, lower-cased words stand in. `scope` (the document id) keeps
    a meeting with neither date nor occasion to its document: the same people meet many times."""
    holders = ",".join(sorted(set(fact.holders)))
    when = _occasion_key(fact.occasion, lemmas, scope) or (fact.date or "")
    if fact.kind == "Meeting":  # the same participants on the same day (or at one occasion) met once
        when = fact.date or _occasion_key(fact.occasion, lemmas, scope)
        status = f"|{fact.status}" if fact.status else ""  # a planned meeting is not the one held
        if when:
            return f"Meeting|{holders}|{when}{status}"
        return f"Meeting|{holders}|{fact.place or ''}|in:{scope}{status}"
    if fact.kind == "Role":
        return f"Role|{holders}|{(fact.title or '').lower()}|{fact.organization or ''}"
    if not holders:  # an unsourced number is only known to be the same within its document
        when = f"{when}|in:{scope}"
    # "accepted the proposal": which proposal is part of what was accepted
    referent = "|re{" + fact_key(fact.responds_to, lemmas, scope) + "}" if fact.responds_to is not None else ""
    return f"{fact.kind}|{holders}|{when}|{_content_key(fact, lemmas)}{referent}"


def _occasion_key(occasion, lemmas, scope: str) -> str:
    if occasion is None:
        return ""
    if isinstance(occasion, Fact):
        return "{" + fact_key(occasion, lemmas, scope) + "}"
    return occasion


def _content_key(fact: Fact, lemmas) -> str:
    words: list[str] = []
    if fact.content_span is not None and lemmas is not None:
        words = lemmas(fact.content_span)
    elif fact.content:
        words = [w.lower() for w in _WORD.findall(fact.content)]
    keep = sorted({w for w in words if w not in _STOP and not w.isspace()} | set(fact.about)
                  | set(fact.recipient) | set(fact.target))
    return " ".join(keep) or (fact.verb or "")


def spacy_lemmas(doc):
    """A lemmas(span) function over a parsed spaCy Doc."""
    def lemmas(span: Span) -> list[str]:
        part = doc.char_span(span.start, span.end, alignment_mode="expand")
        if part is None:
            return []
        return [t.lemma_.lower() for t in part if t.is_alpha or t.like_num]
    return lemmas
