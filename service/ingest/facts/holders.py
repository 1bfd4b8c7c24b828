"""Who holds a fact, and whether it is theirs: the actors a subject, object or possessor names ("IAEA
chief Rafael Grossi", "the two ministers, Wang and Lavrov", "a spokesman for the State Department", "the
campaign" of the one person whose campaign was just named), the holders of a noun trigger ("Putin's
proposal", "agreement between X and Y"), and whether an intention or offer is the holder's own act. The
positions builder (positions.py) is one of these.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import hyphenated
from ..runners import RUNNING
from . import nouns, shapes
from .clauses import agent_of, including, subject_of
from .lexicon import Lexicon, Trigger
from .lists import conjoined_to_apposition, listed_in_apposition
from .spans import between, child, coordinated_below, noun_phrase

HOLDER_MODIFIERS = ("poss", "compound", "amod", "nmod")
BODIES = ("Organization", "Group")  # what a thing's name can be named after and still be the thing
SIDES = ("side", "team", "party")  # "the Russian side": the country's side, which acts for it
AGENT_PREPS = ("for", "of", "at", "from")
# verbs whose subject receives what their object names: "won the support", "enjoys support"
RECEIVING = ("win", "gain", "enjoy", "receive", "get", "lose", "earn", "attract", "garner", "secure",
             "court", "need", "seek", "want", "keep", "retain", "command", "count")
# adjectives that say whose position a noun is: many people's, not the subject's ("bipartisan support")
COLLECTIVE = ("bipartisan", "public", "popular", "widespread", "grassroots", "international", "universal",
              "cross-party", "nonpartisan")
# bodies that act for one person, named with their owner first and then alone ("The campaign said")
OWNED_BEFORE = ("campaign",)
OWNED_WINDOW = 4  # sentences looked back for the owner
# nouns whose name before them is what they are about ("the Cruz endorsement"), not their holder
NAMED_FOR_OBJECT = ("endorsement",)
OWN_POSSESSIVES = ("his", "her", "their", "its", "my", "our")
# heads that count people named after "of" ("dozens of experts", "a group of scientists")
QUANTITY_HEADS = ("dozen", "hundred", "thousand", "million", "score", "group", "number", "majority", "coalition",
                  "handful")

# what is offered when words or feelings are given, not terms put to someone
WORDS_GIVEN = ("condolence", "congratulation", "prayer", "thought", "word", "response", "evaluation",
               "assessment", "apology", "glimpse", "explanation", "comment", "remark", "sympathy", "praise",
               "caveat", "insight", "view", "opinion", "answer", "reply", "defense", "defence", "tribute", "thanks",
               "reassurance", "criticism", "critique", "perspective", "hint", "example", "look", "picture",
               "vision", "argument", "account", "testimony", "rebuttal", "analysis", "prediction", "forecast",
               "summary", "preview", "take", "detail", "clue", "wish", "greeting", "blessing", "encouragement")

# what is offered when terms are put to someone, whoever they are: "she offered a compromise"
TERMS_OFFERED = ("compromise", "deal", "concession", "proposal", "plan", "package", "settlement", "terms",
                 "ceasefire", "truce", "bargain", "trade", "swap", "amnesty", "exemption", "guarantee")
# what is offered when aid is put on the table, whoever takes it: "the envoy offered police vehicles"
AID_OFFERED = ("aid", "loan", "credit", "grant", "funding", "money", "vehicle", "equipment", "training", "troop",
               "weapon", "arms", "aircraft", "ship", "vaccine", "scholarship", "assistance", "fuel", "food")


def person_noun(tok: Token, lex) -> bool:
    """A common noun for a person or people: a title ("senator"), one person one meets ("reporter", "the
    party elders") or of a group of people ("lawyer"), one standing in a race ("the GOP nominee")."""
    lemma = tok.lemma_.lower()
    if lex is None:
        return False
    return lemma in lex.descriptors or lemma in RUNNING or (tok.tag_ == "NN" and lemma + "s" in lex.group_heads) \
        or (tok.tag_ in ("NN", "NNS") and lemma in lex.met_nouns)


class Holders:
    """The holders of the predicates of one document (its Doc, the actors stage, the trigger lexicon)."""

    def __init__(self, doc, resolver, lexicon: Lexicon):
        self.doc, self.resolver, self.lexicon = doc, resolver, lexicon

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
        author = nouns.author_of(tok)
        if author is not None and not strict and (written := self.actors(author)):
            return written  # "the opinion, written by Justice X, said": the justice's words
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN" \
                and not (tok.tag_ == "NNS" and tok.head.tag_ == "NNP"):  # many are not one person's name
            named = self.actors(tok.head, strict)  # "John Large, a British consultant who advised": Large
            if named:
                return named
        if strict and tok.dep_ == "csubj":
            return []  # "winning Ohio will give him momentum": an act does it, not Ohio
        if strict and any(c.dep_ == "nummod" for c in tok.children):
            return []  # "About 74,000 Americans died": a count of people (an estimate), not the country acting
        dateline = getattr(self.resolver, "in_dateline", lambda i: False)
        if dateline(tok.i):  # the parser made the dateline the subject: the doer is its apposition
            tok = next((t for t in tok.subtree if t.dep_ == "appos" and not dateline(t.i)), None) or next(
                (t for t in tok.conjuncts if not dateline(t.i)), None)  # "HANOI (Wire) - X and Y agreed": X, Y
            if tok is None:
                return []
        owner = self._owner_over_topic(tok)
        if owner:  # "Estonia's Russia policy": Estonia's, a policy about Russia
            return owner
        # "allies, including Saudi Arabia and Qatar": the group and its named members
        members = including(tok) if tok.pos_ == "NOUN" else []
        keys = self.resolver.resolve(noun_phrase(tok)) + (self.resolver.resolve(noun_phrase(members[0]))
                                                          if members else [])
        if keys and tok.pos_ == "PROPN":  # "Norway, the EU and the Faroe Islands" parsed as an apposition
            keys = keys + [k for k in listed_in_apposition(tok, self.resolver) if k not in keys]
        if keys:  # "Serbia's negotiator, X, and Kosovo's negotiator, Y": the "and" hung on X's apposition
            keys = keys + [k for c in conjoined_to_apposition(tok) for k in self.actors(c, strict) if k not in keys]
        if not keys:
            appos = [c for c in tok.children if c.dep_ == "appos"  # "the two ministers, Wang and Lavrov,"
                     and not any(t.text == ";" for t in tok.doc[tok.i:c.i])]  # not the next clause's subject
            keys = [k for a in appos for k in self.resolver.resolve(noun_phrase(a))]
        if not keys:
            phrase = noun_phrase(tok)
            keys = self.resolver.resolve(phrase)
            common = tok.pos_ == "NOUN" and self.lexicon.cue(tok.lemma_) != "agent"
            if strict and common and not any(t.dep_ == "cc" for t in phrase):
                return list(dict.fromkeys(keys))
            person = common and person_noun(tok, getattr(self.resolver, "lex", None))
            if person and not any(t.dep_ == "cc" for t in phrase):
                if not keys and (make := getattr(self.resolver, "runner_for", None)) and (found := make(tok)):
                    return [found]  # "the GOP candidate" no one settles: the candidate, never the party
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
        if not keys and not strict and (leader := nouns.leader_of(tok)) is not None:
            is_person = getattr(self.resolver, "is_person", lambda k: False)  # "its bench, led by Senator X,"
            keys = [k for k in self.actors(leader) if is_person(k)]  # an unnamed group: its leader speaks for it
        return list(dict.fromkeys(keys))

    def _owner_over_topic(self, tok: Token) -> list[str]:
        """A common noun with a named possessor and a name compounded before it ("Estonia's Russia policy",
        "Kenya's Somalia strategy"): the possessor acts; the compound says what the thing is about."""
        poss = child(tok, "poss")
        if tok.pos_ != "NOUN" or poss is None or poss.pos_ != "PROPN" or not any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
            return []
        return self.resolver.resolve(noun_phrase(poss))

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
        if tok.conjuncts or coordinated_below(tok):
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
        made = nouns.made_in_relative(noun)
        if made is not None:  # "broke an oath he took to ...": whoever took it, not whoever broke it
            return self.actors(made[1])
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

    def _own_lot(self, obj: Token, holders: list[str]) -> bool:
        """ "embracing his new duties", "embraced her reputation as a fighter": an object the holder's own
        possessive names (it refers to the holder), a lot taken on, not a proposal or a view accepted."""
        poss = child(obj, "poss")
        if poss is None or poss.lower_ not in OWN_POSSESSIVES:
            return False
        keys = set(self.resolver.refers(poss))
        return bool(keys) and keys <= set(holders)

    def _own_act(self, pred: Token, trig: Trigger, holders: list[str], obj: Token | None) -> bool:
        """An Intention is the holder's own future act: "hopes to win" or "plans a rally", not "hopes
        [that] the voters will forgive him". An offer is a Proposal when it
        offers to do something or offers someone something ("offered to mediate", "offered Iran a
        deal"), not when it offers words ("offered a restrained response")."""
        if trig.fact_kind == "Intention":
            clause = child(pred, "ccomp")
            finite = clause is not None and clause.i > pred.i and (clause.tag_ in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in clause.children)
                or _untagged_present(clause))
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
            if trig.word in shapes.WISHES and finite and shapes.outcome(clause):
                return False  # "hopes he will win the case", "hope I can become calmer": an outcome wished for
            if trig.word in shapes.CHOOSING and obj is not None and clause is None and child(pred, "xcomp") is None:
                return False  # "will decide the election": settles an outcome, no act of theirs chosen
            if trig.word in ("want", "like") and shapes.performative(pred):
                return False  # '"I want to thank the nurses"': done as it is said, not announced
            if trig.word == "want" and shapes.advice(pred):
                return False  # "X may want to reconsider": the writer's advice, not X's plan
            return True
        if trig.word == "offer" and trig.fact_kind == "Proposal":
            given = child(pred, "dobj")
            if child(pred, "xcomp") is None and given is not None and given.lemma_.lower() in WORDS_GIVEN:
                return False  # "offered condolences to the families", "offered the crowd an assessment"
            return child(pred, "xcomp") is not None or child(pred, "dative") is not None or any(
                c.dep_ == "prep" and c.lower_ == "to" for c in pred.children) or (
                given is not None and given.lemma_.lower() in TERMS_OFFERED + AID_OFFERED)  # "offered a compromise"
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


def _untagged_present(clause: Token) -> bool:
    """ "hoping voters see her as ready": a clause with a subject of its own whose present verb the tagger
    took for a bare form (VB), not a to-clause."""
    return clause.tag_ == "VB" and child(clause, "nsubj") is not None and not any(
        c.tag_ == "TO" for c in clause.children)
