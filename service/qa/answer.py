"""Question -> the contract's answer document: parse, link the slots, run the template with its
parameters bound, then one answer per fact, merged across sources, with readable text and provenance.

The plans to try come from service/qa/plans.py; the first that finds facts gives the answers.
"""
from __future__ import annotations

import logging
import re
import threading

from pyoxigraph import NamedNode
from rapidfuzz import fuzz, process

from ..errors import BadRequest, QuestionTooLong, UnsupportedQuestion
from ..read import sources as sources_mod
from ..store.base import Store
from ..vocab import sparql_prefixes
from . import background, linking, parse, render
from . import facts as facts_mod
from .plans import NoAnswer, Plan, make_plans
from .templates import BY_ID, CATALOGUE
from .wording import conflicts_of, matches_words, mentions_any, stem

log = logging.getLogger(__name__)
LOAD_LIMIT = 120  # facts loaded for one question at most (the best ranked, when there are more)
MAX_ANSWERS = 50  # answers returned at most
READY_WAIT = 2.0  # seconds a question waits for the name index being built at start, then 503 not_ready


def ask(app, question, *, link_root: str, plain: bool = False) -> dict:
    """The answer document for `question` (see the contract), links under `link_root`. `app`: the
    application object (service/app.py: its store, settings, question lexicon, spaCy pipeline and name
    index). plain: every plan runs its query, none is cut short by a look-up showing it cannot match
    (the same answers, slower)."""
    store = app.store
    question = _check(question, app.settings.max_question_chars)
    lex = app.words
    parsed = parse.parse(question, lex, app.question_model())
    if parsed is None or parsed.template not in BY_ID:
        index = app.names.index(wait=READY_WAIT)
        close = suggestions(question)
        asked = graph_suggestions(app, index, link_root=link_root)
        tries = "; ".join(f"\u201c{q}\u201d" for q in asked[:3]) or "; ".join(
            f"\u201c{t['examples'][0]}\u201d" for t in close)
        raise UnsupportedQuestion(f"No question template fits this question: {parse.unread(question, lex)}. "
                                  f"Questions that work here: {tries} (GET /questions lists every kind).",
                                  details={"suggestions": close, "questions": asked})
    index = app.names.index(wait=READY_WAIT)
    document = {"question": question, "template": {"id": parsed.template, "params": {}}, "sparql": "",
                "answers": []}
    try:
        plans = make_plans(parsed, index, lex)
    except NoAnswer as why:
        document["message"] = str(why)
        return _verdict(document, parsed.yesno)
    first, bounded = None, False
    limit = app.settings.ask_candidates or None
    for plan in plans:
        answers, sparql, capped = run_plan(store, plan, lex, link_root, index, limit=limit, plain=plain)
        first = first or (plan, sparql)
        bounded |= capped
        if answers:
            document.update(template={"id": plan.template, "params": plan.params}, sparql=sparql, answers=answers)
            if plan.relaxed:
                document["relaxed"] = plan.relaxed
            if capped:
                document["message"] = (f"More than {limit} facts (or mentions) in the graph fit this question; the "
                                       f"answers are the best of the first {limit} found. Name an occasion, a date, "
                                       "a topic or another actor to narrow it.")
            return _verdict(document, parsed.yesno, contrary=plan.contrary)
    message = no_facts_message(first[0])
    if bounded:  # none of the first facts found fit the question's words: others might
        message += (f" Only the first {limit} facts of more that the question's template found were checked "
                    "against its words; name an actor, an occasion or a date to narrow it.")
    document.update(template={"id": first[0].template, "params": first[0].params}, sparql=first[1],
                    message=message)
    if first[0].relaxed:
        document["relaxed"] = first[0].relaxed
    return _verdict(document, parsed.yesno)


