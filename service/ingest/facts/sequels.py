"""What the sentences after a meeting add to it: one more report of it, where it was held ("The meeting
was held at the Qasr palace", "The talks took place in Geneva") and how long it or "it" lasted ("The call
lasted an hour", "It lasted about four hours", "They began at nine and lasted nine hours"); and the talks
a lead's joint act implies ("X and Y agreed on Tuesday to ... The talks took place at Z").
`Sequels` is the part of Meetings (meetings.py) that reads these; its `current` and `_meeting` are theirs.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Fact, Span
from . import attendance, qualifiers, timing, whereabouts
from .clauses import subject_of
from .participants import Participants
from .spans import char_span

EVENTS = ("rally", "vote", "ceremony", "conference", "session", "debate", "event", "visit", "march", "protest",
          "election", "hearing", "trial", "parade", "festival", "concert", "match", "game", "speech")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "final", "last", "latest")
PRONOUNS = ("it", "they")  # what a sentence calls the meeting the one before had as its subject


class Sequels(Participants):
    """What later sentences tell of the current meeting of one document (Meetings sets `current`)."""

    current: Fact | None
    _subject_at: int  # the end of the last sentence whose subject was the current meeting, or -1

    def aside(self, meeting: Fact) -> bool:
        """A meeting told in a who-clause on someone ("said the minister, who met X on Monday"): what
        the sentence's main clause reports was not said or done there."""
        pred = self._preds.get(id(meeting))
        return pred is not None and pred.dep_ == "relcl" and pred.pos_ != "NOUN"

    def _lasted(self, noun: Token) -> None:
        """ "The call lasted about an hour", "In the call, which lasted twenty minutes, ...": its length."""
        verb = noun.head
        if noun.dep_ == "nsubj" and verb.lemma_.lower() not in attendance.LAST_VERBS:
            verb = next((c for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() in attendance.LAST_VERBS
                         and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), verb)
        if noun.dep_ != "nsubj" or verb.lemma_.lower() not in attendance.LAST_VERBS:  # "began at ten and lasted"
            text, length = whereabouts.lasted_which(noun)
        else:
            text, length = whereabouts.length_of(verb)
        if text:
            self.current.duration_text, self.current.duration = text, length
            self._report_again(noun)

    def _day_of(self, noun: Token) -> bool | None:
        """A meeting noun named by its day ("Sunday's session"): None when it is not; else whether it is the
        current meeting, dated so when it had no date (a current meeting of another day is not it)."""
        day = next((c for c in noun.children if c.dep_ == "poss" and c.ent_type_ == "DATE"), None)
        if day is None:
            return None
        text = noun.doc[day.left_edge.i:day.i + 1].text
        date = qualifiers.resolve_date(text, self.b.published)
        cur = self.current
        if cur is None or not date or (cur.date and cur.date != date) or cur.status or self._one_day_of(cur):
            return False
        if cur.date is None and cur.time_text is None:
            cur.time_text, cur.date = text, date
        return True

    def _one_day_of(self, meeting: Fact) -> bool:
        """A meeting told as one day of several ("the second day of talks"): a session of a named day may
        be another of its days."""
        pred = self._preds.get(id(meeting))
        measure = timing.measure_of(pred) if pred is not None and pred.pos_ == "NOUN" else None
        return measure is not None and any(c.ent_type_ == "ORDINAL" or c.lower_ in ORDINALS for c in measure.children)

    def _told_after(self, noun: Token) -> None:
        """The current meeting as a later sentence's subject: the place it was held at; and the next
        sentence's "it" is it (lasted)."""
        place = self.current.place
        place_held(self.current, noun, self.b.resolver)
        if self.current.place != place:
            self._report_again(noun)
        self._subject_at = noun.sent.end if subject_of_sentence(noun) else -1

    def held_after(self, noun: Token, before: list[Fact]) -> Fact | None:
        """ "X and Y agreed on Tuesday to ... The talks took place at Z": a definite meeting noun told as
        held, naming no one, with no meeting before it, is the talks of those whose joint act the sentence
        just before reported (one set of two or more, told as done)."""
        if self.current is not None or held_verb(noun) is None \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
                or self.b.noun_holders(noun, subject_fallback=False):
            return None
        joint = {tuple(f.holders) for f in before if f.kind != "Meeting" and len(f.holders) > 1
                 and not (f.status or f.negated or f.hedged or f.condition or f.attributed_to)}
        if len(joint) != 1:
            return None
        fact = self._meeting(noun, self._participants(list(next(iter(joint)))))
        place_held(fact, noun, self.b.resolver)
        self._subject_at = noun.sent.end if subject_of_sentence(noun) else -1
        return fact

    def lasted_after(self, sent) -> None:
        """ "It lasted four hours" right after a sentence about the current meeting (_told_after), or "It was
        held at Z and lasted four hours" right after the sentence that told it ("... at a meeting between X
        and Y, which began at six")."""
        if self.current is None:
            return
        if _just_before(sent, self._subject_at) and lasted(self.current, sent):
            self._report_again(sent[0])
        elif _just_before(sent, self._told_at) and not self._later_event():
            held = next((t for t in sent if t.lower_ == "it" and held_verb(t) is not None), None)
            place = self.current.place
            if held is not None:
                place_held(self.current, held, self.b.resolver)
            if lasted(self.current, sent, ("it",)) or self.current.place != place:
                self._report_again(sent[0])

    def _later_event(self) -> bool:
        """Another event named after the current meeting's word in its sentence ("met before a rally"):
        "it" may be that one."""
        pred = self._preds.get(id(self.current))
        words = self.b.resolver.lex.meeting_words
        if pred is None:
            return True
        own = [c.i for c in pred.children if c.dep_ == "dobj" and c.lemma_.lower() in words]  # "held talks"
        return any(t.pos_ == "NOUN" and (t.lemma_.lower() in words or t.lemma_.lower() in EVENTS)
                   for t in pred.doc[max([pred.i, *own]) + 1:pred.sent.end])

    def _report_again(self, noun: Token) -> None:
        sent = noun.sent
        span = Span(*char_span(noun.doc, sent.start, sent.end))
        if span not in self.current.evidence:
            self.current.evidence.append(span)



