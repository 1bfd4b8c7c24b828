"""Verb senses: a speech or view verb of the lexicon used in a sense that reports no words and no view.

- "see" holds a view when it sees something as something or sees that something is so ("sees the vote as
  a test"); told by the writer with a plain object it is perceiving or undergoing ("has seen a rise in
  his ratings", "saw his worth balloon", "was seen leaving").
- "consider" holds a view with a small clause ("considers the plan a mistake"); weighing an act or an
  option ("is considering raising the fee", "will not consider the nominee") is deliberating.
- "focus" told by the writer is an activity ("focused on jobs"), not words; with an as-phrase it holds a
  view ("focused on the army as the backbone of the fight").
- "call" reports words when it names something ("called the plan a disaster"); with only an object or a
  particle it is a phone call or a summons ("called her counterpart", "called a session", "called off
  the rally", also with a quote after it), and with a for-clause ("calling for the director to be fired")
  it is a call for: a Proposal.
- "charge" accuses with a with-phrase, a that-clause or as the frame of a quote ("charged him with fraud",
  "charged that ...", '"...," she charged'); with a price or a motion it is a fee or a rush ("charged a fee",
  "charged more than that", "charged into the fray").
- "require" is a demand of a person or a body named as the subject; a rule, a law, a precedent or a
  situation that requires something ("the rules require delegates to", "it will require investments", "an
  act requiring police to report") is a need, not anyone's demand.
- "recognize" acknowledges what is so; recognizing a person, or someone as or in something ("did not
  recognize Paul Meyer", "recognizes himself in them"), is identifying.
- "contend with" or "for" something is competing, not arguing; "contend that" argues.
- "know how to" is a skill, not a view ("knows how to use it"); knowing a person is an acquaintance, being
  known (for, as, by) a reputation or a name, and "let me know" a request to be told; what someone does not
  know, told by the writer ("did not know what to make of it"), is no view.
- a speech verb that someone declines or refuses to use ("declined to comment", "refused to say") reports
  no words.
- "add" something to something, "add to" something, a number of things or a thing with no quote of its own
  ("added a title to his resume", "added to her lead", "added 150,000 jobs", "added trucks") is adding, with
  no that-clause or quote: no words.
- "expect", "believe" and "think" in the passive ("is expected to win") say nobody's view.
- "appeal to" someone with nothing asked ("appeals to young voters") is attracting, no demand.
- "claim" a territory, a share of the vote, a seat or a prize ("claimed 41 percent of the vote") is taking or
  winning it; "claimed victory", "claimed responsibility" and "claims that ..." say something.
- "is to blame" says who is blamed ("the media are to blame for it"): the subject is the culprit, no accuser.
- "work out" with nothing worked out ("worked out at the gym") is exercising, not reaching an agreement.

Inside a quote, a first-person sentence or what a speech verb reports, the view verbs keep their reading:
the speaker's "we have seen a rise" is what they say they saw.
"""
from __future__ import annotations

from dataclasses import replace

from . import kinds
from .clauses import subject_of
from .lexicon import Lexicon, Trigger
from .spans import in_quote

VIEW_VERBS = ("see", "consider", "focus")
NAMING = ("oprd", "ccomp", "xcomp", "acomp", "attr")  # "called it a disaster", "called it 'unfair'"
OWNERS = ("his", "her", "their", "its", "our", "my")
REPORTED_DEPS = ("ccomp", "xcomp", "conj", "advcl", "relcl")
DECLINING = ("decline", "refuse")
PRICE_OR_MOTION = ("for", "into", "through", "at", "toward", "towards", "ahead", "between")
PERSONAL = ("i", "we", "you", "he", "she", "they")
IDENTIFIED = ("him", "her", "them", "me", "us", "himself", "herself", "themselves", "myself")
QUOTE_MARKS = ("“", "”", '"', "‘", "’", "``", "''", "'")