def _verdict(document: dict, yesno: bool, contrary: bool = False) -> dict:
    """A yes/no question: "yes" when the surest evidence reports it, "no" when it reports the contrary
    (a negated fact, or a fact of a contrary kind: `contrary`), "not_reported" when no fact says either;
    each answer's text says which it is."""
    if not yesno:
        return document
    if contrary:  # every answer says No, though none is a negated fact: its values stay as stored
        document["message"] = (f"No report says so; the sources report the contrary "
                               f"({document['template']['params']['kind']['label']}).")

    def says_no(a: dict) -> bool:
        return contrary or bool(a["values"].get("negated"))

    widened = [a for a in document["answers"] if "widened" in a]  # of another actor: no verdict on the one asked
    answers = document["answers"] = [a for a in document["answers"] if "widened" not in a]
    if widened and not answers:
        to = widened[0]["widened"]["to"]
        document["message"] = (f"The sources report it of {to['label'] if isinstance(to, dict) else 'others'}, "
                               "not of the one asked about.")
    for a in answers:
        a["text"] = ("No: " if says_no(a) else "Yes: ") + a["text"]
    if not answers:
        document["verdict"] = "not_reported"
        document["message"] = "The sources do not report it. " + document.get("message", "")
        document["message"] = document["message"].strip()
        return document
    document["verdict"] = "no" if says_no(answers[0]) else "yes"
    if all(a["values"].get("hedged") for a in answers):
        document["message"] = ("The sources report it only as possible. " + document.get("message", "")).strip()
    if len({says_no(a) for a in answers}) > 1:
        document["message"] = "Reports differ: some say yes, others no; the surest comes first."
    return document


def warm(app) -> threading.Thread:
    """Build the store's name index and load the question lexicon in the background, so that a server
    answers at once. The spaCy model (about 130 MB with its imports) is loaded by the first question:
    a server that only serves SPARQL and linked data never holds it."""
    def load():
        try:
            _ = app.words
        except Exception as err:  # noqa: BLE001 - the first question loads it again and reports why
            log.warning("loading the question lexicon failed: %s", err)
    app.names.warm()
    thread = threading.Thread(target=load, daemon=True, name="kgqa-parser")
    thread.start()
    return thread


def _check(question, limit: int) -> str:
    if not isinstance(question, str) or not question.strip():
        raise BadRequest("Ask a question: the parameter q is missing or empty.")
    if any("\ud800" <= c <= "\udfff" for c in question):
        raise BadRequest("The question holds characters that are not valid Unicode (lone surrogates).")
    if len(question) > limit:
        raise QuestionTooLong(f"The question is {len(question)} characters long; the limit is {limit}.")
    return " ".join(question.split())


def suggestions(question: str, limit: int = 3) -> list[dict]:
    """The templates whose example phrasings are closest to the question."""
    examples = {(t.id, e): e for t in CATALOGUE for e in t.examples}
    ranked = process.extract(question, examples, scorer=fuzz.token_set_ratio, limit=len(examples))
    out, seen = [], set()
    for _, _, (tid, _) in ranked:
        if tid not in seen:
            seen.add(tid)
            out.append({"id": tid, "description": BY_ID[tid].description, "examples": list(BY_ID[tid].examples)})
        if len(out) == limit:
            break
    return out


