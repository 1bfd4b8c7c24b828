"""The first cuts of very many candidate facts, before their records are loaded (facts.load): those with
a word stem of the question in their text or names, those that may name a relaxed topic, and the surest
and most reported of them.
"""
from __future__ import annotations

from collections.abc import Callable

from pyoxigraph import Literal, NamedNode

from ..store.base import Store
from ..vocab import KG_NS, PREFIXES
from .facts import batched, numbered
from .wording import tokens

_PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

# The four text properties in one range of each fact's triples, each value lower-cased once (BIND) and
# tested for every stem: cheaper than a path of alternatives (one look-up per property and fact), and
# than LCASE(STR(?o)) written once per stem (docs/ask-latency.md, session 11). A fact naming another
# (kg:respondsTo) comes back with ?p = kg:respondsTo, its referent's content tested apart (_REFERRED).
_WORDS = _PREFIX + """
SELECT DISTINCT ?fact ?p WHERE {
  ?fact ?p ?o .
  FILTER(?p IN (kg:content, kg:quantityText, kg:counts, kg:title, kg:respondsTo))
  BIND(LCASE(STR(?o)) AS ?t)
  FILTER(?p = kg:respondsTo || %s)
}"""
_REFERRED = _PREFIX + """
SELECT DISTINCT ?fact WHERE {
  ?fact kg:respondsTo/kg:content ?o .
  BIND(LCASE(STR(?o)) AS ?t)
  FILTER(%s)
}"""
_RESPONDS = KG_NS + "respondsTo"


def with_words(store: Store, iris: list[str], stems: list[str]) -> list[str]:
    """Those of the facts with one of the word stems in their content (or quantity, what is counted,
    title, or the content of the fact it responds to): a cheap first cut of very many facts before their
    records are loaded and matched word by word. Each stem is written as a literal term (escaped), never
    as raw text."""
    stems = [s for s in dict.fromkeys(stems) if s]
    if not stems:
        return list(iris)
    test = " || ".join(f"CONTAINS(?t, {Literal(s)})" for s in stems)
    found, referring = set(), set()
    for row in batched(store, _WORDS % test, list(dict.fromkeys(iris))):
        (referring if row["p"].value == _RESPONDS else found).add(row["fact"].value)
    referring -= found
    if referring:  # few: the facts that name another, where their own words did not match
        found |= {row["fact"].value for row in batched(store, _REFERRED % test, sorted(referring))}
    return [i for i in iris if i in found]


# what a relaxed topic's names are matched against when no passage is read (wording.mentions_any): the
# fact's content, the fact it responds to (kept, its content not read here), and the actors it is about,
# targets or is told to (their labels tested by the caller)
_NAMING = _PREFIX + """
SELECT DISTINCT ?fact ?p ?o WHERE {
  ?fact ?p ?o .
  FILTER(?p IN (kg:content, kg:about, kg:target, kg:recipient, kg:respondsTo))
  BIND(LCASE(STR(?o)) AS ?t)
  FILTER(?p != kg:content || %s)
}"""
_CONTENT = KG_NS + "content"


def naming(store: Store, iris: list[str], names: list[str], labels: Callable[[str], str | None]) -> list[str]:
    """Those of the facts that may name one of `names` where mentions_any looks without passages: the
    first word of a name in their content, or in the label of an actor they are about, target or are told
    to, or a fact they respond to (its content looked at when loaded). No other fact can mention one."""
    firsts = [words[0] for words in (tokens(n) for n in names) if len(" ".join(words)) >= 3]
    firsts = list(dict.fromkeys(firsts))
    if not firsts:
        return []
    test = " || ".join(f"CONTAINS(?t, {Literal(w)})" for w in firsts)
    found: set[str] = set()
    for row in batched(store, _NAMING % test, list(dict.fromkeys(iris))):
        fact, p, o = row["fact"].value, row["p"].value, row["o"]
        if fact in found:
            continue
        if p == _CONTENT or p == _RESPONDS:
            found.add(fact)
        elif isinstance(o, NamedNode):
            label = (labels(o.value) or o.value.rsplit("/", 1)[-1]).lower()
            if any(w in label for w in firsts):
                found.add(fact)
    return [i for i in iris if i in found]


