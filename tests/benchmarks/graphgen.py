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

from pyoxigraph import Literal, NamedNode

from service import iris
from service import vocab as v
from service.ingest.indexes import INDEXED, index_links, index_occasions, index_pairs

# Actors the seeds name, first (most frequent); the lexicon's other actors follow, then generated people.
SEED_FIRST = ["vladimir-putin", "barack-obama", "russia", "united-states", "john-kerry", "sergey-lavrov",
              "bashar-al-assad", "islamic-state", "united-nations", "china", "india", "russia-government",
              "united-states-government", "ashton-carter", "tony-blinken", "vladimir-frolov", "iran", "syria"]
FALLBACK_ACTORS = [("vladimir-putin", "Vladimir Putin", "Person", ["Putin"]),
                   ("barack-obama", "Barack Obama", "Person", ["Obama"]),
                   ("russia", "Russia", "Country", []), ("united-states", "United States", "Country", ["US"])]
LINKS: dict[str, list[tuple[str, str]]] = {}  # actor key -> (kg:governmentOf|kg:memberOf, key)
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

# Terms in their N-Triples form: documents are written as N-Quads text (the terms' own str()), which
# Python builds ten times faster than Quad objects and the engine bulk-loads in one pass.
N = str
RDF_TYPE, LABEL, ALT = N(v.RDF_TYPE), N(v.RDFS_LABEL), N(v.SKOS_ALT)
T_FACT, T_POSITION = N(v.kg("Fact")), N(v.kg("Position"))
KIND_TYPES = {k: N(v.kg(k)) for k in KINDS}
BOOL_FALSE, BOOL_TRUE = N(Literal(False)), N(Literal(True))
XSD_NNI, XSD_DATE, XSD_DURATION, XSD_DECIMAL = (N(NamedNode(v.XSD_NS + t)) for t in
                                                ("nonNegativeInteger", "date", "duration", "decimal"))
T = {name: N(getattr(v, name)) for name in (
    "PARTICIPANT", "OCCASION", "DATE", "DURATION", "DURATIONTEXT", "HOLDER", "TITLE", "ORGANIZATION", "CONTENT",
    "QUANTITY", "QUANTITYTEXT", "COUNTS", "VERB", "ABOUT", "RECIPIENT", "NEGATED", "CONFIDENCE", "HEDGED",
    "PROV_DERIVED", "EVIDENCE", "ITS_IDENT_REF", "NIF_STRING", "NIF_RFC5147", "NIF_BEGIN", "NIF_END",
    "NIF_ANCHOR", "NIF_REFERENCE_CONTEXT", "C_ACTOR", "C_OCCASION", "C_DOCUMENT", "SCHEMA_NEWS_ARTICLE",
    "NIF_CONTEXT", "DCT_IDENTIFIER", "DCT_TITLE", "SCHEMA_PUBLISHER", "SCHEMA_DATE_PUBLISHED", "NIF_IS_STRING",
    "CONTENTHASH", "PROV_GENERATED_BY", "C_EXTRACTION", "PROV_ACTIVITY", "PIPELINEVERSION", "PROV_USED",
    "GOVERNMENTOF", "MEMBEROF")}
