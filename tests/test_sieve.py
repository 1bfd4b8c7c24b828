"""qa.sieve: the facts it leaves unloaded are facts the word and target tests of qa/fit.py and qa/widening.py
would drop anyway (every fact holding one of the words, by stem or as an acronym, in its words or passages or its
referent's, is kept; every fact holding one of the words a figure counts in its own words, and the share of a
question's words `fits` asks for; every fact that may target the actor asked about is kept), on the seeds'
store and on a generated graph; and it does leave some out. The same facts on the remote stores (Oxigraph
server, Virtuoso)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from service.qa import facts, fit, linking, sieve, widening
from service.qa.cards import Texts
from service.qa.plan import Plan
from service.qa.wording import matches_words
from service.store.embedded import EmbeddedStore
from tests.benchmarks.graphgen import Generator

_FACTS = facts._PREFIX + "SELECT DISTINCT ?fact WHERE { ?fact kg:evidence ?e }"
_ACTORS = facts._PREFIX + "SELECT DISTINCT ?a WHERE { ?f kg:target|kg:about ?a FILTER(isIRI(?a)) } ORDER BY ?a LIMIT 12"


@pytest.fixture(scope="module")
def generated():
    st = EmbeddedStore(None)
    st.load("".join(line for _, lines in Generator(300, "http://kgqa.test/").documents() for line in lines).encode(),
            "application/n-quads")
    return st


def _records(store):
    """Every fact's record (with its referent), the name index's labels, and the question's texts."""
    index = linking.Index(store)
    iris = sorted(r["fact"].value for r in store.select(_FACTS))
    return facts.load(store, iris, index.label, None), index.label, Texts(store)


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
@pytest.mark.parametrize("words", [["un"], ["sanctions"], ["russian"], ["nato"], ["eu"], ["talks", "geneva"]])
def test_sieve_keeps_every_fact_holding_a_word(request, which, words):
    store = request.getfixturevalue(which)
    records, label, texts = _records(store)
    holding = {iri for iri, rec in records.items()
               if any(matches_words(rec, [w], widening._told(texts, rec), share=1.0) for w in words)}
    kept = set(sieve.may_hold(store, list(records), words, label))
    assert holding <= kept, sorted(holding - kept)


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
@pytest.mark.parametrize("names", [["barack obama", "obama"], ["russia"], ["vladimir putin", "putin"], ["kremlin"],
                                   ["united nations"], ["geneva peace talks"]])
def test_sieve_keeps_every_fact_naming_a_topic(request, which, names):
    """may_name: every fact that mentions one of the names (its content or referent's, the actors it is about,
    targets or is told to, its passages or its referent's) is kept, and some are left out."""
    from service.qa.wording import mentions_any

    store = request.getfixturevalue(which)
    records, label, texts = _records(store)
    naming = {iri for iri, rec in records.items() if mentions_any(rec, names, widening._told(texts, rec))}
    kept = set(sieve.may_name(store, list(records), names, label))
    assert naming <= kept and len(kept) < len(records), sorted(naming - kept)


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
@pytest.mark.parametrize("names", [["barack obama", "obama"], ["russia"], ["vladimir putin", "putin"], ["kremlin"],
                                   ["united nations"], ["geneva peace talks"]])
def test_sieve_may_name_same_facts_given_the_named_actors(request, which, names):
    """may_name told which actors are named with a name's first word (the engine then returns only those,
    or one whose IRI holds it): the same facts as when every actor's name is tested in Python."""
    store = request.getfixturevalue(which)
    index = linking.Index(store)
    iris = sorted(r["fact"].value for r in store.select(_FACTS))
    named = index.labelled(sieve.first_words(names))
    assert sieve.may_name(store, iris, names, index.label, named) == sieve.may_name(store, iris, names, index.label)


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
def test_sieve_leaves_out_facts_without_the_words(request, which):
    store = request.getfixturevalue(which)
    records, label, _ = _records(store)
    assert len(sieve.may_hold(store, list(records), ["sanctions"], label)) < len(records)


