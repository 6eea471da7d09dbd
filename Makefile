# The two entry points a newcomer needs: `make demo` and `make test`.
# Each bootstraps its own virtual environment in .venv from pinned versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint typecheck dictionaries clean check bench bench-store

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire code examples/ --format table
	rm -f demo.duckdb
	$(BIN)/eventwire ingest examples/ --db demo.duckdb
	$(BIN)/eventwire query events --db demo.duckdb --counted --limit 8
	$(BIN)/eventwire query timeline DEU POL --db demo.duckdb --bucket month

test: $(STAMP)
	$(BIN)/ruff check src tests tools
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests tools

typecheck: $(STAMP)
	$(BIN)/mypy

# Rebuild the compiled dictionaries in src/eventwire/data from the public
# PETRARCH2/Phoenix and CAMEO/PLOVER/GDELT sources (see src/eventwire/data/NOTICE).
dictionaries: $(STAMP)
	$(BIN)/python tools/build_dictionaries.py --lexicons $(SHARED)/lexicons --out src/eventwire/data

# Throughput against bare spaCy, Dask with 1 and 2 workers, peak memory; on the
# shared corpora when present, else on generated text.  BENCH_WORDS sets the subset.
BENCH_WORDS ?= 40000
BENCH_RUNS ?= 3
bench: $(STAMP)
	$(BIN)/python tools/bench.py $(wildcard $(SHARED)/articles/corpora/urw-2022) \
		$(wildcard $(SHARED)/articles/corpora/guardian-world/*.jsonl) \
		--words $(BENCH_WORDS) --runs $(BENCH_RUNS)

# Times the store's dyad timeline and top-dyads queries on 10 million synthetic events.
bench-store: $(STAMP)
	$(BIN)/python tools/bench_store.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
