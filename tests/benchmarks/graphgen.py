"""A generated graph in the ontology's shape (ontology/README.md), at any number of facts.

Built directly as pyoxigraph quads, one named graph per document as ingestion writes them: each
document has a text made of one sentence per fact, and every fact has a holder (or participants),
a verbatim content span, an evidence passage whose anchor is exactly text[start:end], and, for some,
an occasion, a date, a recipient or topic actors. Actors are drawn with a Zipf-like skew (news is about
a few people most of the time), the seeds' actors first, so the catalog's example questions find
facts at every size. About one fact in ten is reported again by a later document (same fact IRI, its
own evidence), as merged facts are.
"""
from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad

from service import iris
from service import vocab as v

# Actors the seeds name, first (most frequent); the lexicon's other actors follow, then generated people.
SEED_FIRST = ["vladimir-putin", "barack-obama", "russia", "united-states", "john-kerry", "sergey-lavrov",
              "bashar-al-assad", "islamic-state", "united-nations", "china", "india", "russia-government",
              "united-states-government", "ashton-carter", "tony-blinken", "vladimir-frolov", "iran", "syria"]
FALLBACK_ACTORS = [("vladimir-putin", "Vladimir Putin", "Person", ["Putin"]),
                   ("barack-obama", "Barack Obama", "Person", ["Obama"]),
                   ("russia", "Russia", "Country", []), ("united-states", "United States", "Country", ["US"])]
LINKS: dict[str, list[tuple[NamedNode, str]]] = {}  # actor key -> (kg:governmentOf|kg:memberOf, key)
FALLBACK_OCCASIONS = [("un-general-assembly", "UN General Assembly", ["General Assembly"])]
FIRST = ["Anna", "Boris", "Carlos", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Karin",
         "Luis", "Maria", "Nikolai", "Olga", "Pavel", "Rania", "Sofia", "Tomas", "Yuri", "Amir", "Bea",
         "Chen", "Daria", "Erik", "Fatima", "Goran", "Hana", "Ivan", "Jonas"]
LAST = ["Petrov", "Schmidt", "Garcia", "Ivanova", "Haddad", "Tanaka", "Novak", "Rossi", "Kowalski", "Silva",
        "Moreau", "Jensen", "Okafor", "Yilmaz", "Sokolov", "Lindqvist", "Mendez", "Popescu", "Kaur", "Weber",
        "Duarte", "Horvat", "Nakamura", "Farouk", "Larsen", "Castillo", "Abramov", "Brandt", "Costa", "Dimitrov"]
MORE_OCCASIONS = ["BRICS summit", "Valdai Club forum", "Geneva peace talks", "European Council meeting",
                  "Shanghai Cooperation Organisation summit", "Astana talks"]
PLACES = ["New York", "Geneva", "Moscow", "Washington", "Brussels", "Vienna", "Beijing", "Ankara"]
TITLES = ["foreign minister", "defense minister", "president", "prime minister", "spokesman",
          "ambassador to the United Nations", "deputy secretary of state", "national security adviser"]
NOUNS = ["resolution", "ceasefire", "coalition", "peace plan", "inquiry", "trade agreement", "sanctions",
         "summit", "humanitarian corridor", "arms embargo", "no-fly zone", "prisoner exchange",
         "negotiating framework", "monitoring mission", "energy deal", "security guarantee"]
ADJECTIVES = ["new", "broad", "joint", "limited", "permanent", "temporary", "regional", "binding",
              "unconditional", "phased"]
TOPICS = ["the war in Syria", "the crisis in Ukraine", "the Iranian nuclear programme", "gas transit",
          "refugee flows", "counter-terrorism", "missile defense", "cyber attacks", "the Black Sea",
          "oil prices", "election observers", "the Minsk agreements"]
COUNTED = ["civilians", "fighters", "refugees", "troops", "airstrikes", "rebels"]

# kind: (weight, past-tense verbs (lemma, text))
KINDS = {
    "Statement": (25, [("say", "said that"), ("warn", "warned that"), ("insist", "insisted that")]),
    "Action": (14, [("launch", "launched"), ("establish", "established"), ("present", "presented")]),
    "Meeting": (8, []), "Role": (5, []), "Estimate": (4, []),
    "Proposal": (6, [("propose", "proposed"), ("suggest", "suggested"), ("call for", "called for")]),
    "Agreement": (5, [("agree", "agreed on")]), "Disagreement": (2, [("disagree", "disagreed on")]),
    "Acceptance": (2, [("accept", "accepted")]), "Acknowledgment": (2, [("acknowledge", "acknowledged")]),
    "Concern": (4, [("fear", "feared"), ("worry", "worried about")]),
    "Demand": (4, [("demand", "demanded")]), "Accusation": (4, [("accuse", "accused")]),
    "Criticism": (4, [("criticize", "criticized")]), "Denial": (3, [("rule out", "ruled out")]),
    "Intention": (4, [("plan", "planned")]), "Commitment": (3, [("pledge", "pledged")]),
}
KIND_NAMES = list(KINDS)
KIND_WEIGHTS = list(itertools.accumulate(w for w, _ in KINDS.values()))

