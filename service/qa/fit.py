"""Whether a fact fits a question's plan: the checks of the record alone (its kinds, marks, actors, own
words), then the question's words and names in the fact, its passages or its reports' headlines.
"""
from __future__ import annotations

import re

from . import facts as facts_mod
from .plan import Plan
from .wording import covers_any, matches_words, mentions_any, same_word, stem, tokens


def fits(rec: facts_mod.FactRecord, plan: Plan, evidence_text: str = "", settled: str = "") -> bool:
    """`settled`: a sentence telling what the fact's bare object ("the mission") is, for a verdict."""
    if not fits_record(rec, plan):
        return False
    if plan.topic_names and not mentions_any(rec, plan.topic_names, evidence_text):
        return False
    if plan.target and not _of_target(rec, plan) and not _named_outside(rec, plan.topic_names, evidence_text):
        return False  # no target recorded: the one asked about named in its passage, outside what it says
    if plan.need_words and not matches_words(rec, plan.need_words, evidence_text, share=1.0) \
            and not _headline_completes(rec, plan.need_words, evidence_text) and not (
                plan.unsourced and matches_words(rec, plan.need_words, evidence_text + " " + headlines(rec), 1.0)):
        return False  # (a figure with no source named: the source in its report's headline will do)
    if plan.yesno and plan.words and covers_any(rec, plan.words, evidence_text):
        return True  # "did X rule out Y?": "X had not ruled anything out" answers No, whatever Y is
    if plan.head and not _names_referent(rec, plan, plan.head) and not matches_words(rec, [plan.head], evidence_text) \
            and not _done_to_occasion(rec, plan.head):
        return False
    if plan.yesno:  # a verdict on Y only from a fact that names Y itself, not from a sentence that also does
        evidence_text = settled
    words = plan.words
    if plan.owners and rec.referent is not None:  # "the governor's compromise": the one it answers is hers
        held = {a["iri"] for a in rec.referent.actors("holder")}
        words = [w for w in words if plan.owners.get(w) not in held]
    words = [w for w in words if not _names_referent(rec, plan, w)]
    share = _share(plan)
    return not words or matches_words(rec, words, evidence_text, share=share) or (
        plan.strict and not plan.yesno and _headline_completes(rec, words, evidence_text, share)) or (
        bool(plan.need_words) and not plan.yesno and matches_words(rec, words, headlines(rec), share=1.0))
    # "who agreed to send troops to the brigade": the act named in the fact's passage, the rest in its report's
    # headline ("Who pays for the brigade?"): the report's topic is its


_NUMBER = re.compile(r"^(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen"
                     r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")  # "in 2024" gives no count


def _gives_number(rec: facts_mod.FactRecord, counted: list[str], counting: str = "") -> bool:
    """A fact's own words give a number of what is counted: the number, then one of the counted words within
    two words ("visited 412 polling stations"; not "holding nine men" for "fishermen"). Beside another figure
    only as the object of the asked act itself ("released 16 prisoners, ... than the 14 reported" for "how many
    did X release"; not "met voters in 19 regions and saw 30 boxes" for "how many regions did they visit"),
    and the only figure so counted."""
    stems = [stem(w) for w in counted]
    for value in rec.values("content"):
        toks = tokens(value.value)
        numbers = [i for i, tok in enumerate(toks) if _NUMBER.match(tok) and not _YEAR.match(tok)]
        of_it = [i for i in numbers if any(same_word(t, s) for t in toks[i + 1:i + 4] for s in stems)]
        if len(numbers) == 1 and of_it:
            return True
        before = toks[max(0, of_it[0] - 3):of_it[0]] if len(of_it) == 1 else []
        if counting and any(same_word(t, stem(counting)) for t in before):
            return True
    return False


def fits_record(rec: facts_mod.FactRecord, plan: Plan) -> bool:
    """The checks of `fits` that read the record alone (its kinds, marks, actors and own words), never its
    passages."""
    if plan.negated_only and rec.first("negated") != "true":
        return False
    if plan.numbered and not _gives_number(rec, plan.counted, plan.counting):
        return False
    if plan.announced and "Intention" not in rec.kinds:
        return False
    if plan.unsourced and (rec.values("attributedTo") or (rec.values("holder") and plan.template != "actions")):
        return False  # "according to the IAEA": a figure someone else gave is not the IAEA's (an act's doer is none)
    if plan.spoken and not rec.values("attributedTo"):
        return False  # "what did X promise": a plan X announced ("we will build it"), not one told of X
    if plan.ironic and rec.first("ironic") != "true":
        return False
    if plan.contrary and rec.first("negated") == "true":
        return False  # "did X accept Y?": "X did not reject Y" is no contrary of it
    if not plan.yesno and not plan.negated_only and rec.first("negated") == "true" and not _plan_or_words(rec):
        return False  # "did not agree a statute" answers no "what did they agree on"; "not ruled out": no rejection
    if plan.target and not _of_target(rec, plan) and not _target_untold(rec, plan):
        return False  # "who accused X": an accusation of X, not X's own nor one that names X in passing
    if plan.joint and len(rec.values("holder")) + len(rec.values("participant")) < 2:
        return False
    if plan.extra_actors:
        present = {a["iri"] for a in rec.actors("participant") + rec.actors("holder")}
        if not set(plan.extra_actors) <= present:
            return False
    if plan.counted and not matches_words(rec, plan.counted, share=0.0):  # in its own words, not its passage's:
        return False  # known before the passages are read ("how many Chechens": an estimate that counts them)
    return True


def _plan_or_words(rec: facts_mod.FactRecord) -> bool:
    """A negated plan ("will not lift the ban") or statement is still one: what X plans or says."""
    return bool(rec.kinds & {"Intention", "Statement"})


# nouns of a meeting: "who chaired the talks" asks of an act done to one, whatever word the report used
MEETING_NOUNS = frozenset(("meeting", "meetings", "talks", "talk", "summit", "session", "negotiations", "conference",
                           "round", "retreat", "call", "dialogue"))
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "sunday's",
                          "monday's", "tuesday's", "wednesday's", "thursday's", "friday's", "saturday's"))


