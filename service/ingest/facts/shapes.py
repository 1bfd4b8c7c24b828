"""Shapes of a clause the positions builder tests a predicate for: a performative ("I want to thank"),
a hoped-for outcome, money received, a question asked, a for-to clause, a content that only describes,
an infinitive after a noun, a time leading a content. Pure functions of the parse.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import kinds
from .clauses import OBJECT_DEPS
from .seams import quoted_title
from .spans import char_span, child

DEONTIC = ("should", "must", "ought")
# verbs that hand their object noun the to-clause the parser hung on them: "made a vow [to fight]"
LIGHT_VERBS = ("make", "issue", "give", "repeat", "renew", "reiterate", "voice", "express", "take", "swear")

# what a speaker does by saying "I want to ..." ("I want to thank", "I want to be honest")
PERFORMATIVES = ("thank", "assure", "congratulate", "commend", "apologize", "apologise", "remind", "welcome",
                 "ask", "mention", "say", "tell", "stress", "emphasize", "emphasise", "express", "acknowledge",
                 "recognize", "recognise", "salute", "applaud", "praise", "add", "share", "note")
CANDOUR = ("honest", "clear", "frank", "candid", "blunt", "direct")


def performative(pred: Token) -> bool:
    """ "I want to thank ...", "we would like to assure ...", "I want to be honest": a first-person
    present wish whose to-clause is the speech act the speaker is making."""
    subj = child(pred, "nsubj")
    act = child(pred, "xcomp")
    if subj is None or subj.lower_ not in ("i", "we") or act is None or pred.tag_ in ("VBD", "VBN"):
        return False
    if act.lemma_.lower() == "be":
        return any(c.dep_ == "acomp" and c.lower_ in CANDOUR for c in act.children)
    return act.lemma_.lower() in PERFORMATIVES


# what one accepts by receiving it, not by agreeing to it: money, honours, people taken in
RECEIVED = ("money", "cash", "donation", "contribution", "gift", "fee", "payment", "check", "bribe", "loan",
            "dollar", "fund", "kickback", "award", "prize", "honor", "honour", "medal", "refugee", "migrant",
            "immigrant", "asylum")


ADVISING = ("may", "might")  # "X may want to check his figures": advice to X, not X's wish


def advice(pred: Token) -> bool:
    """ "may want to reconsider", "might want to check": what the writer advises, not what the
    subject wants (not negated, not in the first person)."""
    subj = child(pred, "nsubj")
    if subj is not None and subj.lower_ in ("i", "we"):
        return False
    if pred.dep_ in ("ccomp", "conj") and (subj is None or subj.lower_ != "you"):
        return False  # "said she may want to run again": her wish, reported with a hedge
    return any(c.dep_ == "aux" and c.lower_ in ADVISING for c in pred.children) and not any(
        c.dep_ == "neg" for c in pred.children)


ABLE = ("can", "could")  # "could agree to work" told by the writer: what is possible, no stance held


def ability(pred: Token) -> bool:
    """ "party leaders who can support any candidate", "voters can reject it": what someone is able or
    free to do, told by the writer; no stance held. Not negated ("cannot support him" is a refusal)."""
    return any(c.dep_ == "aux" and c.lower_ in ABLE for c in pred.children) and not any(
        c.dep_ == "neg" for c in pred.children) and pred.dep_ != "ccomp"


# things a plan is for that name no act: a place, a people, a time ("his plans for Syria", "for their
# country", "plans for the final month"); "a plan for tax cuts" names what is planned
PLAN_TARGETS = ("GPE", "LOC", "NORP", "DATE", "TIME", "PERSON", "ORG", "FAC")
PLACE_NOUNS = ("country", "nation", "region", "city", "state", "world", "people", "continent", "month", "year",
               "week", "term", "future")


def plan_for_target(noun: Token, content: tuple[int, int] | None) -> bool:
    """A plan noun whose content is only the place, people or time the plan is for ("his plans for
    Syria", "her plans for their country"), not an act planned ("plans to build", "plans for a tax")."""
    if content is None or infinitive(noun.doc, content):
        return False
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
        obj = child(prep, "pobj")
        if obj is not None and prep.i <= content[1] and content[0] <= obj.right_edge.i:
            return obj.tag_ != "VBG" and (obj.ent_type_ in PLAN_TARGETS or obj.lemma_.lower() in PLACE_NOUNS)
    return False


WISHES = ("hope", "wish")
CHOOSING = ("decide",)  # an Intention with a to- or that-clause ("decided to run"), not with an object


def wished_outcome(doc, content: tuple[int, int]) -> bool:
    """What a wish noun's content tells: an outcome ("hopes that Latvia will join", "hopes for a landslide"),
    not an act of the holder's ("hope to visit", "the hope of visiting Riga")."""
    first = doc[content[0]]
    return not infinitive(doc, content) and first.tag_ != "VBG" and not (
        first.lower_ == "of" and content[1] > content[0] + 1 and doc[content[0] + 1].tag_ == "VBG")


def outcome(clause: Token) -> bool:
    """A clause that tells how things turn out, not what its subject does: "they will win the case",
    "I can become calmer", "we will be able to win"."""
    if clause.lemma_.lower() in kinds.OUTCOMES:
        return True
    if clause.lemma_.lower() != "be":
        return False
    able = next((c for c in clause.children if c.dep_ == "acomp" and c.lower_ == "able"), None)
    act = child(able, "xcomp") if able is not None else None
    return act is None or act.lemma_.lower() in kinds.OUTCOMES


def money(obj: Token) -> bool:
    """An object received, not agreed to ("$200,000", "donations from oil companies", "the award",
    "more refugees")."""
    return obj.ent_type_ == "MONEY" or obj.lemma_.lower() in RECEIVED or any(
        t.ent_type_ == "MONEY" and t.head == obj for t in obj.children)


def deontic_other(pred: Token, subj: Token | None) -> bool:
    """What someone else should or must do ("China should reject him", "the US must accept the deal") is
    the speaker's proposal, not a position of the subject; "we must reject it" is the speaker's own."""
    heads = [pred] + ([pred.head] if pred.pos_ == "ADJ" or pred.dep_ in ("acomp", "xcomp") else [])
    deontic = any(c.dep_ == "aux" and c.lower_ in DEONTIC for h in heads for c in h.children)
    return deontic and not (subj is not None and subj.lower_ in ("i", "we"))


def asked(pred: Token, subj: Token | None) -> bool:
    """A question ("Does Rubio oppose abortion?", "Will Iran accept the plan?"): the auxiliary opens the
    clause before its subject."""
    if subj is None or subj.head != pred:
        return False
    # the auxiliary before the subject: "Does X oppose ...?", "In short, can X offer ...?"; not one with a
    # subject of its own before it ("The key moment was Smith threatening ...": a copula the parser misread)
    return any(c.dep_ in ("aux", "auxpass") and c.i < subj.left_edge.i
               and not any(g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i for g in c.children) for c in pred.children)


def clausal(doc, content: tuple[int, int] | None) -> bool:
    """A content that is a clause ("to wait", "that the talks resume"), not a noun phrase."""
    if content is None:
        return False
    words = doc[content[0]:content[1]]
    root = next((t for t in words if not content[0] <= t.head.i < content[1] or t.head == t), None)
    return root is not None and root.pos_ in ("VERB", "AUX") and (root.dep_ in ("xcomp", "ccomp") or (
        root.dep_ == "advcl" and root.head.dep_ == "relcl" and root.left_edge.tag_ == "TO"))  # hung in a relative


DARING = ("challenge", "dare")  # "challenged him to a debate": what is put to him is a noun after "to"


def to_phrase(pred: Token, content: tuple[int, int] | None) -> bool:
    """A content that is the object of the verb's own "to" ("challenged X [to a third debate]")."""
    if content is None or content[0] == 0:
        return False
    prep = pred.doc[content[0] - 1]
    return prep.lower_ == "to" and prep.dep_ == "prep" and prep.head == pred


def for_to(pred: Token) -> bool:
    """A to-clause with its own for-subject ("for Japan to endorse the accord"): wanted, possible or
    impossible, never reported as done."""
    to = next((c for c in pred.children if c.dep_ == "aux" and c.tag_ == "TO" and c.i < pred.i), None)
    if to is None:
        return False
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in pred.children):
        return True
    subj = pred.doc[to.i - 1] if to.i > 0 else None  # "disqualifying for a mayor to refuse": "for X" hung above
    return subj is not None and subj.dep_ == "pobj" and subj.head.lower_ == "for" and subj.head.head == pred.head


