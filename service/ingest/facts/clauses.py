"""Clauses over the dependency parse: who is the subject of a predicate (contents.py: what it says).

A predicate often has no subject of its own: participial and coordinated clauses inherit it ("Putin
did most of the talking, proposing X and suggesting Y"), control verbs pass it down ("agreed to
co-sponsor"), relative clauses take their head noun ("Obama, who met Putin, ..."), and passives are
turned around (the `by` agent is the doer, the passive subject the thing done).
"""
from __future__ import annotations

from itertools import islice

from spacy.tokens import Token

from ..antecedents import disagrees
from ..datelines import datelines
from ..sources import inverted_subject
from .according import according_doers, after_according
from .seams import after_relative, dated_subject, glued_subject, quoted_sign, quoted_title, signed_between
from .spans import (
    in_quote,
)

RELATIVE_PRONOUNS = ("who", "which", "that", "whom")
# complements that carry what a position is: clauses first, then objects, then prepositions
CLAUSE_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")


def including(tok: Token) -> list[Token]:
    """Members named by "including X, Y and Z" / "such as X" under a common noun."""
    for kid in tok.children:
        if kid.dep_ == "prep" and kid.lower_ in ("including", "like", "such"):
            objects = [g for g in kid.subtree if g.dep_ == "pobj"]
            if objects:
                return objects[:1]
    return []


def interpolated(pred: Token, subj: Token) -> bool:
    """A past participle set off by commas between a subject and the verb that follows ("Trump, asked
    about the wall, said ...", "The minister, pressed on the date, replied ..."), which the parser took for
    the subject's own verb: what was done to the subject, while the verb after it, with no subject of its
    own, is the subject's."""
    doc, head = pred.doc, pred.head
    if pred.tag_ not in ("VBD", "VBN") or subj.i >= pred.i or pred.i == 0 or doc[pred.i - 1].text != ",":
        return False
    if head.i <= pred.i or head.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in pred.children):
        return False  # "Trump, who had asked ...", "X, has asked": a verb of its own
    return any(t.text == "," for t in doc[pred.right_edge.i + 1:head.i])


NEGATIONS = ("n't", "n’t", "not", "never")


def after_dateline(subj: Token) -> Token:
    """ "OSLO (Fjord News) — Negotiators from X demanded": the parser made the dateline's place the subject
    and the doers its apposition; the doers after the dash are the subject."""
    if subj.i not in datelines(subj.doc):
        return subj
    return next((c for c in subj.children if c.dep_ == "appos" and c.i not in datelines(subj.doc)
                 and c.i > subj.i), subj)


def addressed(subj: Token | None, pred: Token) -> Token | None:
    """ "Minister Sadykova, farmers' associations say they lost 40 percent": a name the speaker addresses,
    which the parser made the subject of a plural verb with the real subject as its apposition."""
    if subj is None or subj.tag_ != "NNP" or pred.tag_ != "VBP":
        return subj
    plural = next((c for c in subj.children if c.dep_ == "appos" and c.tag_ == "NNS" and c.i > subj.i), None)
    return plural if plural is not None else subj


