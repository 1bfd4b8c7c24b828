"""Finding a plan's facts: the template's rows for each set of bound actors and each fact's reach (held
by the actor asked about, or by one a role links to it), the facts that fit the question's words (fit.py), and the
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
from . import antecedents, background, fit
from . import facts as facts_mod
from .cards import Texts
from .plan import Plan
from .wording import matches_words, mentions_any


def fitting(records: dict, plan: Plan, texts: Texts) -> list[facts_mod.FactRecord]:
    """The records that fit the question's words, in their content or else in their passages."""
    kept = [] if plan.need_words else [rec for rec in records.values() if fit.fits(rec, plan)]
    if plan.need_words or ((plan.words or (plan.target and plan.topic_names)) and not kept):  # the words (or the
        # one a verb is done to, recorded as no target) may be in the passage, not the content
        texts.prefetch(p.source["iri"] for rec in records.values() for p in rec.evidence if p.anchor is None)
        kept = [rec for rec in records.values() if fit.fits(rec, plan, evidence_text=_told(texts, rec))]
    if plan.occasion_words and "actor" in plan.bindings and not kept:
        # "who met X at the G7 meeting": X's meeting of the days the report's lead tells of (not "when did the
        # exchange take place": the occasion itself)
        rest = replace(plan, need_words=[w for w in plan.need_words if w not in plan.occasion_words])
        kept = [rec for rec in records.values() if _of_the_news(rec)
                and fit.fits(rec, rest, evidence_text=texts.passages(rec))
                and matches_words(rec, plan.occasion_words, texts.passages(rec) + " " + _leads(rec, texts), share=1.0)]
    if plan.yesno and plan.words and not kept:  # "the mission": the words the article introduced it with
        for rec in records.values():
            settling = next((p for p in antecedents.earlier_mentions(rec, texts, plan.words, plan.kind_nouns)
                             if fit.fits(rec, plan, settled=p.anchor)), None)
            if settling is not None:  # cited after the fact's own passages
                rec.evidence = rec.evidence + [settling]
                kept.append(rec)
            elif (named := antecedents.before_it(rec, texts.quote)) and fit.fits(rec, plan, settled=named):
                kept.append(rec)  # "stopped short of calling it free and fair": "it" named before in its sentence
    if plan.named or plan.told:  # names that must be in the fact, its passages or its report's headline
        texts.prefetch(p.source["iri"] for rec in kept for p in rec.evidence if p.anchor is None)
        kept = [rec for rec in kept if (not plan.named or matches_words(rec, plan.named, _told_in(rec, texts), 1.0))
                and (not plan.told or mentions_any(rec, plan.told, texts.passages(rec)))]
    return kept


def _told_in(rec: facts_mod.FactRecord, texts: Texts) -> str:
    """A fact's passages and its reports' headlines (what the report is about: "Oslo fishing talks stall")."""
    return texts.passages(rec) + " " + fit.headlines(rec)


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
        return lambda rec: fit.fits(rec, plan)
    return lambda rec: fit.fits_record(rec, plan)
