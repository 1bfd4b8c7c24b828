"""Answer cards: one answer per fact record, its readable text, its values and its passages quoted from
the documents' texts (read once per question), and the cards of the sources template.
"""
from __future__ import annotations

from ..read import sources as sources_mod
from ..store.base import Store
from ..vocab import sparql_prefixes
from . import facts as facts_mod
from . import render
from .plan import Plan
from .wording import conflicts_of

MAX_ANSWERS = 50  # answers returned at most


class Texts:
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


def build_answer(texts: Texts, rec: facts_mod.FactRecord, lex, link_root: str, *,
                 only_source: str | None = None, widened: dict | None = None) -> dict:
    conflicts = conflicts_of(rec)
    provenance = []
    referent = rec.referent
    behind = [p for p in referent.evidence if p not in rec.evidence] if referent is not None else []
    for p in rec.evidence + behind:  # "accepted the proposal": then the passage telling what it was
        if only_source and p.source["iri"] != only_source:
            continue
        sid = p.source["id"]
        quote = texts.quote(p)
        if not quote.strip():
            continue
        provenance.append({"source": dict(p.source), "quote": quote, "start": p.start, "end": p.end,
                           "link": f"{link_root}sources/{sid}#char={p.start},{p.end}"})
    text = render.sentence(rec, lex, conflicts)
    if referent is not None:  # what the proposal was, even when one sentence tells both
        text = render.with_referent(text, render.sentence(referent, lex, []))
    answer = {"text": text, "fact": rec.iri, "values": values_of(rec),
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
    for name in ("content", "verb", "condition", "title", "date", "timeText", "placeText", "duration", "durationText",
                 "quantity", "quantityText", "counts", "attribution"):
        vals = [v.value for v in rec.values(name)]
        if vals:
            values[name] = vals[0] if len(vals) == 1 else vals
    if rec.occasions:
        values["occasion"] = [{"iri": i, "label": label} for i, label in rec.occasions]
    if rec.referent is not None:
        values["respondsTo"] = {"fact": rec.referent.iri, "kind": rec.referent.kind(),
                                "content": rec.referent.first("content")}
    if rec.first("negated") == "true":
        values["negated"] = True
    if rec.first("hedged") == "true":
        values["hedged"] = True
    if rec.first("remote") == "true":
        values["remote"] = True
    if rec.first("ironic") == "true":
        values["ironic"] = True
    return values


def source_answers(texts: Texts, rows: list[dict], plan: Plan, link_root: str) -> list[dict]:
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
