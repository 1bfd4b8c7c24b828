"""The subject of a verb trigger, and whether it is passive: the parser's subject, or the one the
sentence's shape tells (an inverted "said X", a relative's antecedent, the subject of the verb above, a
purpose clause's doer, the one quoted), with the voice corrected where the tagger misreads a participle.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import shapes
from .clauses import has_object, subject_of
from .gerunds import doing_gerund, gerund_subject, purpose_subject, quoted_as
from .holders import Holders
from .kinds import NOT_POSITIONS
from .lexicon import Trigger
from .spans import child

# acts one goes somewhere to do: a purpose clause takes their doer ("gathered to demand"), not states
ACTS = ("Proposal", "Demand", "Accusation", "Criticism", "Denial")  # not "to commit fraud"


def past_mistagged(pred: Token) -> bool:
    """A main verb tagged as a participle that takes an object or a to/-ing clause ("X, who won 20 seats,
    proposed cutting taxes"): a simple past the tagger misread, not a passive."""
    return pred.dep_ == "ROOT" and any(c.dep_ in ("dobj", "xcomp") for c in pred.children)


def subject_and_voice(h: Holders, pred: Token, trig: Trigger, lexical: bool) -> tuple[Token | None, bool]:
    """Who does or holds what a verb (or adjective) trigger tells, and whether the verb is passive."""
    subj, passive = subject_of(pred)
    if trig.speech and subj is not None and subj.i < pred.i:
        subj = shapes.inverted(pred) or subj  # "The vote marks the end, said X": X, not the clause's subject
    if trig.speech and (inner := shapes.recalled_speaker(pred)) is not None:
        subj = inner  # '"We will win," Ruiz recalled her father saying': the father's words, not hers
    elif trig.speech and pred.tag_ == "VBG" and (inner := shapes.recalled_speaker(
            pred.head.head if pred.dep_ == "acl" else pred.head)) is not None:
        subj = inner  # the "saying" itself: the father's
    relative = child(pred, "nsubj", "nsubjpass") if pred.dep_ == "relcl" and subj == pred.head else None
    antecedent = getattr(h.resolver, "antecedent", None)
    if relative is not None and relative.lower_ in ("who", "which") and antecedent is not None:
        subj = antecedent(relative)  # "an aide in the Carter administration who backed X": the aide
    if subj is None and (pred.dep_ in ("acomp", "oprd") or pred.dep_ == "xcomp" and not has_object(pred.head)):
        subj, passive = subject_of(pred.head)  # "remain worried", "are committed"; not "pushed X to reject"
    if subj is None and pred.dep_ == "conj":
        subj = own_side(h, pred)
    if subj is None and lexical and (trig.speech or trig.fact_kind in ACTS):
        subj = purpose_subject(pred)  # "flew to Luanda to urge ...": acts, not "went to see the ice"
    if subj is None and trig.speech:  # "was quoted as saying", "responded by saying": the one quoted, who responded
        subj = quoted_as(pred) or gerund_subject(pred)
    if subj is None and lexical and trig.fact_kind not in NOT_POSITIONS and doing_gerund(pred):
        subj = gerund_subject(pred)  # "answered critics by vowing to cut taxes": who answered vowed
        subj = None if subj is not None and subj.pos_ == "PRON" else subj  # a guessed referent: not twice
    if subj is not None and not passive and pred.tag_ == "VBN" and subj.head == pred and not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in pred.children) and not past_mistagged(pred):
        passive = True  # "with Assad removed from power"
    if subj is not None and not passive and pred.tag_ == "VBN" and pred.dep_ == "advcl" and subj.head != pred \
            and not any(c.dep_ in ("aux", "auxpass") for c in pred.children):
        passive = True  # "Asked about the plan, Trump said": Trump was asked
    if not passive and trig.pos == "verb" and trig.fact_kind == "Statement" and pred.tag_ == "VBN" \
            and pred.dep_ == "acomp" and pred.lemma_ != "focus":
        passive = True  # "is best known for X": what is known, not the knower ("is focused on": her focus)
    return subj, passive


def own_side(h: Holders, conj: Token) -> Token | None:
    """ "The minister said Pretoria backed the goal but feared X": whether she or Pretoria fears is not
    told (clauses.subject_of), but when the inner subject is the speaker's own country, it is one side's:
    the inner subject, whose fear the speaker reports."""
    inner = child(conj.head, "nsubj")
    outer = subject_of(conj.head.head)[0] if conj.head.dep_ == "ccomp" else None
    if inner is None or outer is None:
        return None
    country = h.resolver.country
    mine = {country(k) for k in h.actors(outer)} - {None}
    theirs = {country(k) for k in h.actors(inner)} - {None}
    return inner if len(mine) == 1 and mine == theirs else None
