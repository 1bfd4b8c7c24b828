"""What the server holds in memory: spaCy only once a question needs it, query workers with nothing of
the question answerer, and few malloc arenas (in the server and, inherited, in its workers)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from service.memory import worker_arenas
from service.sparql import query as core
from service.sparql import runners
from tests.support import bare

START = """
import sys
from service.qa.answer import warm
from service.web import create_app, kgqa_of
app = create_app({"STORE": sys.argv[1]})
warm(kgqa_of(app)).join()
print(sorted(m for m in ("spacy", "thinc", "torch", "numpy", "rdflib") if m in sys.modules))
"""


def test_memory_server_start_loads_no_spacy_numpy_or_rdflib(tmp_path):
    done = subprocess.run([sys.executable, "-c", START, str(tmp_path / "store")], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "[]"


def test_memory_workers_hold_nothing_of_the_question_answerer(store):
    runner = runners.open_runner(store, bare({"QUERY_TIMEOUT": 10, "QUERY_WORKERS": 1}))
    try:
        runner.run(core.prepare("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv", bare({})))
        (worker,) = runner.idle
        modules = Path(f"/proc/{worker.process.pid}/maps").read_text()
    finally:
        runner.close()
    assert "pyoxigraph" in modules
    assert not any(name in modules for name in ("spacy", "thinc", "rapidfuzz", "numpy"))


ARENAS = """
import os
from service.memory import limit_arenas
print(limit_arenas(), os.environ.get("MALLOC_ARENA_MAX"))
"""


@pytest.mark.parametrize("operator, expected", [(None, "True 2"), ("4", "True 4")], ids=["default", "operator's"])
def test_memory_arenas_capped_and_inherited(operator, expected):
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    if operator:
        env["MALLOC_ARENA_MAX"] = operator
    done = subprocess.run([sys.executable, "-c", ARENAS], capture_output=True, text=True, timeout=60, env=env)
    assert done.stdout.strip() == expected, done.stderr[-300:]


@pytest.mark.parametrize("have, threads, expected", [(None, 2, "6"), ("2", 2, "6"), ("8", 2, "8"), (None, 4, "8")])
def test_memory_worker_arenas_one_per_query_thread(have, threads, expected):
    env = {"MALLOC_ARENA_MAX": have} if have else {}
    assert worker_arenas(env, threads)["MALLOC_ARENA_MAX"] == expected
