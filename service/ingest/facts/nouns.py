"""What a noun of position says: a to-clause after it ("promises to fight"), what a colon spells out, a
relative clause that renames the thing before it (", an option X has ruled out"), one by which it was made
("an oath he took to protect X"), the copula above it, and whether its own phrase carries words at all.
Pure functions of the parse.
"""
from __future__ import annotations

from spacy.tokens import Token

from .shapes import LIGHT_VERBS
from .spans import child, trimmed_end


def described(doc, content: tuple[int, int]) -> bool:
    """A copula's complement that only describes its subject: an adjective ("is modest", "was very
    vague"), not what the plan or proposal is ("is to cut taxes", "was a ceasefire")."""
    words = doc[content[0]:content[1]]
    root = next((t for t in words if not content[0] <= t.head.i < content[1] or t.head == t), None)
    return root is not None and root.pos_ == "ADJ" and root.dep_ == "acomp"


def says_something(doc, content: tuple[int, int]) -> bool:
    """Does a statement noun's own phrase carry what was said, a clause or a quote ("his claim that X
    lied", 'her "never again" statement', one the parser hung a few words on), not only whose statement it
    is ("his earlier statements")?"""
    if any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in doc[content[0]:content[1]]):
        return True
    after = doc[content[1]:min(content[1] + 6, len(doc))]  # "his statement on Wednesday that ...": hung elsewhere
    return any(t.lower_ == "that" or t.is_quote for t in after)


def infinitive_of(noun: Token) -> tuple[int, int] | None:
    """The to-clause right after a trigger noun that the parser took for a relative clause ("promises
    [to fight for workers]"), for a clause the noun is the subject of, or hung on the light verb above
    ("made a vow [to fight]")."""
    after = noun.right_edge.i + 1
    verb, doc = noun.head, noun.doc
    if noun.dep_ == "nsubj" and verb.pos_ == "VERB" and after < len(doc) and doc[after].tag_ == "TO" \
            and doc[after].head == verb and verb.i > after:
        return after, verb.right_edge.i + 1  # "where his vow to shake things up is ...": taken for its subject
    heads = [noun] + ([noun.head] if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS else [])
    for head in heads:
        for c in head.children:
            if c.dep_ in ("relcl", "advcl") and c.left_edge.i in (noun.i + 1, after) and c.left_edge.lower_ == "to" \
                    and c.left_edge.tag_ == "TO" and c.pos_ in ("VERB", "AUX"):
                return c.left_edge.i, c.right_edge.i + 1
    made = made_in_relative(noun)  # "an oath he took [to protect X]"
    return _to_clause(made[0]) if made is not None else None


def made_in_relative(noun: Token) -> tuple[Token, Token] | None:
    """(light verb, its subject) of a relative clause by which a trigger noun is made or taken to do
    something ("an oath he took to protect X", "the pledge that Chile made to cut emissions"): the subject
    holds it. None for "the pledge that was made", "a vow he never made", "statements he had made" (no
    act pledged: whose words they were is left to the clause around)."""
    for c in noun.children:
        if c.dep_ == "relcl" and c.i > noun.i and c.lemma_.lower() in LIGHT_VERBS and not any(
                k.dep_ in ("neg", "auxpass") or k.lower_ in ("never", "n't", "n’t") for k in c.children):
            subj = next((k for k in c.children if k.dep_ == "nsubj" and k.i < c.i), None)
            if subj is not None and subj.lower_ not in ("who", "which", "that") and _to_clause(c) is not None:
                return c, subj
    return None


def _to_clause(verb: Token) -> tuple[int, int] | None:
    """The to-clause after a verb ("took [to protect X]")."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.i > verb.i and c.left_edge.lower_ == "to" \
                and c.left_edge.tag_ == "TO" and c.pos_ in ("VERB", "AUX"):
            return c.left_edge.i, c.right_edge.i + 1
    return None


def copula_above(noun: Token) -> Token | None:
    """The verb whose subject contains `noun` ("One of the areas of agreement ... was on Z")."""
    tok = noun
    for _ in range(6):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.head
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def with_nominal_conjunct(copula: Token, content: tuple[int, int]) -> tuple[int, int]:
    """The complement with a noun phrase the parser coordinated with the copula instead of it ("my fear
    is a country with a pipeline [and no one left to work on it]"); a conjoined clause stays out."""
    for c in copula.children:
        if c.dep_ == "conj" and c.i >= content[1] and c.pos_ in ("NOUN", "PROPN", "PRON") \
                and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "cop") for g in c.children) \
                and all(t.dep_ in ("cc", "punct") for t in copula.doc[content[1]:c.left_edge.i]):
            return content[0], max(content[1], c.right_edge.i + 1 if not c.right_edge.is_punct else c.right_edge.i)
    return content


