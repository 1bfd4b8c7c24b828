"""Slot text -> actors, occasions and sources of the graph, by the graph's own names.

The names are the graph's: rdfs:label and skos:altLabel of actors and occasions (the extraction's
alias table put them there: "Moscow" and "the Kremlin" are names of Russia's government), and the
titles, ids and publishers of documents. A name matches exactly (case, "the", dots and possessives
aside), then by surname, then without a leading title ("Secretary of State John Kerry"), then fuzzily
(rapidfuzz), then by the possessor of a possessive ("Moscow's allies" -> Moscow).
"""
from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache

from ..store.base import Store
from ..store.embedded import EmbeddedStore
from ..vocab import PREFIXES, RDFS_LABEL
from .documents import OPTIONAL as _OPTIONAL
from .documents import Documents
from .entities import Entity, Link, best, described_group
from .initials import by_initials, owner_in_front, spelled
from .occasions import OccasionNames
from .spelling import Spellings, normalize

PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
# The union default graph repeats a triple once per document graph asserting it (an actor's label in
# every article naming it): each query scans one index range per type or property (bound by VALUES)
# and lets the engine drop the repeats (DISTINCT) before any row reaches Python.
_TYPES = PREFIX + ("SELECT DISTINCT ?x ?type WHERE { VALUES ?type { kg:Actor kg:Occasion kg:Person kg:Government "
                    "kg:Country kg:Organization kg:Group kg:Place } ?x a ?type }")
_NAMES = PREFIX + "SELECT DISTINCT ?x ?p ?name WHERE { VALUES ?p { rdfs:label skos:altLabel } ?x ?p ?name }"
# A role's four triples are joined inside one document graph: across the union they would join every
# copy with every other (N^4 rows for a role reported by N documents), inside it N rows.
_ROLES = PREFIX + """
SELECT DISTINCT ?h ?t ?o WHERE { GRAPH ?g { ?r a kg:Role ; kg:holder ?h ; kg:title ?t ; kg:organization ?o } }"""
_ROLE_TEXTS = PREFIX + """
SELECT DISTINCT ?h ?c WHERE { GRAPH ?g { ?r a kg:Role ; kg:holder ?h ; kg:content ?c } }"""
_DELEGATES = PREFIX + "SELECT DISTINCT ?g ?o WHERE { ?g kg:memberOf ?o . ?g a kg:Group }"
_DOCS = PREFIX + """
SELECT ?d ?id ?title ?url ?publisher ?published WHERE {
  ?d a kg:Document ; dcterms:identifier ?id .
  OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d schema:url ?url } OPTIONAL { ?d schema:publisher ?publisher }
  OPTIONAL { ?d schema:datePublished ?published }
}"""
# how many documents name each person (each document types the actors it names): which of several people
# sharing a surname a bare "Sanders" most likely means
_REPORTED = PREFIX + "SELECT ?x (COUNT(?g) AS ?n) WHERE { GRAPH ?g { ?x a kg:Person } } GROUP BY ?x"
_HELD_AT = PREFIX + "SELECT DISTINCT ?o WHERE { ?o a kg:Occasion ; kg:occasion ?p }"

GENERIC_EVENT_WORDS = ("meeting", "meetings", "summit", "session", "talks", "conference", "sessions")


def _indexed(store: Store, prop: str) -> bool:
    """Does every document of the store carry the index `prop` (its extraction says kg:indexes kg:prop)?
    A store with a document ingested by an older version is answered without it."""
    docs = store.select(PREFIX + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }")
    marked = store.select(PREFIX + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d prov:wasGeneratedBy ?x . "
                          f"?x kg:indexes kg:{prop} }}")
    n = int(docs[0]["n"].value) if docs else 0
    return n > 0 and bool(marked) and int(marked[0]["n"].value) == n


def _variant(label: str, of: str) -> bool:
    """'John R. Kasich' of 'John Kasich', 'Democrat Bernie Sanders' of 'Bernie Sanders': the same name
    written with a middle initial or a word in front, the same first and last name."""
    words, first = normalize(label).split(), normalize(of).split()
    return normalize(of) in normalize(label) or (words[0] == first[0] and words[-1] == first[-1])