# --- running
def run_plan(store: Store, plan: Plan, lex, link_root: str, index: linking.Index, *, limit: int | None = None,
             plain: bool = False) -> tuple[list[dict], str, bool]:
    """The answers of one plan, the SPARQL that ran, and whether a query stopped at `limit` rows.
    Unless plain, a plan whose verb, recipient, topic or occasion no fact has (a few index look-ups)
    is not run: no answer, and the SPARQL it would have shown."""
    template = BY_ID[plan.template]
    indexed = not plain and getattr(index, "holder_keys", False)  # the holder index: the same rows, sooner
    sets = plan.binding_sets()
    if not plain and not template.can_match(store, plan.bindings, index=index):  # the sets differ in actor only
        if "actor" in plan.bindings:  # each pass found nothing: run() below shows none of them
            return [], "", False
        return [], "\n".join(template.prepare(store, b, limit=limit and limit + 1, index=index)[1] for b in sets), False
    for broad in (False, True) if template.reaches else (False,):
        rows, shown, capped, found_by = _search(store, template, sets, broad=broad, limit=limit, index=index,
                                                indexed=indexed)
        if rows or "actor" not in plan.bindings:
            break
        shown = []  # an actor's passes that found nothing are not shown (as when cut short by a look-up)
    sparql = "\n".join(shown)
    texts = _Texts(store)
    if template.documents:
        return source_answers(texts, rows, plan, link_root), sparql, capped
    reach = _reach(rows, found_by, len(sets))
    nearest = min(reach.values(), default=1)
    chosen = [iri for iri, r in reach.items() if r == nearest]
    label = index.label
    if plan.aliases:  # a government the question named by its city keeps that name ("Moscow")
        def label(iri: str, base=index.label):
            return plan.aliases.get(iri) or base(iri)
    if len(chosen) > LOAD_LIMIT and plan.words:  # words to match: first those with one of them in their content,
        stems = [stem(w) for w in plan.words]  # else those with one anywhere it is looked for (no other can fit)
        chosen = facts_mod.with_words(store, chosen, stems) or facts_mod.could_match(store, chosen, stems, label)
    sifted = plan.joint or plan.extra_actors or plan.speech or template.details
    load_at_most = LOAD_LIMIT if sifted else MAX_ANSWERS + 10  # every loaded fact is kept unless sifted
    if len(chosen) > load_at_most and not (plan.words or plan.topic_names):
        chosen = facts_mod.rank(store, chosen)[:load_at_most]  # the surest, most reported of very many
    else:  # in one order whatever order the engine found them in (reports are merged in this order)
        chosen = sorted(chosen)
    records = facts_mod.load(store, chosen, label)
    if nearest > 1 and plan.asked:  # widened from the actor asked about: only within its own documents
        records = _same_documents(store, records, plan)
    kept = _fitting(records, plan, texts)
    if kept and not background.dated(plan):  # recalled history gives way to the events reported
        current = [rec for rec in kept if not background.is_background(rec)]
        if not current and plan.asked and template.reaches and nearest == 1:  # their leaders' news, if any
            current, level = _current_widened(store, template, plan, texts, label, limit=limit, index=index,
                                              indexed=indexed, load_at_most=load_at_most)
            nearest = level if current else nearest
        kept = current or kept
    if plan.verb:  # the question's own verb first; a verb that names no kind ("reaffirm") keeps only its facts
        same = [rec for rec in kept if rec.first("verb") == plan.verb]
        kept = same if plan.only_verb else same + [rec for rec in kept if rec.first("verb") != plan.verb]
    kept = merge_reports(kept)
    if plan.speech:  # "what did X say": what X said, before what the writer says X knows or thinks
        said = [rec for rec in kept if rec.first("verb") in plan.speech]
        kept = said or kept
    if template.details:  # a meeting the sources give no time, place or length for does not answer "when"
        detailed = [rec for rec in kept if any(rec.values(n) for n in template.details)]
        kept = detailed or kept
    only = plan.bindings.get("source")
    only = only.value if only else None
    # best first (surest, most sources, then where they are told); answers are built for the best
    # only, with the texts of their sources fetched in one query
    kept = [rec for rec in kept if any(not only or p.source["iri"] == only for p in rec.evidence)]
    verb_first = {rec.iri for rec in kept if plan.verb and rec.first("verb") == plan.verb}
    kept.sort(key=lambda rec: (rec.iri not in verb_first, *_order(rec, only)))
    answers: list[dict] = []
    for n in range(0, len(kept), MAX_ANSWERS):
        batch = kept[n:n + MAX_ANSWERS]
        texts.prefetch(p.source["iri"] for rec in batch for p in rec.evidence if p.anchor is None)
        answers += [a for a in (build_answer(texts, rec, lex, link_root, only_source=only,
                                             widened=_widened(rec, plan, nearest)) for rec in batch)
                    if a["provenance"]]
        if len(answers) >= MAX_ANSWERS:
            break
    answers.sort(key=lambda a: (a["fact"] not in verb_first, -a["confidence"],
                                -len({p["source"]["id"] for p in a["provenance"]}),
                                a["provenance"][0]["source"]["id"], a["provenance"][0]["start"], a["fact"]))
    return answers[:MAX_ANSWERS], sparql, capped


def _fitting(records: dict, plan: Plan, texts: _Texts) -> list[facts_mod.FactRecord]:
    """The records that fit the question's words, in their content or else in their passages."""
    kept = [] if plan.need_words else [rec for rec in records.values() if _fits(rec, plan)]
    if plan.need_words or (plan.words and not kept):  # the words may be in the passage, not the content
        texts.prefetch(p.source["iri"] for rec in records.values() for p in rec.evidence if p.anchor is None)
        kept = [rec for rec in records.values() if _fits(rec, plan, evidence_text=texts.passages(rec))]
    return kept


