"""How a clause frames what it tells, read before a candidate becomes a fact: a hypothetical ("if", "by
that logic"), an open question, a claim put forward ("the rumour that"), background (a relative or
since-clause), a speaker who relays a party's position (a spokesman, officials) or an unnamed group that
does; a dateline the parser took into a clause.
"""
from __future__ import annotations

from itertools import islice

from ...model import Fact, Span
from . import speech
from .gerunds import doing_gerund
from .positions import Candidate
from .spans import any_between, char_span, only, sentence_of, text_of

RELAYING_TITLES = ("spokes", "press secretary", "aide", "adviser", "advisor", "chief of staff")

STATES = ("Country", "Government", "Organization")  # holders whose positions their officials voice


# kinds of act a speaker reports as done by a body or group at the talks, not as its view they claim
REPORTED_ACTS = ("Proposal", "Denial", "Acceptance", "Agreement", "Disagreement", "Demand")


def completed(pred) -> bool:
    """A verb told as done: simple past ("rejected") or perfect ("had proposed", "has not ruled out")."""
    return pred.tag_ == "VBD" or (pred.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in pred.children))


def described_body(cand, resolver) -> bool:
    """The doer is a body or group named by a description ("the mediators", "the bloc"), not by its
    proper name ("the Democrats"), whose acts a speaker at the talks reports rather than claims."""
    subj, passive = speech.subject_of(cand.pred)
    return subj is not None and not passive and subj.text[:1].islower() and bool(cand.fact.holders) and all(
        resolver.actor(k).kind in ("Group", "Organization") for k in cand.fact.holders)


def relays(resolver, key: str) -> bool:
    """A speaker whose role is to speak for someone else ("Kremlin spokesman Peskov said Putin will ...")."""
    return any(key in role.holders and any(t in (role.title or "").lower() for t in RELAYING_TITLES)
               for role in getattr(resolver, "roles", []))


# words of an unnamed speaker who passes on what a party does ("officials said", "a source close to him",
# "allies say", "the filing says", "a poll found"), not of one with a view of their own ("police say",
# "critics argue", "analysts said")
RELAYING_WORDS = ("official", "source", "aide", "adviser", "advisor", "spokes", "diplomat", "representative",
                  "ally", "allies", "friend", "associate", "confidant", "familiar", "close", "staff", "negotiator",
                  "secretary", "people", "person", "report", "statement", "ministry", "office", "government",
                  "administration", "campaign", "team", "filing", "document", "record", "letter", "paper", "poll",
                  "survey")


def relaying_group(resolver, key: str) -> bool:
    """An unnamed speaker whose words relay a party's position rather than judge it."""
    words = (resolver.actor(key).label or "").lower().replace("-", " ").split()
    return any(w.startswith(RELAYING_WORDS) for w in words)


BACKGROUND_MARKS = ("since", "because")  # "after X did Y" is often the news itself


def background(pred) -> bool:
    """A generic action told as background, not as the news: in a relative clause ("who joined the
    summit", "which Beijing suspended in 2022"), a reduced one ("the communique, issued by Laos"), or a
    since- or because-clause ("since ExxonMobil began pumping oil")."""
    tok = pred
    for _ in range(4):
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in tok.children):
            return True
        if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in BACKGROUND_MARKS:
            return True
        if tok.head == tok or tok.dep_ not in ("conj", "xcomp", "relcl", "acl", "advcl", "pcomp", "pobj", "prep"):
            return False
        tok = tok.head
    return False


def complement_of(pred, head) -> bool:
    """Is `pred` inside what `head` reports ("did not confirm [that X disagreed]"), not in a clause that
    only sets it in time or cause ("Although X voiced worry, she stopped short of ...")?"""
    tok = pred
    while tok.head != tok and tok.head != head:
        tok = tok.head
    return tok.head == head and tok.dep_ in ("ccomp", "xcomp", "dobj", "prep", "pcomp")


def own_subject(pred) -> bool:
    """A clause with a subject of its own ("said Biden raised X"), or sharing one through a
    coordination ("said Biden raised X and stressed Y")."""
    if pred.dep_ == "conj" and pred.head.pos_ in ("VERB", "AUX") and pred.head != pred and own_subject(pred.head):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("who", "which", "that") for c in pred.children)


HYPOTHETICAL_MARKS = ("if", "unless", "provided", "until", "once", "lest", "whether")
FRAMES = ("logic", "reasoning", "argument", "standard", "measure", "yardstick")


@only("dep", "prep")
def _reductio(c) -> bool:
    return c.dep_ == "prep" and c.lower_ in ("by", "under", "following") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in FRAMES for g in c.children)


