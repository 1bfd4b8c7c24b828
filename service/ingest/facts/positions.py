"""One predicate -> one position or action fact: holders, content, target, recipient, qualifiers.

`Candidate` keeps the token ranges the sentence-level pass needs (where the predicate is, which tokens
its content covers) beside the Fact itself.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...model import Fact, Span
from ..actors import hyphenated
from . import attendance, kinds, qualifiers, senses
from .clauses import (
    agent_of,
    between,
    char_span,
    child,
    doing_gerund,
    fronted_list,
    gerund_subject,
    including,
    interpolated,
    noun_phrase,
    purpose_subject,
    quoted_as,
    subject_of,
    subtree_span,
    text_of,
)
from .contents import after_object, clause_around, content_of, right_complements
from .lexicon import Lexicon, Trigger

HOLDER_MODIFIERS = ("poss", "compound", "amod", "nmod")
BODIES = ("Organization", "Group")  # what a thing's name can be named after and still be the thing
MOTION = ("through", "past", "off", "out", "into", "ahead", "away", "up")  # "blasted through", "charged ahead"
SIDES = ("side", "team", "party")  # "the Russian side": the country's side, which acts for it
THINGS = ("Agreement", "Proposal", "Statement")  # nouns that name a text one can welcome or reject as such
SETTING_PREPS = ("in", "at", "with", "among", "from", "since", "after", "before", "during")
ACTION_SKIP = ("advcl", "npadvmod")
PUBLIC_ACTS = ("endorse",)  # endorsing a candidate is a public act, an Acceptance of them
AGENT_PREPS = ("for", "of", "at", "from")
BARE_REFERENCES = ("PRP", "WDT", "WP", "DT", "TO")  # a content that is only "it", "which", "whatever", "to"
STRANDED = ("IN", "RP")  # "a view most economists would disagree with": a position with no content of its own
NOT_POSITIONS = ("Statement", "Action", "Meeting", "Estimate", "Role")
# stances one holds or not, which a modal makes a supposition ("might accept", "could want")
HELD = ("Intention", "Commitment", "Acceptance", "Agreement", "Denial", "Disagreement")
CONDITIONAL_WEIGHT = 0.7  # the weight of a hedge cue such as "likely" (service/lexicon/verbs.tsv)
DEONTIC = ("should", "must", "ought")
# acts one goes somewhere to do: a purpose clause takes their doer ("gathered to demand"), not states
ACTS = ("Proposal", "Demand", "Accusation", "Criticism", "Denial")  # not "to commit fraud"
# heads that count people named after "of" ("dozens of experts", "a group of scientists")
# verbs whose subject receives what their object names: "won the support", "enjoys support"
RECEIVING = ("win", "gain", "enjoy", "receive", "get", "lose", "earn", "attract", "garner", "secure",
             "court", "need", "seek", "want", "keep", "retain", "command", "count")
# adjectives that are an Intention only with a to-clause: "ready to talk", not "ready for the job"
CLAUSAL_ADJS = ("ready", "willing", "determined")
# nouns that are a position only with a to-clause: "a threat to cut off gas", not "the threat of war"
CLAUSAL_NOUNS = ("threat",)
# nouns that are words against someone only when a person makes them at someone: "her attacks on the
# mayor", not "the attack on the embassy", "ISIS's attacks on Paris"
VERBAL_NOUNS = ("attack",)
AT_PREPS = ("on", "against")
VIOLENT = ("murderous", "terrorist", "terror", "deadly", "armed", "suicide", "violent", "bloody", "lethal", "fatal",
           "knife", "gun", "bomb", "missile", "rocket", "chemical", "physical", "military", "air", "drone", "cyber",
           "mass", "sexual", "brutal", "vicious", "heinous", "horrific", "shooting")
# verbs that hand their object noun the to-clause the parser hung on them: "made a vow [to fight]"
LIGHT_VERBS = ("make", "issue", "give", "repeat", "renew", "reiterate", "voice", "express", "take", "swear")
# verbs that are an Intention only with a to-clause: "prepares to run", not "prepared the report",
# "prepared for the debate", "aimed his criticism at"
CLAUSAL_VERBS = ("prepare", "aim")
# adjectives that say whose position a noun is: many people's, not the subject's ("bipartisan support")
COLLECTIVE = ("bipartisan", "public", "popular", "widespread", "grassroots", "international", "universal",
              "cross-party", "nonpartisan")
# what is offered when words or feelings are given, not terms put to someone
WORDS_GIVEN = ("condolence", "congratulation", "prayer", "thought", "word", "response", "evaluation",
               "assessment", "apology", "glimpse", "explanation", "comment", "remark", "sympathy", "praise",
               "caveat", "insight", "view", "opinion", "answer", "reply", "defense", "defence", "tribute", "thanks",
               "reassurance", "criticism", "critique", "perspective", "hint", "example", "look", "picture",
               "vision", "argument", "account", "testimony", "rebuttal", "analysis", "prediction", "forecast",
               "summary", "preview", "take", "detail", "clue", "wish", "greeting", "blessing", "encouragement")
SAID_NOUNS = ("claim", "announcement", "assertion")  # words told with a noun: a Statement only with a that-clause
AUTHORING = ("write",)  # speech verbs that also make a text: a Statement only with what the text says
# bodies that act for one person, named with their owner first and then alone ("The campaign said")
OWNED_BEFORE = ("campaign",)
OWNED_WINDOW = 4  # sentences looked back for the owner
# nouns whose name before them is what they are about ("the Cruz endorsement"), not their holder
NAMED_FOR_OBJECT = ("endorsement",)
QUANTITY_HEADS = ("dozen", "hundred", "thousand", "million", "score", "group", "number", "majority", "coalition",
                  "handful")


@dataclass
class Candidate:
    fact: Fact
    pred: Token
    trigger: Trigger
    content: tuple[int, int] | None  # token range
    lexical: bool  # from the lexicon, not generic
    reported_by: Trigger | None = None  # the speech trigger whose content holds this one
    unheld: bool = False  # no position of its holder: it makes no fact, but what it governs stays its content


class Builder:
    """Builds facts for the predicates of one document."""

    def __init__(self, doc, resolver, lexicon: Lexicon, published: str | None):
        self.doc, self.resolver, self.lexicon, self.published = doc, resolver, lexicon, published

    # --- actors
    def actors(self, tok: Token | None, strict: bool = False) -> list[str]:
        """Actor keys a noun phrase names; for a common noun "including X, Y", its members. `strict`:
        the doer of a verb outside the lexicon must be named by the phrase's head ("Russian oil
        revenues fell" is not Russia acting)."""
        if tok is None:
            return []
        person = self._titled_person(tok)
        if person:  # "IAEA chief Rafael Grossi" misparsed with IAEA as the subject: Grossi is the doer
            return [person]
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN":
            named = self.actors(tok.head, strict)  # "John Large, a British consultant who advised": Large
            if named:
                return named
        if strict and tok.dep_ == "csubj":
            return []  # "winning Ohio will give him momentum": an act does it, not Ohio
        if strict and any(c.dep_ == "nummod" for c in tok.children):
            return []  # "About 74,000 Americans died": a count of people (an estimate), not the country acting
        dateline = getattr(self.resolver, "in_dateline", lambda i: False)
        if dateline(tok.i):  # the parser made the dateline the subject: the doer is its apposition
            tok = next((t for t in tok.subtree if t.dep_ == "appos" and not dateline(t.i)), None)
            if tok is None:
                return []
        # "allies, including Saudi Arabia and Qatar": the group and its named members
        members = including(tok) if tok.pos_ == "NOUN" else []
        keys = self.resolver.resolve(noun_phrase(tok)) + (self.resolver.resolve(noun_phrase(members[0]))
                                                          if members else [])
        if not keys:
            appos = [c for c in tok.children if c.dep_ == "appos"]  # "the two ministers, Wang and Lavrov,"
            keys = [k for a in appos for k in self.resolver.resolve(noun_phrase(a))]
        if not keys:
            phrase = noun_phrase(tok)
            keys = self.resolver.resolve(phrase)
            common = tok.pos_ == "NOUN" and self.lexicon.cue(tok.lemma_) != "agent"
            if strict and common and not any(t.dep_ == "cc" for t in phrase):
                return list(dict.fromkeys(keys))
            person = common and _person_noun(tok, getattr(self.resolver, "lex", None))
            if person and not any(t.dep_ == "cc" for t in phrase):
                return list(dict.fromkeys(keys))  # "the Vermont senator", "the Colombian reporter": not the place
            determined = any(c.dep_ == "det" for c in tok.children)  # "a US company"; not "Washington information"
            thing = (common and tok.tag_ == "NN" and determined and tok.lemma_.lower() not in SIDES and not person) or (
                tok.pos_ == "PROPN" and tok.dep_ != "compound"  # "The Washington Post": a name of its own
                and self.lexicon.cue(tok.lemma_.lower()) != "agent" and tok.lemma_.lower() not in SIDES)
            if thing and not any(t.dep_ == "cc" for t in phrase):  # "the latest US newspaper": not the state;
                named = [k for k in self.named_in(phrase) if self.resolver.actor(k).kind in BODIES]
                return list(dict.fromkeys(keys + named))  # "the Global Times tabloid": the tabloid
            if not keys or any(t.dep_ == "cc" and t.head.i != tok.i for t in phrase):
                # "Washington military planners"; a misparsed coordination ("Presidents Barack Obama and
                # Vladimir Putin", "the State Department and Defense Department")
                keys = keys + [k for k in self.named_in(phrase) if k not in keys]
        if not keys and tok.pos_ == "NOUN" and self.lexicon.cue(tok.lemma_) == "agent":
            owner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in AGENT_PREPS
                          for g in c.children if g.dep_ == "pobj"), None)
            keys = self.actors(owner) if owner is not None else []  # "a spokesman for the State Department"
            mine = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if not keys and mine is not None:  # "her campaign said": hers
                keys = self.resolver.refers(mine)
            if not keys and owner is None and mine is None and tok.lemma_.lower() in OWNED_BEFORE:
                keys = self._owned_before(tok)  # "Ruiz's campaign ... The campaign said": hers
        return list(dict.fromkeys(keys))

    def _owned_before(self, tok: Token) -> list[str]:
        """ "the campaign" with no owner or modifier of its own: the one owner the same noun had in this
        or the few sentences before ("Ruiz's campaign", "the Ruiz campaign"); none when two owners did, or
        none was named."""
        if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
                c.dep_ in ("amod", "compound", "nmod", "poss", "prep") for c in tok.children):
            return []
        doc, first = self.doc, max(0, tok.sent.start - 1)
        for _ in range(OWNED_WINDOW):  # the start of the sentence OWNED_WINDOW sentences back
            first = doc[first].sent.start - 1 if first > 0 else 0
            if first <= 0:
                break
        owners = set()
        for t in doc[max(first, 0):tok.i]:
            if t.lemma_.lower() != tok.lemma_.lower() or t.pos_ != "NOUN":
                continue
            for c in t.children:
                if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
                    found = self.resolver.resolve(doc[c.left_edge.i:c.right_edge.i + 1])
                    people = {k for k in found if self.resolver.actor(k).kind == "Person"}
                    owners |= people or {f"?{c.i}"}  # an owner not known as a person still makes two
        return list(owners) if len(owners) == 1 and not next(iter(owners)).startswith("?") else []

    def _titled_person(self, tok: Token) -> str | None:
        """The person a title-before-name phrase ("IAEA chief Rafael Grossi") names, when tok is one of
        its other words."""
        key_at = getattr(self.resolver, "key_at", None)
        if tok.conjuncts or any(c.dep_ in ("conj", "cc") for c in tok.subtree):
            return None  # "Presidents Barack Obama and Vladimir Putin": both, resolved as usual
        for role in getattr(self.resolver, "roles", []):
            span = role.content_span
            if span is None or not role.holders or not span.start <= tok.idx < span.end:
                continue
            last = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            if last is not None and key_at and key_at[last.end - 1] == role.holders[0] != key_at[tok.i]:
                return role.holders[0]
        return None

    def named_in(self, phrase) -> list[str]:
        """Actors named in a phrase whose head names none, outside its possessives and prepositional
        objects ("Washington military planners" yes; "Assad's brutality", "a solution to the Syria
        conflict" no)."""
        outside = set()
        agent_head = self.lexicon.cue(phrase.root.lemma_) == "agent"  # "China's commerce ministry"
        for tok in phrase:
            preposition = tok.dep_ in ("prep", "agent") and tok.pos_ == "ADP" and not tok.ent_type_
            if (tok.dep_ == "poss" and not agent_head) or preposition:
                outside |= {t.i for t in tok.subtree}
        keys = []
        dateline = getattr(self.resolver, "in_dateline", lambda i: False)
        for m in self.resolver.mentions_in(phrase.start_char, phrase.end_char):
            toks = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if toks is not None and not any(t.i in outside or dateline(t.i) for t in toks) \
                    and not hyphenated(toks[0]):  # "African-Americans": people of a heritage, not the state
                keys.append(m.actor)
        return keys

    def noun_holders(self, noun: Token, subject_fallback: bool = True) -> list[str]:
        """Holders of a noun trigger: "Putin's proposal", "agreement between X and Y", "Russian
        estimates", "the Obama-Putin meeting", or the subject of "X reached an agreement"."""
        objs = between(noun)
        if objs:
            return [k for o in objs for k in self.actors(o)]
        by = agent_of(noun) or next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                                     for g in c.children if g.dep_ == "pobj"), None)
        if by is not None:
            return self.actors(by)
        keys, named = [], []
        for c in noun.children:
            if c.dep_ in HOLDER_MODIFIERS and c.i < noun.i:
                phrase = self.doc[c.left_edge.i:c.right_edge.i + 1]
                found = self.resolver.resolve(phrase) + self.named_in(phrase)
                (named if c.dep_ == "compound" else keys).extend(found)
        if not keys and len(set(named)) == 1 and self.lexicon.single.get((noun.lemma_.lower(), "noun")) is not None \
                and self.lexicon.single[(noun.lemma_.lower(), "noun")].fact_kind == "Agreement":
            named = []  # "the Paris agreement", "the Oslo Accords": the agreement's name, not a party to it
        if not keys and noun.lemma_.lower() in NAMED_FOR_OBJECT:
            named = []  # "the Cruz endorsement": the one endorsed, not who endorses
        keys += named
        if keys:
            return list(dict.fromkeys(keys))
        if any(c.dep_ == "amod" and c.lower_ in COLLECTIVE for c in noun.children):
            return []  # "stressed bipartisan support for X": the support of many, not the speaker's
        listed = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("including", "like") else None
        if subject_fallback and listed is not None and listed.dep_ in ("dobj", "attr") and not self._of_people(noun):
            noun = listed  # "made several statements, including a call for a ban": the subject's call
        if subject_fallback and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX") \
                and noun.head.lemma_.lower() not in RECEIVING and not self._of_people(noun):
            # not "described the hopes of voters", "had the support of the movement": theirs, not the subject's
            subj, passive = subject_of(noun.head)
            if subj is not None and not passive:
                return self.actors(subj)
        return []

    def _of_people(self, noun: Token) -> bool:
        """ "the hopes of voters", "the support of 27 percent of voters", "support from the movement":
        an of- or from-object that names who holds the noun's position."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    if g.tag_ in ("NNS", "NNPS", "NNP") or g.ent_type_ in ("PERCENT", "CARDINAL") or any(
                            t.dep_ == "nummod" for t in g.children) or self.resolver.resolve(noun_phrase(g)) \
                            or self.lexicon.cue(g.lemma_) == "agent" or g.lemma_.lower() in QUANTITY_HEADS + (
                                "movement", "party", "establishment", "base", "electorate", "public", "percent"):
                        return True
        return False

    # --- facts
    def build(self, pred: Token, trig: Trigger, anchor: Token | None, lexical: bool) -> Candidate | None:
        if trig.pos == "noun":
            return self._noun(pred, trig, anchor)
        subj, passive = subject_of(pred)
        if trig.speech and subj is not None and subj.i < pred.i:
            subj = _inverted(pred) or subj  # "The vote marks the end, said X": X, not the clause's subject
        relative = child(pred, "nsubj", "nsubjpass") if pred.dep_ == "relcl" and subj == pred.head else None
        antecedent = getattr(self.resolver, "antecedent", None)
        if relative is not None and relative.lower_ == "who" and antecedent is not None:
            subj = antecedent(relative)  # "an aide in the Carter administration who backed X": the aide
        if subj is None and pred.dep_ in ("acomp", "oprd", "xcomp"):  # "remain worried", "are committed"
            subj, passive = subject_of(pred.head)
        if subj is None and lexical and (trig.speech or trig.fact_kind in ACTS):
            subj = purpose_subject(pred)  # "flew to Luanda to urge ...": acts, not "went to see the ice"
        if subj is None and trig.speech:  # "was quoted as saying", "responded by saying": the one quoted, who responded
            subj = quoted_as(pred) or gerund_subject(pred)
        if subj is None and lexical and trig.fact_kind not in NOT_POSITIONS and doing_gerund(pred):
            subj = gerund_subject(pred)  # "answered critics by vowing to cut taxes": who answered vowed
            subj = None if subj is not None and subj.pos_ == "PRON" else subj  # a guessed referent: not twice
        if subj is not None and not passive and pred.tag_ == "VBN" and subj.head == pred and not any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in pred.children):
            passive = True  # "with Assad removed from power"
        if subj is not None and not passive and pred.tag_ == "VBN" and pred.dep_ == "advcl" and subj.head != pred \
                and not any(c.dep_ in ("aux", "auxpass") for c in pred.children):
            passive = True  # "Asked about the plan, Trump said": Trump was asked
        if subj is not None and lexical and interpolated(pred, subj):
            return None  # "Trump, asked about the wall, said ...": Trump was asked; who asked is not said
        if lexical and _inquiry(pred):
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
            if not holders:
                holders = [k for o in between(pred) for k in self.actors(o)]
            if subj is not None:
                if role in ("target", "recipient"):
                    (target if role == "target" else recipient).extend(self.actors(subj))
                    content = content_of(pred, anchor)
                else:  # the thing done: "which were announced by X" is about its head noun alone
                    phrase = noun_phrase(subj) if subj.i == pred.head.i else None
                    content = (phrase.start, phrase.end) if phrase is not None else subtree_span(subj)
                    if anchor is None:
                        content = content_of(pred) or content
        else:
            holders = self.actors(subj, strict=not lexical) if subj is not None else \
                [k for o in between(pred) for k in self.actors(o)]
            if subj is not None and holders:  # "Maka, Kroon and X warned": a list the parser cut in two subjects
                listed = [k for c in pred.children if c.dep_ == "nsubj" and c != subj and c.i < subj.i
                          and not _quote_between(c, subj)  # '"Or Akron," Ruiz said': Akron is quoted
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
                if content is None and pred.pos_ == "ADJ" and pred.head != pred:
                    content = content_of(pred.head)
                if content is None and trig.pos == "adj" and agent_of(pred) is not None:
                    content = subtree_span(agent_of(pred))  # "was concerned by reports of X": the cause
        if content is None and lexical and trig.second == "for" and anchor is None:
            content = senses.for_clause(pred)  # "calling for the director to be fired"
        if content is None and trig.pos == "verb" and not trig.speech:  # what the verb governs, not nothing
            content = right_complements(pred, skip=ACTION_SKIP)
        if content is None and trig.speech and quoted_as(pred) is not None:
            content = content_of(pred.head.head, speech=True)  # '"...," the paper quoted X as saying'
        if content is None and trig.speech and trig.pos == "verb" and not passive and (obj is None
                                                                                     or role == "recipient"):
            content = clause_around(pred, subj, obj)  # "All of which, he said, would help"; "..., X told them"
        if not lexical and content is None:
            return None
        if not lexical and obj is not None and obj.lemma_.lower() in attendance.MEASURES and any(
                n.lemma_.lower() in self.resolver.lex.meeting_words for g in obj.children
                if g.dep_ == "prep" and g.lower_ == "of" for n in g.children if n.dep_ == "pobj"):
            return None  # "ended three days of talks": the meeting is the fact
        if lexical and trig.word == "deny" and (child(pred, "dative") is not None or self._withheld(pred, obj)):
            return None  # "denied Garland a hearing": withheld, nothing denied as untrue
        if lexical and not trig.speech and trig.fact_kind not in NOT_POSITIONS and (
                _deontic_other(pred, subj) or _asked(pred, subj)):
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
        if trig.object == "clause" and not _clausal(self.doc, content):
            return None  # "advised Pfizer on the merger": counsel as a job; "advised them to wait": a proposal
        if lexical and role == "recipient" and trig.fact_kind in ("Proposal", "Demand") and recipient \
                and obj is not None and content is not None and obj.left_edge.i <= content[0] \
                and content[1] <= obj.right_edge.i + 1 and self._party(obj):
            return None  # "advised the Norwegian government in 2000": someone advised, nothing asked
        if content is not None and content[1] - content[0] == 1 and (self.doc[content[0]].tag_ in BARE_REFERENCES or (
                not trig.speech and self.doc[content[0]].tag_ in STRANDED)):
            return None  # "accept it", "which most Whigs opposed", "whatever he wants": nothing said
        if lexical and not holders and subj is not None and not passive:
            holders = self._unnamed_group(subj)  # "Police said", "her advisers said": a group named as such
        if lexical and trig.fact_kind == "Acceptance" and trig.word not in PUBLIC_ACTS and obj is not None \
                and not passive and self._backs_person(obj):
            return None  # "supported Kasich in the primary": backing a person, no proposal accepted
        # "hopes the voters will forgive him": no plan of theirs, but what is hoped stays its content;
        # "offered a response": no offer, the words offered are read for themselves ("offered support")
        unheld = lexical and trig.pos == "verb" and not passive and not self._own_act(pred, trig, holders, obj)
        if unheld and trig.fact_kind != "Intention":
            return None
        # "too many failures for us to ignore", "unrealistic for Japan to endorse": a for-to clause is not
        # told as done; "whom they would back": who it is is not said
        unheld = unheld or (lexical and trig.fact_kind in HELD and (_for_to(pred) or _asked_object(pred, obj)))
        joint = subj is not None and kinds.is_joint(noun_phrase(subj), self.lexicon)
        clause = child(pred, "ccomp")
        kind = kinds.adjust(trig, joint, clause) if lexical else kinds.generic_kind(pred)
        if lexical and trig.word == "accept" and obj is not None and _money(obj):
            kind = "Action"  # "accepted $200,000 from donors", "accepted the award": received, nothing agreed to
        if lexical and trig.word in AUTHORING and child(pred, "ccomp") is None and (passive or obj is not None) \
                and content is not None and not _quote_between(self.doc[content[0]], self.doc[content[1] - 1]):
            kind = "Action"  # "wrote a letter to the mayor", "was written by Springsteen": a text made, no words quoted
        if lexical and kind == "Action":
            kind = kinds.generic_kind(pred)  # "will send a mission": announced, an Intention
        fact = self._fact(pred, kind, holders, content, trig)
        fact.target, fact.recipient = _unique(target), _unique(recipient)
        if lexical and kind in HELD and not fact.hedged and kinds.conditional(pred):
            fact.hedged = True  # "Ukrainians would welcome it": supposed, not a position they hold
            fact.confidence = round(fact.confidence * CONDITIONAL_WEIGHT, 3)
        if subj is not None and any(t.lower_ in ("neither", "nor") for t in noun_phrase(subj)):
            fact.negated = True  # "Neither Israel nor Hamas accepted the plan"
        return Candidate(fact, pred, trig, content, lexical, unheld=unheld)

    def _own_act(self, pred: Token, trig: Trigger, holders: list[str], obj: Token | None) -> bool:
        """An Intention is the holder's own future act: "hopes to win" or "plans a rally", not "hopes
        [that] the voters will forgive him". An offer is a Proposal when it
        offers to do something or offers someone something ("offered to mediate", "offered Iran a
        deal"), not when it offers words ("offered a restrained response")."""
        if trig.fact_kind == "Intention":
            clause = child(pred, "ccomp")
            finite = clause is not None and clause.i > pred.i and (clause.tag_ in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in clause.children))
            subj = child(clause, "nsubj", "nsubjpass") if finite else None
            gerund = child(clause, "csubj") if finite else None
            if finite and subj is None and (gerund is None or child(gerund, "nsubj", "poss") is not None):
                return False  # "hopes this ruling forces the council to ...": another's doing
            # "hopes that granting X the optics will moderate Y": the gerund's doer is the one who hopes
            if subj is not None and not (set(self.resolver.refers(subj)) & set(holders)) \
                    and subj.lower_ not in ("i", "we"):
                return False
            if trig.word == "hope" and clause is None and child(pred, "xcomp") is None:
                return False  # "hoping for a strong finish": a wish for an outcome, not a plan of theirs
            if trig.word in WISHES and finite and _outcome(clause):
                return False  # "hopes he will win the case", "hope I can become calmer": an outcome wished for
            if trig.word in CHOOSING and obj is not None and clause is None and child(pred, "xcomp") is None:
                return False  # "will decide the election": settles an outcome, no act of theirs chosen
            if trig.word in ("want", "like") and _performative(pred):
                return False  # '"I want to thank the nurses"': done as it is said, not announced
            return True
        if trig.word == "offer" and trig.fact_kind == "Proposal":
            given = child(pred, "dobj")
            if child(pred, "xcomp") is None and given is not None and given.lemma_.lower() in WORDS_GIVEN:
                return False  # "offered condolences to the families", "offered the crowd an assessment"
            return child(pred, "xcomp") is not None or child(pred, "dative") is not None or any(
                c.dep_ == "prep" and c.lower_ == "to" for c in pred.children)
        return True

    def _withheld(self, pred: Token, obj: Token | None) -> bool:
        """ "denied Reyes the nomination", "denied them a vote": the object is someone refused
        something (two objects, or a person as the object), not a claim denied."""
        objects = [c for c in pred.children if c.dep_ in ("dobj", "dative")]
        if len(objects) > 1:
            return True
        if obj is None:
            return False
        if obj.lower_ in ("him", "her", "them", "us", "me", "you"):
            return True
        keys = self.resolver.resolve(noun_phrase(obj)) if obj.pos_ == "PROPN" else []
        return bool(keys) and all(self.resolver.actor(k).kind == "Person" for k in keys)

    def _unnamed_group(self, subj: Token) -> list[str]:
        make = getattr(self.resolver, "group_for", None)
        key = make(subj) if make is not None else None
        if key is None and make is not None and subj.lemma_.lower() in QUANTITY_HEADS:
            # "Dozens of security experts urged", "a group of scientists said": the people counted
            people = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"), None)
            key = make(people) if people is not None else None
        return [key] if key else []

    def _party(self, obj: Token) -> bool:
        """An object that names who is addressed ("urged Iran", "urged the government", "urged officials"),
        not a thing asked for that merely mentions someone ("urged a White House response")."""
        return obj.pos_ in ("PROPN", "PRON") or obj.tag_ == "NNS" or self.lexicon.cue(obj.lemma_) == "agent"

    def _backs_person(self, obj: Token) -> bool:
        if obj.lower_ in ("him", "her", "me", "them", "us", "you"):
            return True
        keys = self.resolver.resolve(noun_phrase(obj))
        return bool(keys) and obj.pos_ in ("PROPN", "PRON") and all(
            self.resolver.actor(k).kind in ("Person", "Group") for k in keys)

    def _noun(self, noun: Token, trig: Trigger, anchor: Token | None) -> Candidate | None:
        if trig.fact_kind == "Acceptance" and self._of_people(noun) and not any(
                c.dep_ == "poss" for c in noun.children):
            return None  # "the support of 41 percent of voters": what they back is not said here
        if trig.word in SAID_NOUNS and not any(c.dep_ in ("acl", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in noun.children):
            return None  # "his claim to the nomination", "Pence's announcement": nothing said is reported
        holders = self.noun_holders(noun)
        content = content_of(noun, anchor) or _infinitive_of(noun)
        if trig.word in CLAUSAL_NOUNS and (content is None or not _infinitive(self.doc, content)):
            return None  # "the threat of war", "a threat to the region": no act announced
        if trig.word in VERBAL_NOUNS and not (holders and all(self.resolver.actor(k).kind == "Person" for k in holders)
                                              and any(c.dep_ == "prep" and c.lower_ in AT_PREPS for c in noun.children)
                                              and not any(c.lower_ in VIOLENT for c in noun.children)):
            return None  # "the attack on the embassy", "his murderous attack on the club": violence, not words
        if content is None:
            copula = _copula_above(noun)
            if copula is not None and trig.fact_kind != "Acceptance" and (copula.lemma_ == "be"
                                                                           or trig.fact_kind == "Estimate"):
                # not "Trump's support was a mirage": the backing he gets, no proposal accepted
                # "the point of agreement was on Z", "estimates put it at 11,000"; not "their plan faced Z"
                content = content_of(copula) or right_complements(copula)
                if content is not None and trig.fact_kind != "Estimate" and _described(self.doc, content):
                    return None  # "the Norwegian plan is modest": the plan described, nothing planned said;
                    # an estimate compared is an estimate ("their estimates are much higher")
        if content is None and holders and trig.fact_kind in THINGS and self.noun_holders(noun, subject_fallback=False):
            content = subtree_span(noun)  # "welcomed the agreement between Israel and Hamas": the agreement
        if content is None or (content[0] > 0 and self.doc[content[0] - 1].lower_ in SETTING_PREPS
                               and self.doc[content[0] - 1].head == noun) or \
                (self.doc[content[0]].lower_ in SETTING_PREPS and self.doc[content[0]].dep_ == "prep"):
            return None  # "his support", "support in a poll", "support came from X": no object of its own
        fact = self._fact(noun, trig.fact_kind, holders, content, trig)
        return Candidate(fact, noun, trig, content, True)

    def _fact(self, pred: Token, kind: str, holders: list[str], content, trig: Trigger) -> Fact:
        sent = pred.sent
        evidence = char_span(self.doc, sent.start, sent.end)
        fact = Fact(kind=kind, evidence=[Span(*evidence)], holders=_unique(holders),
                    verb=(pred.lemma_.lower() if not trig.word else " ".join(filter(None, (trig.word, trig.second)))))
        if content is not None:
            content, when = _leading_time(self.doc, content)
            if when is not None:  # "demanded last week compensation": the time is not the content
                fact.time_text = text_of(self.doc, when)
                fact.date = qualifiers.resolve_date(fact.time_text, self.published)
            span = char_span(self.doc, *content)
            if span is not None:
                fact.content_span = Span(*span)
                fact.content = text_of(self.doc, span)
                fact.about = _unique(m.actor for m in self.resolver.mentions_in(*span))
        cond = qualifiers.condition(pred)
        if cond is not None:
            fact.condition = cond[0]
        fact.negated = qualifiers.negated(pred)
        weight = qualifiers.hedged(pred, self.lexicon)
        fact.hedged = weight < 1.0
        fact.confidence = round(trig.confidence * weight, 3)
        if fact.time_text is None:
            fact.time_text, fact.date = qualifiers.time_of(pred, self.published)
        return fact


def _person_noun(tok: Token, lex) -> bool:
    """A common noun for a person: a title ("senator"), or one person one meets ("reporter") or of a
    group of people ("lawyer")."""
    lemma = tok.lemma_.lower()
    if lex is None:
        return False
    return lemma in lex.descriptors or (tok.tag_ == "NN" and (lemma in lex.met_nouns or lemma + "s" in lex.group_heads))


# what a speaker does by saying "I want to ..." ("I want to thank", "I want to be honest")
PERFORMATIVES = ("thank", "assure", "congratulate", "commend", "apologize", "apologise", "remind", "welcome",
                 "ask", "mention", "say", "tell", "stress", "emphasize", "emphasise", "express", "acknowledge",
                 "recognize", "recognise", "salute", "applaud", "praise", "add", "share", "note")
CANDOUR = ("honest", "clear", "frank", "candid", "blunt", "direct")


def _performative(pred: Token) -> bool:
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


WISHES = ("hope", "wish")
CHOOSING = ("decide",)  # an Intention with a to- or that-clause ("decided to run"), not with an object


def _outcome(clause: Token) -> bool:
    """A clause that tells how things turn out, not what its subject does: "they will win the case",
    "I can become calmer", "we will be able to win"."""
    if clause.lemma_.lower() in kinds.OUTCOMES:
        return True
    if clause.lemma_.lower() != "be":
        return False
    able = next((c for c in clause.children if c.dep_ == "acomp" and c.lower_ == "able"), None)
    act = child(able, "xcomp") if able is not None else None
    return act is None or act.lemma_.lower() in kinds.OUTCOMES


def _money(obj: Token) -> bool:
    """An object received, not agreed to ("$200,000", "donations from oil companies", "the award",
    "more refugees")."""
    return obj.ent_type_ == "MONEY" or obj.lemma_.lower() in RECEIVED or any(
        t.ent_type_ == "MONEY" and t.head == obj for t in obj.children)


def _deontic_other(pred: Token, subj: Token | None) -> bool:
    """What someone else should or must do ("China should reject him", "the US must accept the deal") is
    the speaker's proposal, not a position of the subject; "we must reject it" is the speaker's own."""
    heads = [pred] + ([pred.head] if pred.pos_ == "ADJ" or pred.dep_ in ("acomp", "xcomp") else [])
    deontic = any(c.dep_ == "aux" and c.lower_ in DEONTIC for h in heads for c in h.children)
    return deontic and not (subj is not None and subj.lower_ in ("i", "we"))


def _asked(pred: Token, subj: Token | None) -> bool:
    """A question ("Does Rubio oppose abortion?", "Will Iran accept the plan?"): the auxiliary opens the
    clause before its subject."""
    if subj is None or subj.head != pred:
        return False
    # the auxiliary before the subject: "Does X oppose ...?", "In short, can X offer ...?"; not one with a
    # subject of its own before it ("The key moment was Smith threatening ...": a copula the parser misread)
    return any(c.dep_ in ("aux", "auxpass") and c.i < subj.left_edge.i
               and not any(g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i for g in c.children) for c in pred.children)


def _clausal(doc, content: tuple[int, int] | None) -> bool:
    """A content that is a clause ("to wait", "that the talks resume"), not a noun phrase."""
    if content is None:
        return False
    words = doc[content[0]:content[1]]
    root = next((t for t in words if not content[0] <= t.head.i < content[1] or t.head == t), None)
    return root is not None and root.pos_ in ("VERB", "AUX") and root.dep_ in ("xcomp", "ccomp")


def _for_to(pred: Token) -> bool:
    """A to-clause with its own for-subject ("for Japan to endorse the accord"): wanted, possible or
    impossible, never reported as done."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in pred.children) and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in pred.children)


def _asked_object(pred: Token, obj: Token | None) -> bool:
    """An object that is a wh-word before its verb ("whom they would back", "what they oppose"): the
    clause asks or leaves open what the position is about."""
    return obj is not None and obj.i < pred.i and obj.tag_ in ("WP", "WDT") and obj.lower_ in ("whom", "who", "what")


def _inquiry(pred: Token) -> bool:
    """'ask about X': a question put, not a request ('ask for X', 'ask Y to do Z' are requests)."""
    if pred.lemma_.lower() not in ("ask", "inquire", "enquire"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "about" for c in pred.children) and not any(
        c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "for" for c in pred.children)


def _described(doc, content: tuple[int, int]) -> bool:
    """A copula's complement that only describes its subject: an adjective ("is modest", "was very
    vague"), not what the plan or proposal is ("is to cut taxes", "was a ceasefire")."""
    words = doc[content[0]:content[1]]
    root = next((t for t in words if not content[0] <= t.head.i < content[1] or t.head == t), None)
    return root is not None and root.pos_ == "ADJ" and root.dep_ == "acomp"


def _infinitive_of(noun: Token) -> tuple[int, int] | None:
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
    return None


def _infinitive(doc, content: tuple[int, int]) -> bool:
    """A content that is a to-clause: "to cut off gas"."""
    first = doc[content[0]]
    return first.tag_ == "TO" and first.head.pos_ in ("VERB", "AUX") and content[0] < first.head.i < content[1]


def _copula_above(noun: Token) -> Token | None:
    """The verb whose subject contains `noun` ("One of the areas of agreement ... was on Z")."""
    tok = noun
    for _ in range(6):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.head
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _leading_time(doc, content: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int] | None]:
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
    if i == start:
        return content, None
    span = char_span(doc, start, i)
    return (i, end), span


def _without(content: tuple[int, int] | None, obj: Token) -> tuple[int, int] | None:
    """A content range that does not start with the recipient/target object itself."""
    if content is None:
        return None
    start, end = content
    if start <= obj.i < end and obj.right_edge.i + 1 < end:
        return max(start, obj.right_edge.i + 1), end
    return content


def _inverted(pred: Token) -> Token | None:
    """The speaker after a speech verb set after what it reports ("..., said Wilders"), when the parser
    also made a subject of the reported clause's: a comma or a closing quote just before the verb."""
    before = pred.doc[pred.i - 1] if pred.i > pred.sent.start else None
    if before is None or before.text not in (",", "”", "\"", "''"):
        return None
    return next((c for c in pred.children if c.dep_ == "nsubj" and c.i > pred.i), None)


def _unique(keys) -> list[str]:
    return list(dict.fromkeys(keys))


def _quote_between(first: Token, last: Token) -> bool:
    """A quotation mark between two tokens: one is inside a quote the other is not."""
    return any(t.text in ('"', "“", "”", "''", "``") for t in first.doc[first.i:last.i])
