"""Unnamed people who speak: "a former defense official said", "one Democrat familiar with the talks
said", "one of his aides said"; shares of people polled ("61 percent of voters said", a Group); texts
with no author named ("a news report said", "according to a new poll", an Organization).
Each is an actor of its document (a Person labelled by the phrase), so that their words have a
holder and the pronouns after them ("..., he added") and a later "the official" mean them, not the
nearest person named. The nouns are the people nouns of group_heads in the singular ("official" for
"officials"), "person", and party members ("a Republican").
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..iris import slug
from ..model import Actor
from . import columns

INDEFINITE = ("a", "an", "another", "one")
CLOSE_QUOTES = ("”", '"', "’", "''")
SUPPOSED = ("when", "whenever", "if", "unless", "once", "until")
SINGULAR = ("democrat", "republican", "person", "spokesman", "spokeswoman", "spokesperson")
_LEFT = ("amod", "compound", "nmod", "npadvmod", "nummod")  # "a former defense official", "a senior U.S. official"
_RIGHT_ADJ = ("familiar", "close")  # "familiar with the talks", "close to the president"
_RIGHT_PREPS = ("with", "in", "at", "from", "for", "on", "to", "of")
_MAX_LABEL = 10  # tokens
_INVERTED_DEPS = ("dobj", "attr", "npadvmod", "oprd", "appos")  # how the parser attaches an inverted subject
_SPEAKING_DEPS = ("nsubj", "pobj", *_INVERTED_DEPS)  # the dependencies of the nouns _speaks can pass


@dataclass(frozen=True)
class Unnamed:
    head: int  # token index of the noun (or of "one" in "one of his aides")
    start: int  # token span of the label [start, end)
    end: int
    actor: Actor
    noun: str  # the singular noun ("official"), for a later "the official"


def person_noun(tok: Token, heads: set[str]) -> bool:
    """A singular noun naming a person by what they do or belong to ("official", "aide", "Democrat")."""
    lemma = tok.lemma_.lower()
    return tok.tag_ in ("NN", "NNP") and (lemma + "s" in heads or lemma in SINGULAR)


def find(doc: Doc, heads: set[str], key_at: list[str | None], kind_of,
         tokens: list[Token] | None = None) -> list[Unnamed]:
    """Unnamed people as subjects of a clause, in text order. kind_of(key): an actor's kind."""
    tokens = doc if tokens is None else tokens
    out = []
    for tok in (tokens[i] for i in columns.where(doc, "dep", _SPEAKING_DEPS)):  # those _speaks can pass
        if key_at[tok.i] or not _speaks(tok):
            continue
        noun = tok
        if tok.lower_ == "one":  # "one of his aides said": the one, of the group named
            noun = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS")
                         and g.lower_ in heads), None)
            if noun is None:
                continue
            start, end = tok.i, noun.right_edge.i + 1
            singular = noun.lemma_.lower()
        else:
            if not person_noun(tok, heads) or not _indefinite(tok) or any(
                    c.dep_ == "appos" and any(key_at[t.i] for t in c.subtree) for c in tok.children):
                continue  # "another pollster, Ana Ruiz of Clemson, said": the name says who
            if _owned(tok, key_at):
                continue  # "a spokesman for the State Department said": the department speaks
            start = min([tok.i, *(c.left_edge.i for c in tok.children if c.dep_ in (*_LEFT, "det") and c.i < tok.i)])
            end = max([tok.i, *(c.right_edge.i for c in tok.children if c.i > tok.i and _describes(c))]) + 1
            singular = tok.lemma_.lower()
        if end - start > _MAX_LABEL or any(doc[i].text in (",", "—", "(") for i in range(start, end)):
            continue  # long, or an apposition ("an aide, Luis Vega,"): not a label
        label = " ".join(t.text for t in doc[start:end] if not t.is_space).strip(" ,")
        label = label[0].upper() + label[1:]
        actor = Actor("unnamed-" + slug(label), label, "Person", {label})
        actor.member_of |= {key_at[i] for i in range(start, end)
                            if key_at[i] and kind_of(key_at[i]) not in (None, "Person")}
        out.append(Unnamed(tok.i, start, end, actor, singular))
    return out + shares(doc, key_at, tokens) + documents(doc, key_at, tokens)


