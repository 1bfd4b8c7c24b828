"""`make serve` mints IRIs under the address it serves, so that links work on any port."""
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("args, base", [
    ([], "http://127.0.0.1:8000/"),
    (["PORT=9000"], "http://127.0.0.1:9000/"),
    (["HOST=0.0.0.0", "PORT=9001"], "http://127.0.0.1:9001/"),
    (["HOST=localhost"], "http://localhost:8000/"),
    (["HOST=::1"], "http://[::1]:8000/"),
])
def test_make_serve_passes_a_base_iri_built_from_host_and_port(args, base):
    env = {k: v for k, v in os.environ.items() if k != "KGQA_BASE_IRI"}
    shown = subprocess.run(["make", "-n", "-s", "serve", *args], cwd=ROOT, env=env, capture_output=True,
                           text=True, check=True).stdout
    commands = [line for line in shown.splitlines() if " ingest " in line or " serve " in line]
    assert len(commands) == 2 and all(line.startswith(f"KGQA_BASE_IRI='{base}' ") for line in commands)


def test_make_serve_keeps_a_base_iri_set_in_the_environment():
    env = {**os.environ, "KGQA_BASE_IRI": "https://news.example.org/kg/"}
    shown = subprocess.run(["make", "-n", "-s", "serve", "PORT=9000"], cwd=ROOT, env=env, capture_output=True,
                           text=True, check=True).stdout
    assert "KGQA_BASE_IRI='https://news.example.org/kg/' " in shown
