"""qa.answer: plans cut short by a look-up (a verb, recipient, topic or occasion no fact has), and
templates that read the holder index, give the same answer documents as the plain path that runs every
plan's plain query, on every question set of the project (the seeds, the held-out articles, heldout2 and
heldout3, ingested together by the real pipeline)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode

from service.qa.templates import BY_ID
from service.store.embedded import EmbeddedStore
from service.vocab import KG_NS
from tests.support import extractor, kgqa

pytest.importorskip("service.ingest.pipeline")

ROOT = Path(__file__).resolve().parents[1]
SUITES = {"seeds": ("data/sources", "tests/data/eval/seed-questions.json"),
          "heldout": ("tests/data/heldout", "tests/data/eval/heldout-questions.json"),
          "heldout2": ("tests/data/heldout2", "tests/data/heldout2/questions.json"),
          "heldout3": ("tests/data/heldout3", "tests/data/heldout3/questions.json")}


@pytest.fixture(scope="module")
def suites_store(tmp_path_factory):
    from service.ingest.pipeline import ingest_paths

    st = EmbeddedStore(str(tmp_path_factory.mktemp("suites") / "store"))
    report = ingest_paths([str(ROOT / articles) for articles, _ in SUITES.values()], st,
                          extractor(BASE_IRI="http://kgqa.test/"))
    assert not report.errors, report.errors
    yield st
    st.close()


def _document(store, question: str, plain: bool, **overrides) -> dict:
    try:
        return kgqa(store, **overrides).ask(question, link_root="/", plain=plain)
    except Exception as err:  # an unsupported question: the same error either way
        return {"error": type(err).__name__, "message": str(err)}


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_answer_shortcut_same_documents_as_plain(suites_store, suite):
    questions = json.loads((ROOT / SUITES[suite][1]).read_text(encoding="utf-8"))["questions"]
    differ = [q["q"] for q in questions
              if _document(suites_store, q["q"], plain=False) != _document(suites_store, q["q"], plain=True)]
    assert not differ, differ


def test_answer_shortcut_same_documents_when_capped(suites_store):
    """Two candidates at most: which two the engine finds first decides the answer, on both paths."""
    questions = [e for t in BY_ID.values() for e in t.examples]
    differ = [q for q in questions if _document(suites_store, q, False, ASK_CANDIDATES="2")
              != _document(suites_store, q, True, ASK_CANDIDATES="2")]
    assert not differ, differ


@pytest.mark.parametrize("question", [
    "How many people were killed?", "How many refugees fled according to the UN?", "How many Chechens fight for ISIS?",
    "How many soldiers has Russia sent according to estimates?", "What are the estimates of Chechen fighters?",
    "How many prisoners did the government free?", "How many civilians died according to Russian estimates?"])
def test_answer_shortcut_same_documents_for_counts(suites_store, question):
    """Figures asked for (a count's words in the fact's own words, a share of the question's words): the facts
    the sieve leaves unloaded change no answer document."""
    assert _document(suites_store, question, plain=False) == _document(suites_store, question, plain=True)


def _actors(store, n: int = 40) -> list:
    """The n actors holding the most facts (those whose rows a limit cuts)."""
    rows = store.select("PREFIX kg: <https://w3id.org/kgqa/ns#> SELECT ?a (COUNT(DISTINCT ?f) AS ?n) "
                        "WHERE { ?f kg:holder|kg:participant ?a } GROUP BY ?a")
    return [r["a"] for r in sorted(rows, key=lambda r: (-int(r["n"].value), str(r["a"])))][:n]


@pytest.mark.parametrize("template", [t.id for t in BY_ID.values() if "#held" in t.text])
def test_answer_shortcut_index_rows_as_plain(suites_store, template):
    """The holder index finds the same rows in the same order as the plain query, for every actor."""
    t, index = BY_ID[template], kgqa(suites_store).names.index()
    assert index.holder_keys
    kinds = {"agreements": ["Agreement", "Disagreement"], "positions": ["Statement", "Concern"]}.get(template)
    actors = _actors(suites_store)
    differ = []
    for actor in actors:
        for kind in [NamedNode(KG_NS + k) for k in kinds] if kinds else [None]:
            bindings = {"actor": actor, **({"kind": kind} if kind else {})}
            if template in ("agreements",):
                bindings["other"] = actors[(actors.index(actor) + 1) % len(actors)]
            for broad in (False, True):
                for limit in (None, 1):
                    plain, _ = t.run(suites_store, bindings, broad=broad, limit=limit, index=index)
                    fast, _ = t.run(suites_store, bindings, broad=broad, limit=limit, index=index, indexed=True)
                    ran = t.prepare(suites_store, bindings, broad=broad, limit=limit, index=index, indexed=True)[1]
                    ran_rows = suites_store.select(ran) if limit is None else plain  # as a reader would run it
                    if plain != fast or sorted(map(str, ran_rows)) != sorted(map(str, plain)):
                        differ.append((str(actor), kind, broad, limit))
    assert not differ, differ


@pytest.mark.parametrize("template, given, params", [
    ("actions", {"verb"}, {"verb"}),
    ("statements", {"actor", "recipient", "topic"}, {"recipient", "topic"}),
    ("agreements", {"kind", "actor", "other"}, {"kind"}),
    ("meeting_details", {"actor", "other"}, set()),
    ("meetings", {"actor", "occasion", "date"}, {"date"}),  # kg:occasion* matches the occasion itself
])
def test_answer_shortcut_checks_given_parameters_but_the_actor(template, given, params):
    assert {name for name, _ in BY_ID[template].needs(given)} == params


@pytest.mark.parametrize("verb, expected", [("propose", True), ("transmogrify", False)])
def test_answer_shortcut_can_match_tells_an_absent_verb(suites_store, verb, expected):
    assert BY_ID["actions"].can_match(suites_store, {"verb": Literal(verb)}) is expected


def _indexed_differs(t, store, index, cases: list[dict]) -> list[tuple]:
    """(bindings, broad, limit) where the indexed query's rows are not the plain query's: the same rows
    when under the bound, the plain query's first ones in its order when the bound cuts them."""
    differ = []
    for bindings in cases:
        for broad in (False, True):
            for limit in (None, 1, 2):
                plain, _ = t.run(store, bindings, broad=broad, limit=limit, index=index)
                fast, _ = t.run(store, bindings, broad=broad, limit=limit, index=index, indexed=True)
                cut = limit is not None and len(plain) >= limit
                if (plain != fast) if cut else (sorted(map(str, plain)) != sorted(map(str, fast))):
                    differ.append(({k: str(v) for k, v in bindings.items()}, broad, limit))
    return differ


@pytest.mark.parametrize("topic_keys, form", [(True, "kg:topicKey"), (False, "{ SELECT ?fact ?t")])
def test_answer_shortcut_joined_rows_as_plain(suites_store, topic_keys, form):
    """position_on with a topic reads the actor's positions on it from the topic index (kg:topicKey), or
    without it joins the topic's facts to the actor's, on the embedded store: the same rows as the plain
    query (all of them, in the engine's order, when under the bound; the plain query's first ones, in its
    order, when the bound cuts them)."""
    t, index = BY_ID["position_on"], kgqa(suites_store).names.index()
    assert index.topic_keys
    index.topic_keys = topic_keys
    actors = _actors(suites_store, 12)
    assert form in t.prepare(suites_store, {"actor": actors[0], "topic": actors[1]}, index=index, indexed=True)[0]
    cases = [{"actor": actor, "topic": other} for actor in actors for other in actors]
    assert not (differ := _indexed_differs(t, suites_store, index, cases)), differ


@pytest.mark.parametrize("template", ["meeting_details", "meetings"])
def test_answer_shortcut_pair_rows_as_plain(suites_store, template):
    """Meetings of two given actors read from the pair index (kg:pairKey): the plain query's rows (in
    its order when the bound cuts them, the same rows otherwise), for every two of the frequent actors."""
    t, index = BY_ID[template], kgqa(suites_store).names.index()
    actors = _actors(suites_store, 10)
    assert index.pair_keys
    assert "kg:pairKey" in t.prepare(suites_store, {"actor": actors[0], "other": actors[1]}, index=index,
                                     indexed=True)[0]
    cases = [{"actor": actor, "other": other} for actor in actors for other in actors]
    assert not (differ := _indexed_differs(t, suites_store, index, cases)), differ


def _joint_holders(store) -> list[tuple]:
    """(holder, other holder) of every fact held by two or more, each two once."""
    rows = store.select("PREFIX kg: <https://w3id.org/kgqa/ns#> SELECT DISTINCT ?a ?b WHERE { "
                        "?f kg:holder ?a, ?b FILTER(STR(?a) < STR(?b)) }")
    return sorted(((r["a"], r["b"]) for r in rows), key=str)


@pytest.mark.parametrize("kind", ["Agreement", "Disagreement", "Intention", "Denial"])
def test_answer_shortcut_joint_index_cuts_only_what_finds_nothing(suites_store, kind):
    """agreements: the joint index (kg:jointKey, and the holder keys of an actor in reach of both) tells that two
    actors hold no fact of the kind together, in the reach of each pass, exactly when the plain query finds no
    row; the holders of the suites' joint facts and every two frequent actors."""
    from service.qa.joint import could_join

    t, index = BY_ID["agreements"], kgqa(suites_store).names.index()
    assert index.joint_keys
    actors = _actors(suites_store, 8)
    pairs = _joint_holders(suites_store) + [(a, b) for a in actors for b in actors if a != b]
    differ, found = [], 0
    for actor, other in pairs:
        bindings = {"kind": NamedNode(KG_NS + kind), "actor": actor, "other": other}
        for broad, down in ((False, False), (True, False), (True, True)):
            plain, _ = t.run(suites_store, bindings, broad=broad, index=index, down=down)
            joined = could_join(t.query(set(bindings), macros=False), suites_store, bindings, broad, index, down)
            found += joined
            if joined != bool(plain):
                differ.append((str(actor), str(other), broad, down, len(plain)))
    assert not differ, differ
    assert found or kind == "Denial"  # the suites hold joint facts of the first three kinds


@pytest.mark.parametrize("named", [False, True])
@pytest.mark.parametrize("words", [["baghdad"], ["sanctions", "talks"], ["moscow"], ["syria"], ["kremlin", "oil"]])
def test_answer_shortcut_could_match_keeps_every_fitting_fact(suites_store, words, named):
    """Facts left out before loading (none of the words in their text, passages, actors or occasions)
    are facts whose words could never match: every fact that fits, passages included, is kept; the same
    facts when the engine returns only the actors named with a word (named), and, of those in whose content
    with_words found none, when it is not read again (unworded)."""
    from service.qa import candidates, facts
    from service.qa.wording import matches_words, stem
    from service.read import sources

    index = kgqa(suites_store).names.index()
    iris = [r["f"].value for r in suites_store.select(
        "PREFIX kg: <https://w3id.org/kgqa/ns#> SELECT DISTINCT ?f WHERE { ?f a kg:Fact }")]
    stems = [stem(w) for w in words]
    kept = set(candidates.could_match(suites_store, iris, stems, index.label))
    if named:
        assert set(candidates.could_match(suites_store, iris, stems, index.label, index.labelled(stems))) == kept
    unworded = [i for i in iris if i not in set(candidates.with_words(suites_store, iris, stems))]
    assert candidates.could_match(suites_store, unworded, stems, index.label, unworded=True) == \
        candidates.could_match(suites_store, unworded, stems, index.label)  # with_words found none: not read again
    texts: dict[str, str] = {}
    records = facts.load(suites_store, iris, index.label)

    def passages(rec) -> str:
        return " ".join(p.anchor if p.anchor is not None else texts.setdefault(
            p.source["id"], sources.text(suites_store, p.source["id"]))[p.start:p.end] for p in rec.evidence)

    fitting = {iri for iri, rec in records.items() if matches_words(rec, words, passages(rec))}
    assert fitting and fitting <= kept and len(kept) < len(iris)


def _verbs(store, n: int) -> list:
    rows = store.select("PREFIX kg: <https://w3id.org/kgqa/ns#> SELECT ?v (COUNT(?f) AS ?n) WHERE { ?f kg:verb ?v } "
                        "GROUP BY ?v")
    return [r["v"] for r in sorted(rows, key=lambda r: (-int(r["n"].value), str(r["v"])))][:n]


@pytest.mark.parametrize("template, slot, by", [("positions", "topic", "kind"), ("actions", "actor", "verb")])
def test_answer_shortcut_link_rows_as_plain(suites_store, template, slot, by):
    """Positions of a kind about an actor, and what an actor did by a verb, read from the link index
    (kg:linkKey): the plain query's rows (in its order when the bound cuts them, the same rows otherwise)."""
    t, index = BY_ID[template], kgqa(suites_store).names.index()
    assert index.link_keys
    values = ([NamedNode(KG_NS + k) for k in ("Concern", "Demand", "Accusation", "Agreement", "Position")]
              if by == "kind" else _verbs(suites_store, 8))
    actors = _actors(suites_store, 12)
    assert "kg:linkKey" in t.prepare(suites_store, {slot: actors[0], by: values[0]}, index=index, indexed=True)[0]
    cases = [{slot: actor, by: value} for actor in actors for value in values]
    assert not (differ := _indexed_differs(t, suites_store, index, cases)), differ


def _occasions(store) -> list:
    """Every occasion of the graph, and every fact some fact is at (a meeting a statement was made at)."""
    rows = store.select("PREFIX kg: <https://w3id.org/kgqa/ns#> SELECT DISTINCT ?o WHERE { "
                        "{ ?o a kg:Occasion } UNION { ?f kg:occasion ?o } }")
    return sorted((r["o"] for r in rows), key=str)


def test_answer_shortcut_occasion_rows_as_plain(suites_store):
    """Meetings at an occasion, with or without a participant, read from the occasion index
    (kg:occasionKey): the plain query's rows (in its order when the bound cuts them, the same rows otherwise)."""
    t, index = BY_ID["meetings"], kgqa(suites_store).names.index()
    assert index.occasion_keys
    occasions, actors = _occasions(suites_store), [None, *_actors(suites_store, 8)]
    ran = {a: t.prepare(suites_store, {"occasion": occasions[0], **({"actor": a} if a else {})}, index=index,
                        indexed=True)[0] for a in actors[:2]}
    assert all("kg:occasionKey" in q for q in ran.values()), ran
    cases = [{"occasion": occasion, **({"actor": actor} if actor else {})}
             for occasion in occasions for actor in actors]
    assert not (differ := _indexed_differs(t, suites_store, index, cases)), differ


_PATH_WORDS = """PREFIX kg: <https://w3id.org/kgqa/ns#>
SELECT DISTINCT ?fact WHERE { ?fact kg:content|kg:quantityText|kg:counts|kg:title|kg:respondsTo/kg:content ?o .
  FILTER(%s) }"""


@pytest.mark.parametrize("words", [["groundwater"], ["duties", "truce"], ["sanctions", "talks"], ["russia"],
                                   ["paying", "riot", "kremlin"], ["zzzq"]])
def test_answer_shortcut_with_words_as_path(suites_store, words):
    """The word cut (one range of each fact's triples, a referent's content apart) keeps the facts the
    plain path of alternatives keeps, in the order given."""
    from service.qa import candidates
    from service.qa.wording import stem

    iris = sorted(r["f"].value for r in suites_store.select(
        "PREFIX kg: <https://w3id.org/kgqa/ns#> SELECT DISTINCT ?f WHERE { ?f a kg:Fact }"))
    stems = [stem(w) for w in words]
    test = " || ".join(f"CONTAINS(LCASE(STR(?o)), {Literal(s)})" for s in stems)
    found = {r["fact"].value for r in suites_store.select(_PATH_WORDS % test)}
    assert candidates.with_words(suites_store, iris, stems) == [i for i in iris if i in found]


@pytest.mark.parametrize("question, cut", [
    ("Who accused Obama?", True), ("Who criticized Hillary Clinton?", True), ("What did Hungary reject?", True),
    ("On what did both sides agree?", True), ("What did Putin say about Iran?", True),
    ("Did Iran accept the deal?", None), ("What did the king reaffirm?", None), ("Who proposed a ceasefire?", None),
    ("How many Chechens fight for ISIS?", True), ("How many soldiers has Russia sent according to estimates?", True)])
def test_answer_shortcut_load_keeps_what_fits(suites_store, question, cut):
    """Facts left out of loading before their passages are read (widening.could_fit) are facts the
    question's filters drop: every plan keeps the same facts, with the same passages, as when all load."""
    from service.qa import facts, parse
    from service.qa.cards import Texts
    from service.qa.plans import make_plans
    from service.qa.widening import could_fit, fitting

    app = kgqa(suites_store)
    index = app.names.index()
    parsed = parse.parse(question, app.words, app.question_model())
    iris = sorted(r["f"].value for r in suites_store.select(
        "PREFIX kg: <https://w3id.org/kgqa/ns#> SELECT DISTINCT ?f WHERE { ?f a kg:Fact }"))
    left = []
    for plan in make_plans(parsed, index, app.words):
        every = fitting(facts.load(suites_store, iris, index.label, index), plan, Texts(suites_store))
        loaded = facts.load(suites_store, iris, index.label, index, keep=could_fit(plan))
        some = fitting(loaded, plan, Texts(suites_store))
        assert [(r.iri, r.evidence) for r in some] == [(r.iri, r.evidence) for r in every], plan.template
        left.append(len(iris) - len(loaded))
    assert cut is None or max(left) > 0  # a target, "both sides", negated facts, a topic's names: some unread


def test_answer_shortcut_repeated_plan_not_run(suites_store, monkeypatch):
    """A plan that asks what an earlier plan of the question found nothing for (the same template,
    bindings and filters; "who accused X" makes two) is not run again: the same documents as when it is."""
    from service.qa import answer

    questions = [e for t in BY_ID.values() for e in t.examples] + [
        "Who accused Obama?", "Who criticized Hillary Clinton?", "What did Hungary reject?", "Did Iran accept it?"]
    runs, run_plan = [], answer.run_plan
    monkeypatch.setattr(answer, "run_plan", lambda *a, **k: runs.append(1) or run_plan(*a, **k))
    skipping = [_document(suites_store, q, plain=False) for q in questions]
    skipped = len(runs)
    monkeypatch.setattr(answer, "replace", lambda plan, **_: object())  # no two plans alike: every one runs
    assert [_document(suites_store, q, plain=False) for q in questions] == skipping
    assert skipped < len(runs) - skipped


@pytest.mark.parametrize("actor", range(8))
def test_answer_shortcut_naming_keeps_every_mention(suites_store, actor):
    """Facts left out before loading for a relaxed topic (none of its names' first words in their content
    nor in the names of the actors they are about, target or are told to) are facts that never name it:
    every fact wording.mentions_any finds without passages is kept."""
    from service.qa import candidates, facts
    from service.qa.wording import mentions_any

    index = kgqa(suites_store).names.index()
    iri = _actors(suites_store, 8)[actor].value
    names = sorted(index.entities[iri].names) if iri in index.entities else [index.label(iri)]
    iris = sorted(r["f"].value for r in suites_store.select(
        "PREFIX kg: <https://w3id.org/kgqa/ns#> SELECT DISTINCT ?f WHERE { ?f a kg:Fact }"))
    kept = set(candidates.naming(suites_store, iris, names, index.label))
    naming = {i for i, rec in facts.load(suites_store, iris, index.label, index).items() if mentions_any(rec, names)}
    assert naming and naming <= kept and len(kept) < len(iris)


@pytest.mark.parametrize("question", [
    "Which news agency reported the ceasefire?", "Which newspaper reported the sanctions?",
    "Which outlets reported the talks in Geneva?", "Which outlets reported what the minister said?",
    "Which outlets reported the UN vote?", "Which outlets reported the UN?",
    "Which outlets reported the Martian invasion?"])
@pytest.mark.parametrize("chunk, most", [(None, None), (2, 3)], ids=["as-served", "small-chunks-few-answers"])
def test_answer_shortcut_publishers_word_index_as_plain(suites_store, question, chunk, most, monkeypatch):
    """The publishers template reading only the documents the word index finds (earliest first, a chunk
    at a time, until enough answers hold every word) gives the plain path's answer document, which scans
    every text."""
    from service.qa import publishers

    if chunk:
        monkeypatch.setattr(publishers, "CHUNK", chunk)
        monkeypatch.setattr(publishers, "MAX_ANSWERS", most)
    app = kgqa(suites_store)
    app.doc_words.catch_up()
    cuts, documents = [], app.doc_words.documents
    monkeypatch.setattr(app.doc_words, "documents", lambda subs: cuts.append(documents(subs)) or cuts[-1])
    fast = _document(suites_store, question, plain=False)
    assert fast == _document(suites_store, question, plain=True)
    assert (cuts[0] is None) == question.endswith("UN?")  # read from the index (a word of 2 letters alone: scanned)
