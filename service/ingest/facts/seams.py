"""Clauses the parser hangs across a seam it cannot see (clauses.py asks these before it lets a predicate
inherit a subject): a sentence of report glued to the caption or list before it with no period ("...
including the striker Ivo Marr Chile's government vowed to ..."), a purpose clause written after the quoted
words of a sign ("marched with banners reading 'No cuts' to demand ..."), hung on the sign's words, and a
verb that goes on from a relative clause after "then" ("the envoy, whom Ruiz met, then urged ..."), hung on
the root of the sentence; a subject read into an opening date ("In 2014 Norway agreed ..."); a programme's
title in quote marks after the verb read as its subject ('..." Ruiz said on Channel 4's "Morning Hour."').
"""
from __future__ import annotations

from spacy.tokens import Token

from .spans import in_quote

FINITE = ("VBD", "VBZ", "VBP")
THEN = ((",", "then"), ("and", "then"), (",", "and", "then"))  # "whom X met, then urged ..."
SEPARATORS = (",", ";", ":", "—", "–", "-", "(")
CLOSING = ("”", "’", '"', "''")
# participles by which a sign or a placard shows its words: "banners reading", "a sign saying"
SHOWING = ("read", "say", "bear", "proclaim", "declare")


def glued_subject(pred: Token) -> Token | None:
    """The subject of a past verb the parser hung on an earlier clause with no "and" nor comma between
    them, because a sentence of report was glued to the text before it: the noun right before the verb,
    which ends that text's last phrase ("... Ivo Marr Chile's government vowed"). Not a present verb: a
    run of headlines glued together ("... ahead of the vote Ruiz welcomes ...") spills into the next one."""
    head, doc = pred.head, pred.doc
    if pred.dep_ not in ("conj", "advcl") or pred.tag_ != "VBD" or pred.i == 0 or head.i >= pred.i:
        return None
    if any(c.dep_ in ("mark", "nsubj", "nsubjpass", "expl") or c.tag_ in ("WRB", "WDT") for c in pred.children):
        return None  # "..., as Chile vowed", "when it vowed": a clause of its own
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None  # "X met Y discussed ...": one subject for both, as parsed
    if any(t.dep_ in ("cc", "preconj") or t.text in SEPARATORS for t in doc[head.i + 1:pred.i]
           if t.head.i in (head.i, pred.i)):
        return None  # a list of verbs sharing the subject: "came, saw and conquered"
    noun = doc[pred.i - 1]
    if noun.tag_ not in ("NN", "NNS", "NNP", "NNPS") or noun.head.i >= noun.i or noun.head.i == pred.i:
        return None
    return noun


def after_relative(pred: Token) -> Token | None:
    """The relative clause whose subject goes on to a verb written right after it with "then" ("the envoy,
    whom Ruiz met in May, then urged the council to ..."): the parser hung that verb on the sentence's
    root, whose subject is someone else. The subject is that clause's (subject_of the clause returned)."""
    doc = pred.doc
    if pred.dep_ not in ("dep", "conj") or pred.tag_ not in FINITE or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in pred.children):
        return None
    for words in THEN:
        last = pred.i - len(words) - 1
        if last < pred.sent.start or tuple(t.lower_ for t in doc[last + 1:pred.i]) != words:
            continue
        clause = doc[last]
        while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.head.i <= last:
            clause = clause.head
        if clause.dep_ == "relcl" and clause.right_edge.i == last and clause.head.i < clause.i:
            return clause
    return None


def quoted_sign(pred: Token) -> Token | None:
    """The verb a to-clause serves when it follows the quoted words of a sign ("gathered with banners
    reading 'No cuts' to demand ..."): the parser hung it inside the quote or on the participle that
    shows it; it is the purpose of the clause around them. None elsewhere."""
    doc = pred.doc
    to = next((c for c in pred.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < pred.i), None)
    if pred.dep_ not in ("xcomp", "advcl") or pred.tag_ != "VB" or to is None or to.i == 0:
        return None
    if doc[to.i - 1].text not in CLOSING or in_quote(pred):
        return None
    verb, crossed = pred.head, False
    while verb.head.i != verb.i and (in_quote(verb) or _showing(verb)):
        crossed, verb = True, verb.head
    while crossed and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb if crossed and verb.pos_ in ("VERB", "AUX") and not in_quote(verb) else None


def _showing(tok: Token) -> bool:
    """A participle that shows a sign's words ("banners reading", "a placard saying")."""
    return tok.tag_ == "VBG" and tok.lemma_.lower() in SHOWING and tok.dep_ in ("acl", "pcomp", "advcl")


def dated_subject(pred: Token) -> Token | None:
    """The subject the parser swallowed into an opening time ("In 2014 Norway and the EU agreed ...", read
    as "in [2014 Norway]"; "On Friday Fiona Keane met ..."): a verb with no subject whose "in/on" phrase
    before it holds a name right after a date. The name is the subject; the date stays the verb's
    (qualifiers.time_of)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in pred.children):
        return None
    return next((obj for obj in map(dated_name, pred.children) if obj is not None and obj.i < pred.i), None)


def dated_name(prep: Token) -> Token | None:
    """The name in "in 2014 Norway" or "on Friday Fiona Keane" (a preposition whose object is a proper noun
    with a date right before it, as its number or a word of its name), else None."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "on"):
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    doc = prep.doc
    if obj is None or obj.tag_ not in ("NNP", "NNPS") or obj.ent_type_ == "DATE" or prep.i + 1 >= obj.i:
        return None
    date = doc[prep.i + 1]
    if not (date.ent_type_ == "DATE" and (date.like_num and date.head == obj and date.dep_ == "nummod"
                                          or date.dep_ == "compound" and date.head.i <= obj.i and not date.like_num)):
        return None  # "in 2014 Norway", "on Friday Fiona Keane"
    return obj if all(t.dep_ == "compound" and t.head.i <= obj.i for t in doc[prep.i + 2:obj.i]) else None


OPENING = ("“", "‘", '"', "``")


def quoted_title(subj: Token, pred: Token) -> bool:
    """A subject written after its verb between quote marks of its own ('said on Channel 4's "Morning
    Hour."', 'told the network's "Sunday Desk"'): the title of a programme or a work, never who spoke."""
    doc = subj.doc
    start, end = subj.left_edge.i, subj.right_edge.i
    if subj.i < pred.i or start == 0 or doc[start - 1].text not in OPENING:
        return False
    after = doc[end + 1:end + 3]
    return any(t.text in CLOSING for t in after) and all(t.text in CLOSING or t.is_punct for t in after[:1])


def signed_between(pred: Token) -> Token | None:
    """The name written right after the closing mark of a quote and before its speech verb ('...," Ruiz,
    a campaign surrogate, said'), which the parser hung inside the quote: the speaker. None elsewhere."""
    doc, i = pred.doc, pred.i - 1
    close = next((j for j in range(i, pred.sent.start - 1, -1) if doc[j].text in CLOSING), None)
    if close is None or close + 1 >= pred.i:
        return None
    j = close + 1
    while j < pred.i and doc[j].pos_ == "PROPN":
        j += 1
    if j == close + 1 or doc[j].text != "," and j != pred.i:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[j:pred.i]):
        return None  # '..." Ruiz, who had said ..., added': a clause between, not a plain apposition
    return doc[j - 1]