def _search(store: Store, template, sets: list[dict], *, broad: bool, limit: int | None, index, indexed: bool,
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


def _reach(rows: list, found_by: dict[str, set[int]], sets: int) -> dict[str, int]:
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


def _current_widened(store: Store, template, plan: Plan, texts: _Texts, label, *, limit, index, indexed,
                     load_at_most: int) -> tuple[list[facts_mod.FactRecord], int]:
    """When all the actors asked about hold is background: the fitting facts of those their roles reach,
    up (a leader's country) or down (a country's leaders), told in documents naming the actors asked
    about, and not background themselves."""
    rows, _, _, found_by = _search(store, template, plan.binding_sets(), broad=True, limit=limit, index=index,
                                   indexed=indexed, down=True)
    reach = {iri: r for iri, r in _reach(rows, found_by, len(plan.binding_sets())).items() if r > 1}
    if not reach:
        return [], 1
    level = min(reach.values())
    iris = sorted(iri for iri, r in reach.items() if r == level)[:load_at_most]  # whatever order found in
    records = _same_documents(store, facts_mod.load(store, iris, label), plan)
    return [rec for rec in _fitting(records, plan, texts) if not background.is_background(rec)], level


_MENTIONED_IN = """PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT DISTINCT ?doc WHERE { GRAPH ?doc { ?m itsrdf:taIdentRef %s ; nif:referenceContext ?doc } }"""


def _same_documents(store: Store, records: dict, plan: Plan) -> dict:
    """Facts found by widening an actor (a president to his country) kept only when told in a document
    that names every actor asked about: never another article's event. Only the documents of these
    facts are looked at, each in its own graph (where a document's mentions are), rather than every
    mention of a frequent actor."""
    docs = list(dict.fromkeys(p.source["iri"] for rec in records.values() for p in rec.evidence))
    for iri in plan.asked:
        if not docs:
            break
        query = _MENTIONED_IN % NamedNode(iri)  # a term object's N-Triples form, from the name index
        found = {row["doc"].value for row in facts_mod.batched(store, query, docs, "doc")}
        docs = [d for d in docs if d in found]
    docs = set(docs)
    out = {}
    for iri, rec in records.items():
        rec.evidence = [p for p in rec.evidence if p.source["iri"] in docs]
        if rec.evidence:
            out[iri] = rec
    return out


def _widened(rec: facts_mod.FactRecord, plan: Plan, nearest: int) -> dict | None:
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


def merge_reports(records: list[facts_mod.FactRecord]) -> list[facts_mod.FactRecord]:
    """The same fact told by several outlets (two fact nodes: same kind, actors and negation, the same
    content in other words, or a meeting on no different date) as one record crediting every source;
    values they disagree on (a length, a date) stay side by side, each with its graph, as a conflict."""
    out: list[facts_mod.FactRecord] = []
    # compared only with the same kind and actors; each kept record with what it is compared by: its
    # sources, and its dates and places (a meeting) or the word stems of its content
    buckets: dict[tuple, list[list]] = {}
    # a meeting's bucket also by date: its entries with each date, and those with none (a meeting on
    # another date is no twin: only these are compared, first in the bucket's order as before)
    dated: dict[tuple, tuple[dict[str, set[int]], set[int]]] = {}
    for rec in records:
        key = _report_key(rec)
        meeting = key[0] == "Meeting"
        bucket = buckets.setdefault(key, [])
        mine = _compared(rec, meeting)
        by_date, undated = dated.setdefault(key, ({}, set()))
        near = sorted(undated.union(*(by_date.get(d, ()) for d in mine[2]))) if meeting and mine[2] \
            else range(len(bucket))
        at = next((n for n in near if (meeting or _near_size(bucket[n][3], mine[3]))
                   and _same_report(bucket[n], mine, meeting)), None)
        if at is None:
            out.append(rec)
            at = len(bucket)
            bucket.append(mine)
            if meeting:
                _dates(mine, at, by_date, undated)
            continue
        twin = bucket[at]
        kept = twin[0]
        for name, vals in rec.props.items():
            kept.props.setdefault(name, []).extend(v for v in vals if v not in kept.props[name])
        kept.evidence += [p for p in rec.evidence if p not in kept.evidence]
        kept.occasions += [o for o in rec.occasions if o not in kept.occasions]
        twin[:] = _compared(kept, meeting)  # its sources (and a meeting's dates, places) have grown
        if meeting:
            _dates(twin, at, by_date, undated)
    return out


def _dates(entry: list, at: int, by_date: dict[str, set[int]], undated: set[int]) -> None:
    """A meeting's entry `at` of its bucket under each of its dates (or as undated)."""
    for date in entry[2]:
        by_date.setdefault(date, set()).add(at)
    if entry[2]:
        undated.discard(at)
    else:
        undated.add(at)


def _report_key(rec: facts_mod.FactRecord) -> tuple:
    return (rec.kind(), rec.first("negated"),
            *(frozenset(v.value for v in rec.values(n)) for n in ("holder", "participant", "recipient", "target")))


def _compared(rec: facts_mod.FactRecord, meeting: bool) -> list:
    if meeting:
        return [rec, rec.sources(), {v.value for v in rec.values("date")}, {v.value for v in rec.values("place")}]
    stems = _stems(rec.first("content") or "")
    return [rec, rec.sources(), stems, len(stems)]


def _same_report(a: list, b: list, meeting: bool) -> bool:
    """b (of the same kind and actors as a) tells a's fact: from other sources, in the same words, or a
    meeting on no different date or place."""
    if not a[1].isdisjoint(b[1]):
        return False
    if meeting:
        return all(not (x and y) or x & y for x, y in ((a[2], b[2]), (a[3], b[3])))
    n, m = a[3], b[3]
    if not (n and m) or 5 * min(n, m) < 4 * max(n, m):  # sets of such sizes cannot share 80%
        return False
    return len(a[2] & b[2]) / len(a[2] | b[2]) >= 0.8  # at least 80% of their word stems shared


def _near_size(n: int, m: int) -> bool:
    """Two word-stem sets of these sizes can share 80% (the test _same_report starts with, made before the
    call: a frequent actor's hundred facts are compared two by two)."""
    return bool(n and m) and 5 * (n if n < m else m) >= 4 * (m if n < m else n)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"\w[\w'-]*", text.lower()) if len(w) > 2}