# what a question's words are matched against (service/qa/wording.py): the fact's text values and its
# passages (tested here), its actors and occasions (their labels are tested by the caller); a passage
# without an anchor is returned as such (its text is in its document: not tested here); the fact's own
# values in one range of its triples (as _WORDS)
_MATCHABLE = _PREFIX + """
SELECT ?fact ?o WHERE {
  { ?fact ?p ?o
    FILTER(?p IN (%(texts)s) && (%(test)s)
           || ?p IN (kg:holder, kg:participant, kg:about, kg:target, kg:recipient, kg:place, kg:attributedTo,
                     kg:organization) && isIRI(?o) && (%(named)s)) }
  UNION { ?fact kg:occasion ?via . ?via kg:occasion* ?o FILTER(!isIRI(?o) || %(named)s) }
  %(referred)s
  UNION { ?fact kg:evidence ?p . OPTIONAL { ?p nif:anchorOf ?anchor } FILTER(!BOUND(?anchor) || %(anchor)s) }
}"""
_WORDED = "kg:content, kg:quantityText, kg:counts, kg:title"  # what with_words reads (and the referent's content)
_OTHER_TEXTS = "kg:condition, kg:attribution, kg:timeText, kg:placeText, kg:durationText, kg:verb"
_REFERRED_MATCH = "UNION { ?fact kg:respondsTo/kg:content ?o FILTER(%(test)s) }"


def could_match(store: Store, iris: list[str], stems: list[str], labels: Callable[[str], str | None],
                named: list[str] | None = None, *, unworded: bool = False) -> list[str]:
    """Those of the facts in which one of the word stems occurs: in a text value, a passage, or the name
    of an actor or occasion (`labels`, as load() names them); a fact with a passage whose text is not
    in the graph is kept. Word matching finds a stem only where it occurs, so no other fact can fit.
    named: every IRI `labels` names with a stem (when known): the engine then returns only those actors
    and occasions, or one whose IRI holds a stem (an unnamed one is matched by its IRI's end), rather
    than every actor of every fact for the test here. unworded: with_words found none of the stems in these
    facts (their content, quantity, counts, title, referent's content): those are not read again."""
    stems = [s for s in dict.fromkeys(stems) if s]
    if not stems:
        return list(iris)

    def test(var: str) -> str:
        return " || ".join(f"CONTAINS(LCASE(STR({var})), {Literal(s)})" for s in stems)

    among = f" || ?o IN ({', '.join(str(NamedNode(i)) for i in named)})" if named else ""
    query = _MATCHABLE % {"test": test("?o"), "anchor": test("?anchor"),
                          "texts": _OTHER_TEXTS if unworded else f"{_WORDED}, {_OTHER_TEXTS}",
                          "referred": "" if unworded else _REFERRED_MATCH % {"test": test("?o")},
                          "named": "true" if named is None or len(named) > MAX_NAMED else test("?o") + among}
    found: set[str] = set()
    for row in batched(store, query, list(dict.fromkeys(iris))):
        fact, term = row["fact"].value, row.get("o")
        if fact in found:
            continue
        if not isinstance(term, NamedNode):  # a text value or passage that names a stem, or a passage to read
            found.add(fact)
            continue
        name = labels(term.value) or term.value.rsplit("/", 1)[-1]  # an actor unnamed in the index: its IRI's end
        if any(s in name.lower() for s in stems):
            found.add(fact)
    return [i for i in iris if i in found]


MAX_NAMED = 200  # more IRIs named with a stem: every actor is returned and tested here


_RANK = _PREFIX + """
SELECT ?kgqaRow (MAX(?c) AS ?confidence) (COUNT(DISTINCT ?e) AS ?reports) WHERE {
  ?fact kg:evidence ?e .
  OPTIONAL { ?fact kg:confidence ?c }
} GROUP BY ?kgqaRow"""


def rank(store: Store, iris: list[str]) -> list[str]:
    """The facts, surest and most reported first: to pick the best of very many before loading them."""
    scores = {}
    for fact, row in numbered(store, _RANK, list(dict.fromkeys(iris)), chunk=1000):  # few rows: bigger chunks
        conf = float(row["confidence"].value) if "confidence" in row else 0.5
        scores[fact] = (-conf, -int(row["reports"].value), fact)
    return sorted(scores, key=scores.__getitem__)
