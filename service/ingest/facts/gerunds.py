"""Gerunds, purpose clauses and names set off before a verb: who does or says what an -ing or a to-clause
tells ("responded by saying ...", "answered critics by vowing to X", "gathered in the square to demand ...",
"X was quoted as saying ...") and who is only addressed ("Mr. Hale, tell me ...").
"""
from __future__ import annotations

from spacy.tokens import Token

from . import realis
from .clauses import subject_of
from .spans import child


def quoted_as(pred: Token) -> Token | None:
    """Who says it in "X was quoted as saying ..." or "the paper quoted X as saying ...": X."""
    if pred.dep_ != "pcomp" or pred.head.lower_ != "as" or pred.head.head.lemma_.lower() != "quote":
        return None
    verb = pred.head.head
    return child(verb, "nsubjpass") or child(verb, "dobj")


GERUND_PREPS = ("by", "after", "before", "while", "in", "to")  # not "for"/"of": "blamed X for saying"


def gerund_subject(pred: Token) -> Token | None:
    """Who speaks in a gerund after a preposition ("responded by saying ...", "after first saying ..."):
    the active subject of the clause the preposition belongs to."""
    if pred.dep_ != "pcomp" or pred.tag_ != "VBG" or pred.head.lower_ not in GERUND_PREPS:
        return None
    verb = pred.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj, passive = subject_of(verb)
    return None if passive else subj


DOING_PREPS = ("by", "after", "while", "before")  # "answered by vowing": done; not "for"/"of"/"without"/"to"


def doing_gerund(pred: Token) -> bool:
    """A gerund that tells what the clause's subject did as it acted ("answered critics by vowing to X",
    "after promising to resign", "while demanding payment"), when that clause reports a deed (not "could
    answer by", "did not answer by", "will answer by", nor a to-clause: "careful not to anger X by urging",
    "ways to seek it: by asking")."""
    verb = pred.head.head
    return pred.dep_ == "pcomp" and pred.tag_ == "VBG" and pred.head.lower_ in DOING_PREPS \
        and verb.pos_ in ("VERB", "AUX") and verb.lemma_ != "be" and verb.tag_ != "VB" \
        and realis.of_verb(verb) is None and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# verbs whose to-clause is their subject's purpose even after an object, which the parser takes for a
# complement ("emailed the staff to recommend ..."): not "urged X to", "hired experts to" (the object does it)
CONTACTING = ("email", "write", "call", "phone", "telephone", "text", "message", "contact", "visit", "use")


def purpose_subject(pred: Token) -> Token | None:
    """The doer of a purpose clause ("gathered in the square to demand ...", "emailed the staff to
    recommend ..."): the active subject of the clause it serves."""
    served = pred.dep_ == "advcl" or (pred.dep_ == "xcomp" and pred.head.lemma_.lower() in CONTACTING)
    if not served or pred.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children):
        return None
    if pred.dep_ == "xcomp" and any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")
                                    for c in pred.head.children):
        return None  # "called on the delegates to oppose the bill": their act called for, not the caller's purpose
    subj, passive = subject_of(pred.head)
    return subj if subj is not None and not passive else None


def vocative(pred: Token, subj: Token) -> bool:
    """ "Mr. Hale, tell me what you will do": a name set off before an imperative is the one addressed, not the
    doer (no auxiliary, the bare form, a comma between the name and the verb)."""
    return (pred.tag_ == "VB" and pred.i == subj.i + 2 and pred.doc[subj.i + 1].text == ","
            and subj.right_edge.i == subj.i and not any(c.dep_ in ("det", "amod") for c in subj.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in pred.children))