def other_sense(pred, trig: Trigger, passive: bool, lexicon: Lexicon) -> Trigger | None:
    """The trigger a lexicon verb stands for in this sense: kinds.GENERIC when it reports neither words
    nor a view, a call-for Proposal for "calling for X to do Y"; None when the lexicon's reading holds."""
    if trig.pos != "verb":
        return None
    if trig.second is not None:  # "worked out inside the gym": exercising; "worked out a deal" agrees
        return kinds.GENERIC if _exercise(pred, trig, passive) else None
    if trig.word == "call" and trig.speech:
        return _call(pred, trig)
    if trig.speech and pred.dep_ == "xcomp" and pred.head.lemma_.lower() in DECLINING:
        return kinds.GENERIC  # "declined to comment": no words
    if trig.word in OTHER_SENSES and OTHER_SENSES[trig.word](pred):
        return kinds.GENERIC
    if trig.word not in VIEW_VERBS or _spoken(pred, lexicon):
        return None
    if trig.word == "focus":  # "focused on the army as the backbone of the fight": a view, as with "see"
        return None if _as(pred) else kinds.GENERIC
    if passive:
        return kinds.GENERIC  # "was seen as weak": whose view is not said
    if trig.word == "see":
        return None if _as(pred) or _own_clause(pred) else kinds.GENERIC
    return None if _as(pred) or _small_clause(pred) else kinds.GENERIC


def _exercise(pred, trig: Trigger, passive: bool) -> bool:
    """ "work out" with nothing worked out (no object, not passive): exercising, not agreeing."""
    return trig.word == "work" and trig.second == "out" and not passive and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") for c in pred.children)


def _call(pred, trig: Trigger) -> Trigger | None:
    if any(c.dep_ == "prt" and c.lower_ != "out" for c in pred.children):
        return kinds.GENERIC  # "called off the projects", "called up his aide": no naming, whatever follows
    if _names(pred):
        return None
    if for_clause(pred) is not None:
        return replace(trig, second="for", kind="Proposal", object="content")
    return kinds.GENERIC


def _names(pred) -> bool:
    """Does "call" name its object something: a complement ("called it a disaster"), a name or quote the
    parser hung on the object ("called Merkel 'the chancellor of Europe'", "called the chaos 'a lesson'"),
    or "called out" someone?"""
    if any(c.dep_ in NAMING or (c.dep_ == "prt" and c.lower_ == "out") for c in pred.children):
        return True
    objs = [c for c in pred.children if c.dep_ == "dobj"]
    if any(t.dep_ == "appos" or (t.dep_ == "nmod" and t.head == o) for o in objs for t in o.subtree):
        return True
    return any(t.text in QUOTE_MARKS for t in _own_words(pred))


def _own_words(pred):
    """The tokens after the verb up to the end of its own complements (not a clause coordinated after it)."""
    inner = [c for c in pred.children if c.i > pred.i and not (
        c.dep_ in ("conj", "advcl", "parataxis") and c.pos_ in ("VERB", "AUX")) and c.dep_ != "cc"]
    return pred.doc[pred.i + 1:max((c.right_edge.i for c in inner), default=pred.i) + 1]


def for_clause(pred) -> tuple[int, int] | None:
    """Token range of a for-to clause the parser hung on the verb ("calling [for] the director to be fired"),
    after its "for"."""
    clause = next((c for c in pred.children if c.dep_ == "advcl" and c.i > pred.i
                   and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)), None)
    return (clause.left_edge.i + 1, clause.right_edge.i + 1) if clause is not None else None


def _spoken(pred, lexicon: Lexicon) -> bool:
    """Is the verb in someone's words: quoted, said in the first person, or reported by a speech verb?"""
    subj, _ = subject_of(pred)
    if in_quote(pred) or (subj is not None and subj.lower_ in ("i", "we", "you")):
        return True
    if any(c.dep_ == "parataxis" and _speech(c, lexicon) for c in pred.children):
        return True  # "..., he said, he sees the benefits ..."
    tok = pred
    for _ in range(4):
        if tok.dep_ not in REPORTED_DEPS or tok.head == tok:
            return False
        tok = tok.head
        if _speech(tok, lexicon):
            return True
    return False