def subject_of(pred: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """(subject token, passive) of a predicate, inherited when the clause has none of its own."""
    if depth > 6:
        return None, False
    if (named := main_verb_in_relative(pred)) is not None:
        return named, False
    # the subject nearest the verb: a dateline ("WARSAW — Poland's parliament approved") is another
    lefts = list(pred.lefts)  # nearest first: the left dependents from the verb back, then the right ones
    lefts.reverse()
    for kid in (*lefts, *pred.rights):
        if kid.lower_ in NEGATIONS:
            continue  # "has n't backed off" written apart: the parser may make the negation a subject
        if kid.dep_ in ("nsubj", "csubj", "nsubjpass"):
            if pred.dep_ == "relcl" and kid.lower_ in RELATIVE_PRONOUNS:
                if kid.lower_ == "who" and disagrees(kid, pred.head):
                    return singular_above(pred.head), kid.dep_ == "nsubjpass"
                return pred.head, kid.dep_ == "nsubjpass"
            if quoted_title(kid, pred):  # 'said on Channel 4's "Morning Hour."': a programme, not who spoke
                return signed_between(pred), False
            doer = addressed(after_according(kid), pred)
            return (after_dateline(doer) if doer is not None else None), kid.dep_ == "nsubjpass"
    for aux in pred.children:  # "Ruiz has, according to filings, advised ...": the parser hung it on "has"
        inner = next((c for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            if aux.dep_ in ("aux", "auxpass") and aux.i < pred.i else None
        if inner is not None and inner.lower_ not in NEGATIONS:
            return inner, inner.dep_ == "nsubjpass"
    doers = according_doers(pred)
    if doers is not None:
        return doers, False
    inverted = inverted_subject(pred)
    if inverted is not None:  # '"...," wrote a man from Ohio': the writer, parsed as an object
        return inverted, False
    for clause in pred.children:  # "Trump, asked about the wall, said ...": the subject the parser gave "asked"
        inner = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause.i < pred.i else None
        if inner is not None and clause.dep_ in ("ccomp", "advcl") and interpolated(clause, inner):
            return inner, False
    head = pred.head
    if pred.dep_ in ("conj", "dep") and (own := after_semicolon(pred)) is not None:
        return own, False
    if (own := glued_subject(pred)) is not None:  # "... the striker Ivo Marr Chile's government vowed"
        return own, False
    if (own := dated_subject(pred)) is not None:  # "In 2014 Norway agreed ...", parsed "in [2014 Norway]"
        return own, False
    if (served := quoted_sign(pred)) is not None:  # "banners reading 'No cuts' to demand ...": the marchers
        return subject_of(served, depth + 1)
    if (relative := after_relative(pred)) is not None:  # "the envoy, whom X met, then urged ...": X
        return subject_of(relative, depth + 1)
    if head == pred:
        first = listed_first(pred)
        return subject_of(first, depth + 1) if first is not None else (None, False)
    if pred.dep_ in ("acomp", "oprd"):  # "is unlikely [to approve]": the copula's subject
        return subject_of(head, depth + 1)
    if pred.dep_ == "conj" or (pred.dep_ == "xcomp" and not has_object(head)):
        if pred.dep_ == "conj" and head.head != head and outer_conj(pred):
            above = clause_above(head)  # "Moscow fears [X's days are numbered] and is ..."
            return subject_of(above, depth + 1) if above is not None else (None, False)
        inner = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if pred.dep_ == "conj" and head.dep_ == "ccomp" and head.head.i < head.i and inner is not None \
                and inner.pos_ != "PRON" and any(c.dep_ == "ccomp" for c in pred.children) \
                and not any(c.dep_ == "ccomp" for c in head.children):
            return None, False  # "claims that X takes orders, and asserts that ...": who asserts, unsettled
            # ("said that he would offer a prayer but did not suggest ...": he, whichever clause)
        subj, passive = subject_of(head, depth + 1)
        return subj, own_voice(pred, passive) or _when_done_to(pred)
    if (verb := short_of(pred)) is not None:  # "stopped short of endorsing X": the one who stopped
        return subject_of(verb, depth + 1)
    if pred.dep_ in ("advcl", "acl", "pcomp") and pred.tag_ in ("VBG", "VBN") and not _marked(pred):
        if pred.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head, pred.tag_ == "VBN"
        subj, passive = subject_of(head, depth + 1)  # "Asked whether ..., Ruiz said": Ruiz was asked
        return subj, passive or (pred.tag_ == "VBN" and not any(c.lower_ == "having" for c in pred.children))
    if pred.dep_ == "relcl":  # "the latest to be threatened by X": the head is the one it is done to
        return head, any(c.dep_ == "auxpass" for c in pred.children)
    return None, False


def _when_done_to(conj: Token) -> bool:
    """A bare past participle coordinated after "when" or "if" ("spoke, and when asked whether ..., said"):
    done to the subject, not by it."""
    return conj.dep_ == "conj" and conj.tag_ == "VBN" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "if", "once", "whenever", "unless", "until")
        and c.i < conj.i for c in conj.children) and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in conj.children)


def own_voice(pred: Token, inherited: bool) -> bool:
    """Whether a predicate sharing another's subject is passive: its own voice ("had the better resume but
    was seen as aloof": passive; "was asked about it and said ...": active), or the voice it shares ("was
    arrested and charged")."""
    if any(c.dep_ in ("auxpass", "agent") for c in pred.children):
        return True  # "was nominated by X and confirmed by the Senate": passive, whatever the tagger says
    if pred.dep_ == "conj" and (pred.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in pred.children)):
        return False
    return inherited


