"""The sieve: of the facts chosen for a question with words its answers must hold, those that may hold
them, found by the engine before their records are loaded. `fits` keeps a fact only when one of the words
every answer holds (plan.need_words) is in its words (wording.fact_text) or its passages and its
referent's (widening._told), by stem or as an acronym; one of the words a figure counts (plan.counted) in
its own words; and, asked for a share of the question's words (plan.words), that many of them in its words
or passages: a fact where they cannot be is left out unloaded.

What the sieve reads is what those tests read, and a little more: the fact's text values, the anchors
of its passages (a passage with no anchor keeps its fact: its text is in its document), the names of
its actors, of its occasions and of the places they were held (the name index's labels, tested here),
and all of these of the fact it responds to. Never on the plain path (answer.ask's plain), which
loads every chosen fact: tests/test_answer_shortcut.py compares the two.
"""
from __future__ import annotations

import math
from collections.abc import Callable

from pyoxigraph import Literal, NamedNode

from ..store.base import Store
from ..vocab import KG_NS, PREFIXES
from . import fit
from .facts import batched
from .wording import ACTOR_PROPS, TEXT_PROPS, stem, tokens

_PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
# one range of each fact's triples (its text values and the IRIs it names), its passages' anchors and
# its occasions with where they were held; each text comes back as a string of flags (which stems it
# holds, which capitals of acronyms), so that many texts make a few distinct rows, and each IRI as is
_QUERY = _PREFIX + """
SELECT DISTINCT ?fact ?flags ?p ?name ?place WHERE {
  { { ?fact ?p0 ?o FILTER(?p0 IN (%(props)s)) BIND(IF(isIRI(?o), ?p0, "") AS ?p) }
    UNION { ?fact kg:evidence ?e OPTIONAL { ?e nif:anchorOf ?a }
            BIND(COALESCE(?a, "") AS ?o) BIND(!BOUND(?a) AS ?open) }
    BIND(IF(isIRI(?o), ?o, "") AS ?name)
    BIND(IF(isIRI(?o), "", CONCAT(IF(COALESCE(?open, false), "* ", ""), %(flags)s)) AS ?flags)
    FILTER(isIRI(?name) && (%(names)s) || ?flags != "") }
  %(occasions)s
}"""
_OCCASIONS = "UNION { ?fact kg:occasion ?via . ?via kg:occasion* ?name OPTIONAL { ?name kg:place ?place } }"
_RESPONDS = KG_NS + "respondsTo"
_RESPONDS_TERM = str(NamedNode(_RESPONDS))
MAX_NAMED = 200  # more IRIs named with a word: every actor is returned and its name tested here
_PASSAGE, _OPEN, _REFERS = "@", "*", "^"  # first cut's flags: a passage's, one without anchor, a fact naming another


def _acronym(word: str) -> str:
    """The capitals an acronym of `word` is spelled by (wording.acronym_of: two to six ASCII letters), or ''."""
    word = word.lower()
    return word.upper() if 2 <= len(word) <= 6 and word.isalpha() and word.isascii() else ""


def first_words(names: list[str]) -> list[str]:
    """The first word of each name wording.mentions_any can find (three characters or more): a fact naming
    none of them names none of the names."""
    return list(dict.fromkeys(tokens(n)[0] for n in names if len(" ".join(tokens(n))) >= 3))


def may_name(store: Store, iris: list[str], names: list[str], labels: Callable[[str], str | None],
             named: list[str] | None = None) -> list[str]:
    """Those of the facts that may name one of `names` where wording.mentions_any and fit._named_outside look
    (`labels`: the names facts.load gives actors): the first word of a name in their content, the names of
    the actors they are about, target or are told to, their passages' anchors (a passage with none keeps
    its fact), or any of these of the fact they respond to. Each word is written as a literal term.
    named: every IRI `labels` may name with one of those first words (when known): the engine then returns
    only those actors, or one whose IRI holds a word (an unnamed one is named by its IRI's end), rather
    than every actor of every fact for the test here (as candidates.could_match)."""
    words = first_words(names)
    if not words or not iris:
        return list(iris)
    tests = [f'IF(CONTAINS(LCASE(STR(?o)), {Literal(w)}), "s{n} ", "")' for n, w in enumerate(words)]
    among = "true"
    if named is not None and len(named) <= MAX_NAMED:  # (and the fact it responds to, read as its own)
        among = " || ".join([f"?p = {_RESPONDS_TERM}", *(f"CONTAINS(LCASE(STR(?name)), {Literal(w)})" for w in words)]
                            + ([f"?name IN ({', '.join(str(NamedNode(i)) for i in named)})"] if named else []))
    query = _QUERY % {"props": "kg:content, kg:about, kg:target, kg:recipient, kg:respondsTo",
                      "flags": ", ".join(tests), "occasions": "", "names": among}
    marks = _marks(store, query, list(dict.fromkeys(iris)), words, [], labels)
    found = {f"s{n}" for n in range(len(words))}
    return [i for i in iris if (m := marks.get(i, set())) and ("*" in m or not found.isdisjoint(m))]