RELATIVE_OBJECTS = ("that", "which")


# nouns that rename a thing one can take a stance on ("a minority government, an option ..."); not "a move"
# or "a step", which rename the act told before them
RENAMING_NOUNS = ("option", "idea", "proposal", "plan", "measure", "policy", "demand", "offer", "suggestion",
                  "solution", "compromise", "scenario", "possibility", "arrangement", "deal", "request",
                  "condition", "alternative", "approach", "formula", "reform", "tax", "target")


def renamed_relative(pred: Token) -> Token | None:
    """A relative clause with a named subject and no object of its own, on a noun set off by a comma
    after another noun phrase (", an option Ms Brouwer has ruled out", ", an idea that Iran rejected"):
    the writer's account of that thing. Its object: the head of the noun phrase the noun renames."""
    if pred.dep_ != "relcl" or pred.pos_ != "VERB":
        return None
    subj = child(pred, "nsubj")
    if subj is None or subj.pos_ != "PROPN" or any(
            c.dep_ == "dobj" and c.lower_ not in RELATIVE_OBJECTS for c in pred.children):
        return None
    head = pred.head
    comma = head.left_edge.i - 1
    if head.pos_ != "NOUN" or head.lemma_.lower() not in RENAMING_NOUNS or head.dep_ not in ("appos", "npadvmod"):
        return None
    if comma < 1 or pred.doc[comma].text != ",":
        return None
    renamed = head.head if head.dep_ == "appos" else pred.doc[comma - 1]
    return renamed if renamed.pos_ in ("NOUN", "PROPN") and renamed.i < comma else None


def reduced_passive(pred: Token) -> bool:
    """A participle set off after a noun with its doer ("the visa, approved by the leaders in 2023,", "a
    treaty signed by both in 2019"): the writer's account of what was done to that thing, whatever clause
    holds the noun."""
    return pred.dep_ == "acl" and pred.tag_ == "VBN" and pred.head.pos_ in ("NOUN", "PROPN") \
        and any(c.dep_ == "agent" for c in pred.children)


def after_colon(noun: Token) -> tuple[int, int] | None:
    """ "I made an offer: any company that builds a smelter will have a share": what a noun of position
    names, spelled out after a colon straight after its phrase (three words or more, to the sentence's end)."""
    doc, sent = noun.doc, noun.sent
    colon = noun.right_edge.i + 1
    if colon >= sent.end or doc[colon].text != ":" or sum(1 for t in doc[colon + 1:sent.end] if t.is_alpha) < 3:
        return None
    return colon + 1, trimmed_end(doc, colon + 1, sent.end)


# texts that speak for whoever wrote or issued them ("the majority opinion, written by Justice X, said")
AUTHORED = ("opinion", "ruling", "judgment", "letter", "report", "statement", "communique", "communiqué", "memo",
            "memorandum", "study", "review", "audit", "analysis", "note", "paper", "declaration", "petition")
AUTHORING = ("write", "sign", "draft", "author", "prepare")  # not "issued by" a chair for a bloc


def author_of(noun: Token) -> Token | None:
    """Who a text noun says is its author: "a report by the IAEA", "the opinion, written by Justice X,"
    (the agent of a participle that made it); None for other nouns."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in AUTHORED:
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in AUTHORING:
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


LEADING = ("lead", "head", "chair")  # "its bench, led by Senator X,": the group X leads acts through X


def leader_of(noun: Token) -> Token | None:
    """The one who leads an unnamed group set off with a participle ("its bench, led by Senator X, demanded"):
    the agent of "led/headed/chaired by"; None for other nouns."""
    if noun.pos_ != "NOUN":
        return None
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in LEADING:
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None