def _order(rec: facts_mod.FactRecord, only: str | None) -> tuple:
    """The order of answers, known before they are built: confidence, sources, first passage."""
    shown = [p for p in rec.evidence if not only or p.source["iri"] == only]
    return (-rec.confidence(), -len({p.source["id"] for p in shown}), shown[0].source["id"], shown[0].start,
            rec.iri)  # last: one order on every store


class _Texts:
    """The sources' texts, each fetched once per question: quotes are cut from them."""

    def __init__(self, store: Store):
        self.store, self.cache, self.fetched = store, {}, set()

    def __call__(self, doc_id: str) -> str:
        if doc_id not in self.cache:
            self.cache[doc_id] = sources_mod.text(self.store, doc_id)
        return self.cache[doc_id]

    def prefetch(self, doc_iris) -> None:
        """The texts of these documents (IRIs), in one query rather than one per document."""
        wanted = [iri for iri in dict.fromkeys(doc_iris) if iri not in self.fetched]
        self.fetched.update(wanted)
        for row in facts_mod.batched(self.store, _TEXTS, wanted, "doc"):
            self.cache.setdefault(row["id"].value, row["text"].value)

    def quote(self, p: facts_mod.Passage) -> str:
        """The passage's text: its anchor, or cut from its document's text."""
        return p.anchor if p.anchor is not None else self(p.source["id"])[p.start:p.end]

    def passages(self, rec: facts_mod.FactRecord) -> str:
        return " ".join(self.quote(p) for p in rec.evidence)


def _fits(rec: facts_mod.FactRecord, plan: Plan, evidence_text: str = "") -> bool:
    if plan.negated_only and rec.first("negated") != "true":
        return False
    if plan.joint and len(rec.values("holder")) + len(rec.values("participant")) < 2:
        return False
    if plan.extra_actors:
        present = {a["iri"] for a in rec.actors("participant") + rec.actors("holder")}
        if not set(plan.extra_actors) <= present:
            return False
    if plan.topic_names and not mentions_any(rec, plan.topic_names, evidence_text):
        return False
    if plan.need_words and not matches_words(rec, plan.need_words, evidence_text, share=1.0):
        return False
    if plan.head and not matches_words(rec, [plan.head], evidence_text):
        return False
    if plan.yesno:  # a verdict on Y only from a fact that names Y itself, not from a sentence that also does
        evidence_text = ""
    return not plan.words or matches_words(rec, plan.words, evidence_text, share=0.75 if plan.strict else 0.5)