# nouns of a share of people polled ("61 percent of voters said", "half said", "a majority of them said")
SHARES = ("percent", "%", "percentage", "majority", "minority", "plurality", "half", "third", "thirds", "quarter",
          "quarters", "fifth", "fifths", "tenth", "tenths", "share", "proportion")
WHOLE_SHARES = ("majority", "minority", "plurality", "half", "share", "proportion")  # no number needed
# verbs a share of people polled is the subject of when it reports their view
POLLED_VERBS = ("say", "tell", "call", "think", "believe", "view", "see", "approve", "disapprove", "support",
                "oppose", "favor", "favour", "prefer", "want", "expect", "agree", "disagree", "rate", "describe",
                "consider", "feel", "report", "back", "trust", "distrust", "worry", "fear", "blame", "reject")


def shares(doc: Doc, key_at: list[str | None], tokens=None) -> list[Unnamed]:
    """Shares of people polled who say something ("Sixty-one percent of likely voters said", "Half said",
    "Seven in 10 Republicans say"): a Group of the document labelled by the phrase as written, so that
    what they said has a holder and is never credited to a person named nearby."""
    out, scope, tokens = [], None, doc if tokens is None else tokens
    for tok in (tokens[i] for i in columns.where(doc, "dep", ("nsubj",))):  # the subjects: the only ones read
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in POLLED_VERBS:
            continue
        counted = [c for c in [tok, *tok.children] if (c.dep_ == "nummod" or c is tok) and c.pos_ == "NUM"
                   and any(q.lower_ == "in" for q in c.children)]  # "Seven in 10 (voters) say"
        if tok.lower_ not in SHARES and not counted:  # "Seven in 10 Republicans say"
            continue
        numbered = any(c.dep_ == "nummod" for c in tok.children)
        if tok.lower_ in SHARES and tok.lower_ not in WHOLE_SHARES and not numbered:
            continue  # "the third said": not a share counted
        start, end = tok.left_edge.i, tok.right_edge.i + 1
        if end - start > _MAX_LABEL or any(doc[i].text in (",", "—", "(", "who", "that") for i in range(start, end)):
            continue
        label = " ".join(t.text for t in doc[start:end] if not t.is_space).replace(" - ", "-").strip(" ,")
        label = label[0].upper() + label[1:]
        if scope is None:  # a share is of one poll: an actor of this document only
            scope = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:10]
        actor = Actor(f"unnamed-{slug(label)}-{scope}", label, "Group", {label})
        actor.member_of |= {key_at[i] for i in range(start, end) if key_at[i]}  # "of Democrats": of them
        out.append(Unnamed(tok.i, start, end, actor, tok.lemma_.lower()))
    return out


# texts that speak when no author is named ("a news report said", "the study found", "according to a new poll")
DOCUMENT_NOUNS = ("report", "poll", "survey", "study", "analysis", "memo", "review", "audit", "investigation",
                  "assessment", "estimate", "census", "tally", "count", "projection", "forecast", "paper", "filing",
                  "index", "tracker", "average", "polling")
# "according to recent polls", "exit polling": no determiner needed (records and data stay no one's)
MASS_DOCUMENTS = ("polling",)
# verbs by which such a text reports ("the study found that ...")
FINDING_VERBS = ("say", "find", "show", "suggest", "conclude", "indicate", "report", "state", "note", "claim",
                 "warn", "reveal", "predict", "put", "recommend", "estimate", "project", "describe", "allege")


