"""Meetings: who met whom, at which occasion, where, when, for how long; and which later sentences
speak of the same meeting ("the session", "the talks", "the bilateral discussions").

A document has a current meeting: the latest one it reported. A definite reference to a meeting
noun points to it and makes it the occasion of that sentence's facts; an indefinite one in an adjunct
("In a meeting of foreign ministers in Beijing, Russia, China and India agreed ...") is a new meeting
whose participants are the holders of the clause it frames.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Fact, Span
from . import qualifiers
from .clauses import char_span, child, noun_phrase, subject_of, text_of
from .positions import Builder

DEFINITE = ("the", "this", "that", "these", "those", "their", "its", "his", "her", "our")
PLACE_KINDS = ("Place", "Country")
DURATION_ENTS = ("TIME", "DATE")


class Meetings:
    def __init__(self, builder: Builder):
        self.b = builder
        self.current: Fact | None = None
        self.current_before: Fact | None = None

    def occasion_actor(self, sent) -> str | None:
        """An occasion (e.g. the UN General Assembly) named in the sentence."""
        for m in self.b.resolver.mentions_in(sent.start_char, sent.end_char):
            if self.b.resolver.actor(m.actor).kind == "Occasion":
                return m.actor
        return None

    def from_verb(self, pred: Token, anchor: Token | None) -> Fact | None:
        """ "Obama and Putin met (with ...)", "X held talks with Y", "X spoke by phone with Y". Not a
        meeting still to come ("agreed to hold talks", "will meet")."""
        if pred.dep_ == "xcomp" or any((c.dep_ == "aux" and c.lower_ in ("will", "to", "shall", "'ll"))
                                       or c.dep_ == "auxpass" for c in pred.children):
            return None  # also "would be met with a swift response": not a meeting
        subj, _ = subject_of(pred)
        people = self.b.actors(subj)
        others: list[Token] = []
        for c in pred.children:
            if c.dep_ == "dobj" and c != anchor:
                others.append(c)
            if c.dep_ == "prep" and c.lower_ in ("with", "along"):
                others += [g for g in c.subtree if g.dep_ == "pobj" and g.head.lower_ == "with"]
        if anchor is not None:
            others += [g for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                       for g in c.children if g.dep_ == "pobj"]
        for tok in others:
            people += self.b.actors(tok)
        people = self._participants(people)
        if not people or (len(people) < 2 and not any(self._other_side(t) for t in others)):
            return None  # one named participant is enough when people or a meeting are on the other side
        fact = self._meeting(pred, people)
        return fact if background(pred) else self._same_as_current(fact)

    def _other_side(self, tok: Token) -> bool:
        """Someone met, though unnamed ("met with business leaders", "along with top aides"), or the
        meeting itself ("hosted an informal meeting"); not a thing ("received a letter")."""
        lex = self.b.resolver.lex
        word = tok.lemma_.lower()
        return tok.lower_ in lex.group_heads or word in lex.group_heads or word in lex.meeting_words \
            or tok.lower_ in lex.meeting_words or tok.lower_ in lex.descriptors or word in lex.descriptors

    def from_noun(self, noun: Token) -> tuple[Fact | None, bool]:
        """(meeting, is_new) for a meeting noun: a new meeting, or a reference to the current one."""
        people = self._participants(self.b.noun_holders(noun, subject_fallback=False))
        own = bool(people)  # participants named on the noun itself: "the Obama-Putin meeting"
        people += self._participants([k for c in noun.children if c.dep_ == "prep" and c.lower_ in
                                      ("with", "between", "among") for g in c.children if g.dep_ == "pobj"
                                      for k in self.b.actors(g)])
        det = next((c.lower_ for c in noun.children if c.dep_ in ("det", "poss")), None)
        if self.current is not None and (not people or self._same_sides(people, self.current.holders)):
            if det in DEFINITE or people:
                return self.current, False
        if det in DEFINITE and not people:
            return None, False
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and not own:  # "increase talks with X": none held
            return None, False
        if len(people) > 1 or (det in ("a", "an") and noun.dep_ == "pobj"):  # "Iran nuclear talks": no
            return self._meeting(noun, people), True
        return None, False

    def _same_sides(self, people: list[str], holders: list[str]) -> bool:
        """The same participants, or their countries ("the summit between the two countries" after
        "Yoon and Kishida held talks"), when the actors stage can tell a person's country."""
        if set(people) <= set(holders):
            return True
        country = getattr(self.b.resolver, "country", None)
        if country is None:
            return False
        return {country(k) or k for k in people} <= {country(k) or k for k in holders}

    def _participants(self, keys: list[str]) -> list[str]:
        """Who took part: not the occasion or the place ("the G20 summit", "the Sochi talks")."""
        return [k for k in dict.fromkeys(keys) if self.b.resolver.actor(k).kind not in ("Occasion", "Place")]

    def _same_as_current(self, fact: Fact) -> Fact | None:
        """A second report of the current meeting (the headline's "hold phone call", then the body's
        "spoke by phone on Thursday"): its details and evidence join the current one, no new fact."""
        cur = self.current_before
        if cur is None or set(fact.holders) != set(cur.holders) or (fact.date and cur.date and fact.date != cur.date):
            return fact
        if not (fact.date and cur.date) and fact.time_text and cur.time_text \
                and when(fact.time_text) != when(cur.time_text):
            return fact  # "on Tuesday" and "in November": two meetings, though neither date resolved
        for name in ("occasion", "place", "date", "time_text", "duration", "duration_text"):
            if getattr(cur, name) is None and getattr(fact, name) is not None:
                setattr(cur, name, getattr(fact, name))
        cur.evidence.extend(e for e in fact.evidence if e not in cur.evidence)
        self.current = cur
        return None

    def _meeting(self, pred: Token, people: list[str]) -> Fact:
        sent = pred.sent
        fact = Fact(kind="Meeting", evidence=[Span(*char_span(pred.doc, sent.start, sent.end))],
                    holders=list(dict.fromkeys(people)), verb=pred.lemma_.lower(), confidence=0.9)
        fact.occasion = self.occasion_actor(sent)
        fact.time_text, fact.date = qualifiers.time_of(pred, self.b.published)
        preps = list(pred.children) if pred.pos_ != "NOUN" else [t for t in pred.subtree if t.dep_ == "prep"]
        for c in preps:
            if c.dep_ != "prep":
                continue
            obj = child(c, "pobj")
            if obj is None:
                continue
            if c.lower_ == "for" and obj.ent_type_ in DURATION_ENTS:
                span = char_span(pred.doc, obj.left_edge.i, obj.right_edge.i + 1)
                fact.duration_text = text_of(pred.doc, span)
                fact.duration = qualifiers.duration(fact.duration_text)
            elif c.lower_ in ("in", "at") and fact.place is None:
                keys = self.b.resolver.resolve(noun_phrase(obj))
                if keys and self.b.resolver.actor(keys[0]).kind in PLACE_KINDS:
                    fact.place = keys[0]
        if not background(pred):
            self.current_before, self.current = self.current, fact
        return fact

    def add_participants(self, meeting: Fact, keys: list[str]) -> None:
        meeting.holders = list(dict.fromkeys(meeting.holders + keys))


BACKGROUND_MARKS = ("since",)


def background(pred: Token) -> bool:
    """A meeting told as background ("the first call since they met in California", "the summit,
    which they held in 2019"): a fact of its own, but not the meeting later sentences speak of."""
    return pred.dep_ == "relcl" or any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in pred.children)


def when(time_text: str) -> str:
    """A time expression without its preposition, to compare two reports' times."""
    words = time_text.lower().split()
    return " ".join(words[1:] if words and words[0] in ("on", "in", "at", "during") else words)