def build_answer(texts: _Texts, rec: facts_mod.FactRecord, lex, link_root: str, *,
                 only_source: str | None = None, widened: dict | None = None) -> dict:
    conflicts = conflicts_of(rec)
    provenance = []
    for p in rec.evidence:
        if only_source and p.source["iri"] != only_source:
            continue
        sid = p.source["id"]
        quote = texts.quote(p)
        if not quote.strip():
            continue
        provenance.append({"source": dict(p.source), "quote": quote, "start": p.start, "end": p.end,
                           "link": f"{link_root}sources/{sid}#char={p.start},{p.end}"})
    answer = {"text": render.sentence(rec, lex, conflicts), "fact": rec.iri, "values": values_of(rec),
              "confidence": rec.confidence(), "provenance": provenance}
    if conflicts:
        answer["conflicts"] = conflicts
    if widened:
        answer["widened"] = widened
    return answer


def values_of(rec: facts_mod.FactRecord) -> dict:
    kind = rec.kind()
    values: dict = {"kind": kind}
    for name in ("holder", "participant", "about", "recipient", "target", "place", "organization",
                 "attributedTo"):
        found = rec.actors(name)
        if found:
            values[name] = found[0] if len(found) == 1 and name not in ("participant", "about") else found
    for name in ("content", "verb", "condition", "title", "date", "timeText", "duration", "durationText",
                 "quantity", "quantityText", "counts", "attribution"):
        vals = [v.value for v in rec.values(name)]
        if vals:
            values[name] = vals[0] if len(vals) == 1 else vals
    if rec.occasions:
        values["occasion"] = [{"iri": i, "label": label} for i, label in rec.occasions]
    if rec.first("negated") == "true":
        values["negated"] = True
    if rec.first("hedged") == "true":
        values["hedged"] = True
    return values


def source_answers(texts: _Texts, rows: list[dict], plan: Plan, link_root: str) -> list[dict]:
    """One answer per document that mentions the actor (most mentions first); its provenance, the
    mention passages."""
    actor = plan.params.get("actor", {}).get("label", "the actor")
    by_doc: dict[str, set] = {}
    ids: dict[str, str] = {}
    for row in rows:
        by_doc.setdefault(row["doc"].value, set()).add(row["mention"].value)
        ids[row["doc"].value] = row["id"].value
    answers = []
    shown = sorted(by_doc, key=lambda d: (-len(by_doc[d]), d))[:MAX_ANSWERS]
    about = _documents(texts.store, shown)
    texts.prefetch(shown)
    for doc_iri in shown:
        mentions = by_doc[doc_iri]
        m = about.get(doc_iri) or sources_mod.metadata(texts.store, ids[doc_iri])
        text = texts(m["id"])
        provenance = []
        for passage in sorted(set(mentions), key=_char_start):
            start, end = _char_range(passage)
            if start is None or not text[start:end].strip():
                continue
            provenance.append({"source": {k: m.get(k) for k in ("id", "iri", "title", "url", "publisher", "published")},
                               "quote": text[start:end], "start": start, "end": end,
                               "link": f"{link_root}sources/{m['id']}#char={start},{end}"})
        title = m.get("title") or m["id"]
        by = f" ({m['publisher']})" if m.get("publisher") else ""
        answers.append({"text": f"\u201c{title}\u201d{by} mentions {actor} "
                                f"{len(provenance)} time{'s' if len(provenance) != 1 else ''}.",
                        "fact": doc_iri, "values": {"source": {"iri": doc_iri, "label": title},
                                                    "mentions": len(provenance)},
                        "confidence": 1.0, "provenance": provenance})
    answers = [a for a in answers if a["provenance"]]
    answers.sort(key=lambda a: -len(a["provenance"]))
    return answers


_TEXTS = sparql_prefixes("dcterms", "nif") + """SELECT ?doc ?id ?text WHERE {
  ?doc dcterms:identifier ?id ; nif:isString ?text }"""