def may_hold(store: Store, iris: list[str], words: list[str], labels: Callable[[str], str | None]) -> list[str]:
    """Those of the facts in which one of `words` may occur as `fits` looks for them (`labels`: the names
    facts.load gives actors and occasions). Each stem and capital is written as a literal term."""
    stems = list(dict.fromkeys(stem(w) for w in words if stem(w)))
    capitals = list(dict.fromkeys(c for w in words for c in _acronym(w)))
    if not stems or not iris:
        return list(iris)
    tests = [f'IF(CONTAINS(LCASE(STR(?o)), {Literal(s)}), "s{n} ", "")' for n, s in enumerate(stems)]
    tests += [f'IF(CONTAINS(STR(?o), {Literal(c)}), "{c} ", "")' for c in capitals]
    query = _QUERY % {"props": ", ".join(f"kg:{p}" for p in TEXT_PROPS + ACTOR_PROPS + ("respondsTo",)),
                      "flags": ", ".join(tests), "occasions": _OCCASIONS, "names": "true"}
    marks = _marks(store, query, list(dict.fromkeys(iris)), stems, capitals, labels)
    wanted = [(f"s{n}",) for n in range(len(stems))] + [tuple(_acronym(w)) for w in words if _acronym(w)]
    return [i for i in iris if (m := marks.get(i, set())) and ("*" in m or any(set(w) <= m for w in wanted))]


def asks(plan) -> bool:
    """Whether the plan has words its answers must hold that the sieve can look for."""
    return bool((plan.need_words and not plan.unsourced) or plan.counted or _least(plan))


def may_fit(store: Store, iris: list[str], plan, labels: Callable[[str], str | None], *, named: str = "",
            worded: bool = False) -> list[str]:
    """Those of the facts that may pass the word tests of `fits` for `plan`: one of its need_words anywhere
    (unless unsourced: a report's headline may hold them), one of its counted words in the fact's own words,
    and as many of its words as `fits` asks for in the fact's words or passages (_least). named: every name
    `labels` gives, lower-cased, a line each (the name index's, and the question's aliases). worded: each
    fact holds one of plan.words in its content (candidates.with_words), which then tells the tests it passes."""
    least = _least(plan)
    counted = plan.counted
    if worded:
        least = 0 if least <= 1 else least
        counted = [] if {stem(w) for w in plan.words} <= {stem(w) for w in counted} else counted
    need = [] if plan.unsourced else plan.need_words
    if counted or least:  # first the texts alone, a name holding one of the words counting for every fact
        iris = _first_cut(store, iris, counted, plan.words if least else [], least, named)
    return may_hold(store, iris, need, labels) if need else list(iris)


# the first cut: each fact's text values and the strings of the IRIs it names (not read as names: a name
# holding a word is taken to be every fact's), with its passages' anchors when `passages`; each as flags
_TEXTS = _PREFIX + """
SELECT DISTINCT ?fact ?flags WHERE {
  { ?fact ?p ?o FILTER(?p IN (%(props)s)) BIND(?p = kg:respondsTo AS ?refers) }
  %(passages)s
  BIND(LCASE(STR(?o)) AS ?t)
  BIND(CONCAT(IF(BOUND(?e), "@ ", ""), IF(COALESCE(?open, false), "* ", ""), IF(COALESCE(?refers, false), "^ ", ""),
              %(flags)s) AS ?flags)
  FILTER(?flags != "" && ?flags != "@ ")
}"""
_ANCHORS = """UNION { ?fact kg:evidence ?e OPTIONAL { ?e nif:anchorOf ?a } BIND(COALESCE(?a, "") AS ?o)
                              BIND(!BOUND(?a) AS ?open) }"""


