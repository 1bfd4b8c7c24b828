"""Who took part in a meeting: the doers of a verb of meeting ("X and Y met", "X met with Y", "talks
between X and Y", "X spoke by phone with four leaders, including Y"), those a relative clause of holding
names, and whether an object is a party met or a thing ("did not meet the standards"). Meetings
(meetings.py) is one of these.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import attendance, qualifiers, timing
from .clauses import subject_of
from .kinds import trigger_for
from .positions import Builder
from .spans import inside_quote
from .speech import VOICE

PERSONAL = {"he": "m", "she": "f"}
RELATIVES = ("whom", "which", "who")  # "the envoys with whom she met": the envoys


class Participants:
    """Who took part in the meetings of one document (the positions builder finds who each phrase names)."""

    def __init__(self, builder: Builder):
        self.b = builder
        self.voice: list[str] = []  # who speaks the quotes of the sentence being read (set by the reader)
        self.in_turn = False  # the sentence is a transcript speaker's turn: their "I" needs no quote marks

    def _who(self, tok: Token | None, strict: bool = False) -> list[str]:
        """Actors a participant's words name; "I", "we" or "us" inside a quote is its speaker or the
        speaker's side."""
        if tok is not None and tok.lower_ in VOICE and self.voice and (self.in_turn or inside_quote(tok)):
            return list(self.voice)
        return self.b.actors(tok, strict=strict)

    def _body(self, subj: Token | None) -> bool:
        """A subject naming a body that meets by itself under its short name ("the IOC convened"): an
        organization whose name ends in a body noun (International Olympic Committee)."""
        keys = self.b.actors(subj) if subj is not None and subj.pos_ == "PROPN" else []
        label = self.b.resolver.actor(keys[0]).label if len(keys) == 1 else ""
        return self.b.resolver.actor(keys[0]).kind == "Organization" and \
            label.split()[-1].lower() in attendance.BODY_NOUNS if label else False

    def _requirement(self, obj: Token) -> bool:
        """An object that is a thing ("standards", "a letter", "several patrol ships", "approval"), not
        a party: a common noun naming no actor itself and no people."""
        named = self.b.resolver.resolve(obj.doc[obj.i:obj.i + 1])
        return obj.pos_ == "NOUN" and not self._other_side(obj) and not named

    def _other_side(self, tok: Token) -> bool:
        """Someone met, though unnamed ("met with business leaders", "along with top aides"), or the
        meeting itself ("hosted an informal meeting"); not a thing ("received a letter")."""
        lex = self.b.resolver.lex
        word = tok.lemma_.lower()
        if word in attendance.QUANTITIES:  # "a number of world leaders"
            return any(self._other_side(g) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj")
        return tok.lower_ in lex.group_heads or word in lex.group_heads or word in lex.meeting_words \
            or tok.lower_ in lex.meeting_words or tok.lower_ in lex.descriptors or word in lex.descriptors \
            or word in lex.met_nouns

    def _named_on(self, noun: Token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in noun.children)

    def _held_by(self, noun: Token) -> list[str]:
        """Participants a relative clause of holding names ("the phone conversation she had on Friday
        with Scholz", "the talks that Ruiz held with Scholz"): not one still to come or not held."""
        keys: list[str] = []
        for rel in noun.children:
            if rel.dep_ != "relcl" or rel.lemma_.lower() not in attendance.HOLD_VERBS \
                    or timing.planned(rel) or qualifiers.negated(rel) or timing.conditional(rel):
                continue
            subj = [c for c in rel.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVES + ("that",)]
            met = [g for c in [*rel.children, *noun.children] if c.dep_ == "prep" and c.lower_ == "with"
                   for g in c.children if g.dep_ == "pobj"]
            if subj and met:  # the other side is named on the clause or on the noun
                keys += [k for t in subj + met for k in self.b.actors(t)]
        return self._participants(keys)

    def _subjects(self, verb: Token) -> list[str]:
        """Actors of a clause's subject: every subject the parser hung on it ("X, right, and Y hold")."""
        subj, passive = subject_of(verb)
        if subj is None and attendance.came_to(verb):
            subj, passive = subject_of(verb.head)
        if passive or subj is None:
            return []
        more = [c for c in verb.children if c.dep_ == "nsubj" and c != subj]
        return [k for t in [subj, *more] for k in self._doer(t, strict=True)]

    def _doer(self, subj: Token | None, strict: bool = False) -> list[str]:
        """Actors of a subject; "she" in an adverbial clause is the person the main clause is about
        ("As she entered the meeting, Mogherini said", "Haley shows photos as she addresses ...")."""
        if subj is not None and subj.lower_ in PERSONAL and subj.dep_ == "nsubj" and subj.head.dep_ == "advcl":
            main, passive = subject_of(subj.head.head)
            keys = self.b.actors(main, strict=True) if main is not None and not passive else []
            gender = getattr(self.b.resolver, "gender", {})
            if len(keys) == 1 and self.b.resolver.actor(keys[0]).kind == "Person" \
                    and gender.get(keys[0], PERSONAL[subj.lower_]) == PERSONAL[subj.lower_]:
                return keys
        if subj is not None and subj.pos_ == "PROPN":  # "Organization of American States (OAS) chief X"
            person = [k for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                      and not any(r.dep_ == "relcl" and r.i < c.i for r in subj.children)  # not "X, who met Y, Z"
                      for k in self.b.actors(c, strict=True) if self.b.resolver.actor(k).kind == "Person"]
            if len(person) == 1:
                return person
        return self._who(subj, strict=strict)

    def _brokers(self, noun: Token) -> set[str]:
        """Who brokered or hosted the talks a noun names ("Ethiopian-brokered talks"): no side of them."""
        return {k for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() in attendance.BROKERING
                for phrase in [noun.doc[c.left_edge.i:c.right_edge.i + 1]]
                for k in self.b.resolver.resolve(phrase) + self.b.named_in(phrase)}

    def _attendees(self, noun: Token) -> list[str]:
        """Who took part in a meeting noun by the clause it sits in ("X spoke at a rally"), not in one
        still to come ("X will attend the summit", "X wants to hold a rally")."""
        verb = attendance.took_part(noun)
        if verb is None or noun.lemma_.lower() not in attendance.GATHERINGS:
            return []  # whether it was held is the noun's status (realis.of_noun)
        found = trigger_for(verb, self.b.lexicon)
        if found is not None and found[0].kind == "Meeting" and not self._spoke_to_crowd(found[1]):
            return []  # "met at a summit in Brussels": the summit is where they met, one meeting
        trig = self.b.lexicon.single.get((verb.lemma_.lower(), "verb"))
        speech = trig is not None and trig.speech
        if speech and (noun.lemma_.lower() in attendance.VENUES or noun.head.lower_ in attendance.LATER_PREPS):
            return []  # "said at a news conference", "the ministry said after the call": not there
        addressed = []  # "Kerry asked Sharif, during a meeting on the sidelines, to ...": both were there
        if (trig is not None and trig.object == "recipient") or verb.lemma_.lower() in attendance.ADDRESS_VERBS:
            addressed = [k for c in verb.children if c.dep_ in ("dobj", "dative") for k in self.b.actors(c, strict=True)
                         if self.b.resolver.actor(k).kind == "Person"]
        # "joked with Y at the dinner", "put the plan to Y in a meeting": Y was there too
        handed = verb.lemma_.lower() in attendance.HANDING_VERBS and any(c.dep_ == "dobj" for c in verb.children)
        addressed += [k for c in verb.children
                      if (c.dep_ == "prep" and c.lower_ == "with") or (handed and c.dep_ in ("prep", "dative")
                                                                        and c.lower_ == "to")
                      for g in c.children if g.dep_ == "pobj" for k in self.b.actors(g, strict=True)
                      if self.b.resolver.actor(k).kind == "Person"]
        return self._participants(self._subjects(verb) + addressed)

    def _spoke_to_crowd(self, anchor: Token | None) -> bool:
        """ "spoke to supporters (at a rally)": no meeting by the verb (no leader spoken to), so the
        gathering makes it; so does "to speak", whose "to" is no preposition."""
        if anchor is not None and anchor.dep_ == "aux":
            return True
        if anchor is None or anchor.dep_ != "prep":
            return False
        return not any(self.b.resolver.actor(k).kind in ("Person", "Government", "Country")
                       for g in anchor.children if g.dep_ == "pobj" for k in self.b.actors(g))

    def person_contact(self, verb: Token) -> bool:
        """A contact verb whose object is a person ("phoned Abbott", "called me", "visited the
        wounded officers"): a meeting, by phone or in person; not "called it a mistake"."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in attendance.PERSON_VERBS:
            return False
        lex = self.b.resolver.lex
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        named = obj is not None and obj.lemma_.lower() in lex.descriptors and \
            all(c.pos_ == "PROPN" for c in verb.children if c.dep_ == "oprd")  # "his counterpart Hakan Fidan"
        if any((c.dep_ == "ccomp" and c.i > verb.i) or c.dep_ == "prt" or (c.dep_ == "oprd" and not named)
               for c in verb.children) or \
                any(c.dep_ == "prep" and c.lower_ in ("for", "on", "off") and c.i == verb.i + 1 for c in verb.children):
            return False  # "called it a mistake", "called for", "called on", "called off"
        if any(c.dep_ == "agent" for c in verb.children):
            obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # "was greeted by X"
        if obj is None:
            return False
        if any(t.text in ('"', "“", "”", "''", "``") for t in obj.subtree):
            return False  # 'called X, his challenger, an ISIS "co-founder"': naming X, no phone call
        if obj.pos_ == "PRON":
            return obj.lower_ in ("me", "him", "her", "us", "them")
        if obj.lemma_.lower() in lex.descriptors or obj.lower_ in lex.group_heads:
            return True  # "his counterpart", "the injured officers"
        keys = self.b.actors(obj)
        return bool(keys) and all(self.b.resolver.actor(k).kind == "Person" for k in keys)

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


def sides_further(noun: Token) -> list[Token]:
    """ "between X and Y" the parser hung on a noun of the meeting's place ("talks at the headquarters of
    the agency between X and Y"): the sides of the meeting, not of the agency. Followed down a chain of
    at/in/of phrases, up to a person's name."""
    out, tok = [], noun
    for _ in range(4):
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "of")), None)
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if obj is None or obj.ent_type_ == "PERSON":
            return out
        out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
        tok = obj
    return out