def _speech(tok, lexicon: Lexicon) -> bool:
    found = kinds.trigger_for(tok, lexicon)
    return found is not None and found[0].speech


def _as(pred) -> bool:
    """ "sees the vote as a test": an as-phrase among the verb's own complements, wherever the parser hung it."""
    return any(t.lower_ == "as" and t.dep_ in ("prep", "advmod") for t in _own_words(pred))


def _own_clause(pred) -> bool:
    """ "saw the driver leave", "sees that the deal holds": a clause with a subject of its own, not the
    subject's own lot ("saw his ratings fall")."""
    for c in pred.children:
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not any(g.dep_ == "poss" and g.lower_ in OWNERS for g in subj.children):
            return True
    return False


def _small_clause(pred) -> bool:
    """ "considers the plan a mistake", "consider the mayor dishonest": an object and what it is
    considered; not an act weighed ("considering raising the fee", "whether to sell")."""
    if any(c.dep_ == "oprd" for c in pred.children):
        return True
    return any(c.dep_ == "ccomp" and c.pos_ in ("NOUN", "ADJ", "PROPN") and any(g.dep_ == "nsubj" for g in c.children)
               for c in pred.children)


def _fee_or_rush(pred) -> bool:
    """ "charged a fee", "charged into the fray": no with-phrase, that-clause or quote framed."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in pred.children):
        return False
    if any(t.lower_ == "with" and t.dep_ == "prep" for t in _own_words(pred)):
        return False
    return any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in PRICE_OR_MOTION)
               for c in pred.children if c.i > pred.i)


def _need(pred) -> bool:
    """ "the rules require ...", "it will require ...", "an act requiring ...": no person or body requires it."""
    subj, passive = subject_of(pred)
    if passive:
        return False
    if subj is None or subj.head != pred:  # a participle ("precedents requiring ...") or a borrowed subject
        return True
    return not (subj.pos_ == "PROPN" or subj.lower_ in PERSONAL)


def _identifying(pred) -> bool:
    """ "did not recognize Paul Meyer", "recognizes his family in them", "recognize X as Y"."""
    obj = next((c for c in pred.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    person = obj.ent_type_ == "PERSON" or obj.lower_ in IDENTIFIED
    return person or any(t.lower_ in ("as", "in") and t.dep_ == "prep" for t in _own_words(pred))


def _competing(pred) -> bool:
    """ "the rivals with whom he was contending": no that-clause, no quote framed; competing."""
    return not any(c.dep_ in ("ccomp", "parataxis") for c in pred.children) and any(
        c.dep_ == "prep" and c.lower_ in ("with", "for", "against") for c in pred.children)


def _know_how(pred) -> bool:
    """ "knows how to use it": a skill, not a view; "knew the senator for decades": an acquaintance; "is
    known for his pitching", "known as X": a reputation or a name; "let me know": a request to be told."""
    if any(c.dep_ == "xcomp" and any(g.lower_ == "how" for g in c.children) for c in pred.children):
        return True
    _, passive = subject_of(pred)
    if passive or (pred.tag_ == "VBN" and pred.dep_ in ("acl", "amod")):
        return True
    if pred.dep_ in ("ccomp", "xcomp") and pred.head.lemma_.lower() == "let":
        return True
    if _unknown(pred):
        return True
    obj = next((c for c in pred.children if c.dep_ == "dobj"), None)
    return obj is not None and (obj.ent_type_ == "PERSON" or obj.lower_ in IDENTIFIED) and not any(
        c.dep_ in ("ccomp", "xcomp", "oprd") for c in pred.children)


def _unknown(pred) -> bool:
    """ "did not know what to make of him", "neither party knows which side it helps", told by the writer:
    what someone does not know is no view they hold."""
    subj, _ = subject_of(pred)
    if in_quote(pred) or (subj is not None and subj.lower_ in PERSONAL[:3]):
        return False
    return any(c.dep_ == "neg" for c in pred.children) or (
        subj is not None and any(t.lower_ in ("neither", "nor") for t in subj.subtree))