def asked_object(pred: Token, obj: Token | None) -> bool:
    """An object that is a wh-word before its verb ("whom they would back", "what they oppose"): the
    clause asks or leaves open what the position is about."""
    return obj is not None and obj.i < pred.i and obj.tag_ in ("WP", "WDT") and obj.lower_ in ("whom", "who", "what")


def leading_time(doc, content: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """Split date words the parser put at the start of a content off it."""
    start, end = content
    i = start
    if doc[i].dep_ == "prep" and i + 1 < end and doc[i + 1].ent_type_ == "DATE":
        i += 1  # "on Monday it had begun ..."
    while i < end - 1 and doc[i].ent_type_ == "DATE":
        i += 1
    if i > start and doc[i - 1].ent_type_ != "DATE":
        i = start
    if i < end and doc[i].tag_ == "POS":
        i = start  # "Today's talks": the date belongs to the noun phrase, the content keeps it
    if any(t.dep_ in OBJECT_DEPS for t in doc[start:i]) or (doc[start].dep_ in ("det", "poss")
                                                             and i <= doc[start].head.i < end):
        i = start  # "proposed [the earlier date]", "set [a 2029] deadline": the date is what is proposed
    if i == start:
        return content, None
    span = char_span(doc, start, i)
    return (i, end), span


def without(content: tuple[int, int] | None, obj: Token) -> tuple[int, int] | None:
    """A content range that does not start with the recipient/target object itself."""
    if content is None:
        return None
    start, end = content
    if start <= obj.i < end and obj.right_edge.i + 1 < end:
        return max(start, obj.right_edge.i + 1), end
    return content


def inverted(pred: Token) -> Token | None:
    """The speaker after a speech verb set after what it reports ("..., said Wilders"), when the parser
    also made a subject of the reported clause's: a comma or a closing quote just before the verb."""
    before = pred.doc[pred.i - 1] if pred.i > pred.sent.start else None
    if before is None or before.text not in (",", "”", "\"", "''"):
        return None
    return next((c for c in pred.children if c.dep_ == "nsubj" and c.i > pred.i
                 and not quoted_title(c, pred)), None)  # not 'said on Channel 4's "Morning Hour"'


# speech verbs in -ing by which a recalled speaker's words are told ("recalled the minister telling him")
TELLING = ("say", "tell", "ask", "warn", "insist", "promise", "vow", "explain", "complain", "declare")
RECALLING = ("recall", "remember", "recount", "describe")  # verbs of memory that retell another's words


def recalled_speaker(pred: Token) -> Token | None:
    """The one whose words a speech verb recalls after the quote it frames ('"...," Ruiz recalled the
    minister telling him', '..., she remembered her father saying'): the subject of the -ing speech verb
    it governs, or the object that verb is told of, who said the quoted words. None elsewhere."""
    if pred.lemma_.lower() not in RECALLING or not any(c.dep_ == "ccomp" and c.i < pred.i for c in pred.children):
        return None
    told = next((c for c in [*pred.children, *(g for o in pred.children if o.dep_ == "dobj" for g in o.children)]
                 if c.dep_ in ("ccomp", "xcomp", "advcl", "acl") and c.i > pred.i
                 and c.tag_ == "VBG" and c.lemma_.lower() in TELLING
                 and not any(a.dep_ in ("aux", "auxpass") for a in c.children)), None)  # not "X is telling"
    if told is None:
        return None
    if told.dep_ == "acl":  # "recalled [the minister telling him]" hung on the noun
        return told.head
    # "recalled the minister telling him" with the -ing clause hung on the verb: the object before it
    return child(told, "nsubj") or next((o for o in pred.children if o.dep_ == "dobj" and o.i < told.i), None)


def unique(keys) -> list[str]:
    return list(dict.fromkeys(keys))


def quote_between(first: Token, last: Token) -> bool:
    """A quotation mark between two tokens: one is inside a quote the other is not."""
    return any(t.text in ('"', "“", "”", "''", "``") for t in first.doc[first.i:last.i])


def leading_clause(pred: Token, content: tuple[int, int]) -> bool:
    """A content that is a clause the parser hung before a stance verb ("44 percent back X, while 1 percent
    support Y", "I've always said ... that I would support him"): not what the stance is about; a quote
    before it stays ('"Our ideas differ," agrees X'), and a view told after its clause ("he is right, I
    believe") is not a stance of this kind."""
    if content[1] > pred.i or not any(c.dep_ == "ccomp" and c.i < pred.i and content[0] <= c.i < content[1]
                                      for c in pred.children):
        return False
    return not quote_between(pred.doc[content[1] - 1], pred)


# kinds whose content is what the holder is for: "recommended against X" states the opposite
FAVOURING = ("Proposal", "Demand", "Intention", "Commitment", "Agreement", "Acceptance")


def against(pred: Token, content: tuple[int, int] | None) -> bool:
    """ "recommended against prosecution", "decided against a second term": the content is the object
    of an "against" the verb governs, so it names what the holder opposes, not what he asks for."""
    if content is None or content[0] == 0:
        return False
    before = pred.doc[content[0] - 1]
    return before.lower_ == "against" and before.dep_ == "prep" and before.head == pred


def infinitive(doc, content: tuple[int, int]) -> bool:
    """A content that is a to-clause: "to cut off gas"."""
    first = doc[content[0]]
    return first.tag_ == "TO" and first.head.pos_ in ("VERB", "AUX") and content[0] < first.head.i < content[1]
