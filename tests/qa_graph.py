"""Hand-written test graphs in the ontology's shape, built from short documents written for kgqa:
each fact names its evidence sentence and each mention its words, and the offsets are found in the
document's text here, so the TriG holds exact character ranges without counting them by hand."""
from __future__ import annotations

import json

E = "http://kgqa.test/entities/"
SRC = "http://kgqa.test/sources/"
PREFIXES = """@prefix kg: <https://w3id.org/kgqa/ns#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix e: <http://kgqa.test/entities/> .
"""
POSITIONS = {"Proposal", "Agreement", "Disagreement", "Acceptance", "Acknowledgment", "Concern", "Demand",
             "Accusation", "Criticism", "Denial", "Intention", "Commitment", "Statement"}
LITERALS = {"date": "xsd:date", "duration": "xsd:duration"}


def _lit(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _passage(doc: str, text: str, words: str) -> tuple[str, list[str]]:
    start = text.index(words)
    end = start + len(words)
    iri = f"<{SRC}{doc}#char={start},{end}>"
    return iri, [f"  {iri} a nif:String, nif:RFC5147String ; nif:beginIndex \"{start}\"^^xsd:nonNegativeInteger ; "
                 f"nif:endIndex \"{end}\"^^xsd:nonNegativeInteger ; nif:anchorOf {_lit(words)} ; "
                 f"nif:referenceContext <{SRC}{doc}> ."]


def trig(documents: list[dict], actors: dict[str, dict]) -> str:
    """documents: {id, title, publisher, published, text, facts: [{id, kind, evidence, **props}],
    mentions: {words: actor id}}; actors: id -> {types, label, alt, governmentOf}. Every actor is
    declared in every document graph (as the extraction does for the actors a document names)."""
    out = [PREFIXES]
    for doc in documents:
        did, text = doc["id"], doc["text"]
        lines = [f"<{SRC}{did}> {{",
                 f"  <{SRC}{did}> a kg:Document, schema:NewsArticle, nif:Context ; dcterms:identifier {_lit(did)} ; "
                 f"dcterms:title {_lit(doc['title'])} ; schema:publisher {_lit(doc['publisher'])} ; "
                 f"schema:datePublished \"{doc['published']}\"^^xsd:date ; nif:isString {_lit(text)} ."]
        for fact in doc["facts"]:
            passage, more = _passage(did, text, fact["evidence"])
            lines += more
            kinds = ["kg:Fact"] + (["kg:Position"] if fact["kind"] in POSITIONS else []) + [f"kg:{fact['kind']}"]
            props = [f"a {', '.join(kinds)}"]
            for name, value in fact.items():
                if name in ("id", "kind", "evidence"):
                    continue
                values = value if isinstance(value, list) else [value]
                if name in ("holder", "participant", "recipient", "target", "about", "place", "occasion",
                            "organization"):
                    props.append(f"kg:{name} " + ", ".join(f"e:{v}" for v in values))
                elif name == "negated":
                    props.append(f"kg:negated {'true' if value else 'false'}")
                elif name in LITERALS:
                    props.append(f"kg:{name} " + ", ".join(f"{_lit(v)}^^{LITERALS[name]}" for v in values))
                else:
                    props.append(f"kg:{name} " + ", ".join(_lit(v) for v in values))
            props.append('kg:confidence "0.85"^^xsd:decimal')
            props.append(f"kg:evidence {passage}")
            lines.append(f"  e:{fact['id']} " + " ;\n    ".join(props) + " .")
        for words, actor in doc.get("mentions", {}).items():
            passage, more = _passage(did, text, words)
            lines += [more[0][:-2] + f" ; itsrdf:taIdentRef e:{actor} ."]
        for aid, actor in actors.items():
            decl = f"  e:{aid} a " + ", ".join(f"kg:{t}" for t in actor["types"])
            decl += f" ; rdfs:label {_lit(actor['label'])}"
            if actor.get("alt"):
                decl += " ; skos:altLabel " + ", ".join(_lit(a) for a in actor["alt"])
            if actor.get("governmentOf"):
                decl += f" ; kg:governmentOf e:{actor['governmentOf']}"
            lines.append(decl + " .")
        lines.append("}")
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def graph_store(folder, name: str):
    """An embedded store in `folder` holding tests/data/graphs/<name>.json as TriG (close it after use)."""
    from pathlib import Path

    from service.store.embedded import EmbeddedStore

    spec = json.loads((Path(__file__).parent / "data" / "graphs" / f"{name}.json").read_text(encoding="utf-8"))
    st = EmbeddedStore(str(Path(folder) / "store"))
    st.load(trig(spec["documents"], spec["actors"]).encode("utf-8"), "application/trig")
    return st