def _done_to_occasion(rec: facts_mod.FactRecord, head: str) -> bool:
    """ "Who chaired the talks?" of "X chaired the session": an act whose object is a meeting noun, the
    meeting it was done at (its occasion); the question's other words are then matched with that
    occasion's name and place."""
    if head not in MEETING_NOUNS or not (rec.occasions or rec.settings):  # an occasion, named or held somewhere
        return False
    words = [w for w in (rec.first("content") or "").lower().replace(",", " ").split() if w not in _DETERMINERS]
    return bool(words) and words[0] in MEETING_NOUNS


def _names_referent(rec: facts_mod.FactRecord, plan: Plan, word: str) -> bool:
    """ "accept X's proposal to sign now": the question's noun names the kind of the fact this one answers
    (kg:respondsTo), found by that link rather than by the word."""
    return rec.referent is not None and not rec.referent.kinds.isdisjoint(plan.kind_nouns.get(word, ()))


def _share(plan: Plan) -> float:
    """How many of the question's words a fact must have: most for a verdict, half for a mocking remark
    (its words are the joke's, "let the cows vote on it", not the policy's, and it names by "they" whom the
    question names: "propose that the two leaders toss a coin"), half otherwise."""
    return 0.5 if plan.ironic else 0.75 if plan.strict else 0.5


def _target_untold(rec: facts_mod.FactRecord, plan: Plan) -> bool:
    """Told with a verb that names a target, none recorded ("accused the foreign affairs department of
    negotiating first": no actor of that name), the actors it names being what it says: its passage may
    name the one asked about (`_named_outside`)."""
    return not rec.actors("target") and rec.first("verb") in plan.target_verbs and bool(plan.topic_names)


def _named_outside(rec: facts_mod.FactRecord, names: list[str], evidence_text: str) -> bool:
    """One of the names in the fact's passage outside its own words (there, whom the verb is done to)."""
    rest = evidence_text
    for value in rec.values("content"):
        rest = rest.replace(value.value, " ")
    text = " ".join(tokens(rest))
    return any(len(n) >= 3 and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in
               (" ".join(tokens(name)) for name in names))


def _of_target(rec: facts_mod.FactRecord, plan: Plan) -> bool:
    """The fact targets the one the question names: as its target; told with a verb that names no target
    ("alleged that X ..."), as what it is about; with a verb that does but no target known (an unresolved
    "her"), when it names no actor at all and its text names the one asked about (plan.topic_names)."""
    targets = [a["iri"] for a in rec.actors("target")]
    if targets:
        return not plan.target.isdisjoint(targets)
    about = [a["iri"] for a in rec.actors("about")]
    if rec.first("verb") not in plan.target_verbs:
        return not plan.target.isdisjoint(about)
    return not about and bool(plan.topic_names)


def _headline_completes(rec: facts_mod.FactRecord, words: list[str], evidence_text: str,
                        share: float = 1.0) -> bool:
    """ "warned about the grid bill": a fact whose own passage names half the topic's words ("bills"),
    in a report whose headline names the rest ("Senate passes grid bill"): the report's topic is its."""
    titles = headlines(rec)
    return bool(evidence_text and titles.strip()) and matches_words(rec, words, evidence_text, share=0.5) \
        and matches_words(rec, words, evidence_text + " " + titles, share=share)


def headlines(rec: facts_mod.FactRecord) -> str:
    """The titles of the reports that tell a fact."""
    return " ".join(p.source.get("title") or "" for p in rec.evidence)