def _documents(store: Store, iris: list[str]) -> dict[str, dict]:
    """Id, title, url, publisher and date of these documents in one query (not one per document)."""
    out: dict[str, dict] = {}
    for row in facts_mod.batched(store, facts_mod.SOURCES, iris, "doc"):
        out.setdefault(row["doc"].value, {"iri": row["doc"].value, **{
            n: row[n].value if n in row else None for n in ("id", "title", "url", "publisher", "published")}})
    return out


def _char_range(iri: str) -> tuple[int | None, int | None]:
    _, _, frag = iri.partition("#char=")
    try:
        start, end = (int(x) for x in frag.split(","))
        return start, end
    except ValueError:
        return None, None


def _char_start(iri: str) -> int:
    return _char_range(iri)[0] or 0


def no_facts_message(plan: Plan) -> str:
    """Why there is no answer, in words: what was looked for, and for whom (no internals)."""
    said = []
    for name, value in plan.params.items():
        if name in ("kind", "holders", "told"):
            continue
        if name == "words":
            said.append("about " + ", ".join(f"\u201c{w}\u201d" for w in value))
        elif name == "actors":
            said.append("by " + " and ".join(v["label"] if isinstance(v, dict) else str(v) for v in value))
        else:
            label = value["label"] if isinstance(value, dict) else str(value)
            said.append(f"{_PARAM_WORDS.get(name, name)} {label}")
    kind = plan.params.get("kind", {}).get("label") if isinstance(plan.params.get("kind"), dict) else None
    what = _KIND_WORDS.get(kind, plan.template.replace("_", " ")) if kind else BY_ID[plan.template].looked_for
    gone = next((r for r in plan.relaxed if r["param"] == "occasion" and isinstance(plan.params.get("occasion"), str)),
                None)
    if gone:  # the occasion is not in the graph, and no report of the facts found without it names it
        return f"No occasion named {plan.params['occasion']} in the graph. No report of {what} names it either."
    return f"No facts in the graph answer this (looked for: {what}{'; ' + '; '.join(said) if said else ''})."


_KIND_WORDS = {"Agreement": "agreements", "Disagreement": "disagreements", "Acceptance": "acceptances",
               "Acknowledgment": "acknowledgments", "Concern": "concerns", "Demand": "demands",
               "Accusation": "accusations", "Criticism": "criticism", "Denial": "denials and refusals",
               "Intention": "intentions", "Commitment": "commitments"}  # what a question of a kind looked for
_PARAM_WORDS = {"actor": "by", "other": "with", "occasion": "at", "topic": "about", "recipient": "told to",
                "verb": "with the verb", "source": "in", "date": "on"}


def graph_suggestions(app, index: linking.Index, *, link_root: str, limit: int = 3) -> list[str]:
    """Questions about the graph's own actors that have answers: asked here before they are offered (once
    per version of the graph: kept on its name index)."""
    cached = getattr(index, "suggested", None)
    if cached is not None:
        return cached
    people = sorted({h for h, _, _ in index.roles}, key=lambda i: index.label(i) or i)
    people += sorted((e.iri for e in index.entities.values() if e.kind == "Person" and e.iri not in people),
                     key=lambda i: index.label(i) or i)
    out: list[str] = []
    for iri in people[:6]:
        name = index.label(iri)
        for form in ("What did {} say?", "Who did {} meet?", "What did {} propose?", "Who is {}?"):
            question = form.format(name)
            try:
                if ask(app, question, link_root=link_root)["answers"]:
                    out.append(question)
                    break
            except Exception:  # noqa: BLE001 - a suggestion that fails is not offered
                continue
        if len(out) == limit:
            break
    index.suggested = out
    return out


def for_person(document: dict) -> str:
    """What `kgqa ask` prints: each answer's sentence, then each source and its quote."""
    lines = [f"Relaxed: {r['message']}" for r in document.get("relaxed", [])]
    if not document.get("answers"):
        return "\n".join(lines + [document.get("message") or "No answer."])
    for n, answer in enumerate(document["answers"], 1):
        lines.append(f"{n}. {answer['text']}  (confidence {answer['confidence']:.2f})")
        for p in answer["provenance"]:
            src = p["source"]
            where = ", ".join(x for x in (src.get("publisher"), src.get("published")) if x)
            where = f" ({where})" if where else ""
            lines.append(f"   - {src.get('title') or src['id']}{where} [{p['start']}-{p['end']}]:")
            lines.append(f"     \u201c{' '.join(p['quote'].split())}\u201d")
    return "\n".join(lines)