_PLANS = [{"counted": ["fighters"]}, {"counted": ["civilians", "rebels"], "words": ["civilians", "rebels"]},
          {"words": ["sanctions", "talks", "russia"]}, {"words": ["ceasefire", "obama"]},
          {"words": ["refugees", "gas", "transit"], "counted": ["refugees"]},
          {"words": ["chechens", "fight", "isis"], "counted": ["chechens"]},
          {"words": ["oil", "prices"], "need_words": ["russian"], "counted": ["oil"]},
          {"words": ["talks", "talk", "iran"]}]  # one stem twice counts twice, as matches_words counts it


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
@pytest.mark.parametrize("asked", _PLANS)
def test_sieve_keeps_every_fact_a_plan_fits(request, which, asked):
    """Every fact `fitting` keeps for a plan with words to hold in a share, or counted in its own words,
    is kept by may_fit (the name index's names taken to be every fact's, each fact's texts read)."""
    store = request.getfixturevalue(which)
    records, label, texts = _records(store)
    plan = Plan("estimates", {}, {}, list(asked.get("words", [])), counted=list(asked.get("counted", [])),
                need_words=list(asked.get("need_words", [])))
    fitting = {rec.iri for rec in widening.fitting(records, plan, texts)}
    kept = set(sieve.may_fit(store, list(records), plan, label, named=linking.Index(store).named))
    assert fitting <= kept, sorted(fitting - kept)


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
@pytest.mark.parametrize("asked", [{"counted": ["zzyzx"]}, {"words": ["zzyzx", "qqxv", "sanctions"]}])
def test_sieve_leaves_out_facts_a_plan_cannot_fit(request, which, asked):
    store = request.getfixturevalue(which)
    records, label, _ = _records(store)
    plan = Plan("estimates", {}, {}, list(asked.get("words", [])), counted=list(asked.get("counted", [])))
    assert len(sieve.may_fit(store, list(records), plan, label, named=linking.Index(store).named)) < len(records)


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
@pytest.mark.parametrize("by_text", [False, True])
def test_sieve_keeps_every_fact_that_may_target_the_actor(request, which, by_text):
    store = request.getfixturevalue(which)
    records, _, _ = _records(store)
    left_out = 0
    for row in store.select(_ACTORS):
        plan = SimpleNamespace(target=frozenset([row["a"].value]), topic_names=["x"] if by_text else [],
                               target_verbs=frozenset(["accuse", "criticize", "blame"]))
        targeting = {iri for iri, rec in records.items()
                     if fit._of_target(rec, plan) or fit._target_untold(rec, plan)}
        kept = set(sieve.may_target(store, list(records), plan.target, by_text, plan.target_verbs))
        assert targeting <= kept, sorted(targeting - kept)
        left_out += len(records) - len(kept)
    assert left_out


@pytest.mark.parametrize("remote", ["seeded_remote_store", "virtuoso_seeded_store"])
def test_sieve_same_facts_on_remote_stores(request, seeded_store, remote):
    other = request.getfixturevalue(remote)
    records, label, _ = _records(seeded_store)
    iris = list(records)
    targets = frozenset(row["a"].value for row in seeded_store.select(_ACTORS))
    for store in (seeded_store, other):
        found = [sieve.may_hold(store, iris, words, label) for words in (["un"], ["talks", "geneva"], ["russian"])]
        found.append(sieve.may_target(store, iris, targets, False))
        found.append(sieve.may_name(store, iris, ["vladimir putin", "kremlin"], label))
        found.append(sieve.may_name(store, iris, ["vladimir putin", "kremlin"], label,
                                    linking.Index(seeded_store).labelled(["vladimir", "kremlin"])))
        if store is seeded_store:
            expected = found
    assert found == expected and any(len(f) < len(iris) for f in found)
