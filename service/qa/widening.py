"""Finding a plan's facts: the template's rows for each set of bound actors and each fact's reach (held
by the actor asked about, or by one a role links to it), the facts that fit the question's words, and the
widened search (a president's country, a country's leaders) kept only in documents naming every actor
asked about.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from pyoxigraph import NamedNode

from ..store.base import Store
from . import antecedents, background
from . import facts as facts_mod
from .cards import Texts
from .plan import Plan
from .wording import covers_any, matches_words, mentions_any, same_word, stem, tokens


def fitting(records: dict, plan: Plan, texts: Texts) -> list[facts_mod.FactRecord]:
    """The records that fit the question's words, in their content or else in their passages."""
    kept = [] if plan.need_words else [rec for rec in records.values() if fits(rec, plan)]
    if plan.need_words or ((plan.words or (plan.target and plan.topic_names)) and not kept):  # the words (or the
        # one a verb is done to, recorded as no target) may be in the passage, not the content
        texts.prefetch(p.source["iri"] for rec in records.values() for p in rec.evidence if p.anchor is None)
        kept = [rec for rec in records.values() if fits(rec, plan, evidence_text=_told(texts, rec))]
    if plan.occasion_words and "actor" in plan.bindings and not kept:
        # "who met X at the G7 meeting": X's meeting of the days the report's lead tells of (not "when did the
        # exchange take place": the occasion itself)
        rest = replace(plan, need_words=[w for w in plan.need_words if w not in plan.occasion_words])
        kept = [rec for rec in records.values() if _of_the_news(rec)
                and fits(rec, rest, evidence_text=texts.passages(rec))
                and matches_words(rec, plan.occasion_words, texts.passages(rec) + " " + _leads(rec, texts), share=1.0)]
    if plan.yesno and plan.words and not kept:  # "the mission": the words the article introduced it with
        for rec in records.values():
            settling = next((p for p in antecedents.earlier_mentions(rec, texts, plan.words, plan.kind_nouns)
                             if fits(rec, plan, settled=p.anchor)), None)
            if settling is not None:  # cited after the fact's own passages
                rec.evidence = rec.evidence + [settling]
                kept.append(rec)
            elif (named := antecedents.before_it(rec, texts.quote)) and fits(rec, plan, settled=named):
                kept.append(rec)  # "stopped short of calling it free and fair": "it" named before in its sentence
    if plan.named or plan.told:  # names that must be in the fact, its passages or its report's headline
        texts.prefetch(p.source["iri"] for rec in kept for p in rec.evidence if p.anchor is None)
        kept = [rec for rec in kept if (not plan.named or matches_words(rec, plan.named, _told_in(rec, texts), 1.0))
                and (not plan.told or mentions_any(rec, plan.told, texts.passages(rec)))]
    return kept


def _told_in(rec: facts_mod.FactRecord, texts: Texts) -> str:
    """A fact's passages and its reports' headlines (what the report is about: "Oslo fishing talks stall")."""
    return texts.passages(rec) + " " + _headlines(rec)


LEAD_PARAGRAPHS = 3  # a headline, perhaps a byline, and the lead that says what the report is about
NEWS_DAYS = 7  # a meeting this many days before its report is the report's news, not its background


def _leads(rec: facts_mod.FactRecord, texts: Texts) -> str:
    """The opening paragraphs of the reports that tell a fact ("Pacific Islands Forum leaders agreed on
    Thursday ..."): the occasion the report covers."""
    ids = dict.fromkeys(p.source["id"] for p in rec.evidence)
    return " ".join(" ".join(re.split(r"\n\s*\n", texts(i).strip())[:LEAD_PARAGRAPHS]) for i in ids)