def singular_above(noun: Token) -> Token | None:
    """The singular noun a plural one hangs under ("a senator courting mayors who often seems ..."):
    the one a singular "who" stands for; none when the plural noun hangs under no noun."""
    tok = noun
    for _ in range(5):
        if tok.dep_ not in ("pobj", "prep", "acl", "appos", "compound", "nmod") or tok.head == tok:
            return None
        tok = tok.head
        if tok.tag_ in ("NN", "NNP"):
            return tok
    return None


def main_verb_in_relative(pred: Token) -> Token | None:
    """ "X, a diplomat whom the bloc appointed as envoy, put the plan to Y": the parser may take the main verb
    for the relative clause's, the relative pronoun as its object beside an object of its own. A verb
    cannot have both: it is the sentence's, its subject the name the description stands beside."""
    if pred.dep_ != "relcl" or pred.i == 0 or pred.nbor(-1).text != ",":
        return None
    objects = [c for c in pred.children if c.dep_ == "dobj"]
    if not any(c.lower_ in RELATIVE_PRONOUNS and c.i < pred.i for c in objects) or not any(
            c.i > pred.i for c in objects):
        return None
    head = pred.head.head if pred.head.dep_ == "appos" else pred.head
    return head if head.dep_ == "ROOT" and head.pos_ == "PROPN" else None


def after_semicolon(pred: Token) -> Token | None:
    """The subject of a clause after a semicolon that the parser hung on the clause before ("Most donors
    gave little; Ruiz, according to the ledger, pledged $5,000"): the name that opens the clause, right
    before the verb or before an aside set off by commas."""
    doc = pred.doc
    semi = next((t.i for t in reversed(doc[pred.sent.start:pred.i]) if t.text == ";"), None)
    if semi is None or semi + 1 >= pred.i or pred.head.i > semi:
        return None
    name = doc[semi + 1]
    while name.dep_ == "compound" and name.head.i == name.i + 1 and name.head.i < pred.i:
        name = name.head
    if name.pos_ != "PROPN" or semi < name.head.i < pred.i:
        return None  # a name the clause itself holds ("...; in Paris, Ruiz pledged") is parsed right
    aside = doc[name.i + 1].text == "," and doc[pred.i - 1].text == "," and name.i + 2 < pred.i - 1
    return name if name.i + 1 == pred.i or aside else None


def listed_first(pred: Token) -> Token | None:
    """Repair a misparse of a list of verb phrases sharing one subject ("He has claimed that ..., pledged
    to ... and vowed to ..."): the parser made the first phrase a reported clause of the second, as if
    quoted. The first phrase, when the sentence's root has no subject of its own and that phrase opens
    the sentence with its subject, unquoted, and ends with a comma right before the root."""
    if pred.pos_ not in ("VERB", "AUX") or pred.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    first = next((c for c in pred.children if c.dep_ == "ccomp" and c.i < pred.i), None)
    if first is None or first.left_edge.i != pred.sent.start or in_quote(first):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < first.i for c in first.children):
        return None
    if not any(c.dep_ in ("aux", "auxpass") for c in first.children) and first.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    between = pred.doc[first.right_edge.i + 1:pred.i]
    if not between or not all(t.is_punct for t in between) or not any(t.text == "," for t in between):
        return None
    return first


def fronted_list(pred: Token) -> list[Token]:
    """Repair a common misparse: a subject list read as part of a fronted place phrase ("In a
    meeting in Cairo, Egypt and Jordan agreed": Egypt and Jordan are the subject, not more places).
    Returns the conjuncts after the phrase's own object, when the verb has no subject."""
    for prep in pred.children:
        if prep.dep_ != "prep" or prep.i > pred.i:
            continue
        last = max((t for t in prep.subtree), key=lambda t: t.i)
        if last.i + 1 < pred.i and not all(t.is_punct for t in pred.doc[last.i + 1:pred.i]):
            continue
        for tok in prep.subtree:
            conj = [c for c in tok.conjuncts if c.i > tok.i]
            if tok.dep_ == "pobj" and conj and conj[-1].right_edge.i >= last.i - 1:
                return conj
    return []