LINKED = {N(p) for p in (v.HOLDER, v.PARTICIPANT, v.ABOUT, v.RECIPIENT, v.TARGET)}  # indexed by index_links
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def lit(text: str, datatype: str | None = None) -> str:
    """A literal in N-Triples form (escaped as pyoxigraph escapes it)."""
    body = '"' + text.translate(_ESCAPES) + '"'
    return f"{body}^^{datatype}" if datatype else body


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
        self.actor_nt = [N(i) for i in self.actor_iri]
        self.occasion_nt = [N(i) for i in self.occasion_iri]
        self.catalog = Catalog([(a[1], a[2]) for a in self.actors], [o[1] for o in self.occasions])
        self.recent: list[tuple[str, list[tuple[str, str]], str, list[int]]] = []
        self.roles: dict[int, list[tuple[str, int]]] = {}

    # --- drawing
    def _actor(self) -> int:
        return self.rng.choices(range(len(self.actors)), cum_weights=self.actor_cum)[0]

    def _roles(self, a: int) -> list[tuple[str, int]]:
        """The (title, organization) pairs actor `a` holds: the same few in every report, as in the
        news (a president is the president of one country), not a new organization each time."""
        if a not in self.roles:
            own = random.Random(a * 7919 + 17)
            orgs = [i for i in own.choices(range(len(self.actors)), cum_weights=self.actor_cum, k=4) if i != a]
            self.roles[a] = [(own.choice(TITLES), org) for org in orgs[:own.choice((1, 1, 2))]] or \
                [(own.choice(TITLES), (a + 1) % len(self.actors))]
        return self.roles[a]

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
    def _fact(self, kind: str, mentioned: list[int]) -> tuple[str, list[tuple[str, str]]]:
        rng, lab = self.rng, (lambda i: self.actors[i][1])
        pairs: list[tuple[str, str]] = []
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
            pairs += [(T["PARTICIPANT"], self.actor_nt[a]), (T["PARTICIPANT"], self.actor_nt[b]),
                      (T["OCCASION"], self.occasion_nt[occ]), (T["DATE"], lit(day, XSD_DATE)),
                      (T["DURATION"], lit(f"PT{minutes}M", XSD_DURATION)),
                      (T["DURATIONTEXT"], lit(f"{minutes} minutes"))]
            return sentence, pairs
        if kind == "Role":  # an actor holds one or two roles of its own, which many reports repeat
            title, org = rng.choice(self._roles(a))
            mentioned.append(org)
            sentence = f"{lab(a)} is the {title} of {lab(org)}."
            pairs += [(T["HOLDER"], self.actor_nt[a]), (T["TITLE"], lit(title)),
                      (T["ORGANIZATION"], self.actor_nt[org])]
            return sentence, pairs
        if kind == "Estimate":
            n, what = rng.randint(10, 90_000), rng.choice(COUNTED)
            content = f"{n:,} {what} had been killed in {rng.choice(TOPICS)}"
            sentence = f"{lab(a)} estimated that {content}."
            pairs += [(T["HOLDER"], self.actor_nt[a]), (T["CONTENT"], lit(content)),
                      (T["QUANTITY"], lit(str(n), XSD_DECIMAL)),
                      (T["QUANTITYTEXT"], lit(f"{n:,}")), (T["COUNTS"], lit(what))]
            return sentence, pairs
        lemma, verb = rng.choice(KINDS[kind][1])
        content, about = self._content(mentioned)
        if kind == "Statement":
            content += " was needed"
        tail = ""
        pairs += [(T["HOLDER"], self.actor_nt[a]), (T["CONTENT"], lit(content)), (T["VERB"], lit(lemma))]
        if about is not None:
            pairs.append((T["ABOUT"], self.actor_nt[about]))
        if rng.random() < 0.3:
            occ = rng.randrange(len(self.occasions))
            tail = f" at the {self.occasions[occ][1]}"
            pairs.append((T["OCCASION"], self.occasion_nt[occ]))
        if kind in ("Statement", "Demand") and rng.random() < 0.3:
            r = self._actor()
            mentioned.append(r)
            pairs.append((T["RECIPIENT"], self.actor_nt[r]))
            tail += f", speaking to {lab(r)}"
        return f"{lab(a)} {verb} {content}{tail}.", pairs

    # --- documents
    def documents(self) -> Iterator[tuple[NamedNode, list[str]]]:
        """(graph, N-Quads lines) per document until n_facts distinct facts exist."""
        made, doc_no = 0, 0
        while made < self.n_facts:
            n = min(self.n_facts - made, self.rng.randint(self.facts_per_doc // 2, self.facts_per_doc * 3 // 2))
            graph, lines, fresh = self._document(doc_no, n)
            made += fresh
            doc_no += 1
            self.catalog.quads += len(lines)
            yield graph, lines
        self.catalog.facts, self.catalog.documents = made, doc_no

    def _document(self, doc_no: int, n: int) -> tuple[NamedNode, list[str], int]:
        rng, doc_id = self.rng, f"gen-{doc_no:07d}"
        graph = iris.document(self.base, doc_id)
        g = N(graph)
        used: set[int] = set()
        parts: list[str] = []
        offset = 0
        items: list[tuple[str, list, int, int, list[int]]] = []  # fact, pairs, start, end, mentioned
        fresh = 0
        for i in range(n):
            if self.recent and rng.random() < 0.1:  # the same fact, reported again
                fact, pairs, sentence, mentioned = rng.choice(self.recent)
            else:
                kind = KIND_NAMES[rng.choices(range(len(KIND_NAMES)), cum_weights=KIND_WEIGHTS)[0]]
                mentioned = []
                sentence, pairs = self._fact(kind, mentioned)
                holders = [NamedNode(o[1:-1]) for p, o in pairs if p in (T["HOLDER"], T["PARTICIPANT"])]
                pairs += [(N(p), N(o)) for p, o in index_pairs(kind, holders)]  # as ingestion writes them
                links = [(NamedNode(p[1:-1]), NamedNode(o[1:-1])) for p, o in pairs if p in LINKED]
                verb = next((o[1:-1] for p, o in pairs if p == T["VERB"]), None)  # a plain literal: "lemma"
                pairs += [(N(p), N(o)) for p, o in index_links(kind, links, verb)]
                at = {NamedNode(o[1:-1]): 1 for p, o in pairs if p == T["OCCASION"]}  # its own: no occasion has one
                pairs += [(N(p), N(o)) for p, o in index_occasions(kind, holders, at)]
                fact = N(iris.fact(self.base, kind, f"{doc_id}/{i}"))
                types = [(RDF_TYPE, T_FACT), (RDF_TYPE, KIND_TYPES[kind])]
                if kind not in ("Meeting", "Role", "Action"):
                    types.append((RDF_TYPE, T_POSITION))
                pairs = types + pairs + [
                    (T["NEGATED"], BOOL_TRUE if rng.random() < 0.05 else BOOL_FALSE),
                    (T["CONFIDENCE"], lit(f"0.{rng.randint(5, 9)}", XSD_DECIMAL))]
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
        out = self._document_lines(g, doc_id, text, doc_no)
        prefix = f"<{self.base}sources/{doc_id}#char="
        for fact, pairs, start, end, mentioned in items:
            out += [f"{fact} {p} {o} {g} .\n" for p, o in pairs]
            passage = self._passage(out, prefix, g, text, start, end)
            out += [f"{fact} {T['HEDGED']} {BOOL_FALSE} {g} .\n", f"{fact} {T['PROV_DERIVED']} {g} {g} .\n",
                    f"{fact} {T['EVIDENCE']} {passage} {g} .\n"]
            sentence = text[start:end]
            for i in dict.fromkeys(mentioned):  # each actor mention: a passage naming the actor
                at = sentence.find(self.actors[i][1])
                if at >= 0:
                    mention = self._passage(out, prefix, g, text, start + at, start + at + len(self.actors[i][1]))
                    out.append(f"{mention} {T['ITS_IDENT_REF']} {self.actor_nt[i]} {g} .\n")
        for i in used:
            key, label, kind, aliases = self.actors[i]
            a = self.actor_nt[i]
            out += [f"{a} {RDF_TYPE} {T['C_ACTOR']} {g} .\n", f"{a} {RDF_TYPE} {N(v.kg(kind))} {g} .\n",
                    f"{a} {LABEL} {lit(label)} {g} .\n"]
            out += [f"{a} {ALT} {lit(alias)} {g} .\n" for alias in aliases[:3]]
            out += [f"{a} {p} {N(iris.actor(self.base, other))} {g} .\n" for p, other in LINKS.get(key, ())]
        for o, (_, label, aliases) in zip(self.occasion_nt, self.occasions, strict=True):
            if f"the {label}" in text:
                out += [f"{o} {RDF_TYPE} {T['C_OCCASION']} {g} .\n", f"{o} {LABEL} {lit(label)} {g} .\n"]
                out += [f"{o} {ALT} {lit(alias)} {g} .\n" for alias in aliases[:3]]
        return graph, out, fresh

    @staticmethod
    def _passage(out: list[str], prefix: str, g: str, text: str, start: int, end: int) -> str:
        """A NIF passage <doc#char=start,end> (as service.iris mints it) whose anchor is text[start:end]."""
        p = f"{prefix}{start},{end}>"
        out += [f"{p} {RDF_TYPE} {T['NIF_STRING']} {g} .\n", f"{p} {RDF_TYPE} {T['NIF_RFC5147']} {g} .\n",
                f"{p} {T['NIF_BEGIN']} {lit(str(start), XSD_NNI)} {g} .\n",
                f"{p} {T['NIF_END']} {lit(str(end), XSD_NNI)} {g} .\n",
                f"{p} {T['NIF_ANCHOR']} {lit(text[start:end])} {g} .\n",
                f"{p} {T['NIF_REFERENCE_CONTEXT']} {g} {g} .\n"]
        return p

    def _document_lines(self, g: str, doc_id: str, text: str, doc_no: int) -> list[str]:
        x = g[:-1] + "#extraction>"
        day = f"2015-{doc_no % 12 + 1:02d}-{doc_no % 28 + 1:02d}"
        triples = [
            (g, RDF_TYPE, T["C_DOCUMENT"]), (g, RDF_TYPE, T["SCHEMA_NEWS_ARTICLE"]), (g, RDF_TYPE, T["NIF_CONTEXT"]),
            (g, T["DCT_IDENTIFIER"], lit(doc_id)), (g, T["DCT_TITLE"], lit(f"Generated report {doc_no}")),
            (g, T["SCHEMA_PUBLISHER"], lit(f"Outlet {doc_no % 37}")),
            (g, T["SCHEMA_DATE_PUBLISHED"], lit(day, XSD_DATE)),
            (g, T["NIF_IS_STRING"], lit(text)),
            (g, T["CONTENTHASH"], lit(hashlib.sha256(text.encode()).hexdigest())), (g, T["PROV_GENERATED_BY"], x),
            (x, RDF_TYPE, T["C_EXTRACTION"]), (x, RDF_TYPE, T["PROV_ACTIVITY"]),
            (x, T["PIPELINEVERSION"], lit("bench-generator")), (x, T["PROV_USED"], g),
        ] + [(x, N(v.INDEXES), N(prop)) for prop in INDEXED]
        return [f"{s} {p} {o} {g} .\n" for s, p, o in triples]


def lexicon_actors() -> tuple[list[tuple[str, str, str, list[str]]], list[tuple[str, str, list[str]]]]:
    """The project's actor lexicon (keys, labels, kinds, aliases) as ingestion mints them: the seeds'
    actors first, then the rest in the lexicon's order; occasions apart."""
    try:
        from service.ingest import lexicon
        from service.lexicon import Lexicons
    except ImportError:
        return FALLBACK_ACTORS, FALLBACK_OCCASIONS
    lex = lexicon.build(Lexicons())
    LINKS.clear()
    for a in lex.actors.values():
        LINKS[a.key] = ([(T["GOVERNMENTOF"], a.government_of)] if a.government_of else []) + \
            [(T["MEMBEROF"], m) for m in sorted(a.member_of)]
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
