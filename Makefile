# The two entry points a newcomer needs: `make demo` and `make test`.
# Each bootstraps its own virtual environment in .venv from pinned versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint typecheck dictionaries train train-penta train-actors tune-ranking bench-family clean check bench bench-store bench-api load serve browser

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

test: $(STAMP) browser
	$(BIN)/ruff check src tests tools
	$(BIN)/mypy
	$(BIN)/pytest

# Headless Chromium and its driver from Debian's packages for the browser test;
# installed only when missing and only as root (elsewhere the test skips, saying why).
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium chromium-driver >/dev/null; \
	else echo "browser: chromium not installed and not root; the browser test will skip"; fi

lint: $(STAMP)
	$(BIN)/ruff check src tests tools

typecheck: $(STAMP)
	$(BIN)/mypy

# Rebuild the compiled dictionaries in src/eventwire/data from the public
# PETRARCH2/Phoenix and CAMEO/PLOVER/GDELT sources (see src/eventwire/data/NOTICE).
dictionaries: $(STAMP)
	$(BIN)/python tools/build_dictionaries.py --lexicons $(SHARED)/lexicons --out src/eventwire/data

# Retrain the event-family classifier shipped in src/eventwire/data/models/penta from
# the train part of the PentaClass gold file (and, up to STORY_LIMIT, PLOVER-labelled
# synthetic stories); prints the classifier's held-back accuracy.  Seeded: repeatable.
PENTA_GOLD ?= $(SHARED)/gold/conflibert-penta-train.jsonl
STORIES ?= $(SHARED)/train/ngec-synthetic-plover-stories.csv
STORY_LIMIT ?= 0
train-penta: $(STAMP)
	$(BIN)/python tools/train_penta.py --gold $(PENTA_GOLD) --stories $(STORIES) \
		--story-limit $(STORY_LIMIT) --out src/eventwire/data/models/penta

# The classifier's ranking weight, chosen out of fold on the train part (see docs/learned.md).
tune-ranking: $(STAMP)
	$(BIN)/python tools/tune_ranking.py --gold $(PENTA_GOLD)

# Coding time with and without the event-family classifier on the first 200 gold sentences.
bench-family: $(STAMP)
	$(BIN)/python tools/bench_family.py $(PENTA_GOLD) --records 200

# Retrain the packaged source/target span model (src/eventwire/data/models/actor_spans)
# on the training part of ACTORS_GOLD; prints the model's own held-back span F1.
ACTORS_GOLD ?= $(SHARED)/gold/conflibert-actors-train.jsonl
train-actors: $(STAMP)
	$(BIN)/python tools/train_actor_spans.py $(ACTORS_GOLD) --out src/eventwire/data/models/actor_spans

# Both learned models, each from its own gold file.
train: train-penta train-actors

# Throughput against bare spaCy, Dask with 1 and 2 workers, peak memory; on the
# shared corpora when present, else on generated text.  BENCH_WORDS sets the subset.
BENCH_WORDS ?= 120000
BENCH_RUNS ?= 5
bench: $(STAMP)
	$(BIN)/python tools/bench.py $(wildcard $(SHARED)/articles/corpora/urw-2022) \
		$(wildcard $(SHARED)/articles/corpora/guardian-world/*.jsonl) \
		--words $(BENCH_WORDS) --runs $(BENCH_RUNS)

# Times the store's dyad timeline and top-dyads queries on 10 million synthetic events.
bench-store: $(STAMP)
	$(BIN)/python tools/bench_store.py

# Serves the demo store (from `make demo`) on http://127.0.0.1:8000/.
serve: $(STAMP)
	$(BIN)/eventwire serve --db demo.duckdb

# Median latency of POST /v1/code on a 500-word article, with where the time goes.
bench-api: $(STAMP)
	$(BIN)/python tools/bench_api.py

# 1,000 requests at concurrency 50 to a server on the loopback: errors, p50, p99.
load: $(STAMP)
	$(BIN)/python tools/load_test.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
