"""What the tests share beside their fixtures (tests/conftest.py): the project's test data folders and
base IRI, the hand-made servers on loopback (servers.py, serve.py, virtuoso.py), and application
objects built from settings that share one set of lexicons and one spaCy loader (loaded once a session)."""
from __future__ import annotations

from pathlib import Path

from service.app import Kgqa
from service.lexicon import Lexicons
from service.models import Models
from service.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = DATA / "seeds"
BASE = "http://kgqa.test/"
DEFAULT_BASE = Settings.from_mapping().base_iri  # what `kgqa` uses with no KGQA_BASE_IRI
LEXICONS = Lexicons()
MODELS = Models(Settings.from_mapping().spacy_model)


def settings(**values) -> Settings:
    """Defaults, the test base IRI, then `values` (names of the README's table: STORE, BASE_IRI...)."""
    return Settings.from_mapping({"BASE_IRI": BASE, **values})


_MADE: dict[tuple, Kgqa] = {}  # one application object per store and settings, as a server has


def kgqa(store=None, *, fresh: bool = False, **values) -> Kgqa:
    """The application object over `store` (or the settings' STORE) with these settings, sharing the
    session's lexicons and spaCy loader (a LEXICON_DIR of its own gets lexicons of its own); the same
    one for the same store and settings unless `fresh` (its name index built anew)."""
    made = settings(**values)
    key = (id(store), made)
    if fresh or store is None or key not in _MADE:
        lexicons = LEXICONS if not made.lexicon_dir else None
        _MADE[key] = Kgqa(made, store=store, lexicons=lexicons, models=MODELS)  # holds the store: ids stay unique
    return _MADE[key]


def extractor(facts_stage=None, **values):
    """The extractor of these settings, sharing the session's lexicons and spaCy loader (and with another
    facts stage when given: a test breaking a document on purpose)."""
    from service.ingest.extractor import Extractor

    made = settings(**values)
    more = {"facts_stage": facts_stage} if facts_stage else {}
    return Extractor(made, LEXICONS if not made.lexicon_dir else None, MODELS, **more)


def bare(values: dict | None = None) -> Settings:
    """Settings for a query runner or job tested on its own: no memory bound and a checkpoint after every
    write unless `values` (names of the README's table) say otherwise."""
    return Settings.from_mapping({"QUERY_MAX_MEMORY": 0, "QUERY_REFRESH": 0.0, **(values or {})})


def ingested(folder: Path, texts: dict, published: str = "2024-05-06"):
    """An embedded store in `folder` holding each text as the document `<name>.txt`, published that day,
    ingested by the real pipeline. A (title, body) pair is a report with that headline (its title too); a
    (title, body, publisher) triple one of that outlet."""
    import json

    from service.ingest.pipeline import ingest_paths
    from service.store.embedded import EmbeddedStore

    for name, text in texts.items():
        meta = {"published": published}
        if isinstance(text, tuple):
            meta["title"], text, more = text[0], f"{text[0]}\n\n{text[1]}\n", text[2:]
            meta.update({"publisher": more[0]} if more else {})
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")
    store = EmbeddedStore(str(folder / "store"))
    assert ingest_paths([str(folder)], store, extractor()).documents == len(texts)
    return store


def store_fixture(texts: dict, published: str = "2024-05-06"):
    """A module-scoped pytest fixture: an embedded store holding `texts` (as `ingested`), closed after."""
    import pytest

    @pytest.fixture(scope="module")
    def fixture(tmp_path_factory):
        store = ingested(tmp_path_factory.mktemp("store"), texts, published)
        yield store
        store.close()
    return fixture


def ask(store, question: str) -> dict:
    """The answer document of `question` over `store`, links under "/"."""
    return kgqa(store).ask(question, link_root="/")


def answer_texts(store, question: str) -> list[str]:
    """The texts of the answers to `question` over `store`, best first."""
    return [a["text"] for a in ask(store, question)["answers"]]
