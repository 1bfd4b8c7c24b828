"""A position told with a noun ("her offer to mediate", "the agreement between X and Y", "his claim that
..."): its holders and its content, or none when the noun names no position of anyone's here.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import nouns, realis, shapes
from .contents import content_of
from .holders import Holders
from .kinds import HELD
from .lexicon import Trigger
from .scope import right_complements
from .spans import subtree_span

# nouns that name a text one can welcome or reject as such ("welcomed the agreement between X and Y"); not a
# proposal named only by whose it is ("Trump's proposals", "her college proposal"): nothing proposed is said
THINGS = ("Agreement", "Statement")
SETTING_PREPS = ("in", "at", "with", "among", "from", "since", "after", "before", "during")
WITHDRAWING = ("rescind", "withdraw", "retract", "revoke")
# "questioned Israel's commitment to peace": a disposition put in doubt is no one's stated position
DOUBTING = ("question", "doubt", "dispute")
DISPOSITIONS = ("commitment", "support", "opposition", "willingness", "readiness", "resolve", "sincerity")
# nouns that are a position only with a to-clause: "a threat to cut off gas", not "the threat of war"
CLAUSAL_NOUNS = ("threat",)
# nouns that are words against someone only when a person makes them at someone: "her attacks on the
# mayor", not "the attack on the embassy", "ISIS's attacks on Paris"
VERBAL_NOUNS = ("attack",)
AT_PREPS = ("on", "against")
VIOLENT = ("murderous", "terrorist", "terror", "deadly", "armed", "suicide", "violent", "bloody", "lethal", "fatal",
           "knife", "gun", "bomb", "missile", "rocket", "chemical", "physical", "military", "air", "drone", "cyber",
           "mass", "sexual", "brutal", "vicious", "heinous", "horrific", "shooting")
SAID_NOUNS = ("claim", "announcement", "assertion")  # words told with a noun: a Statement only with a that-clause


def holders_and_content(h: Holders, noun: Token, trig: Trigger, anchor: Token | None) \
        -> tuple[list[str], tuple[int, int]] | None:
    """The holders and content (a token range) of the position a noun trigger tells; None when none is."""
    if trig.fact_kind == "Acceptance" and h._of_people(noun) and not any(
            c.dep_ == "poss" for c in noun.children):
        return None  # "the support of 41 percent of voters": what they back is not said here
    if trig.word in SAID_NOUNS and not any(c.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in noun.children):
        return None  # "his claim to the nomination", "Pence's announcement": nothing said is reported
    if noun.dep_ in ("dobj", "nsubjpass") and (noun.head.lemma_.lower() in WITHDRAWING or (
            noun.head.lemma_.lower() in DOUBTING and trig.word in DISPOSITIONS)) \
            and trig.fact_kind in HELD + ("Proposal",):
        return None  # "revoked her endorsement of X", "withdrew its offer": a stance given up, none held
    holders = h.noun_holders(noun)
    content = content_of(noun, anchor) or nouns.infinitive_of(noun) or nouns.after_colon(noun)  # "an offer: ..."
    if trig.fact_kind == "Intention" and shapes.plan_for_target(noun, content):
        return None  # "his plans for Syria": where or whom the plan is for, no act planned is said
    if trig.word in CLAUSAL_NOUNS and (content is None or not shapes.infinitive(h.doc, content)):
        return None  # "the threat of war", "a threat to the region": no act announced
    if trig.word in VERBAL_NOUNS and not (holders and all(h.resolver.actor(k).kind == "Person" for k in holders)
                                          and any(c.dep_ == "prep" and c.lower_ in AT_PREPS for c in noun.children)
                                          and not any(c.lower_ in VIOLENT for c in noun.children)):
        return None  # "the attack on the embassy", "his murderous attack on the club": violence, not words
    if content is None:
        copula = nouns.copula_above(noun)
        if copula is not None and trig.fact_kind != "Acceptance" and (copula.lemma_ == "be"
                                                                       or trig.fact_kind == "Estimate"):
            # not "Trump's support was a mirage": the backing he gets, no proposal accepted
            # "the point of agreement was on Z", "estimates put it at 11,000"; not "their plan faced Z"
            content = content_of(copula) or right_complements(copula)
            content = content and nouns.with_nominal_conjunct(copula, content)
            if content is not None and trig.fact_kind != "Estimate" and nouns.described(h.doc, content):
                return None  # "the Norwegian plan is modest": the plan described, nothing planned said;
                # an estimate compared is an estimate ("their estimates are much higher")
    if content is None and holders and trig.fact_kind in THINGS and not realis.unreached(noun) \
            and h.noun_holders(noun, subject_fallback=False) \
            and (trig.fact_kind != "Statement" or nouns.says_something(h.doc, subtree_span(noun))):
        content = subtree_span(noun)  # "welcomed the agreement between Israel and Hamas": the agreement
    if content is None or (content[0] > 0 and h.doc[content[0] - 1].lower_ in SETTING_PREPS
                           and h.doc[content[0] - 1].head == noun) or \
            (h.doc[content[0]].lower_ in SETTING_PREPS and h.doc[content[0]].dep_ == "prep"):
        return None  # "his support", "support in a poll", "support came from X": no object of its own
    if trig.fact_kind == "Intention" and trig.word in shapes.WISHES and shapes.wished_outcome(h.doc, content):
        return None  # "hopes that Latvia will join", "hopes for a landslide": an outcome wished, no plan
    return holders, content