def _just_before(sent, end: int) -> bool:
    """The sentence ending at token `end` is the one right before `sent`."""
    return 0 <= end <= sent.start and all(t.is_space for t in sent.doc[end:sent.start])


def held_verb(noun: Token) -> Token | None:
    """The verb of which a meeting noun is the subject told as held: "was held", "took place"; also the
    second verb it is the subject of ("The meeting lasted an hour and was held at Z")."""
    verb = noun.head
    if noun.dep_ == "nsubjpass" and verb.lemma_.lower() in attendance.HOLD_VERBS:
        return verb
    if noun.dep_ == "nsubj" and _took_place(verb):
        return verb
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                 and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                 and (_took_place(c) or (c.lemma_.lower() in attendance.HOLD_VERBS
                                         and any(g.dep_ == "auxpass" for g in c.children)))), None)


def _took_place(verb: Token) -> bool:
    return verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)


def place_held(meeting: Fact, noun: Token, resolver) -> None:
    """ "The meeting was held at the Qasr Al Watan palace": the place of the meeting, when none was told."""
    verb = held_verb(noun)
    if verb is None or meeting.place is not None:
        return
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "in")]
    objs = [o for c in preps for o in c.children if o.dep_ == "pobj"]
    objs += [g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "in"
             for g in c.children if g.dep_ == "pobj"]  # "at the party's headquarters in Santiago": Santiago
    meeting.place = next((k for o in objs for k in [whereabouts.place_named(o, resolver)] if k), None)
    if meeting.place_text is None:  # "was held at the Lakeside conference centre": the building as written
        meeting.place_text = next((t for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "in")
                                   for o in c.children if o.dep_ == "pobj"
                                   for t in [whereabouts.venue_text(c, o)] if t), None)


def subject_of_sentence(noun: Token) -> bool:
    """The meeting noun is what its sentence's main clause is about ("The meeting was held at ...")."""
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head == noun.sent.root


def lasted(meeting: Fact, sent, pronouns=PRONOUNS) -> bool:
    """ "It lasted about four and a half hours" (the sentence before had the meeting as its subject): its
    length, when none was told; whether it was found."""
    if meeting.duration is not None:
        return False
    for tok in sent:
        if tok.lemma_.lower() not in attendance.LAST_VERBS or tok.pos_ != "VERB":
            continue
        subj, passive = subject_of(tok)
        if subj is not None and subj.head != tok:  # "It was held at Z and lasted": "lasted" is not passive
            passive = any(c.dep_ == "auxpass" for c in tok.children)
        if subj is None or passive or subj.lower_ not in pronouns or subj.sent != sent:
            continue
        text, length = whereabouts.length_of(tok)
        if text:
            meeting.duration_text, meeting.duration = text, length
            return True
    return False