def _of_the_news(rec: facts_mod.FactRecord) -> bool:
    """A meeting held, dated in the days before every report that tells it: the reports' news; or a
    position or act told there undated or so dated ("X proposed ..." in a report of the Tashkent talks)."""
    day = rec.first("date")
    if rec.first("status") or ("Meeting" in rec.kinds and not day):
        return False
    if not day:
        return True
    for p in rec.evidence:
        try:
            gap = dt.date.fromisoformat((p.source.get("published") or "")[:10]) - dt.date.fromisoformat(day[:10])
        except ValueError:
            return False
        if not 0 <= gap.days <= NEWS_DAYS:
            return False
    return True


def _headlines(rec: facts_mod.FactRecord) -> str:
    """The titles of the reports that tell a fact."""
    return " ".join(p.source.get("title") or "" for p in rec.evidence)


def _told(texts: Texts, rec: facts_mod.FactRecord) -> str:
    """The passages of a fact, and of the one it names (kg:respondsTo): of the same kind, it restates it
    ("the president proposed the brigade" after "a Nigerian proposal to build a brigade"); of another, the
    passage tells what was answered ("rejected the proposal" after "proposed widening the group of ...")."""
    told = texts.passages(rec)
    if rec.referent is not None:
        told += " " + texts.passages(rec.referent)
    return told


def search_rows(store: Store, template, sets: list[dict], *, broad: bool, limit: int | None, index, indexed: bool,
            down: bool = False):
    """The rows of the template for each binding set, the SPARQL shown, whether a query stopped at
    `limit`, and for each fact the binding sets (named actors) that found it."""
    rows, shown, capped, found_by = [], [], False, {}
    for n, bindings in enumerate(sets):
        found, sparql = template.run(store, bindings, broad=broad, limit=limit and limit + 1, index=index,
                                     indexed=indexed, down=down)
        if limit and len(found) > limit:  # one row more than the bound tells there were more
            capped, found = True, found[:limit]
        rows += found
        shown.append(sparql)
        for row in found:
            if "fact" in row:
                found_by.setdefault(row["fact"].value, set()).add(n)
    return rows, shown, capped, found_by


def reach_of(rows: list, found_by: dict[str, set[int]], sets: int) -> dict[str, int]:
    """Each fact's reach: 1 held by the actor asked about, 2 by one it leads or that leads it (a role)."""
    reach: dict[str, int] = {}
    for row in rows:
        r = max(int(row[n].value) for n in ("reach", "reach2") if n in row) if ("reach" in row) else 1
        iri = row["fact"].value
        reach[iri] = min(reach.get(iri, r), r)
    if sets > 1:  # "X and Y": what they hold together, or else what each holds
        together = {iri for iri, by in found_by.items() if len(by) == sets}
        reach = {iri: r for iri, r in reach.items() if iri in together} if together else reach
    return reach


def current_widened(store: Store, template, plan: Plan, texts: Texts, label, *, limit, index, indexed,
                     load_at_most: int) -> tuple[list[facts_mod.FactRecord], int]:
    """When all the actors asked about hold is background: the fitting facts of those their roles reach,
    up (a leader's country) or down (a country's leaders), told in documents naming the actors asked
    about, and not background themselves."""
    rows, _, _, found_by = search_rows(store, template, plan.binding_sets(), broad=True, limit=limit, index=index,
                                   indexed=indexed, down=True)
    reach = {iri: r for iri, r in reach_of(rows, found_by, len(plan.binding_sets())).items() if r > 1}
    if not reach:
        return [], 1
    level = min(reach.values())
    iris = sorted(iri for iri, r in reach.items() if r == level)[:load_at_most]  # whatever order found in
    records = same_documents(store, facts_mod.load(store, iris, label, index.of(store), keep=could_fit(plan)),
                             plan)
    return [rec for rec in fitting(records, plan, texts) if not background.is_background(rec)], level


_MENTIONED_IN = """PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT DISTINCT ?doc ?actor WHERE { GRAPH ?doc { ?m itsrdf:taIdentRef ?actor ; nif:referenceContext ?doc } }"""


