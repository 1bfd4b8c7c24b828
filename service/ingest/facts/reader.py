"""The facts stage's reading of one sentence: its predicates read into candidates and new meetings, the
nesting of one inside another's content (reported speech carries a position; a hypothetical does not),
quotes continued from the sentences before, qualifiers (attribution, occasion, time) and estimates.
"""
from __future__ import annotations

from dataclasses import replace

from ...model import Fact
from .. import columns
from ..interviews import in_turns
from . import attributions, estimates, figures, framing, kinds, nouns, qualifiers, signers, speech, timing, whereabouts
from .according import according_to
from .gerunds import doing_gerund, gerund_subject, purpose_subject, quoted_as
from .meetings import Meetings
from .positions import Builder, Candidate
from .quotes import OPEN_QUOTES, Quotes, has_quote
from .seams import quoted_sign
from .spans import in_quote, inside_quote, parsed_text
from .timing import before as _before

CUE_KINDS = ("ignore", "hedge", "joint", "attribution")
# a meeting in these frames the clause ("In a call, X agreed"); "said after a call" is only a time
FRAMING_PREPS = ("in", "at", "during", "on", "throughout")
# a clause inside the content of these is reported as so (a proposal's or a fear's is not)
FACTIVE = ("Agreement", "Acknowledgment", "Acceptance", "Statement")
MEMORY = ("remember", "recollect")  # "I remember when X threatened Y": what one remembers happened
NOT_STANCES = ("Statement", "Action", "Estimate", "Meeting")  # what a negated report does not withdraw