class Index:
    """All names of the graph's actors, occasions and documents, normalized, for one store version."""

    demonyms: dict[str, str] = {}  # "russian" -> "Russia": set by Names from the question lexicon
    leader_titles: frozenset[str] = frozenset()  # what "the Russian leader" may hold (idem)

    def __init__(self, store: Store):
        pool: dict[str, str] = {}  # one str object for each IRI, title and type (rows repeat them)
        share = lambda text: pool.setdefault(text, text)  # noqa: E731
        types: dict[str, set[str]] = {}
        for row in store.select(_TYPES):
            types.setdefault(share(row["x"].value), set()).add(share(row["type"].value.rsplit("#", 1)[-1]))
        names: dict[str, set[str]] = {iri: set() for iri in types}
        labels: dict[str, str] = {}
        label = RDFS_LABEL.value
        for row in store.select(_NAMES):
            iri = row["x"].value
            if iri in names:
                names[iri].add(share(normalize(row["name"].value)))
                if row["p"].value == label:
                    labels[iri] = row["name"].value
        kinds: dict[frozenset[str], frozenset[str]] = {}
        self.entities: dict[str, Entity] = {}
        for iri, held in types.items():
            sorted_names = tuple(sorted(names[iri]))
            self.entities[iri] = Entity(iri, labels.get(iri) or next(iter(sorted_names), iri),
                                        kinds.setdefault(frozenset(held), frozenset(held)), sorted_names)
        del types, names, labels
        self.by_name: dict[str, list[Entity]] = {}
        self.by_surname: dict[str, list[Entity]] = {}
        for ent in self.entities.values():
            for name in ent.names:
                self.by_name.setdefault(name, []).append(ent)
                if "Person" in ent.types and " " in name:
                    self.by_surname.setdefault(name.rsplit(" ", 1)[1], []).append(ent)
        self.reported: dict[str, int] = {share(r["x"].value): int(r["n"].value) for r in store.select(_REPORTED)}
        self.roles: list[tuple[str, str, str]] = [  # (holder, normalized title, organization)
            (share(r["h"].value), share(normalize(r["t"].value).replace("-", " ")), share(r["o"].value))
            for r in store.select(_ROLES)]  # "Vice-President" as written; a question's "vice president" finds it
        self.role_texts: list[tuple[str, str]] = [  # (holder, the role's words as the text wrote them)
            (share(r["h"].value), normalize(r["c"].value)) for r in store.select(_ROLE_TEXTS)]
        self.delegates: dict[str, set[str]] = {}  # a body -> the groups that act for it ("its negotiators")
        for r in store.select(_DELEGATES):
            self.delegates.setdefault(share(r["o"].value), set()).add(share(r["g"].value))
        self.family: dict[str, set[str]] = {}  # a country and its governments, each to all of them
        for r in store.select(PREFIX + "SELECT DISTINCT ?g ?c WHERE { ?g kg:governmentOf ?c }"):
            c, g = share(r["c"].value), share(r["g"].value)
            group = self.family.get(c, {c}) | self.family.get(g, set()) | {g}
            for member in group:
                self.family[member] = group
        # the templates may read kg:holderKey: on the embedded store (Virtuoso 7.2 loses rows of the
        # kg:occasion* path when the fact comes from the index: tests/test_virtuoso_parity.py)
        self.holder_keys = isinstance(store, EmbeddedStore) and _indexed(store, "holderKey")
        self.pair_keys = self.holder_keys and _indexed(store, "pairKey")  # kg:pairKey, read with the holder index
        self.joint_keys = self.holder_keys and _indexed(store, "jointKey")  # kg:jointKey, likewise
        self.link_keys = self.holder_keys and _indexed(store, "linkKey")  # kg:linkKey, likewise
        self.occasion_keys = self.holder_keys and _indexed(store, "occasionKey")  # kg:occasionKey, likewise
        self.topic_keys = self.holder_keys and _indexed(store, "topicKey")  # kg:topicKey, likewise
        # each document's iri, id, title, URL, publisher and date, by column (the sources of answers)
        self.documents = Documents((r["d"].value, r["id"].value, *(r[n].value if n in r else None for n in _OPTIONAL))
                                   for r in store.select(_DOCS))
        # the occasions held at another (a summit at the General Assembly): the others reach only themselves
        self.held_at = frozenset(share(r["o"].value) for r in store.select(_HELD_AT))
        self.version: tuple | None = None  # the store's version it was built from (set by names.Names)

    def of(self, store: Store) -> Index | None:
        """This index when it is of the store as it is now (a store that counts its writes: the embedded
        one), else None: what facts.load may read here (documents, occasions) is then asked of the store."""
        current = store.generation is not None and self.version == ("generation", store.generation)
        return self if current else None

    def reaches_none(self, iri: str) -> bool:
        """An occasion of the graph held at no other (no kg:occasion of its own): it reaches only itself."""
        ent = self.entities.get(iri)
        return ent is not None and "Occasion" in ent.types and iri not in self.held_at

    @cached_property
    def groups(self) -> list[Entity]:
        """The groups of the graph (people named as such: "families of ...", "Indian negotiators")."""
        return [e for e in self.entities.values() if e.kind == "Group"]

    @cached_property
    def _role_maps(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """holder -> organizations of its roles, and organization -> holders, from self.roles."""
        orgs_of: dict[str, set[str]] = {}
        holders_of: dict[str, set[str]] = {}
        for holder, _, org in self.roles:
            orgs_of.setdefault(holder, set()).add(org)
            holders_of.setdefault(org, set()).add(holder)
        return orgs_of, holders_of

    def reach(self, iri: str, broad: bool, *, down: bool = True,
              leaders: frozenset[str] = frozenset()) -> dict[str, int]:
        """The actors within reach of one (see qa/reach.py), from the roles and governments held
        here rather than by queries: a frequent actor's roles are found among thousands of its facts.
        leaders: not `down`, yet to those holding one of these titles in it (its president, prime minister)."""
        orgs_of, holders_of = self._role_maps
        near = dict.fromkeys(sorted(self.family.get(iri, {iri})), 1)
        if broad:
            orgs = {org for a in near for org in orgs_of.get(a, ())}
            found = set(orgs).union(*(self.family.get(org, ()) for org in orgs))
            if down:
                found |= {h for a in near for h in holders_of.get(a, ())}
            elif leaders:
                found |= {h for h, t, org in self.roles if org in near and t in leaders}
            for group in sorted({g for a in near for g in self.delegates.get(a, ())}):
                near.setdefault(group, 1)  # "the Congolese government negotiators" act as the government
            for other in sorted(found):
                near.setdefault(other, 2)
        return near

    @cached_property
    def named(self) -> str:
        """Every label of the index, lower-cased, a line each: whether any name holds a word, at once."""
        return "\n".join(e.label.lower() for e in self.entities.values() if e.label)

    def label(self, iri: str) -> str | None:
        """The rdfs:label of an actor or occasion."""
        ent = self.entities.get(iri)
        return ent.label if ent else None

    def labelled(self, stems: list[str]) -> list[str]:
        """The actors and occasions whose label (lower-cased) holds one of the stems."""
        if not any(s in self.named for s in stems):  # a stem in no label: found in one C search
            return []
        return [iri for iri, e in self.entities.items() if any(s in (e.label or "").lower() for s in stems)]

    # --- actors
    def actor(self, text: str, *, occasions: bool = False) -> Link | None:
        """The actor (or, with occasions=True, the occasion) the text names, or None."""
        def allowed(ent: Entity) -> bool:
            return ("Occasion" in ent.types) == occasions
        name = normalize(text)
        if not name:
            return None
        found = self._exact(name, allowed, "exact") or (None if occasions else spelled(self._initials, text))
        if found:
            return self._fullest(found, name, allowed)
        words = name.split()
        if len(words) == 1:
            found = self._person(name, allowed, "surname")
            if found:
                return found
        common = text.split()[-1][:1].islower()  # "the Iran deal": "deal" is no one's surname there
        opening = [w for w in text.split() if w.lower() != "the"][:1]
        if not occasions and len(words) > 2 and opening and opening[0][:1].islower():
            found = described_group(self.groups, words)  # "the families of other Colombians held in X"
            if found:
                return found
        if not occasions and "of" in words and opening and opening[0][:1].islower():
            found = self.described(words)  # "the foreign minister of Guatemala": a holder, not Guatemala
            if found:
                return found
        for i in range(1, len(words)):  # titles and descriptions in front: "president barack obama"
            if common and i == len(words) - 1:  # a common noun alone: a group so named ("the party leaders")
                found = self._exact(words[i], lambda e: allowed(e) and e.kind != "Person", "title")
            else:
                found = self._exact(" ".join(words[i:]), allowed, "title")
                if i == len(words) - 1 and (found is None or found.kind == "Person"):  # "Senator Sanders"
                    found = self._person(words[i], allowed, "title") or found
            if found:
                return found
        found = None if occasions else self.described(words)
        if found is None and not occasions and len(words) == 1 and text.strip().lower().startswith("the "):
            found = self.titled(words[0])
        elif found is None and not occasions and text.strip().lower().startswith("the "):
            found = self.written_title(name)
        if found:
            return found
        tail = _proper_tail(text)  # "the justice minister Raúl Cóndor": the name after a lower-case title
        if tail:
            found = self.actor(tail, occasions=occasions)
            if found:
                return found
        found = self._fuzzy(name, allowed, occasions) or self._head(name, allowed)
        if found:
            return found
        front = None if occasions else owner_in_front(text)  # "the EAC observation mission": the EAC's
        inner = self.actor(front) if front else None
        if inner:
            return Link(inner.iri, inner.label, inner.kind, "owner", inner.score * 0.8)
        possessor = re.match(r"^(.+?)'s?\s", unicodedata.normalize("NFKC", text).replace("\u2019", "'"))
        if possessor:
            inner = self.actor(possessor.group(1), occasions=occasions)
            if inner:
                return Link(inner.iri, inner.label, inner.kind, "possessor", inner.score * 0.8)
        return None

    def _fullest(self, found: Link, name: str, allowed) -> Link:
        """A bare surname that is also an actor of its own (a stub: "Rubio") or a person's short name means
        a person named in full (below)."""
        if " " in name or found.kind != "Person":
            return found
        person = self._person(name, allowed, "surname")
        return found if person is None or (person.iri == found.iri and not person.others) else person

    def _person(self, word: str, allowed, how: str) -> Link | None:
        """One word naming people by their surname or short name ("Sanders"): the one person named in full
        with it; of several, the one most documents name when it has at least twice the documents of the
        next ("most reported", the others kept for a note); else "ambiguous" (the question must say
        which). None when no person named in full has it."""
        cands = {e.iri: e for e in self.by_name.get(word, []) + self.by_surname.get(word, [])
                 if allowed(e) and e.kind == "Person" and " " in normalize(e.label)}
        if not cands:
            return None
        ranked = sorted(cands.values(), key=lambda e: (-self.reported.get(e.iri, 0), e.iri))
        top = ranked[0]
        ranked = [top] + [e for e in ranked[1:] if not _variant(e.label, top.label)]
        if len(ranked) == 1:
            return Link(top.iri, top.label, top.kind, how, 0.95)
        others = tuple(e.label for e in ranked[1:])
        ahead = self.reported.get(top.iri, 0) >= 2 * self.reported.get(ranked[1].iri, 0)
        return Link(top.iri, top.label, top.kind, "most reported" if ahead else "ambiguous", 0.9 if ahead else 0.5,
                    others)

    def described(self, words: list[str]) -> Link | None:
        """'the Russian leader', 'the US president', 'Jordanian minister': the holder of a role of that
        title in that country (or its government), as the graph's role facts give it."""
        for place, title in _place_and_title(words):
            country = self._exact(place, lambda e: e.kind in ("Country", "Government"), "exact")
            if country is None and place in self.demonyms:
                country = self._exact(normalize(self.demonyms[place]), lambda e: e.kind == "Country", "exact")
            if country is None:
                continue
            family = self.family.get(country.iri, {country.iri})
            titles = frozenset(self.leader_titles if title in ("leader", "leaders", "leadership")
                               else {title, title.rstrip("s")})
            holders = sorted({h for h, t, org in self.roles if org in family and _titled(t, titles)})
            if len(holders) == 1 and holders[0] in self.entities:
                ent = self.entities[holders[0]]
                return Link(ent.iri, ent.label, ent.kind, "description", 0.85)
        return None

    def titled(self, title: str) -> Link | None:
        """'the governor', 'the Speaker': the one holder of a role of that title in the graph ("Governor
        of Arizona", "House Speaker"); None when several hold one (which of them, the graph does not say)."""
        holders = sorted({h for h, t, _ in self.roles if t == title or t.startswith(title + " of ")
                          or t.endswith(" " + title)})
        if len(holders) != 1 or holders[0] not in self.entities:
            return None
        ent = self.entities[holders[0]]
        return Link(ent.iri, ent.label, ent.kind, "description", 0.8)

    def written_title(self, name: str) -> Link | None:
        """'the State Minister of Finance': the one holder of a role the text wrote in these words
        ("The State Minister of Finance, Dilini Wickramasuriya,"), a title of several words."""
        words = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        holders = sorted({h for h, text in self.role_texts if words.search(text)})
        if len(holders) != 1 or holders[0] not in self.entities:
            return None
        ent = self.entities[holders[0]]
        return Link(ent.iri, ent.label, ent.kind, "description", 0.8)

    def occasion(self, text: str) -> Link | None:
        """The occasion named: "the UN meeting", "UNGA", "the General Assembly"."""
        name = normalize(text)
        words = [w for w in name.split() if w not in GENERIC_EVENT_WORDS] or name.split()
        direct = self.actor(" ".join(words), occasions=True)
        if direct and direct.how != "possessor":
            return direct
        hit = self._occasion_names.partial(words)
        return Link(hit[0].iri, hit[0].label, "Occasion", "partial", hit[1]) if hit else direct

    @cached_property
    def _occasion_names(self) -> OccasionNames:
        return OccasionNames(self.entities.values(), self.by_name)

    def _exact(self, name: str, allowed, how: str) -> Link | None:
        cands = [e for e in self.by_name.get(name, []) if allowed(e)]
        if not cands:
            return None
        labels = frozenset(e.label for e in cands if normalize(e.label) == name)
        return best(cands, how, 1.0 if how == "exact" else 0.9, labels)

    def _head(self, name: str, allowed) -> Link | None:
        """'the mediators' for the one actor named '... mediators' ('Saudi and U.S. mediators'): a
        group the question names by its head noun alone, when exactly one actor's name ends with it."""
        if len(name) < 4 or " " in name or not name.endswith("s"):
            return None
        hits = {e.iri: e for n, ents in self.by_name.items() if n.endswith(" " + name)
                for e in ents if allowed(e)}
        return best(list(hits.values()), "head", 0.7) if len(hits) == 1 else None

    def _fuzzy(self, name: str, allowed, occasions: bool) -> Link | None:
        hit = self._spellings.alike(name, occasions)
        return best([e for e in self.by_name[hit[0]] if allowed(e)], "fuzzy", hit[1]) if hit else None

    @cached_property
    def _initials(self) -> dict[str, list[Entity]]:
        return by_initials(self.entities.values())

    @cached_property
    def _spellings(self) -> Spellings:
        return Spellings(self.by_name, lambda e: "Occasion" in e.types, lambda e: "Country" in e.types, self.demonyms)

    def prepare_lookups(self) -> Index:
        """Make now what the look-ups of documents' names otherwise make at the first question naming a
        source (seconds at a million facts): where the index is built apart (qa/apart.py), it is sent ready."""
        self.documents.prepare()
        return self

    def source(self, text: str) -> dict | None:
        """The document named by title, id or publisher (fuzzy)."""
        return self.documents.named(text)


@lru_cache(maxsize=1 << 14)  # a role's title against the titles asked, once each: a graph's roles share few titles
def _titled(title: str, titles: frozenset[str]) -> bool:
    """A role's title names one of `titles` as words of it, or is the end of one ("minister" of "prime minister")."""
    return any(re.search(rf"(?<!\w){re.escape(x)}(?!\w)", title) or x.endswith(" " + title) for x in titles)


def _place_and_title(words: list[str]) -> list[tuple[str, str]]:
    """Ways a description splits into a place and a title: "russian leader", "guatemala's foreign
    minister" (a possessive place), "foreign minister of guatemala" (the place after "of")."""
    splits = []
    for k in range(1, len(words)):
        place = " ".join(words[:k])
        splits.append((place[:-2] if place.endswith("'s") else place, " ".join(words[k:]).replace("-", " ")))
    if "of" in words[1:-1]:
        k = words.index("of", 1)
        place = " ".join(w for w in words[k + 1:] if w != "the")
        splits.append((place, " ".join(words[:k]).replace("-", " ")))
    return splits


def _proper_tail(text: str) -> str | None:
    """The capitalized name that ends a phrase opening with lower-case words of a title ("the justice
    minister Raúl Cóndor" -> "Raúl Cóndor"), or None."""
    words = text.split()
    k = next((n for n, w in enumerate(words) if w[:1].isupper()), None)
    if not k or len(words) - k < 2 or not all(w[:1].isupper() for w in words[k:]):
        return None
    if any(w.lower() in ("of", "for", "from", "in", "at", "with", "by", "to", "and", "or") for w in words[:k]):
        return None  # "the spokesman for Hamas ...": someone of the name, not the name
    return " ".join(words[k:])