def _first_cut(store: Store, iris: list[str], counted, words, least: int, named: str) -> list[str]:
    """Those of the facts with one of `counted` in their own words and `least` of `words` in their words or
    passages, as far as their texts tell: a stem some name holds (`named`) is taken to be in every fact, a
    fact naming another (kg:respondsTo) or with a passage without anchor is kept."""
    stems = list(dict.fromkeys(stem(w) for w in [*counted, *words] if stem(w)))
    if not stems or not iris:
        return list(iris)
    flag = {s: f"s{n}" for n, s in enumerate(stems)}
    anywhere = {flag[s] for s in stems if s in named}
    counts = {flag[stem(w)] for w in counted} if all(stem(w) for w in counted) else set()
    asked = [flag.get(stem(w), "") for w in words]  # one a word, as matches_words counts them ("" found anywhere)

    def enough(found: set[str]) -> bool:
        return sum(1 for f in asked if not f or f in found) >= least
    if (not counts or not counts.isdisjoint(anywhere)) and (not least or enough(anywhere)):
        return list(iris)  # nothing to tell by texts alone
    query = _TEXTS % {"props": ", ".join(f"kg:{p}" for p in TEXT_PROPS + ACTOR_PROPS + ("respondsTo",)),
                      "passages": _ANCHORS if least else "",
                      "flags": ", ".join(f'IF(CONTAINS(?t, {Literal(s)}), "{flag[s]} ", "")' for s in stems)}
    own: dict[str, set[str]] = {}
    told: dict[str, set[str]] = {}
    for row in batched(store, query, list(dict.fromkeys(iris))):
        flags = row["flags"].value.split()
        (told if flags[0] == _PASSAGE else own).setdefault(row["fact"].value, set()).update(flags)

    def may(iri: str) -> bool:
        mine, passages = own.get(iri, set()) | anywhere, told.get(iri, set())
        if _REFERS in mine or _OPEN in passages:
            return True
        return (not counts or not counts.isdisjoint(mine)) and (not least or enough(mine | passages))
    return [i for i in iris if may(i)]


def _least(plan) -> int:
    """How many of plan.words a fact must hold in its words or passages, when nothing else lets it fit: not
    for a verdict (an object it covers, an owner's words), a strict match or one with need_words (a report's
    headline may complete them); 0 when it cannot be told."""
    if not plan.words or plan.yesno or plan.strict or plan.need_words:
        return 0
    return max(1, math.ceil(len(plan.words) * fit._share(plan) - 1e-9))


def _marks(store: Store, query: str, iris: list[str], stems: list[str], capitals: list[str],
           labels: Callable[[str], str | None]) -> dict[str, set[str]]:
    """Each fact's flags: the stems and capitals found in its texts and names, '*' for a passage with no
    anchor; a fact it responds to counts as its own (every text of it, more than `fits` reads: none missed)."""
    out: dict[str, set[str]] = {}
    referents: dict[str, set[str]] = {}
    for row in batched(store, query, iris):
        fact = row["fact"].value
        marks = out.setdefault(fact, set())
        if "flags" in row and row["flags"].value:
            marks.update(row["flags"].value.split())
        if "p" in row and row["p"].value == _RESPONDS:  # (its name: the fact it responds to)
            referents.setdefault(row["name"].value, set()).add(fact)
            continue
        for name in (row.get("name"), row.get("place")):
            if isinstance(name, NamedNode):
                said = (labels(name.value) or name.value.rsplit("/", 1)[-1])
                marks.update(f"s{n}" for n, s in enumerate(stems) if s in said.lower())
                marks.update(c for c in capitals if c in said)
    if referents:  # few: the facts that name another
        for ref, marks in _marks(store, query, sorted(referents), stems, capitals, labels).items():
            for fact in referents[ref]:
                out[fact] |= marks
    return out


_TARGETS = _PREFIX + """
SELECT DISTINCT ?fact ?p ?o WHERE { { ?fact kg:target ?o BIND(1 AS ?p) } UNION { ?fact kg:about ?o BIND(2 AS ?p) }
  UNION { ?fact kg:verb ?o BIND(3 AS ?p) } FILTER(isIRI(?o) || ?p = 3) }"""


def may_target(store: Store, iris: list[str], targets: frozenset[str], by_text: bool,
               verbs: frozenset[str] = frozenset()) -> list[str]:
    """Those of the facts that may target one of `targets` as widening reads a record: one as their target;
    with no target, one they are about unless every verb it is told with is one of `verbs` (a verb naming a
    target, none recorded: "accused Y over X" is about X, not an accusation of X); or (by_text: the question
    names it) one about none, or told with one of `verbs` (its passage may name it). Three look-ups a fact,
    instead of its whole record."""
    if not iris:
        return []
    named: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for row in batched(store, _TARGETS, list(dict.fromkeys(iris))):
        named.setdefault(row["fact"].value, (set(), set(), set()))[int(row["p"].value) - 1].add(row["o"].value)

    def may(iri: str) -> bool:
        target, about, told = named.get(iri, (set(), set(), set()))
        if target:
            return not targets.isdisjoint(target)
        if told and told <= verbs:  # whatever its first verb is, one naming a target: only by the text
            return by_text
        return not targets.isdisjoint(about) or (by_text and (not about or not told.isdisjoint(verbs)))
    return [i for i in iris if may(i)]