def agrees(pred: Token, subj: Token) -> bool:
    """A finite verb agrees in number with the subject it would inherit ("is" with "days" does not)."""
    finite = [t.tag_ for t in [pred, *pred.children] if t.tag_ in ("VBZ", "VBP") and (t == pred or t.dep_ == "aux")]
    if not finite or subj.tag_ not in ("NN", "NNP", "NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children):
        return True
    plural = subj.tag_ in ("NNS", "NNPS")
    return (finite[0] == "VBP") == plural


def has_object(tok: Token) -> bool:
    """An object the verb's to-clause is about ("pushed senators to reject"; "called on voters to oppose",
    "counted upon her to"): who is to do what the clause says, not the verb's subject ("decided on Monday to")."""
    return any(c.dep_ in ("dobj", "dative") or c.dep_ in ("prt", "prep") and c.lower_ in ("on", "upon") and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children) for c in tok.children)


def _marked(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ not in ("while", "after", "before", "by") for c in tok.children)


def agent_of(pred: Token) -> Token | None:
    """The `by` agent of a passive predicate."""
    for kid in pred.children:
        if kid.dep_ == "agent":
            return next((g for g in kid.children if g.dep_ == "pobj"), None)
    return None


TIME_MARKS = ("after", "before", "when", "once", "until", "since", "while")


def outer_conj(conj: Token) -> bool:
    """A coordinated verb the parser hung inside a clause that belongs to the clause above: it does
    not agree with the inner subject ("fears [X's days are numbered] and is getting serious"), or it
    is finite where the inner clause is not ("warned Biden [not to play with fire] and called on ...")."""
    part = conj.head
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return False
    if part.tag_ == "VB" and conj.tag_ == "VBD" and conj.lower_ == conj.lemma_.lower():
        return False  # "hopes X will win and put forward a budget": "put" is bare like "win", whatever its tag
    subj = next((c for c in part.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and not agrees(conj, subj):
        return True
    if subj is not None and _names_again(conj, subj):
        return True  # "said [developed countries had a duty] and accused them of ...": not their own act
    if conj.tag_ == "VBD" and part.tag_ in ("VBZ", "VBP") and part.dep_ in ("relcl", "ccomp"):
        return True  # "rejected the demand for [the areas they control] and accused X": the past of the clause above
    if part.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in part.children) \
            and conj.i >= 2 and conj.doc[conj.i - 1].dep_ == "cc" and conj.doc[conj.i - 2].text == ",":
        return True  # "met Y, shortly after he arrived, and had lunch with Z": the main clause goes on
    finite = conj.tag_ in ("VBD", "VBZ", "VBP")
    if conj.tag_ == "VBD" and part.dep_ == "ccomp" and any(a.tag_ == "VBD" for a in islice(part.ancestors, 2)) \
            and any(c.dep_ == "aux" for c in part.children) and not any(c.dep_ == "aux" for c in conj.children):
        return True  # "denied that Tehran [had sought] weapons and accused Israel", "said he hopes [files have
        # fallen] and urged": the simple past of a clause above
    return finite and part.tag_ in ("VB", "VBG") and part.dep_ in ("xcomp", "ccomp")


_PLURAL_OBJECTS = ("them", "themselves")


def _names_again(conj: Token, subj: Token) -> bool:
    """The coordinated verb's object is a pronoun for the inner subject ("them" after "developed
    countries"): the inner subject is not the one acting."""
    obj = next((c for c in conj.children if c.dep_ in ("dobj", "dative")), None)
    return obj is not None and obj.lower_ in _PLURAL_OBJECTS and subj.tag_ in ("NNS", "NNPS")


def clause_above(tok: Token) -> Token | None:
    """The nearest verb above a token's clause (through the nouns and prepositions a relative clause
    hangs on): the clause a coordinated verb the parser hung inside belongs to."""
    for up in tok.ancestors:
        if up.pos_ in ("VERB", "AUX"):
            return up
    return None


SHORT_OF = ("stop", "fall", "come")  # "stopped short of endorsing X": X left undone


def short_of(pred: Token) -> Token | None:
    """The verb of "stopped (fell, came) short of endorsing X", for the gerund "endorsing": its subject is
    the one who did not endorse X."""
    if pred.dep_ != "pcomp" or pred.tag_ != "VBG" or pred.head.lower_ != "of":
        return None
    short, verb = pred.head.head, pred.head.head.head
    if short.lower_ == "short" and short != verb and verb.lemma_.lower() in SHORT_OF and verb.pos_ == "VERB":
        return verb
    return None
