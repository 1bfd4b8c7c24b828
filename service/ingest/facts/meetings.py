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
from . import attendance, outcomes, qualifiers, realis, timing, whereabouts
from .clauses import subject_of
from .participants import RELATIVES, sides_further
from .positions import Builder
from .sequels import Sequels
from .spans import char_span, child

DEFINITE = ("the", "this", "that", "these", "those", "their", "its", "his", "her", "our")
DURATION_ENTS = whereabouts.DURATION_ENTS


class Meetings(Sequels):
    """The meetings of one document, read in text order, with the current one."""

    def __init__(self, builder: Builder):
        super().__init__(builder)
        self.current: Fact | None = None
        self.current_before: Fact | None = None
        self._apart: set[int] = set()  # ids of meeting facts that are never another report's meeting
        self._preds: dict[int, Token] = {}  # id of a meeting fact -> the word that told it
        self._subject_at = -1  # the end of the last sentence whose subject was the current meeting
        self._told_at = -1  # the end of the sentence that told the current meeting

    def occasion_actor(self, sent) -> str | None:
        """An occasion (e.g. the UN General Assembly) named in the sentence."""
        for m in self.b.resolver.mentions_in(sent.start_char, sent.end_char):
            if self.b.resolver.actor(m.actor).kind == "Occasion":
                return m.actor
        return None

    def from_verb(self, pred: Token, anchor: Token | None) -> list[Fact]:
        """ "Obama and Putin met (with ...)", "X held talks with Y", "X spoke by phone with Y", "X
        phoned Y", "after meeting with Y". A meeting still to come ("agreed to hold talks", "will
        meet"), conditional, asked for or not held ("did not meet") carries its status (realis). One
        fact, or one per person met when each was met apart ("spoke with both ministers")."""
        if attendance.quoted_fragment(pred) or (
                pred.lemma_.lower() == "spend" and not attendance.time_spent_with(pred)):
            return []  # "spent 20 years with the firm", "spent millions with contractors": no meeting
        if attendance.passive_reception(pred):
            return []  # "would be met with a swift response": not a meeting
        implied = attendance.implied(pred)  # "the floods prompted the governor to convene a call"
        time_text = qualifiers.time_of(pred, self.b.published)[0]
        status = None if implied or attendance.spent(pred) else realis.of_verb(pred, time_text)
        if status == realis.HYPOTHETICAL:
            return []  # "if they meet", "urged X to meet Y": no meeting, held or to come
        if anchor is not None and anchor.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no"
                                                               for c in anchor.children):
            status = realis.NEGATED  # "held no talks with X"
        subj, passive = subject_of(pred)
        if passive and pred.dep_ == "xcomp" and not any(c.dep_ == "nsubjpass" for c in pred.children):
            passive = False  # "X and Y are expected to hold talks": the raised subject holds them
        if subj is None and attendance.spent(pred):  # "X spent the weekend calling leaders"
            subj, passive = subject_of(pred.head)
        if subj is None and (implied or pred.dep_ == "xcomp"):  # the one prompted or urged does it
            subj, passive = child(pred.head, "dobj"), False
        if subj is None:  # a photo caption: "X, left, shakes hands with Y, right"
            subj = attendance.caption_subject(pred)
        if subj is None and pred.dep_ == "pcomp" and pred.head.lower_ in attendance.HELD_PREPS:
            subj, passive = subject_of(pred.head.head)  # "X changed his mind after meeting with Y"
        people = self._doer(subj) if not passive else []
        if not passive:  # "X (left) and Y shake hands": the parser split the pair
            people += [k for c in attendance.split_subjects(pred, subj) for k in self._doer(c)]
        if not people and not passive and attendance.collective(subj):
            people = self.b._unnamed_group(subj)  # "the delegates convened", "the foreign ministers met"
        others: list[Token] = []
        # "negotiated a deal with Iran", "discussed the crisis with Y": the trigger names who was dealt with;
        # a thing as the object is the topic, which neither makes nor unmakes the meeting
        topical = anchor is not None and anchor.dep_ == "prep" and anchor.lower_ == "with" and anchor.head == pred
        for c in [*pred.children, *attendance.stray_after(pred)]:
            if c.dep_ == "oprd" and c.pos_ == "PROPN":  # "called his counterpart Hakan Fidan"
                others.append(c)
            if attendance.split_apposition(pred, c):  # "met the jury's president, Ana Ruiz, for an hour"
                others.append(c)
            if c.dep_ == "dobj" and topical and self._requirement(c):
                continue
            if c.dep_ == "dobj" and attendance.set_off(pred, c) and self._requirement(c):
                continue  # "met at the Catshuis, the premier's residence": the place's apposition, no object
            if c.dep_ == "dobj" and c != anchor and (anchor is None or anchor.head != c):  # not the topic
                if pred.lemma_.lower() == "meet" and self._requirement(c):
                    return []  # "did not meet the standards": satisfied, not met
                if self._requirement(c) and not any(g.dep_ == "agent" for g in pred.children):
                    return []  # "is receiving patrol ships": a thing, not a party
                others += [c] if not self._requirement(c) else []
                if c.lemma_.lower() in self.b.resolver.lex.meeting_words:  # "convened a call with Y"
                    others += [g for p in c.children if p.dep_ == "prep" and p.lower_ in ("with", "between")
                               for g in p.children if g.dep_ == "pobj"]
            if c.dep_ == "prep" and c.lower_ in ("with", "along"):
                met = [g for g in c.subtree if g.dep_ == "pobj" and g.head.lower_ == "with"]
                if pred.lemma_.lower() == "meet" and any(self._requirement(g) for g in c.children if g.dep_ == "pobj"):
                    return []  # "was met with skepticism", "are meeting with the approval of": a reception
                others += [pred.head if g.lower_ in RELATIVES and pred.dep_ == "relcl" else g for g in met]
            if c.dep_ == "agent" and passive:  # "Y was greeted by X"
                others += [g for g in c.children if g.dep_ == "pobj"] + ([subj] if subj is not None else [])
        if anchor is not None and anchor.dep_ == "prep":  # "spoke to Y"
            others += [g for g in anchor.children if g.dep_ == "pobj"]
        elif anchor is not None:
            others += [g for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                       for g in c.children if g.dep_ == "pobj"]
            if anchor.lemma_.lower() in attendance.REMOTE:  # "reached out by telephone to X"
                others += [g for c in pred.children if c.dep_ == "prep" and c.lower_ == "to"
                           for g in c.children if g.dep_ == "pobj"]
        sides = list(people)  # the subject's side, before those met
        for tok in others:
            people += self._who(tok)
        listed = []  # "spoke to four leaders on Saturday, including X and Y": each of them, not all at once
        if any(self._other_side(t) for t in others):
            listed = [k for c in pred.children if c.dep_ == "prep" and c.lower_ == "including"
                      for g in c.children if g.dep_ == "pobj" for k in self.b.actors(g)]
            people += listed
        people = self._participants(people)
        if pred.lemma_.lower() in attendance.PAIRED and pred.dep_ == "relcl" and not others \
                and self._requirement(pred.head):
            return []  # "the airtime he and his country received": a thing received, no one met
        if anchor is not None and anchor.dep_ == "prep" and not any(
                self.b.resolver.actor(k).kind in ("Person", "Government", "Country") for k in people[1:]):
            return []  # "spoke to reporters", "spoke to VOA": a statement, unless a leader was spoken to
        unnamed = [t for t in others if self._other_side(t) and not set(self.b.actors(t)) & set(people)]
        if not people or (len(people) < 2 and not unnamed
                          and not (not others and (attendance.collective(subj) or self._body(subj))
                                   and pred.lemma_.lower() not in attendance.PAIRED)):
            return []  # one named participant is enough when people or a meeting are on the other side
        met = [k for k in people if k not in sides]
        if sides and len(met) > 1 and (attendance.each_apart(pred, others) or len(listed) > 1):
            # "spoke by phone with both ministers": with each of them, perhaps never with both at once
            return [self._meeting(pred, [*sides, k], status, current=False) for k in met]
        fact = self._meeting(pred, people, status)
        found = fact if timing.background(pred) or status else self._same_as_current(fact)
        return [found] if found is not None else []

    def from_noun(self, noun: Token) -> tuple[Fact | None, bool]:
        """(meeting, is_new) for a meeting noun: a new meeting, or a reference to the current one."""
        one = self._one_of(noun)
        if one is not None:
            return one, True
        people = self._participants(self.b.noun_holders(noun, subject_fallback=False))
        people += self._held_by(noun)  # "the call she had with Scholz": hers and his
        own = bool(people)  # participants named on the noun itself: "the Obama-Putin meeting"
        people += self._participants([k for c in [*noun.children, *sides_further(noun)] if c.dep_ == "prep"
                                      and c.lower_ in ("with", "between", "among") for g in c.children
                                      if g.dep_ == "pobj" for k in self._who(g)])
        people += self._participants([k for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"
                                      for k in self.b.actors(g)])  # "a meeting of the Security Council"
        capitals = self.b.resolver.lex.capitals
        towns = {k for c in noun.children if c.dep_ == "compound" and c.text in capitals
                 for k in self.b.actors(c)}  # "the Brussels summit": where, not who
        people = [k for k in people if k not in towns and k not in self._brokers(noun)]
        if noun.lemma_.lower() in attendance.PERSONAL_CONTACT:  # "an interview with Reuters": no one met
            people = [k for k in people if self.b.resolver.actor(k).kind == "Person"]
        det = next((c.lower_ for c in noun.children if c.dep_ in ("det", "poss")), None)
        day = self._day_of(noun)  # "Sunday's session": that day's, one already told
        if day is not None:
            det = "the" if day else None
        attendees = self._attendees(noun)
        status = realis.of_noun(noun, attendance.took_part(noun))
        if timing.to_come(qualifiers.time_of(noun, self.b.published)[0]):
            status = realis.stronger(status, realis.PLANNED)  # "the summit next week"
        if timing.awaited(noun):
            return None, False  # "until after the summit", "ahead of the talks": a time, not a meeting told
        if attendance.meal_on_object(noun):
            if len(set(attendees + people)) < 2:
                return None, False  # "discussed the plan over dinner": with whom, not told
            status = None if status == realis.NEGATED else status  # "failed to reach a deal over dinner"
        if status == realis.HYPOTHETICAL:
            return None, False  # "called for talks between X and Y": asked for, neither held nor set
        if status:
            return self._unheld(noun, det, people + attendees, own, status), True
        if self.current is not None and (not people or self._same_sides(people, self.current.holders)) \
                and not (people and det in ("a", "an") and self._another_time(noun)) \
                and not (attendance.remote(noun) and not self.current.remote and _in_person(self.current)):
            # "the call" is not the meeting in Berlin
            if people and (det in DEFINITE or own or det in ("a", "an")) and noun.dep_ != "nsubj":
                self._report_again(noun)  # "his phone call with Rouhani": one more report of it
            if det in DEFINITE and self.current.duration is None:
                self._lasted(noun)  # "The call lasted about an hour"
            if det in DEFINITE:
                self._told_after(noun)  # "The meeting was held at the palace. It lasted four hours."
            if det in DEFINITE or people:
                return self.current, False
        if attendees and not timing.before(noun):  # "X attended the summit", "X spoke at a rally"
            together = list(dict.fromkeys(attendees + people))
            if noun.lemma_.lower() in attendance.VENUES + attendance.CEREMONIES + attendance.EXCHANGES \
                    and len(together) < 2:
                return None, False  # "took questions at a news conference", "lifted it after talks": no one met
            return self._meeting(noun, together), True
        if noun.lemma_.lower() in attendance.UNNAMED_NOT and not people:
            return None, False  # "during a training session": no one named, perhaps no meeting at all
        if noun.lemma_.lower() in attendance.CEREMONIES and len(people) < 2:
            return None, False  # "during her funeral ceremony": whose it is, not who met
        if own and det not in ("the", "this", "that") and attendance.held_at(noun):
            return self._meeting(noun, people), True  # "the crowd gathered at his rally": his, held
        if det in DEFINITE and not people:
            return None, False
        if noun.lemma_.lower() in attendance.VENUES and len(people) < 2:
            return None, False  # "said at a news conference": the statement's venue
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and not own:  # "increase talks with X": none held
            return None, False
        if len(people) > 1 or (det in ("a", "an") and noun.dep_ == "pobj"):  # "Iran nuclear talks": no
            return self._meeting(noun, people), True
        return None, False

    def _one_of(self, noun: Token) -> Fact | None:
        """ "One of those meetings was with X, in his office last Wednesday, and it lasted half an hour",
        after "Y has met with 62 senators": a meeting of Y's, the one side the meetings before named, with X."""
        verb = attendance.was_with(noun)
        cur = self.current
        if verb is None or cur is None or cur.status or len(cur.holders) != 1:
            return None
        met = [k for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
               for g in c.children if g.dep_ == "pobj" for k in self.b.actors(g)]
        people = self._participants(cur.holders + met)
        if len(people) < 2:
            return None
        fact = self._meeting(verb, people, current=False)
        lasted = next((c for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() in attendance.LAST_VERBS
                       and any(g.dep_ == "nsubj" and g.lower_ == "it" for g in c.children)), None)
        if lasted is not None and fact.duration is None:  # "... and it lasted about half an hour"
            fact.duration_text, fact.duration = whereabouts.length_of(lasted)
        return fact

    def _unheld(self, noun: Token, det: str | None, people: list[str], own: bool, status: str) -> Fact | None:
        """A meeting noun told as to come, possible or not held ("the planned summit between X and Y",
        "X called off the talks with Y"): a fact marked so when two sides are named, never the
        current meeting later sentences speak of."""
        if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
            people = self._subjects(noun.head) + people  # "X called off the talks with Y"
        people = self._participants(people)
        if len(people) < 2 or (det in DEFINITE and not own and not self._named_on(noun)):
            return None
        return self._meeting(noun, people, status)

    def _another_time(self, noun: Token) -> bool:
        """A meeting noun dated otherwise than the current meeting ("a meeting with X in May" after
        one on Friday): another meeting between the same sides."""
        text, date = qualifiers.time_of(noun, self.b.published)
        cur = self.current
        if date and cur.date:
            return date != cur.date
        return bool(text and cur.time_text and timing.when(text) != timing.when(cur.time_text))

    def _same_as_current(self, fact: Fact) -> Fact | None:
        """A second report of the current meeting (the headline's "hold phone call", then the body's
        "spoke by phone on Thursday"): its details and evidence join the current one, no new fact."""
        cur = self.current_before
        if cur is None or set(fact.holders) != set(cur.holders) or (fact.date and cur.date and fact.date != cur.date):
            return fact
        if timing.other_year(fact, cur, self.b.published):
            return fact  # "in 2021 they met in Valparaiso" beside this week's undated meeting: two meetings
        if id(fact) in self._apart or self._call_and_visit(fact, cur):
            return fact  # a series of calls, one timed by the meeting, or a call beside a meeting in person
        if not (fact.date and cur.date) and fact.time_text and cur.time_text \
                and timing.when(fact.time_text) != timing.when(cur.time_text):
            return fact  # "on Tuesday" and "in November": two meetings, though neither date resolved
        for name in ("occasion", "place", "place_text", "date", "time_text", "duration", "duration_text"):
            if getattr(cur, name) is None and getattr(fact, name) is not None:
                setattr(cur, name, getattr(fact, name))
        cur.evidence.extend(e for e in fact.evidence if e not in cur.evidence)
        self.current = cur
        return None

    def _call_and_visit(self, one: Fact, other: Fact) -> bool:
        """One told as a call, the other as met in person (a place, or "met"): two events. Talks told
        with neither ("held talks") may be either."""
        if one.remote == other.remote:
            return False
        return _in_person(other if one.remote else one)

    def _meeting(self, pred: Token, people: list[str], status: str | None = None, current: bool = True) -> Fact:
        sent = pred.sent
        fact = Fact(kind="Meeting", evidence=[Span(*char_span(pred.doc, sent.start, sent.end))],
                    holders=list(dict.fromkeys(people)), verb=pred.lemma_.lower(), confidence=0.9)
        fact.status, fact.negated = status, status == realis.NEGATED
        fact.occasion = self.occasion_actor(sent)
        fact.time_text, fact.date = qualifiers.time_of(pred, self.b.published)
        if not fact.time_text and pred.pos_ != "NOUN":
            fact.time_text, fact.date = timing.after_length(pred, self.b.published, attendance.stray_after(pred))
        verb = attendance.took_part(pred) if pred.pos_ == "NOUN" and not fact.time_text else None
        if verb is not None:  # "agreed on Saturday ..., in a meeting": when those who met did so
            fact.time_text, fact.date = qualifiers.time_of(verb, self.b.published)
        held = attendance.where_held(pred, self.b.resolver.lex.meeting_words) if not fact.time_text else None
        if held is not None:  # "a meeting on Wednesday in her office, where X sat down with Y"
            fact.time_text, fact.date = qualifiers.time_of(held, self.b.published)
        fact.remote = attendance.remote(pred)
        if pred.pos_ != "NOUN" and (topic := attendance.purpose_topic(pred)) is not None:
            fact.content, fact.content_span = topic  # "met X to discuss fuel prices"
        whereabouts.fill(fact, pred, self.b.resolver)
        if pred.pos_ == "NOUN" and fact.duration is None:
            fact.duration_text, fact.duration = whereabouts.lasted_which(pred)
        if attendance.time_spent_with(pred) and fact.duration is None:  # "spent three hours with X"
            fact.duration_text, fact.duration = whereabouts.length_of(pred)
        self._preds[id(fact)] = pred
        timed = timing.timed_by_meeting(pred, self.b.resolver.lex.meeting_words)
        if timed:  # "in the week before the meeting": "in the week" alone would be another time
            fact.time_text = fact.date = None
        if not current or timed or timing.series(pred):
            self._apart.add(id(fact))
            return fact  # "spoke by phone almost daily in the week before the meeting": not the current one
        if not timing.background(pred) and not status:  # later "the talks" mean one that took place
            self.current_before, self.current = self.current, fact
            self._told_at = sent.end
        return fact

    def unreached(self, meeting: Fact) -> Fact | None:
        """What those who met did not agree ("ended the talks without a ceasefire"): outcomes.unreached."""
        pred = self._preds.get(id(meeting))
        return outcomes.unreached(meeting, pred) if pred is not None else None

    @staticmethod
    def settled(meeting: Fact, noun: Token) -> Fact | None:
        """What those who met agreed, told of the meeting noun ("the talks ended with a deal on X"):
        outcomes.settled."""
        return outcomes.settled(meeting, noun)

    def held(self, meeting: Fact) -> bool:
        """A meeting to report: someone took part; an interview or a debate needs two sides, one a
        person ("in an interview with a newspaper, the minister said" names no one met)."""
        if meeting.verb in attendance.PERSONAL_CONTACT:
            return len(meeting.holders) > 1 and any(self.b.resolver.actor(k).kind == "Person" for k in meeting.holders)
        return bool(meeting.holders)

    def add_participants(self, meeting: Fact, keys: list[str]) -> None:
        meeting.holders = list(dict.fromkeys(meeting.holders + keys))


def _in_person(meeting: Fact) -> bool:
    """Told as met face to face: a place, or a verb of meeting in person ("met", "visited")."""
    return meeting.place is not None or meeting.verb in attendance.IN_PERSON