def hypothetical(pred) -> bool:
    """A clause that states a condition, not a fact ("if Russia joins", "only after Washington
    recognizes him")."""
    tok, framed = pred, any_between(pred.doc, _reductio, *sentence_of(pred))  # the sentence holds one at all
    for _ in range(4):
        if tok.dep_ == "advcl":
            marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
            if any(m in HYPOTHETICAL_MARKS for m in marks):
                return True
            if marks and any(c.lower_ == "only" for c in tok.subtree if c.i < tok.i):
                return True
        if tok is not pred and tok.dep_ == "pobj" and tok.lemma_.lower() in ("condition", "proviso"):
            return True  # "on condition that the army halts air strikes"
        if framed and any(_reductio(c) for c in tok.children):
            return True  # "by that logic, we should arm every dictator": a reductio, not a position
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def cut_around(fact: Fact, cand: Candidate, according) -> None:
    """Keep an attribution phrase the parser put inside a content out of it: the content ends before
    it, or starts after it when it leads ("According to X, Y sold ...")."""
    first, last = according[2], according[3]
    start, end = cand.content
    if first == start or (first < start + 2 and all(t.is_punct for t in cand.pred.doc[start:first])):
        start, end = last, end
    else:
        end = first
    span = char_span(cand.pred.doc, start, end)
    if span is not None:
        cand.content = (start, end)
        fact.content_span = Span(*span)
        fact.content = text_of(cand.pred.doc, span)


def skip_dateline(cand: Candidate, in_dateline) -> None:
    """A content that opens with the dateline ("VIENNA (Reuters) - Iran agreed ..., the IAEA said")
    starts after it."""
    if in_dateline is None or not cand.content or not in_dateline(cand.content[0]):
        return
    start, end = cand.content
    while start < end and in_dateline(start):
        start += 1
    span = char_span(cand.pred.doc, start, end) if start < end else None
    if span is not None:
        cand.content = (start, end)
        cand.fact.content_span = Span(*span)
        cand.fact.content = text_of(cand.pred.doc, span)


def tokens_of(sent, span: Span) -> tuple[int, int] | None:
    """Token range of a character span inside a sentence."""
    toks = sent.doc.char_span(span.start, span.end, alignment_mode="expand")
    return (toks.start, toks.end) if toks is not None else None


# nouns whose that-clause is put forward, not reported as so ("the rumour that X wants ...")
CLAIM_NOUNS = ("claim", "allegation", "accusation", "charge", "suggestion", "assertion", "rumor", "rumour",
               "notion", "idea", "theory", "speculation", "argument", "contention", "insinuation", "myth")


def claimed(pred) -> bool:
    """A stance told in the that-clause of a claim ("the party's allegation that the minister wanted to sell ..."):
    whoever made the claim, the stance is not reported as so."""
    tok = pred
    for _ in range(3):
        if tok.dep_ in ("acl", "ccomp", "appos") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in CLAIM_NOUNS:
            return True
        if tok.head == tok or tok.dep_ not in ("conj", "xcomp", "acl", "ccomp", "appos"):
            return False
        tok = tok.head
    return False


def open_question(pred) -> bool:
    """A clause reported as open ("has not said whether he will sign it")."""
    for tok in [pred, *islice(pred.ancestors, 3)]:
        if tok.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children):
            return True
    return False


def foretold(cand, resolver) -> bool:
    """A position a speaker claims for someone else ("Trump said Mexico will pay for the wall",
    "Cruz says Clinton wants open borders") is the speaker's claim, which their Statement carries,
    not the other's position; a speaker announcing their own side's ("we will present our draft",
    "Lavrov said Moscow would respond") makes one, and so does a verb that presents what it reports
    as fact ("He revealed that Moscow fears ...")."""
    cognition = cand.fact.kind == "Statement" and cand.lexical and not cand.trigger.speech
    if cand.fact.kind in ("Statement", "Action", "Estimate", "Meeting") and not cognition:
        return False  # "Ruiz said Moscow knows ...": what Moscow knows is her claim, as what it plans
    own = cand.fact.attributed_to
    if own is None or speech.factive(cand.reported_by):
        return False
    if own.startswith(("group-", "unnamed-")) and relaying_group(resolver, own):
        return False  # "Iran agreed to ..., officials said": unnamed sources relay, they are no party
    country = resolver.country
    if cand.fact.kind not in ("Intention", "Commitment") and country(own) is None \
            and speech.names_state(cand, resolver, STATES):
        return False  # "Serikbayeva said Kazakhstan feared ...": a named state's stance (a future is a forecast)
    if own in cand.fact.holders:
        return False
    if cand.fact.kind == "Agreement" and len(cand.fact.holders) > 1 and cand.pred.tag_ in ("VBD", "VBN"):
        return False  # "the two sides agreed to meet again, the mediator said": a joint act reported
    if cand.fact.kind in REPORTED_ACTS and completed(cand.pred) and described_body(cand, resolver):
        return False  # "the minister said the mediators had proposed a truce": an act of the talks, told
    if cand.fact.kind in REPORTED_ACTS and doing_gerund(cand.pred) and completed(cand.pred.head.head) \
            and relays(resolver, own):
        return False  # "his press secretary said the president opened by demanding X": how he acted, relayed
    if any(own in role.holders and role.organization in cand.fact.holders for role in getattr(resolver, "roles", [])):
        return False  # "the EU's trade commissioner said the EU would not ...": her own body's plan, announced
    if resolver.actor(own).kind == "Person" and not relays(resolver, own) and any(
            resolver.actor(k).kind == "Person" for k in cand.fact.holders):
        return True  # "Merkel said Scholz would raise ...": her claim about him, not his plan
    return not ({country(own)} - {None}) & {country(k) for k in cand.fact.holders}
