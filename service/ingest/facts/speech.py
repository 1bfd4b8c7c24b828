"""Reported speech: who said it, to whom, and what else their words carry.

- A position reported inside someone's words ("He revealed that Moscow fears ...") is attributed to
  the speaker.
- A quote's speaker also speaks the quoted sentences that follow in the same paragraph with no
  speaker of their own ("Iran is one of those players," after `"...," he said.`).
"""
from __future__ import annotations

from ...model import Fact, Span
from .clauses import subject_of
from .kinds import trigger_for
from .lexicon import Trigger
from .positions import Builder, Candidate
from .quotes import CLOSE_QUOTES, OPEN_QUOTES
from .spans import any_between, char_span, in_quote, inside_quote, noun_phrase, only, parsed_text, text_of

FIRST_PERSON = ("i", "we", "me", "us")
OUR_SIDE = ("we", "us")  # in a quote, the speaker's side: '"Washington held no talks with us," X said'
VOICE = OUR_SIDE + ("i", "me")  # in a quote, the speaker or the speaker's side: '"I met Ruiz," X said'

# speech verbs that present what they report as true: the writer vouches for it
FACTIVE_SPEECH = ("reveal", "confirm", "note", "point out", "explain", "observe", "recall", "make clear",
                  "acknowledge", "admit", "concede", "disclose")
# verbs that report words only when they frame a quote ('"...," he continued'; not "continued the talks")
QUOTE_FRAMES = ("continue", "respond", "counter", "retort", "interject", "muse")


def speaker_of(cand: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """The speech fact (or statement: "issued a statement calling for X") whose content holds this
    candidate's predicate, if any."""
    for other in candidates:
        if other is cand or other.content is None or not (other.trigger.speech or other.fact.kind == "Statement"):
            continue
        start, end = other.content
        if start <= cand.pred.i < end:
            return other
    return None


def factive(trigger) -> bool:
    """Does this speech trigger present its content as fact ("revealed that", not "claimed that")?"""
    return trigger is not None and " ".join(filter(None, (trigger.word, trigger.second))) in FACTIVE_SPEECH


def parenthetical(pred) -> bool:
    """A speech verb set into the clause it reports ("AT&T, she said, finished the work"): the frame of
    that clause, never part of its content."""
    if pred.dep_ == "parataxis":
        return True
    if any(c.dep_ in ("ccomp", "xcomp") for c in pred.children) or pred.dep_ not in ("advcl", "conj", "ccomp"):
        return False
    doc = pred.doc
    first, last = min([pred.i] + [c.left_edge.i for c in pred.children if c.dep_ == "nsubj"]), pred.i
    return first > pred.sent.start and doc[first - 1].text == "," and last + 1 < pred.sent.end \
        and doc[last + 1].text == ","


def names_state(cand: Candidate, resolver, kinds: tuple[str, ...]) -> bool:
    """Is a verb's subject a proper name of states or bodies ("Kazakhstan feared"), not a pronoun
    whose referent was guessed ("it would study the proposal")?"""
    subj, passive = subject_of(cand.pred) if cand.trigger.pos != "noun" else (None, False)
    return subj is not None and not passive and subj.pos_ == "PROPN" and bool(cand.fact.holders) and all(
        resolver.actor(k).kind in kinds for k in cand.fact.holders)


def pronoun_speaker(cand: Candidate) -> bool:
    """A speech act whose subject is a personal pronoun ("he added")."""
    subj, passive = subject_of(cand.pred)
    return subj is not None and not passive and subj.lower_ in ("he", "she")


def first_person(cand: Candidate) -> bool:
    """The candidate's doer is the speaker ("We agreed to ...", "I will veto it")."""
    if cand.trigger.pos == "noun":
        if any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in cand.pred.children):
            return True
        pred = cand.pred.head if cand.pred.dep_ == "dobj" else None  # "I made an offer", "we reached a deal"
        if pred is None:
            return False
    else:
        pred = cand.pred
    subj, passive = subject_of(pred)
    return subj is not None and not passive and subj.lower_ in FIRST_PERSON


@only("lower", *VOICE)
def _quoted_voice(t) -> bool:
    return t.lower_ in VOICE and inside_quote(t)


def speech_trigger(tok, lexicon) -> Trigger | None:
    """The lexicon's speech trigger a token is ("said", "told", "tweeted"), or None."""
    found = trigger_for(tok, lexicon)
    return found[0] if found is not None and found[0].speech else None


def voice(sent, builder: Builder, speaker: Fact | None) -> list[str]:
    """Who says "I", "we" or "us" inside a quote of this sentence: the one named speaker of a speech verb
    outside the quote ('"...," Ruiz said'), or, when none, the speaker whose quote goes on."""
    if not any_between(sent.doc, _quoted_voice, sent.start, sent.end):
        return []
    voices = set()
    for tok in sent:
        if inside_quote(tok) or speech_trigger(tok, builder.lexicon) is None:
            continue
        subj, passive = subject_of(tok)
        voices.add(tuple(builder.actors(subj, strict=True) if subj is not None and not passive else []))
    if len(voices) == 1:
        return list(next(iter(voices)))
    return list(speaker.holders) if speaker is not None and not voices else []