def _adding(pred) -> bool:
    """ "added a title to his resume", "added to her lead", "added 150,000 jobs": adding to something, no
    words; a that-clause, a quote in the sentence or a person told ("added to reporters") keeps "add" said."""
    if pred.dep_ == "parataxis" or _set_between_commas(pred) or any(c.dep_ in ("ccomp", "parataxis")
                                                                   for c in pred.children):
        return False  # "But, the president added, the legacy endures": set into the words it reports
    thing = any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in SAYINGS for c in pred.children)
    if thing and not any(t.text in QUOTE_MARKS for t in _own_words(pred)):
        return True  # "added trucks", "would add new layers of complexity": a thing added, no words
    if any(t.text in QUOTE_MARKS for t in pred.sent):
        return False
    to = [g for c in pred.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
          for g in c.children if g.dep_ == "pobj"]
    if to:
        return not any(g.ent_type_ == "PERSON" or g.lower_ in IDENTIFIED or g.lemma_.lower() in TOLD for g in to)
    return any(c.dep_ == "dobj" and any(g.dep_ == "nummod" for g in c.children) for c in pred.children)


def _set_between_commas(pred) -> bool:
    """Is the verb with its subject set off by commas ("But, the minister added, the legacy ...")?"""
    doc = pred.doc
    subj = next((c for c in pred.children if c.dep_ == "nsubj" and c.i < pred.i), None)
    return subj is not None and subj.left_edge.i > 0 and doc[subj.left_edge.i - 1].text == "," \
        and pred.i + 1 < len(doc) and doc[pred.i + 1].text == ","


def _attracting(pred) -> bool:
    """ "appeals to a demographic", "able to appeal to a group of folks": drawing someone's favour; an appeal
    asks for something ("appealed to them not to vote", "appealed for calm", "appealed the ruling")."""
    if any(c.dep_ in ("xcomp", "advcl", "ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ == "for")
           for c in pred.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in pred.children)


def _passive_view(pred) -> bool:
    """ "is expected to win", "who is thought to be a candidate": whose view it is, the sentence does not say
    (a participle, "a ruling expected next week", is left to the rules of the clause around it)."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in pred.children)


SAYINGS = ("note", "caveat", "warning", "word", "comment", "remark", "point", "thought", "voice", "observation")
TOLD = ("reporter", "journalist", "audience", "crowd", "supporter", "voter", "viewer", "listener")
UNNAMED = ("name", "identify", "quote", "mention")


def _anonymity(pred) -> bool:
    """"asked not to be named", "has asked not to be identified": a source's anonymity, no demand."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in UNNAMED and any(g.dep_ == "neg" for g in c.children)
               and any(g.dep_ == "auxpass" for g in c.children) for c in pred.children)


# what is taken, won or held when it is "claimed": no words ("claimed 41 percent of the vote", "claims more territory")
TAKEN = ("territory", "land", "ground", "percent", "share", "seat", "prize", "title", "crown", "throne", "life",
         "spot", "medal", "mantle", "control", "nomination")


def _taking(pred) -> bool:
    """ "claimed 41 percent of the vote", "claims more territory", "claimed the prize": taking or winning
    something; "claimed victory", "claimed responsibility", "claims that ..." say something."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in TAKEN for c in pred.children) and not any(
        c.dep_ in ("ccomp", "xcomp", "oprd") for c in pred.children)


def _culpable(pred) -> bool:
    """ "Democrats and the media are to blame for it": the subject is the one blamed, not an accuser."""
    return pred.dep_ == "xcomp" and pred.head.lemma_.lower() == "be" and not any(
        c.dep_ == "dobj" for c in pred.children) and any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)


OTHER_SENSES = {"blame": _culpable, "claim": _taking, "add": _adding, "appeal": _attracting, "ask": _anonymity,
                "know": _know_how, "contend": _competing, "charge": _fee_or_rush, "require": _need,
                "recognize": _identifying,
                "recognise": _identifying, "expect": _passive_view, "believe": _passive_view, "think": _passive_view}