P = NamedNode
RDF_TYPE, LABEL = v.RDF_TYPE, v.RDFS_LABEL
T_FACT, T_POSITION = v.kg("Fact"), v.kg("Position")
KIND_TYPES = {k: v.kg(k) for k in KINDS}
BOOL_FALSE, BOOL_TRUE = Literal("false", datatype=v.XSD_BOOLEAN), Literal("true", datatype=v.XSD_BOOLEAN)
XSD_NNI = P(v.XSD_NS + "nonNegativeInteger")


@dataclass
class Catalog:
    """What the generated graph is about, for building questions over it."""
    actors: list[tuple[str, str]]  # (label, kind) by popularity
    occasions: list[str]
    facts: int = 0
    documents: int = 0
    quads: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


class Generator:
    def __init__(self, n_facts: int, base: str, *, seed: int = 7, facts_per_doc: int = 20):
        self.n_facts, self.base, self.facts_per_doc = n_facts, iris.base(base), facts_per_doc
        self.rng = random.Random(seed)
        n_actors = min(10_000, max(200, n_facts // 100))
        known, occasions = lexicon_actors()
        people = [(iris.slug(_person(i)), _person(i), "Person", []) for i in range(n_actors)]
        self.actors = (known + people)[:n_actors]  # (key, label, kind, aliases), most frequent first
        self.actor_iri = [iris.actor(self.base, key) for key, *_ in self.actors]
        self.actor_cum = list(itertools.accumulate(1 / (i + 1) ** 0.9 for i in range(len(self.actors))))
        self.occasions = occasions + [(iris.slug(o), o, []) for o in MORE_OCCASIONS]
        self.occasion_iri = [iris.actor(self.base, key) for key, *_ in self.occasions]
        self.catalog = Catalog([(a[1], a[2]) for a in self.actors], [o[1] for o in self.occasions])
        self.recent: list[tuple[NamedNode, list[tuple[NamedNode, object]], str, list[int]]] = []

    # --- drawing
    def _actor(self) -> int:
        return self.rng.choices(range(len(self.actors)), cum_weights=self.actor_cum)[0]

    def _content(self, mentioned: list[int]) -> tuple[str, int | None]:
        rng = self.rng
        if rng.random() < 0.4:
            about = self._actor()
            mentioned.append(about)
            topic = self.actors[about][1]
        else:
            about, topic = None, rng.choice(TOPICS)
        return f"a {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} on {topic}", about

    # --- one fact: its sentence, its (predicate, object) pairs, the actors it uses
    def _fact(self, kind: str, mentioned: list[int]) -> tuple[str, list[tuple[NamedNode, object]]]:
        rng, lab = self.rng, (lambda i: self.actors[i][1])
        pairs: list[tuple[NamedNode, object]] = []
        a = self._actor()
        mentioned.append(a)
        if kind == "Meeting":
            b = self._actor()
            while b == a:
                b = self._actor()
            mentioned.append(b)
            occ = rng.randrange(len(self.occasions))
            minutes = rng.choice([30, 45, 60, 90, 94, 120])
            day = f"2015-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            sentence = f"{lab(a)} met {lab(b)} at the {self.occasions[occ][1]} on {day} for {minutes} minutes."
            pairs += [(v.PARTICIPANT, self.actor_iri[a]), (v.PARTICIPANT, self.actor_iri[b]),
                      (v.OCCASION, self.occasion_iri[occ]), (v.DATE, Literal(day, datatype=v.XSD_DATE)),
                      (v.DURATION, Literal(f"PT{minutes}M", datatype=v.XSD_DURATION)),
                      (v.DURATIONTEXT, Literal(f"{minutes} minutes"))]
            return sentence, pairs
        if kind == "Role":
            org = self._actor()
            mentioned.append(org)
            title = rng.choice(TITLES)
            sentence = f"{lab(a)} is the {title} of {lab(org)}."
            pairs += [(v.HOLDER, self.actor_iri[a]), (v.TITLE, Literal(title)),
                      (v.ORGANIZATION, self.actor_iri[org])]
            return sentence, pairs
        if kind == "Estimate":
            n, what = rng.randint(10, 90_000), rng.choice(COUNTED)
            content = f"{n:,} {what} had been killed in {rng.choice(TOPICS)}"
            sentence = f"{lab(a)} estimated that {content}."
            pairs += [(v.HOLDER, self.actor_iri[a]), (v.CONTENT, Literal(content)),
                      (v.QUANTITY, Literal(str(n), datatype=v.XSD_DECIMAL)),
                      (v.QUANTITYTEXT, Literal(f"{n:,}")), (v.COUNTS, Literal(what))]
            return sentence, pairs
        lemma, verb = rng.choice(KINDS[kind][1])
        content, about = self._content(mentioned)
        if kind == "Statement":
            content += " was needed"
        tail = ""
        pairs += [(v.HOLDER, self.actor_iri[a]), (v.CONTENT, Literal(content)), (v.VERB, Literal(lemma))]
        if about is not None:
            pairs.append((v.ABOUT, self.actor_iri[about]))
        if rng.random() < 0.3:
            occ = rng.randrange(len(self.occasions))
            tail = f" at the {self.occasions[occ][1]}"
            pairs.append((v.OCCASION, self.occasion_iri[occ]))
        if kind in ("Statement", "Demand") and rng.random() < 0.3:
            r = self._actor()
            mentioned.append(r)
            pairs.append((v.RECIPIENT, self.actor_iri[r]))
            tail += f", speaking to {lab(r)}"
        return f"{lab(a)} {verb} {content}{tail}.", pairs

    # --- documents
    def documents(self) -> Iterator[tuple[NamedNode, list[Quad]]]:
        """(graph, quads) per document until n_facts distinct facts exist."""
        made, doc_no = 0, 0
        while made < self.n_facts:
            n = min(self.n_facts - made, self.rng.randint(self.facts_per_doc // 2, self.facts_per_doc * 3 // 2))
            graph, quads, fresh = self._document(doc_no, n)
            made += fresh
            doc_no += 1
            self.catalog.quads += len(quads)
            yield graph, quads
        self.catalog.facts, self.catalog.documents = made, doc_no

    def _document(self, doc_no: int, n: int) -> tuple[NamedNode, list[Quad], int]:
        rng, doc_id = self.rng, f"gen-{doc_no:07d}"
        g = iris.document(self.base, doc_id)
        used: set[int] = set()
        parts: list[str] = []
        offset = 0
        items: list[tuple[NamedNode, list, int, int, list[int]]] = []  # fact, pairs, start, end, mentioned
        fresh = 0
        for i in range(n):
            if self.recent and rng.random() < 0.1:  # the same fact, reported again
                fact, pairs, sentence, mentioned = rng.choice(self.recent)
            else:
                kind = KIND_NAMES[rng.choices(range(len(KIND_NAMES)), cum_weights=KIND_WEIGHTS)[0]]
                mentioned = []
                sentence, pairs = self._fact(kind, mentioned)
                fact = iris.fact(self.base, kind, f"{doc_id}/{i}")
                types = [(RDF_TYPE, T_FACT), (RDF_TYPE, KIND_TYPES[kind])]
                if kind not in ("Meeting", "Role", "Action"):
                    types.append((RDF_TYPE, T_POSITION))
                pairs = types + pairs + [
                    (v.NEGATED, BOOL_TRUE if rng.random() < 0.05 else BOOL_FALSE),
                    (v.CONFIDENCE, Literal(f"0.{rng.randint(5, 9)}", datatype=v.XSD_DECIMAL))]
                self.catalog.kinds[kind] = self.catalog.kinds.get(kind, 0) + 1
                fresh += 1
                if len(self.recent) < 2000:
                    self.recent.append((fact, pairs, sentence, mentioned))
                else:
                    self.recent[rng.randrange(2000)] = (fact, pairs, sentence, mentioned)
            used.update(mentioned)
            parts.append(sentence)
            items.append((fact, pairs, offset, offset + len(sentence), mentioned))
            offset += len(sentence) + 1
        text = " ".join(parts)
        quads = self._document_quads(g, doc_id, text, doc_no)
        for fact, pairs, start, end, mentioned in items:
            quads += [Quad(fact, p, o, g) for p, o in pairs]
            quads += [Quad(fact, v.HEDGED, BOOL_FALSE, g), Quad(fact, v.PROV_DERIVED, g, g)]
            passage = self._passage(quads, g, doc_id, text, start, end)
            quads.append(Quad(fact, v.EVIDENCE, passage, g))
            sentence = text[start:end]
            for i in dict.fromkeys(mentioned):  # each actor mention: a passage naming the actor
                at = sentence.find(self.actors[i][1])
                if at >= 0:
                    mention = self._passage(quads, g, doc_id, text, start + at, start + at + len(self.actors[i][1]))
                    quads.append(Quad(mention, v.ITS_IDENT_REF, self.actor_iri[i], g))
        for i in used:
            key, label, kind, aliases = self.actors[i]
            a = self.actor_iri[i]
            quads += [Quad(a, RDF_TYPE, v.C_ACTOR, g), Quad(a, RDF_TYPE, v.kg(kind), g),
                      Quad(a, LABEL, Literal(label), g)]
            quads += [Quad(a, v.SKOS_ALT, Literal(alias), g) for alias in aliases[:3]]
            quads += [Quad(a, p, iris.actor(self.base, other), g) for p, other in LINKS.get(key, ())]
        for o, (_, label, aliases) in zip(self.occasion_iri, self.occasions, strict=True):
            if f"the {label}" in text:
                quads += [Quad(o, RDF_TYPE, v.C_OCCASION, g), Quad(o, LABEL, Literal(label), g)]
                quads += [Quad(o, v.SKOS_ALT, Literal(alias), g) for alias in aliases[:3]]
        return g, quads, fresh

    def _passage(self, quads: list[Quad], g: NamedNode, doc_id: str, text: str, start: int, end: int) -> NamedNode:
        """A NIF passage <doc#char=start,end> whose anchor is exactly text[start:end]."""
        passage = iris.passage(self.base, doc_id, start, end)
        quads += [
            Quad(passage, RDF_TYPE, v.NIF_STRING, g), Quad(passage, RDF_TYPE, v.NIF_RFC5147, g),
            Quad(passage, v.NIF_BEGIN, Literal(str(start), datatype=XSD_NNI), g),
            Quad(passage, v.NIF_END, Literal(str(end), datatype=XSD_NNI), g),
            Quad(passage, v.NIF_ANCHOR, Literal(text[start:end]), g),
            Quad(passage, v.NIF_REFERENCE_CONTEXT, g, g),
        ]
        return passage

    def _document_quads(self, g: NamedNode, doc_id: str, text: str, doc_no: int) -> list[Quad]:
        extraction = NamedNode(g.value + "#extraction")
        day = f"2015-{doc_no % 12 + 1:02d}-{doc_no % 28 + 1:02d}"
        return [
            Quad(g, RDF_TYPE, v.C_DOCUMENT, g), Quad(g, RDF_TYPE, v.SCHEMA_NEWS_ARTICLE, g),
            Quad(g, RDF_TYPE, v.NIF_CONTEXT, g), Quad(g, v.DCT_IDENTIFIER, Literal(doc_id), g),
            Quad(g, v.DCT_TITLE, Literal(f"Generated report {doc_no}"), g),
            Quad(g, v.SCHEMA_PUBLISHER, Literal(f"Outlet {doc_no % 37}"), g),
            Quad(g, v.SCHEMA_DATE_PUBLISHED, Literal(day, datatype=v.XSD_DATE), g),
            Quad(g, v.NIF_IS_STRING, Literal(text), g),
            Quad(g, v.CONTENTHASH, Literal(hashlib.sha256(text.encode()).hexdigest()), g),
            Quad(g, v.PROV_GENERATED_BY, extraction, g),
            Quad(extraction, RDF_TYPE, v.C_EXTRACTION, g), Quad(extraction, RDF_TYPE, v.PROV_ACTIVITY, g),
            Quad(extraction, v.PIPELINEVERSION, Literal("bench-generator"), g),
            Quad(extraction, v.PROV_USED, g, g),
        ]


def lexicon_actors() -> tuple[list[tuple[str, str, str, list[str]]], list[tuple[str, str, list[str]]]]:
    """The project's actor lexicon (keys, labels, kinds, aliases) as ingestion mints them: the seeds'
    actors first, then the rest in the lexicon's order; occasions apart."""
    try:
        from service.ingest import lexicon
    except ImportError:
        return FALLBACK_ACTORS, FALLBACK_OCCASIONS
    lex = lexicon.load()
    LINKS.clear()
    for a in lex.actors.values():
        LINKS[a.key] = ([(v.GOVERNMENTOF, a.government_of)] if a.government_of else []) + \
            [(v.MEMBEROF, m) for m in sorted(a.member_of)]
    rows = [(a.key, a.label, a.kind, sorted(x for x in a.aliases if x != a.label)) for a in lex.actors.values()]
    actors = [r for r in rows if r[2] not in ("Place", "Occasion")]
    rank = {key: i for i, key in enumerate(SEED_FIRST)}
    actors.sort(key=lambda r: rank.get(r[0], len(rank)))
    occasions = [(r[0], r[1], r[3]) for r in rows if r[2] == "Occasion"]
    return actors or FALLBACK_ACTORS, occasions or FALLBACK_OCCASIONS


def _person(i: int) -> str:
    """The i-th generated name, all distinct (27,000 of them)."""
    first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
    block = i // (len(FIRST) * len(LAST))
    return f"{first} {FIRST[block % len(FIRST)]} {last}" if block else f"{first} {last}"