class Reader:
    def __init__(self, builder: Builder, meetings: Meetings, quotes: Quotes):
        self.b, self.meetings, self.quotes = builder, meetings, quotes
        self.headline = False  # headlines are telegraphic: only what the lexicon knows is read there
        self._before: tuple[int, list[Fact]] = (-1, [])  # the last sentence read: its end token, its facts

    def sentence(self, sent) -> list[Fact]:
        quoted = self.quotes.continues(sent)
        if quoted and signers.after(self.b, sent):
            self.quotes.lost()  # '"Is he ready?" Reilly said.': not the last speaker's quote going on
            quoted = False
        if not quoted and not self.headline and (signed := signers.ahead(self.b, sent)) is not None:
            self.quotes.signed_ahead(signed, sent)  # '"It is a disaster. ...," Ruiz said.': Ruiz's words from here
            quoted = True
        self.meetings.lasted_after(sent)  # "It lasted four hours": the meeting the sentence before was about
        self.meetings.voice = speech.voice(sent, self.b, self.quotes.speaker if quoted else None)
        self.meetings.in_turn = quoted and self.quotes.turn  # "TURSUNOV: ... I spent four hours with X"
        if self.meetings.in_turn and self.quotes.speaker is not None:
            self.meetings.voice = list(self.quotes.speaker.holders)
        cands, new_meetings, occasion, framed, named = self._candidates(sent)
        kept = [c for c in self._nesting([c for c in cands if c.lexical or not self.headline]) if not c.unheld]
        for cand in kept:
            framing.skip_dateline(cand, getattr(self.b.resolver, "in_dateline", None))
            speech.quote_before(cand)  # '"We will win." Ruiz said.': the quote before is what was said
        if self.quotes.after_unnamed(sent):  # '"...," an official said. "...," he added': not a name before
            for cand in kept:
                if cand.trigger.speech and speech.pronoun_speaker(cand):
                    cand.fact.holders = []
        speaker = self.quotes.speaker
        if not quoted and speaker is not None and not any(c.trigger.speech for c in kept) \
                and self._someone_else(sent, speaker):
            self.quotes.lost()  # '"...," Ana said. Eva shook her head. "..."': Eva's words, not Ana's
        if quoted:  # in a quote that goes on, '"I can tell you that ..."' is the speaker; "he told me", not
            close = self.quotes.close_in(sent)
            for cand in kept:
                if cand.pred.i < close and (in_quote(cand.pred) or not cand.trigger.speech):
                    speech.speak_for(cand, speaker.holders, quoted=True)  # not the frame: '"...," he added';
                    # '... He wants to win," Ana said': not Ana
        if quoted and not any(c.trigger.speech for c in kept):  # the speaker's words, not the writer's
            kept = [c for c in kept if c.lexical or (c.fact.kind == "Intention" and speech.first_person(c))]
            for cand in kept:
                speech.speak_for(cand, speaker.holders, quoted=True)
                if speaker.holders and not cand.fact.attributed_to:
                    cand.fact.attributed_to = speaker.holders[0]
        kept = [c for c in kept if not framing.foretold(c, self.b.resolver)]
        for cand in kept:
            if kinds.narrative_future(cand):
                cand.fact.kind = "Action"  # "Obama will try to ...": the writer's forecast, nobody's plan
        for meeting, verb in framed:  # "In a call, X told Y ...": X and whoever X's coordinated clauses name
            for cand in kept:
                if cand.pred == verb or (cand.pred.head == verb and cand.pred.dep_ in ("conj", "xcomp")):
                    self.meetings.add_participants(meeting, cand.fact.holders)
        # "X and Y met in Sochi and agreed to ...": what the participants did there was at that meeting
        here = next((m for m in new_meetings if self.meetings.held(m) and not m.status
                     and not self.meetings.aside(m)), None) \
            if occasion is None else None
        according = according_to(sent)
        for cand in kept:
            at = here if here is not None and set(cand.fact.holders) & set(here.holders) else occasion
            figures.qualify(self.b, cand, at, according)
        for meeting in new_meetings:
            self._note(meeting)
        labelled = None
        if not quoted and according is None:  # "Ruiz: 'We ...'": unless a speaker is named before the colon
            speaking = [c.pred.i for c in kept if c.trigger.speech and c.fact.holders]
            labelled = attributions.colon_statement(self.b, sent, speaking)
            if labelled is not None and in_turns(parsed_text(sent.doc), sent.start_char):
                self._turn(sent, kept, labelled)
            if labelled is not None and not attributions.says_enough(labelled):
                labelled = None
        facts = [m for m in new_meetings if self.meetings.held(m)] + figures.in_sentence(self.b, sent, kept, according)
        facts += [a for m in facts if m.kind == "Meeting" and (a := self.meetings.unreached(m)) is not None]
        facts += [a for m, noun in named if self.meetings.held(m) and (a := self.meetings.settled(m, noun)) is not None]
        facts += [c.fact for c in kept if c.fact.holders or c.fact.kind == "Estimate"
                  or (c.lexical and c.fact.attributed_to and c.trigger.pos == "verb")]
        facts += self._quotes(sent, kept, quoted)
        if labelled is not None and not self.quotes.turn \
                and parsed_text(sent.doc)[labelled.content_span.start - 1] in OPEN_QUOTES:
            self.quotes.heard(labelled, sent)  # 'Wari, on social media: "... .': the quote goes on
        self._date_from_before(sent, facts)
        if not quoted and according is not None:
            # no speaker of its own; or "Ruiz said ..., according to Reuters": Reuters reports what she said
            speakers = {k for c in kept if c.trigger.speech for k in c.fact.holders}
            stated = attributions.according_statement(self.b, sent, according)
            facts += [stated] if stated is not None and not speakers & set(stated.holders) else []
        facts += [labelled] if labelled is not None else []
        return facts

    def _someone_else(self, sent, speaker: Fact) -> bool:
        """Is the writer's own sentence about a person other than the speaker whose quote went before (its
        main subject, outside quotes, names or refers to another person, or to a person no name settles)?"""
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("PROPN", "PRON") or inside_quote(subj) or in_quote(sent.root):
            return False
        keys = self.b.actors(subj, strict=True)
        resolver = self.b.resolver
        if keys:
            return all(k in resolver.actors and resolver.actors[k].kind == "Person" for k in keys) \
                and not set(keys) & set(speaker.holders)
        return subj.pos_ == "PROPN" and subj.ent_type_ == "PERSON"

    def _turn(self, sent, kept: list[Candidate], stated: Fact) -> None:
        """An interview's answer ("Wulandari: We agreed to meet again"): its "I" and "we" are the labelled
        speaker, here and in the rest of the paragraph (Quotes.turned)."""
        self.quotes.turned(stated, sent)
        for cand in kept:
            speech.speak_for(cand, stated.holders, quoted=True)
            if cand.fact.holders and not cand.fact.attributed_to and not cand.trigger.speech:
                cand.fact.attributed_to = stated.holders[0]

    def _just_before(self, sent) -> list[Fact]:
        """The facts of the sentence right before this one (only space between them)."""
        end, before = self._before
        return before if end >= 0 and _adjacent(sent, end) else []

    def _date_from_before(self, sent, facts: list[Fact]) -> None:
        """Meetings told without a time, dated by the sentence just before (timing.date_from_before)."""
        end, before = self._before
        self._before = (sent.end, facts)
        if end >= 0 and _adjacent(sent, end):
            country = getattr(self.b.resolver, "country", None) or (lambda k: None)
            timing.date_from_before(facts, before, lambda day: whereabouts.recent(day, self.b.published),
                                    lambda keys: {country(k) or k for k in keys})

    def _candidates(self, sent) -> tuple[list[Candidate], list[Fact], object, list, list]:
        """Every predicate of the sentence read: (position and action candidates, new meetings, the
        meeting the sentence speaks of, meetings that frame a clause, (meeting, noun) for each meeting noun)."""
        cands: list[Candidate] = []
        new_meetings: list[Fact] = []
        occasion, framed, anchors, named = None, [], set(), []
        doc = sent.doc
        for tok in (doc[i] for i in columns.between(doc, "pos", kinds.PREDICATE_POS, sent.start, sent.end)):
            if tok.i in anchors:  # "reached an agreement": one fact
                continue
            if self.meetings.person_contact(tok):  # "phoned Abbott", "called his counterpart"
                new_meetings += self.meetings.from_verb(tok, None)
                continue
            if tok.lemma_.lower() in qualifiers.FAILING and any(
                    qualifiers.failed(c) and kinds.trigger_for(c, self.b.lexicon) is not None for c in tok.children):
                continue  # "failed to agree": the to-clause's fact, negated, says it; no Action "failed"
            found = kinds.trigger_for(tok, self.b.lexicon)
            if found is None and (frame := speech.quote_frame(tok)) is not None:
                found = frame, None  # '"...," he continued': words reported
            if found is None and not kinds.is_generic_candidate(tok):
                continue
            trig, anchor = found if found is not None else (kinds.GENERIC, None)
            if trig.kind == "Estimate" and trig.word == "put" and estimates.put_at(tok) is None:
                continue  # "put the cost on the council", "put the figure in context": no number it is put at
            if trig.kind == "light":  # "expressed concern": the noun makes the fact
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if obj is not None and kinds.trigger_for(obj, self.b.lexicon) is not None:
                    continue
                if obj is None and any(c.dep_ == "ccomp" for c in tok.children):
                    trig = replace(trig, kind="speech")  # "reiterated that talks must go on": what was said
                else:
                    trig, found = kinds.GENERIC, None
            if anchor is not None:
                anchors.add(anchor.i)
            if trig.kind in CUE_KINDS:
                continue
            if trig.kind != "Meeting":
                cand = self.b.build(tok, trig, anchor, lexical=found is not None)
                cands += [cand] if cand is not None else []
            elif trig.pos == "verb":
                met = self.meetings.from_verb(tok, anchor)
                new_meetings += met
                if (not met or met[0].status == "Planned") and kinds.generic_kind(tok) == "Intention":
                    cand = self.b.build(tok, kinds.GENERIC, None, lexical=False)
                    cands += [cand] if cand is not None else []
            else:
                meeting, new = self.meetings.from_noun(tok)
                if meeting is None:  # "The talks took place at Z" after "X and Y agreed to ..."
                    meeting = self.meetings.held_after(tok, self._just_before(sent))
                    new = meeting is not None
                if meeting is not None:
                    named.append((meeting, tok))
                if meeting is not None and new:
                    new_meetings.append(meeting)
                    if tok.dep_ == "pobj" and tok.head.lower_ in FRAMING_PREPS and not meeting.status:
                        framed.append((meeting, tok.head.head))
                        occasion = meeting
                elif meeting is not None and not _before(tok):
                    occasion = meeting  # "at the talks", "during the meeting" (not "hours before the summit")
        return cands, new_meetings, occasion, framed, named

    def _nesting(self, cands: list[Candidate]) -> list[Candidate]:
        """Drop predicates that are part of another fact's content, unless reported speech carries
        a position (then it is attributed to the speaker)."""
        kept = []
        for cand in cands:
            if cand.lexical and nouns.renamed_relative(cand.pred) is not None:
                kept.append(cand)  # ", an option X has ruled out": the writer's account, whatever the clause around
                continue
            if framing.hypothetical(cand.pred) or framing.open_question(cand.pred):
                continue
            if not cand.trigger.speech and framing.claimed(cand.pred):
                continue  # "the rumour that X wants to sell ...": put forward, not reported as so
            if not cand.lexical and framing.background(cand.pred):
                continue
            if cand.lexical and cand.fact.holders and not cand.trigger.speech and nouns.reduced_passive(cand.pred) \
                    and cand.content and cand.content[1] <= cand.pred.i:  # its thing: the noun before it
                kept.append(cand)  # "the visa, approved by the leaders in 2023, ...": the writer's account
                continue
            inside = [o for o in cands if o is not cand and o.content and o.content[0] <= cand.pred.i < o.content[1]
                      and not (o.pred.dep_ == "relcl" and cand.pred.is_ancestor(o.pred))]  # "observers who observe"
            if not inside or (cand.trigger.speech and (speech.parenthetical(cand.pred) or quoted_as(cand.pred)
                                                       or gerund_subject(cand.pred))):
                kept.append(cand)
                continue
            if cand.lexical and doing_gerund(cand.pred) and all(o.pred == cand.pred.head.head or (
                    o.trigger.speech and o.pred.is_ancestor(cand.pred.head.head)) for o in inside):
                speaker = speech.speaker_of(cand, cands)  # as reported: "his aide said he answered by vowing to X"
                if speaker is not None and speaker.pred.is_ancestor(cand.pred.head.head):
                    speech.attribute(cand, speaker, getattr(self.b.resolver, "in_dateline", None))
                kept.append(cand)  # "answered critics by vowing to X": what the doer did, not what is proposed
                continue
            if cand.lexical and cand.pred.dep_ == "xcomp" and purpose_subject(cand.pred) is not None \
                    and all(o.pred == cand.pred.head for o in inside):
                kept.append(cand)  # "emailed the staff to recommend X": what the writer did it for
                continue
            served = quoted_sign(cand.pred) if cand.lexical else None  # "banners reading 'X' to demand Y"
            if served is not None and all(o.pred == served or served.is_ancestor(o.pred) for o in inside):
                kept.append(cand)  # the marchers' aim, not what the banners' words propose
                continue
            speaker = speech.speaker_of(cand, cands)
            aside = cand.lexical and self._aside(cand.pred)
            hypothetical = any(not _factive(o) and not o.trigger.speech for o in inside) and not aside
            if cand.trigger.pos == "noun" and self.b.noun_holders(cand.pred, subject_fallback=False):
                kept.append(cand)  # "rejected a proposal by the IAEA": the IAEA's proposal is a fact
            elif hypothetical:  # what someone proposes, demands or fears has not happened
                continue
            elif cand.fact.kind not in NOT_STANCES and not cand.trigger.speech and any(
                    o.fact.negated and framing.complement_of(cand.pred, o.pred) for o in inside
                    if o.trigger.speech or o.fact.kind in FACTIVE):
                continue  # "the files do not show that X objected": not reported as so
            elif speaker is not None and cand.lexical and not cand.trigger.speech:
                speech.attribute(cand, speaker, getattr(self.b.resolver, "in_dateline", None))
                kept.append(cand)
            elif cand.trigger.speech and speaker is not None and set(cand.fact.holders) <= set(speaker.fact.holders):
                continue  # "Lavrov said he could not say whether ...": one statement
            elif aside and speaker is None:
                kept.append(cand)
            elif all(_factive(o) for o in inside) and framing.own_subject(cand.pred):
                if speaker is not None:
                    speech.attribute(cand, speaker, getattr(self.b.resolver, "in_dateline", None))
                kept.append(cand)
        return kept

    def _aside(self, pred) -> bool:
        """A who-clause set off after a name ("rebuked Trump, who has suggested ..."): the writer's account
        of that person or group, true whatever the clause around it proposes or fears. Not "which": it
        may stand for the whole clause before ("registering, which would require ...")."""
        tok = pred.head if pred.dep_ == "conj" and pred.head.dep_ == "relcl" else pred
        if tok.dep_ != "relcl" or tok.head.pos_ != "PROPN" or not self.b.resolver.resolve(
                tok.doc[tok.head.i:tok.head.i + 1]):
            return False
        first = tok.left_edge
        return first.lower_ == "who" and first.i > 0 and tok.doc[first.i - 1].text == ","

    def _note(self, meeting: Fact) -> None:
        """Tell the actors stage who met, so that a later "both sides" means them (when it listens)."""
        note = getattr(self.b.resolver, "note_participants", None)
        if note is not None and meeting.holders and not meeting.status:
            note(meeting.holders, meeting.evidence[0].end)

    def _quotes(self, sent, kept: list[Candidate], quoted: bool) -> list[Fact]:
        spoken = [c for c in kept if c.trigger.speech]
        framers = [c for c in spoken if not inside_quote(c.pred)]  # '"As Ana said, we stay," Ruiz said': Ruiz's quote
        if not framers and not quoted and has_quote(sent.doc, sent.start, sent.end):
            self.quotes.lost()  # '"... as Ana told me, we stay," Ruiz concluded': whose quote, not told
        for cand in framers:
            if cand.fact.holders and has_quote(sent.doc, sent.start, sent.end):
                self.quotes.heard(cand.fact, sent)
            elif has_quote(sent.doc, sent.start, sent.end) and not cand.fact.attributed_to:
                self.quotes.unheard(sent)
            elif self.quotes.speaker is not None and cand.fact.holders \
                    and not set(cand.fact.holders) & set(self.quotes.speaker.holders):
                self.quotes.lost()  # '"We win," Reilly said. Ortiz did not respond. "We lost."': not Reilly's
        if quoted and spoken and not framers:
            self.quotes.went_on(sent, reopened=True)  # '"So I would tell them: read it.': speaking on
        if quoted and framers and not has_quote(sent.doc, sent.start, sent.end):
            self.quotes.went_on(sent)  # '... nobody likes this," said X. His support ...': the quote closed here
        if spoken or not quoted:  # the sentence names its own speaker, or is nobody's words
            return []
        fact = self.quotes.continued(sent)
        if fact is None:
            return []
        fact.about = list(dict.fromkeys(m.actor for m in self.b.resolver.mentions_in(fact.content_span.start,
                                                                                       fact.content_span.end)))
        return [fact]


def _adjacent(sent, end: int) -> bool:
    """Only space between token `end` (where the sentence before ended) and the sentence; no tokens to
    read when it starts right there, as it mostly does."""
    return end == sent.start or all(t.is_space for t in sent.doc[end:sent.start])


def _factive(cand: Candidate) -> bool:
    """A fact whose content is reported as so: an agreement, a statement, a memory ("I remember when")."""
    return cand.fact.kind in FACTIVE or (cand.pred.lemma_.lower() in MEMORY and not cand.fact.negated)
