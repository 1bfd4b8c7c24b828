"""One predicate -> one position or action fact: holders, content, target, recipient, qualifiers.

`Candidate` keeps the token ranges the sentence-level pass needs (where the predicate is, which tokens
its content covers) beside the Fact itself.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...model import Fact, Span
from . import asked, intents, kinds, noun_positions, nouns, qualifiers, realis, senses, shapes, spans, subjects, timing
from .clauses import after_according, agent_of, fronted_list, has_object, interpolated, subject_of
from .contents import after_object, content_of
from .gerunds import quoted_as, vocative
from .holders import Holders
from .kinds import HELD, NOT_POSITIONS
from .lexicon import Lexicon, Trigger
from .put_at import before_occasion
from .scope import clause_around, right_complements
from .spans import between, char_span, child, inside_quote, noun_phrase, subtree_span, text_of, within_quote

MOTION = ("through", "past", "off", "out", "into", "ahead", "away", "up")  # "blasted through", "charged ahead"
ACTION_SKIP = ("advcl", "npadvmod")
OWN_TAKING = ("embrace",)  # verbs whose object, when the holder's own, is a lot taken on, not a stance
PUBLIC_ACTS = ("endorse",)  # endorsing a candidate is a public act, an Acceptance of them
BARE_REFERENCES = ("PRP", "WDT", "WP", "DT", "TO")  # a content that is only "it", "which", "whatever", "to"
STRANDED = ("IN", "RP")  # "a view most economists would disagree with": a position with no content of its own
CONDITIONAL_WEIGHT = 0.7  # the weight of a hedge cue such as "likely" (service/lexicon/verbs.tsv)
# adjectives that are an Intention only with a to-clause: "ready to talk", not "ready for the job"
CLAUSAL_ADJS = ("ready", "willing", "determined")
# verbs that are an Intention only with a to-clause: "prepares to run", not "prepared the report",
# "prepared for the debate", "aimed his criticism at"
CLAUSAL_VERBS = ("prepare", "aim")
AUTHORING = ("write",)  # speech verbs that also make a text: a Statement only with what the text says


@dataclass
class Candidate:
    fact: Fact
    pred: Token
    trigger: Trigger
    content: tuple[int, int] | None  # token range
    lexical: bool  # from the lexicon, not generic
    reported_by: Trigger | None = None  # the speech trigger whose content holds this one
    unheld: bool = False  # no position of its holder: it makes no fact, but what it governs stays its content


class Builder(Holders):
    """Builds facts for the predicates of one document."""

    def __init__(self, doc, resolver, lexicon: Lexicon, published: str | None):
        super().__init__(doc, resolver, lexicon)
        self.published = published

    def build(self, pred: Token, trig: Trigger, anchor: Token | None, lexical: bool) -> Candidate | None:
        if trig.pos == "noun":
            return self._noun(pred, trig, anchor)
        subj, passive = subjects.subject_and_voice(self, pred, trig, lexical)
        if subj is not None and vocative(pred, subj):
            return None  # "Mr. Hale, tell me ...": Hale is asked to speak, says nothing here
        if subj is not None and lexical and interpolated(pred, subj):
            return None  # "Trump, asked about the wall, said ...": Trump was asked; who asked is not said
        if lexical and asked.inquiry(pred):
            return None  # "asked about the wall", "asked the minister about the deal": a question, no request
        sense = senses.other_sense(pred, trig, passive, self.lexicon) if lexical else None
        if sense is not None:  # "has seen a rise", "called off the rally": the verb in another sense
            return self.build(pred, sense, None, lexical=sense is not kinds.GENERIC)
        if trig.pos == "adj":
            passive = False  # "are committed to": the subject holds the state
        target, recipient, content = [], [], None
        role = "recipient" if trig.object == "clause" else trig.object  # "clause": a recipient, and a clause said
        obj = child(pred, "dobj", "dative")
        if passive:
            agent = agent_of(pred)
            holders = self.actors(agent) if agent is not None else []
            if not holders and agent is not None and lexical:
                holders = self._unnamed_group(agent)  # "was threatened by militants": a group named as such
            if not holders:
                holders = [k for o in between(pred) for k in self.actors(o)]
            if subj is not None:
                if role in ("target", "recipient"):
                    (target if role == "target" else recipient).extend(self.actors(subj))
                    content = content_of(pred, anchor)
                else:  # the thing done: "which were announced by X" is about its head noun alone
                    phrase = noun_phrase(subj) if subj.i == pred.head.i else None
                    content = (phrase.start, phrase.end) if phrase is not None else subtree_span(subj)
                    reduced = nouns.reduced_passive(pred) and phrase is not None and phrase.start < pred.i < phrase.end
                    if reduced:
                        end = pred.i  # "the visa, approved by X ...; security": the words before the participle
                        while end > phrase.start + 1 and self.doc[end - 1].is_punct:
                            end -= 1
                        content = (phrase.start, end)
                    governed = content_of(pred) if anchor is None and not reduced else None  # "the facts reported
                    # by X in the cases it cited": the facts, not the phrase after the participle
                    if governed is not None and agent is not None and governed[0] <= agent.i < governed[1]:
                        governed = None  # "was approved in principle by X": a phrase holding the doer is not done
                    if governed is not None and governed[1] > subj.left_edge.i:  # not a clause before the thing done
                        content = governed
        else:
            holders = self.actors(subj, strict=not lexical) if subj is not None else \
                [k for o in between(pred) for k in self.actors(o)]
            if subj is not None and holders:  # "Maka, Kroon and X warned": a list the parser cut in two subjects
                listed = [k for c in pred.children if c.dep_ == "nsubj" and c != subj and c.i < subj.i
                          and not shapes.quote_between(c, subj)  # '"Or Akron," Ruiz said': Akron is quoted
                          and after_according(c) is c  # "According to Lind, A and B agreed": not Lind
                          for k in self.actors(c, strict=not lexical) if k not in holders]
                holders = list(dict.fromkeys(listed + holders))
            if subj is None and not holders:
                holders = [k for t in fronted_list(pred) for k in self.resolver.resolve(self.doc[t.i:t.i + 1])]
            if not holders and subj is not None and subj.dep_ == "dobj" and pred.dep_ == "acl":
                outer, outer_passive = subject_of(subj.head)  # "issued a statement calling for X"
                holders = self.actors(outer) if outer is not None and not outer_passive else []
            if role in ("target", "recipient") and obj is not None:
                (target if role == "target" else recipient).extend(self.actors(obj))
                content = after_object(pred, obj)
                if content is None and role == "target":
                    content = subtree_span(obj)
                if content is None and trig.speech and pred.sent.end - obj.right_edge.i > 4:
                    content = obj.right_edge.i + 1, pred.sent.end  # "told voters at a diner that ..."
            elif trig.fact_kind in ("Action", "Intention") and trig.pos == "verb" and anchor is None and (
                    not lexical or trig.kind == "Action"):
                content = right_complements(pred, skip=ACTION_SKIP)
            else:
                content = content_of(pred, anchor, speech=trig.speech)
                if lexical and trig.fact_kind in HELD and content is not None and shapes.leading_clause(pred, content):
                    content = right_complements(pred, skip=ACTION_SKIP)  # what it governs, not the clause before
                if content is None and pred.pos_ == "ADJ" and pred.head != pred:
                    content = content_of(pred.head)
                if content is None and trig.pos == "adj" and agent_of(pred) is not None:
                    content = subtree_span(agent_of(pred))  # "was concerned by reports of X": the cause
        renamed = nouns.renamed_relative(pred) if content is None and lexical and not passive else None
        if renamed is not None:  # "a minority government, an option X has ruled out": what X ruled out
            phrase = noun_phrase(renamed)
            content = phrase.start, phrase.end
        if content is None and lexical and trig.second == "for" and anchor is None:
            content = senses.for_clause(pred)  # "calling for the director to be fired"
        if content is None and trig.pos == "verb" and not trig.speech:  # what the verb governs, not nothing
            content = right_complements(pred, skip=ACTION_SKIP)
        if content is None and trig.speech and quoted_as(pred) is not None:
            content = content_of(pred.head.head, speech=True)  # '"...," the paper quoted X as saying'
        spoken = trig.speech and trig.pos == "verb"
        answered = asked.answered(pred, content) if spoken and (
            content is None or asked.opening_answer(self.doc, content)) else None
        before = asked.answered_before(pred) if spoken and content is None and answered is None else None
        if before is not None and set(self.actors(before[2])) & set(holders):
            answered = before[:2]  # 'X was asked whether P. "No," she said.': her answer to P
        if answered is not None:  # "Asked whether X, Y said no": Y denies X; the question put is not Y's words
            if answered[0] is None:
                return None
            content = answered[1]
        elif content is None and trig.speech and trig.pos == "verb" and not passive and (obj is None
                                                                                       or role == "recipient") \
                and not (subj is None and pred.dep_ == "xcomp" and has_object(pred.head)):  # "urged X to make
            # clear ...": X's words asked for, the sentence around is not them
            content = clause_around(pred, subj, obj)  # "All of which, he said, would help"; "..., X told them"
        if content is not None and content[1] > content[0] + 1 and self.doc[content[0]].lower_ == "no" \
                and qualifiers.none_done(pred):
            content = (content[0] + 1, content[1])  # "no ransom was paid": the act negated, its thing "ransom"
        if not lexical and content is None:
            return None
        if not lexical and obj is not None and obj.lemma_.lower() in timing.MEASURES and any(
                n.lemma_.lower() in self.resolver.lex.meeting_words for g in obj.children
                if g.dep_ == "prep" and g.lower_ == "of" for n in g.children if n.dep_ == "pobj"):
            return None  # "ended three days of talks": the meeting is the fact
        if lexical and trig.word == "deny" and (child(pred, "dative") is not None or self._withheld(pred, obj)):
            return None  # "denied Garland a hearing": withheld, nothing denied as untrue
        if lexical and not trig.speech and trig.fact_kind not in NOT_POSITIONS and (
                shapes.deontic_other(pred, subj) or shapes.asked(pred, subj)):
            return None  # "the US should refuse ...": someone's proposal; "Does X oppose ...?": a question
        clausal = CLAUSAL_ADJS if trig.pos == "adj" else CLAUSAL_VERBS if trig.pos == "verb" else ()
        if lexical and trig.fact_kind == "Intention" and child(pred, "xcomp") is None and trig.word in clausal:
            return None  # "not ready for the White House": fit, not a plan; "prepared the report": done
        within = child(pred, "prep", lemma="with")
        if lexical and trig.pos == "adj" and trig.fact_kind == "Concern" and within is not None \
                and content is not None and content[0] == within.i + 1:
            return None  # "concerned with driving home the point": occupied with, not worried
        if lexical and trig.object == "target" and not passive and obj is None and any(
                c.dep_ in ("prt", "prep") and c.i == pred.i + 1 and c.lower_ in MOTION for c in pred.children):
            return None  # "blasted through its record": no one blamed, the verb in another sense
        if trig.object == "clause" and not shapes.clausal(self.doc, content) \
                and not (trig.word in shapes.DARING and recipient and shapes.to_phrase(pred, content)):
            return None  # "advised Pfizer on the merger": counsel as a job; "advised them to wait": a proposal
        if trig.word in shapes.DARING and shapes.to_phrase(pred, content):
            content = (content[0] - 1, content[1])  # "challenged X [to a third debate]", as "urged X [to go]"
        if lexical and role == "recipient" and trig.fact_kind in ("Proposal", "Demand") and recipient \
                and obj is not None and content is not None and obj.left_edge.i <= content[0] \
                and content[1] <= obj.right_edge.i + 1 and self._party(obj):
            return None  # "advised the Norwegian government in 2000": someone advised, nothing asked
        if content is not None and content[1] - content[0] == 1 and (self.doc[content[0]].tag_ in BARE_REFERENCES or (
                not trig.speech and self.doc[content[0]].tag_ in STRANDED)):
            return None  # "accept it", "which most Whigs opposed", "whatever he wants": nothing said
        if lexical and not holders and subj is not None and not passive:
            holders = self._unnamed_group(subj)  # "Police said", "her advisers said": a group named as such
        own = getattr(self.resolver, "key_at", [None] * len(self.doc))[pred.i]
        if own in holders and not self.resolver.is_person(own):  # "Leaked Documents Reveal Campaign Donors"
            holders = [k for k in holders if k != own]  # read as one name: no body's name holds its own verb
        if lexical and trig.fact_kind == "Acceptance" and trig.word not in PUBLIC_ACTS and obj is not None \
                and not passive and self._backs_person(obj):
            return None  # "supported Kasich in the primary": backing a person, no proposal accepted
        if lexical and trig.word in OWN_TAKING and obj is not None and not passive and self._own_lot(obj, holders):
            return None  # "fully embracing his new duties": one's own lot taken on, nothing accepted
        # "hopes the voters will forgive him": no plan of theirs, but what is hoped stays its content;
        # "offered a response": no offer, the words offered are read for themselves ("offered support")
        unheld = lexical and trig.pos == "verb" and not passive and not self._own_act(pred, trig, holders, obj)
        if unheld and trig.fact_kind != "Intention":
            return None
        # "too many failures for us to ignore", "unrealistic for Japan to endorse": a for-to clause is not
        # told as done; "whom they would back": who it is is not said
        unheld = unheld or (lexical and trig.fact_kind in HELD
                            and (shapes.for_to(pred) or shapes.asked_object(pred, obj)
                                 or (shapes.ability(pred) and not inside_quote(pred))))
        joint = subj is not None and kinds.is_joint(noun_phrase(subj), self.lexicon)
        clause = child(pred, "ccomp")
        kind = kinds.adjust(trig, joint, clause) if lexical else kinds.generic_kind(pred)
        if answered is not None and answered[0] == "no":
            kind = "Denial"
        if kind == "Intention" and intents.untold(pred, holders, self.resolver.actors):
            unheld = True  # "seems ready to talk", "what he decides to do": no plan told as theirs
        if lexical and trig.word == "accept" and obj is not None and shapes.money(obj):
            kind = "Action"  # "accepted $200,000 from donors", "accepted the award": received, nothing agreed to
        if lexical and trig.word in AUTHORING and child(pred, "ccomp") is None and (passive or obj is not None) \
                and content is not None and not shapes.quote_between(self.doc[content[0]], self.doc[content[1] - 1]):
            kind = "Action"  # "wrote a letter to the mayor", "was written by Springsteen": a text made, no words quoted
        if lexical and kind == "Action":
            kind = kinds.generic_kind(pred)  # "will send a mission": announced, an Intention
        if lexical and kind in shapes.FAVOURING and shapes.against(pred, content):
            content = (content[0] - 1, content[1])  # "urged against a pullout": what is opposed, told so
        if content is not None and inside_quote(pred):
            content = within_quote(pred, content)  # '"As Ana told me, we stay," Ruiz said': not past the quote
        if content is not None and kind != "Action":
            content = before_occasion(self.doc, content, self.lexicon)
        fact = self._fact(pred, kind, holders, content, trig)
        if content is not None and content[0] < spans.sentence_of(pred)[0]:  # the question put the sentence before
            fact.evidence = [Span(self.doc[content[0]].sent.start_char, fact.evidence[0].end)]
        fact.target, fact.recipient = shapes.unique(target), shapes.unique(recipient)
        if lexical and kind in HELD and not fact.hedged and kinds.conditional(pred):
            fact.hedged = True  # "Ukrainians would welcome it": supposed, not a position they hold
            fact.confidence = round(fact.confidence * CONDITIONAL_WEIGHT, 3)
        if subj is not None and any(t.lower_ in ("neither", "nor") for t in noun_phrase(subj)):
            fact.negated = True  # "Neither Israel nor Hamas accepted the plan"
        return Candidate(fact, pred, trig, content, lexical, unheld=unheld)

    def _noun(self, noun: Token, trig: Trigger, anchor: Token | None) -> Candidate | None:
        found = noun_positions.holders_and_content(self, noun, trig, anchor)
        if found is None:
            return None
        holders, content = found
        fact = self._fact(noun, trig.fact_kind, holders, content, trig)
        return Candidate(fact, noun, trig, content, True)

    def _fact(self, pred: Token, kind: str, holders: list[str], content, trig: Trigger) -> Fact:
        evidence = char_span(self.doc, *spans.sentence_of(pred))
        fact = Fact(kind=kind, evidence=[Span(*evidence)], holders=shapes.unique(holders),
                    verb=(pred.lemma_.lower() if not trig.word else " ".join(filter(None, (trig.word, trig.second)))))
        if content is not None:
            content, when = shapes.leading_time(self.doc, content)
            if when is not None:  # "demanded last week compensation": the time is not the content
                fact.time_text = text_of(self.doc, when)
                fact.date = qualifiers.resolve_date(fact.time_text, self.published)
            span = char_span(self.doc, *content)
            if span is not None:
                fact.content_span = Span(*span)
                fact.content = text_of(self.doc, span)
                fact.about = shapes.unique(m.actor for m in self.resolver.mentions_in(*span))
        cond = qualifiers.condition(pred)
        if cond is not None:
            fact.condition = cond[0]
        fact.negated = qualifiers.negated(pred)
        if kind == "Action" and realis.conditional(pred):
            fact.status = realis.HYPOTHETICAL  # "under the offer, the Greens would take two ministries"
        weight = qualifiers.hedged(pred, self.lexicon)
        fact.hedged = weight < 1.0
        fact.confidence = round(trig.confidence * weight, 3)
        if fact.time_text is None:
            fact.time_text, fact.date = qualifiers.time_of(pred, self.published)
        return fact
