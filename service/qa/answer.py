"""Question -> the contract's answer document: parse, link the slots, run the template with its
parameters bound, then one answer per fact, merged across sources, with readable text and provenance.

The plans to try come from service/qa/plans.py (each a Plan of service/qa/plan.py); the first that finds
facts gives the answers.
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import replace

from ..errors import UnsupportedQuestion
from ..store.base import Store
from . import background, candidates, linking, parse, publishers, sieve
from . import facts as facts_mod
from .cards import MAX_ANSWERS, Texts, build_answer, source_answers
from .messages import check, no_facts_message, suggestions, verdict
from .plan import NoAnswer, Plan
from .plans import make_plans
from .reports import merge_reports
from .templates import BY_ID
from .widening import (
    could_fit,
    current_widened,
    fitting,
    reach_of,
    reads_passages,
    retries,
    same_documents,
    search_rows,
    widened,
)
from .wording import stem

log = logging.getLogger(__name__)
# a call told as arranging another meeting ("spoke by phone on Tuesday to arrange the dinner"): not that meeting
_PREPARES = re.compile(r"\bto (?:arrange|prepare|plan|set up|organi[sz]e|schedule)\b", re.I)
LOAD_LIMIT = 120  # facts loaded for one question at most (the best ranked, when there are more)
READY_WAIT = 2.0  # seconds a question waits for the name index being built at start, then 503 not_ready


def ask(app, question, *, link_root: str, plain: bool = False) -> dict:
    """The answer document for `question` (see the contract), links under `link_root`. `app`: the
    application object (service/app.py: its store, settings, question lexicon, spaCy pipeline and name
    index). plain: every plan runs its query, none is cut short by a look-up showing it cannot match
    (the same answers, slower)."""
    store = app.store
    question = check(question, app.settings.max_question_chars)
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
    written = parsed.slots.get("actors") or []
    if parsed.yesno and written and parsed.slots.get("according") and not any(index.actor(a) for a in written) \
            and index.actor(parsed.slots["according"]) is not None:  # "According to X, did the dispute damage Y?"
        parsed = parse.parse(parse.said_by(question) or question, lex, app.question_model()) or parsed
    document = {"question": question, "template": {"id": parsed.template, "params": {}}, "sparql": "",
                "answers": []}
    try:
        plans = make_plans(parsed, index, lex)
    except NoAnswer as why:
        document["message"] = str(why)
        return verdict(document, parsed.yesno)
    first, bounded = None, False
    limit = app.settings.ask_candidates or None
    tried: list[Plan] = []  # plans that found nothing, as run_plan reads them
    for plan in plans:
        as_run = replace(plan, params={}, relaxed=[])  # what the document shows of it: not what it finds
        if as_run in tried:  # "who accused X": the same query and filters as a plan that found nothing
            continue
        answers, sparql, capped = run_plan(store, plan, lex, link_root, index, limit=limit, plain=plain,
                                           doc_words=None if plain else app.doc_words)
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
            return verdict(document, parsed.yesno, contrary=plan.contrary, ironic=plan.ironic)
        tried.append(as_run)
    message = no_facts_message(first[0])
    if bounded:  # none of the first facts found fit the question's words: others might
        message += (f" Only the first {limit} facts of more that the question's template found were checked "
                    "against its words; name an actor, an occasion or a date to narrow it.")
    document.update(template={"id": first[0].template, "params": first[0].params}, sparql=first[1],
                    message=message)
    if first[0].relaxed:
        document["relaxed"] = first[0].relaxed
    return verdict(document, parsed.yesno)


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


def run_plan(store: Store, plan: Plan, lex, link_root: str, index: linking.Index, *, limit: int | None = None,
             plain: bool = False, doc_words=None) -> tuple[list[dict], str, bool]:
    """The answers of one plan, the SPARQL that ran, and whether a query stopped at `limit` rows.
    Unless plain, a plan whose verb, recipient, topic or occasion no fact has (a few index look-ups)
    is not run: no answer, and the SPARQL it would have shown. doc_words: the store's document word
    index (qa/docwords.py), which the publishers template reads when it is current."""
    template = BY_ID[plan.template]
    if template.id == "publishers":  # documents and their outlets, not facts
        found, sparql = publishers.run(store, template, plan.bindings, plan.words, link_root, doc_words)
        return found, sparql, False
    indexed = not plain and getattr(index, "holder_keys", False)  # the holder index: the same rows, sooner
    sets = plan.binding_sets()
    if not plain and not template.can_match(store, plan.bindings, index=index):  # the sets differ in actor only
        if "actor" in plan.bindings:  # each pass found nothing: run() below shows none of them
            return [], "", False
        return [], "\n".join(template.prepare(store, b, limit=limit and limit + 1, index=index)[1] for b in sets), False
    for broad in (False, True) if template.reaches else (False,):
        rows, shown, capped, found_by = search_rows(store, template, sets, broad=broad, limit=limit, index=index,
                                                indexed=indexed)
        if rows or "actor" not in plan.bindings:
            break
        shown = []  # an actor's passes that found nothing are not shown (as when cut short by a look-up)
    sparql = "\n".join(shown)
    texts = Texts(store)
    if template.documents:
        return source_answers(texts, rows, plan, link_root), sparql, capped
    reach = reach_of(rows, found_by, len(sets))
    nearest = min(reach.values(), default=1)
    chosen = [iri for iri, r in reach.items() if r == nearest]
    label = index.label
    if plan.aliases:  # a government the question named by its city keeps that name ("Moscow")
        def label(iri: str, base=index.label):
            return plan.aliases.get(iri) or base(iri)
    worded = False  # every chosen fact has one of the words in its content
    if len(chosen) > LOAD_LIMIT and plan.words:  # words to match: first those with one of them in their content,
        stems = [stem(w) for w in plan.words]  # else those with one anywhere it is looked for (no other can fit)
        labelled = index.labelled(stems) + [i for i, a in plan.aliases.items() if any(s in a.lower() for s in stems)]
        found = candidates.with_words(store, chosen, stems)
        chosen, worded = found or candidates.could_match(store, chosen, stems, label, labelled,
                                                           unworded=not plain), bool(found)
    sifted = plan.joint or plan.extra_actors or plan.speech or template.details
    load_at_most = LOAD_LIMIT if sifted else MAX_ANSWERS + 10  # every loaded fact is kept unless sifted
    if len(chosen) > load_at_most and not (plan.words or plan.topic_names):
        chosen = candidates.rank(store, chosen)[:load_at_most]  # the surest, most reported of very many
    else:  # in one order whatever order the engine found them in (reports are merged in this order)
        chosen = sorted(chosen)
    if len(chosen) > load_at_most and plan.topic_names and not reads_passages(plan):
        chosen = candidates.naming(store, chosen, plan.topic_names, label)  # a topic's names, no passage read

    def fit(iris: list[str]) -> list[facts_mod.FactRecord]:
        records = facts_mod.load(store, iris, label, index.of(store), keep=could_fit(plan))
        if nearest > 1 and plan.asked:  # widened from the actor asked about: only within its own documents
            records = same_documents(store, records, plan)
        return fitting(records, plan, texts)
    # a topic named by text: one of its names is in every answer (mentions_any); with no second try reading every
    # record, the facts naming it are found first and only those tested for the target (the same facts, fewer reads)
    names_first = not plain and bool(plan.target and plan.topic_names) and not retries(plan)
    naming = _naming(index, plan) if not plain and plan.topic_names else []  # read only by may_name below
    if names_first:
        chosen = sieve.may_name(store, chosen, plan.topic_names, label, naming)
    if not plain and plan.target:  # "who accused X": the facts targeting another, which no test keeps, are not loaded
        chosen = sieve.may_target(store, chosen, plan.target, bool(plan.topic_names), plan.target_verbs)
    sieved = chosen
    if not plain and sieve.asks(plan):  # words every answer holds (or a share of them, or one it counts): the
        named = "\n".join([index.named, *plan.aliases.values()]).lower() if plan.aliases else index.named
        sieved = sieve.may_fit(store, sieved, plan, label, named=named, worded=worded)  # facts where they cannot be
    if not plain and plan.topic_names and not names_first:  # are not loaded; nor those that cannot name the topic
        sieved = sieve.may_name(store, sieved, plan.topic_names, label, naming)
    kept = fit(sieved)
    if not kept and len(sieved) < len(chosen) and retries(plan):  # fitting's second tries read every record
        kept = fit(chosen)
    asks_time = "date" in plan.details and not template.details  # "when did X award Y": a time told answers it,
    if asks_time:  # whenever it was (recalled history too); a fact told with no time does not
        kept = [rec for rec in kept if rec.values("date") or rec.values("timeText")]
    if kept and not background.dated(plan) and not asks_time:  # recalled history gives way to the events reported
        current = [rec for rec in kept if not background.is_background(rec)]
        if not current and plan.asked and template.reaches and nearest == 1:  # their leaders' news, if any
            current, level = current_widened(store, template, plan, texts, label, limit=limit, index=index,
                                              indexed=indexed, load_at_most=load_at_most)
            nearest = level if current else nearest
        kept = current or kept
    if plan.verb:  # the question's own verb first; a verb that names no kind ("reaffirm") keeps only its facts
        same = [rec for rec in kept if _told_with(rec, plan.verb)]
        kept = same if plan.only_verb or (plan.own_verb and same) else \
            same + [rec for rec in kept if not _told_with(rec, plan.verb)]
    kept = merge_reports(kept)
    if plan.speech:  # "what did X say": what X said, before what the writer says X knows or thinks
        said = [rec for rec in kept if rec.first("verb") in plan.speech]
        kept = said or kept
    if template.details:  # a meeting the sources give no time, place or length for does not answer "when"
        asked = [d for d in plan.details if d in template.details] or template.details
        detailed = [rec for rec in kept if any(rec.values(n) for n in asked)]
        kept = detailed or kept
    if plan.partner:  # "who did X meet": "X has met with 62 senators" names no one, when another meeting does
        kept = [rec for rec in kept if len(rec.values("holder")) + len(rec.values("participant")) > 1] or kept
    if "content" in plan.details and kept and kept[0].kind() == "Meeting":  # "what did they discuss": a meeting
        kept = [rec for rec in kept if rec.values("content") or rec.values("about")]  # told with no topic says none
    if plan.remote and kept and kept[0].kind() == "Meeting":  # "the call": a meeting by phone, if one is told
        kept = [rec for rec in kept if rec.first("remote") == "true"] or kept
    if plan.in_person and template.details:  # "when did X and Y meet": face to face first; a call only when none is
        face = [rec for rec in kept if rec.first("remote") != "true"]  # told, and never one that arranged a meeting
        kept = face or [rec for rec in kept if not any(_PREPARES.search(p.anchor or "") for p in rec.evidence)]
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
                                             widened=widened(rec, plan, nearest)) for rec in batch)
                    if a["provenance"]]
        if len(answers) >= MAX_ANSWERS:
            break
    answers.sort(key=lambda a: (a["fact"] not in verb_first, -a["confidence"],
                                -len({p["source"]["id"] for p in a["provenance"]}),
                                a["provenance"][0]["source"]["id"], a["provenance"][0]["start"], a["fact"]))
    return answers[:MAX_ANSWERS], sparql, capped


def _naming(index: linking.Index, plan: Plan) -> list[str]:
    """The actors named with a first word of the topic's names: tested by the engine (sieve.may_name)."""
    firsts = sieve.first_words(plan.topic_names)
    return index.labelled(firsts) + [i for i, a in plan.aliases.items() if any(w in a.lower() for w in firsts)]


def _order(rec: facts_mod.FactRecord, only: str | None) -> tuple:
    """The order of answers, known before they are built: confidence, sources, first passage."""
    shown = [p for p in rec.evidence if not only or p.source["iri"] == only]
    return (-rec.confidence(), -len({p.source["id"] for p in shown}), shown[0].source["id"], shown[0].start,
            rec.iri)  # last: one order on every store


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


def _told_with(rec: facts_mod.FactRecord, verb: str) -> bool:
    """A fact told with the question's verb, alone or with its object ("sign agreement" for "signed")."""
    told = rec.first("verb") or ""
    return told == verb or told.split(" ")[0] == verb