def same_documents(store: Store, records: dict, plan: Plan) -> dict:
    """Facts found by widening an actor (a president to his country) kept only when told in a document
    that names every actor asked about: never another article's event. Only the documents of these
    facts are looked at, each in its own graph (where a document's mentions are), rather than every
    mention of a frequent actor."""
    docs = list(dict.fromkeys(p.source["iri"] for rec in records.values() for p in rec.evidence))
    for iri in plan.asked:
        if not docs:
            break
        found = {row["doc"].value for row in facts_mod.batched(store, _MENTIONED_IN, docs, "doc",
                                                                 bindings={"actor": NamedNode(iri)})}
        docs = [d for d in docs if d in found]
    docs = set(docs)
    out = {}
    for iri, rec in records.items():
        rec.evidence = [p for p in rec.evidence if p.source["iri"] in docs]
        if rec.evidence:
            out[iri] = rec
    return out


def widened(rec: facts_mod.FactRecord, plan: Plan, nearest: int) -> dict | None:
    """From the actor asked about to the one the fact names (a leader's country), when reached by a role."""
    if nearest < 2 or not plan.asked:
        return None
    named = rec.actors("holder") + rec.actors("participant")
    if any(a["iri"] in plan.asked for a in named):
        return None
    others = [a for a in named if a["iri"] not in plan.asked]
    asked = [{"iri": i, "label": label} for i, label in plan.asked.items()]
    if not others:
        return None
    return {"from": asked[0] if len(asked) == 1 else asked, "to": others[0] if len(others) == 1 else others,
            "scope": "same document"}


def reads_passages(plan: Plan) -> bool:
    """Whether `fitting` may test a record with its passages (or its reports' leads): words of the question
    to find there, or an occasion's words for an actor's meeting."""
    return bool(plan.need_words or plan.words or (plan.occasion_words and "actor" in plan.bindings)
                or (plan.target and plan.topic_names))  # "accused the foreign affairs department": no target kept


def retries(plan: Plan) -> bool:
    """Whether `fitting`, when no record fits, tries every record again another way (an actor's meeting
    by its report's lead, a verdict by the article's earlier words): then every record is to be loaded."""
    return bool(plan.occasion_words and "actor" in plan.bindings) or bool(plan.yesno and plan.words)


def could_fit(plan: Plan) -> Callable[[facts_mod.FactRecord], bool]:
    """A test of a record before its passages are read (facts.load's `keep`), false only for a record
    `fitting` leaves out whatever its passages say: the whole of `fits` when fitting reads no passage,
    else the checks of the record alone."""
    if not reads_passages(plan):
        return lambda rec: fits(rec, plan)
    return lambda rec: _fits_record(rec, plan)


def fits(rec: facts_mod.FactRecord, plan: Plan, evidence_text: str = "", settled: str = "") -> bool:
    """`settled`: a sentence telling what the fact's bare object ("the mission") is, for a verdict."""
    if not _fits_record(rec, plan):
        return False
    if plan.topic_names and not mentions_any(rec, plan.topic_names, evidence_text):
        return False
    if plan.target and not _of_target(rec, plan) and not _named_outside(rec, plan.topic_names, evidence_text):
        return False  # no target recorded: the one asked about named in its passage, outside what it says
    if plan.need_words and not matches_words(rec, plan.need_words, evidence_text, share=1.0) \
            and not _headline_completes(rec, plan.need_words, evidence_text) and not (
                plan.unsourced and matches_words(rec, plan.need_words, evidence_text + " " + _headlines(rec), 1.0)):
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
        bool(plan.need_words) and not plan.yesno and matches_words(rec, words, _headlines(rec), share=1.0))
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


def _fits_record(rec: facts_mod.FactRecord, plan: Plan) -> bool:
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
    titles = _headlines(rec)
    return bool(evidence_text and titles.strip()) and matches_words(rec, words, evidence_text, share=0.5) \
        and matches_words(rec, words, evidence_text + " " + titles, share=share)