def documents(doc: Doc, key_at: list[str | None], tokens=None) -> list[Unnamed]:
    """Texts that speak with no author named: the subject of a verb of finding ("A news report published
    on Tuesday said", "The study found") or the object of "according to" ("according to a new poll"). An
    Organization of the document labelled by the phrase; a text whose author is named ("a report by the
    audit office", "the ministry's report") is left to its author."""
    out, scope, tokens = [], None, doc if tokens is None else tokens
    for tok in (tokens[i] for i in columns.where(doc, "pos", ("NOUN",))):  # the nouns: the only ones read
        lemma = tok.lemma_.lower()
        if lemma not in DOCUMENT_NOUNS or tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS"):
            continue
        according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
        finding = tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in FINDING_VERBS
        det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "poss")), None)
        bare = det is None and (tok.tag_ == "NNS" or lemma in MASS_DOCUMENTS)  # "recent polls", "exit polling data"
        if not (according or finding) or (det not in ("a", "an", "the", "this", "these", "another") and not bare):
            continue
        if any(key_at[t.i] for t in tok.subtree) or any(c.dep_ in ("poss", "relcl") for c in tok.children):
            continue  # "a poll by Quinnipiac", "the ministry's report": its author speaks
        left = [c.left_edge.i for c in tok.children if c.dep_ in (*_LEFT, "det", "amod") and c.i < tok.i]
        start = min([tok.i, *left])
        end = max([tok.i, *(c.right_edge.i for c in tok.children if c.i > tok.i and _describes(c))]) + 1
        if end - start > _MAX_LABEL or any(doc[i].text in (",", "—", "(") for i in range(start, end)):
            continue
        label = " ".join(t.text for t in doc[start:end] if not t.is_space).strip(" ,")
        label = label[0].upper() + label[1:]
        if scope is None:
            scope = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:10]
        actor = Actor(f"unnamed-{slug(label)}-{scope}", label, "Organization", {label})
        out.append(Unnamed(tok.i, start, end, actor, tok.lemma_.lower()))
    return out


def _speaks(tok: Token) -> bool:
    """Is the noun where a source stands: a subject (also after the quote it reports), the object of
    "according to", or the agent of a passive? Not someone supposed ("when a leader says ...")."""
    dep, head = tok.dep_, tok.head
    if dep == "nsubj" or (dep in _INVERTED_DEPS and inverted_subject(head) == tok):
        stands = True
    else:  # the cheap tests first: most tokens are none of these
        stands = dep == "pobj" and ((head.lower_ == "to" and head.head.lower_ == "according") or head.dep_ == "agent")
    return stands and not any(c.dep_ in ("mark", "advmod") and c.lower_ in SUPPOSED for c in head.children)


def inverted_subject(verb: Token) -> Token | None:
    """The subject of a verb written after the quote it reports ('"...," said a senior official',
    '"...," added Ana Ruiz'), which the parser often takes for an object. None elsewhere."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    doc, j = verb.doc, verb.i - 1
    while j > verb.sent.start and doc[j].text == ",":
        j -= 1
    if j < 0 or doc[j].text not in CLOSE_QUOTES or j < verb.sent.start - 1:
        return None
    return next((c for c in verb.children if c.i > verb.i and c.dep_ in _INVERTED_DEPS
                 and c.pos_ in ("NOUN", "PROPN")), None)


def _owned(tok: Token, key_at: list[str | None]) -> bool:
    """Does the noun name whom the person speaks for ("for the State Department", "the ministry's")?"""
    return any(c.dep_ == "poss" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "at") and any(
            g.dep_ == "pobj" and key_at[g.i] for g in c.children) for c in tok.children)


def _indefinite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in tok.children if c.i < tok.i)


def _describes(child: Token) -> bool:
    """A phrase after the noun that says which person ("familiar with the talks", "in the Philippines")."""
    if child.dep_ == "amod" and child.lower_ in _RIGHT_ADJ:
        return True
    return child.dep_ == "prep" and child.lower_ in _RIGHT_PREPS and child.i == child.head.i + 1