def speak_for(cand: Candidate, holders: list[str], quoted: bool = False) -> None:
    """A first-person position in someone's words is the speaker's own ("'We agreed to keep talking,'
    the minister said": the minister's Agreement); "he" or "she" in the speaker's own quote is someone
    else ('"He wants to win by stoking fear," Clinton said': not Clinton)."""
    if holders and not cand.fact.holders and cand.fact.kind != "Action" and first_person(cand):
        cand.fact.holders = list(holders)
    elif holders and set(cand.fact.holders) <= set(holders) and cand.fact.holders \
            and (pronoun := _third_person(cand)) is not None and (quoted or in_quote(pronoun)):
        cand.fact.holders = []  # the pronoun quoted, not the writer's: 'said he had "not ruled it out"' is his


def _third_person(cand: Candidate):
    """The "he" or "she" that holds the fact (its subject, or a noun's "his"/"her"), if any."""
    if cand.trigger.pos == "noun":
        return next((c for c in cand.pred.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    subj, passive = subject_of(cand.pred)
    return subj if subj is not None and not passive and subj.lower_ in ("he", "she", "him", "her") else None


def attribute(cand: Candidate, speech: Candidate, in_dateline=None) -> None:
    """Credit a reported position to its speaker; the attribution's words leave out a dateline the parser
    took into the speaker's phrase ("VIENNA (Reuters) - The IAEA's chief said")."""
    if not speech.fact.holders or cand.fact.attributed_to:
        return
    speak_for(cand, speech.fact.holders)
    if not cand.fact.holders:
        return
    cand.fact.attributed_to = speech.fact.holders[0]
    cand.reported_by = speech.trigger
    pred = speech.pred
    subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
    if subj is None and pred.pos_ != "NOUN":
        return  # "..., citing fears of terrorism": a verb alone names no source
    start = min(subj.left_edge.i, pred.i) if subj is not None else pred.i
    if pred.pos_ == "NOUN":  # "a joint statement"
        start = noun_phrase(pred).start
    while in_dateline is not None and start < pred.i and in_dateline(start):
        start += 1
    span = char_span(pred.doc, start, pred.i + 1)
    if span:
        cand.fact.attribution = text_of(pred.doc, span)


def quote_frame(tok) -> Trigger | None:
    """A speech trigger for a verb that frames a quote in its sentence: '"...," he continued',
    'she responded, "..."'. Not when it has an object or a clause of its own
    outside the quote ("continued the talks", "responded to the attack"), nor when it is quoted itself."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in QUOTE_FRAMES or in_quote(tok):
        return None
    if any(c.dep_ in ("dobj", "xcomp", "prep", "nsubjpass") or (c.dep_ == "ccomp" and not _quoted(c))
           for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or not _beside_quote(tok, subj):
        return None
    return Trigger(word=lemma, second=None, pos="verb", kind="speech", object="content", confidence=0.7)


def _quoted(tok) -> bool:
    doc = tok.doc
    return any(t.text in OPEN_QUOTES for t in doc[max(tok.left_edge.i - 1, tok.sent.start):tok.left_edge.i + 1])


def _beside_quote(tok, subj) -> bool:
    """Does a quote close just before the frame ('...," he continued') or open just after it
    ('he continued: "...')?"""
    doc, sent = tok.doc, tok.sent
    first, last = min(subj.left_edge.i, tok.i), max(tok.i, subj.right_edge.i)
    before = [t.text for t in doc[max(sent.start, first - 2):first]]
    after = [t.text for t in doc[last + 1:min(sent.end, last + 3)]]
    return any(t in CLOSE_QUOTES for t in before) or (bool(after) and after[0] in (",", ":")
                                                      and any(t in OPEN_QUOTES for t in after[1:]))


def quote_before(cand: Candidate) -> None:
    """A speech verb with nothing to report in its own sentence whose sentence follows a quote closed
    just before it, in the same paragraph ('"We will win." Ruiz said.'): the quote is what it reports,
    and the evidence runs from the quote to the verb's sentence."""
    if not cand.trigger.speech or cand.content is not None or cand.trigger.pos != "verb":
        return
    doc, sent = cand.pred.doc, cand.pred.sent
    text = parsed_text(doc)
    first = next((t for t in sent if not t.is_space), None)
    if first is None or any(t.dep_ in ("ccomp", "dobj") for t in cand.pred.children):
        return
    close = first.i - 1
    while close >= 0 and doc[close].is_space:
        close -= 1
    if close < 0 or doc[close].text not in (*CLOSE_QUOTES, "''") or "\n" in text[doc[close].idx:first.idx]:
        return
    opener = ("“",) if doc[close].text == "”" else ("‘",) if doc[close].text == "’" else (doc[close].text, "``")
    start = close - 1
    while start >= 0 and doc[start].text not in opener and close - start < 300:
        if "\n" in doc[start].text or "\n" in doc[start].whitespace_:
            return
        start -= 1
    if start < 0 or doc[start].text not in opener:
        return
    if any(not (t.is_space or t.is_punct) for t in doc[doc[start].sent.start:start]) or cand.fact.negated:
        return  # 'Reilly responded, "We win." Ortiz did not respond.': a quote told with its speaker is theirs
    span = char_span(doc, start + 1, close)
    if span is None:
        return
    cand.content = (start + 1, close)
    cand.fact.content_span = Span(*span)
    cand.fact.content = text_of(doc, span)
    end = char_span(doc, sent.start, sent.end)
    cand.fact.evidence = [Span(doc[start].idx, end[1] if end else sent.end_char)]
