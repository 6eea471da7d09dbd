"""Ingest on a local two-worker Dask cluster against the one-process path."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

import pytest
from distributed import Client
from spacy.language import Language

from eventwire.config import Config
from eventwire.distributed import (
    WRITE_BATCH,
    CodingFailure,
    Outcome,
    code_partition,
    dask_client,
    ingest_with_dask,
)
from eventwire.errors import EventwireError
from eventwire.ingest import ingest
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.store import EventFilter, open_store
from eventwire.store.base import NewArticle
from eventwire.store.duckdb_store import DuckDBStore

SIDES = ["Germany", "France", "Poland", "Japan", "Canada", "Brazil", "Kenya", "Chile"]
ACTS = [
    "{a} invited {b} to talks in {c}.",
    "{a} accused {b} of breaking the agreement.",
    "The government of {a} praised {b} for its aid.",
    "{a} will send troops to {b}, the ministry in {c} said.",
    "{a} expelled diplomats of {b} on Monday.",
    "{a} signed a trade agreement with {b}.",
]


def _corpus(folder: Path, articles: int = 12) -> Path:
    """Short generated stories, one per file, each with a few coded events."""
    folder.mkdir()
    pairs = itertools.cycle(itertools.permutations(SIDES, 3))
    for n in range(articles):
        lines = []
        for k in range(4):
            a, b, c = next(pairs)
            lines.append(ACTS[(n + k) % len(ACTS)].format(a=a, b=b, c=c))
        body = " ".join(lines[:2]) + "\n\n" + " ".join(lines[2:])
        (folder / f"story-{n:02d}.txt").write_text(f"Story {n}\n\n{body}\n", encoding="utf-8")
    return folder


def _events(db: Path) -> list[str]:
    """Every stored event in full, less the store's own ids (they follow write order)."""
    with open_store(db) as store:
        rows = store.events(EventFilter())
        stats = store.stats()
    assert stats.articles == 12
    own = ("article_id", "cluster_id")
    return sorted(
        json.dumps({k: v for k, v in row.items() if k not in own}, sort_keys=True, default=str)
        for row in rows
    )


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with dask_client(workers=2) as dask:
        yield dask


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> list[str]:
    root = tmp_path_factory.mktemp("one-process")
    corpus = _corpus(root / "corpus")
    with open_store(root / "one.duckdb") as store:
        summary = ingest([str(corpus)], Pipeline.from_config(Config(), nlp=nlp), store)
    assert summary.new == 12 and summary.failed == 0
    events = _events(root / "one.duckdb")
    assert len(events) >= 12
    return events


def test_two_workers_store_the_events_of_one_process(
    tmp_path: Path, client: Client, expected: list[str]
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    db = tmp_path / "dask.duckdb"
    seen: list[int] = []
    with open_store(db) as store:
        summary = ingest_with_dask([str(corpus)], Config(), store, client, partition=3,
                                   progress=lambda s: seen.append(s.read))
    assert summary.new == 12 and summary.failed == 0
    assert seen[-1] == 12
    workers = client.run(lambda: os.getpid())
    assert len(set(workers.values())) == 2
    assert _events(db) == expected
    with open_store(db) as store:  # a re-run stores nothing twice
        again = ingest_with_dask([str(corpus)], Config(), store, client, partition=3)
    assert again.new == 0 and again.duplicate == 12
    assert _events(db) == expected


def _dies_once(marker: Path, config: Config, articles: tuple[Article, ...]) -> list[Outcome]:
    """Kill this worker process on the first partition that holds story 05."""
    if any("story-05" in a.id for a in articles) and not marker.exists():
        marker.write_text(str(os.getpid()))
        os._exit(1)
    return code_partition(config, articles)


def test_a_killed_worker_loses_no_article(
    tmp_path: Path, client: Client, expected: list[str]
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    marker = tmp_path / "killed"
    db = tmp_path / "dask.duckdb"
    with open_store(db) as store:
        summary = ingest_with_dask([str(corpus)], Config(), store, client, partition=3,
                                   coder=partial(_dies_once, marker))
    assert marker.exists()  # a worker did die mid-run, and was replaced
    assert int(marker.read_text()) not in client.run(os.getpid).values()
    assert summary.new == 12 and summary.failed == 0
    assert _events(db) == expected


def _fails_story_03(config: Config, articles: tuple[Article, ...]) -> list[Outcome]:
    coded = code_partition(config, articles)
    return [CodingFailure("ValueError: no") if "story-03" in a.id else c
            for a, c in zip(articles, coded, strict=True)]


def test_an_article_that_cannot_be_coded_is_recorded(
    tmp_path: Path, client: Client
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    with open_store(tmp_path / "dask.duckdb") as store:
        summary = ingest_with_dask([str(corpus)], Config(), store, client, partition=5,
                                   coder=_fails_story_03)
        errors = store.errors()
        stats = store.stats()
    assert (summary.new, summary.failed, stats.articles) == (11, 1, 11)
    assert [(e["stage"], e["reason"]) for e in errors] == [("code", "ValueError: no")]
    assert "story-03" in str(errors[0]["input"])


def _worker_settings() -> tuple[str | None, object]:
    import dask

    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get(
        "distributed.worker.profile.enabled")


def test_local_workers_run_without_the_settings_that_slow_coding(client: Client) -> None:
    assert set(client.run(_worker_settings).values()) == {(None, False)}


class _CountingStore(DuckDBStore):
    """A store that remembers the size of each transaction of new articles."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.transactions: list[int] = []

    def add_many(self, items: Sequence[NewArticle]) -> list[int]:
        self.transactions.append(len(items))
        return super().add_many(items)


def test_partitions_are_written_in_few_transactions(tmp_path: Path, client: Client) -> None:
    corpus = _corpus(tmp_path / "corpus")
    with _CountingStore(tmp_path / "dask.duckdb") as store:
        summary = ingest_with_dask([str(corpus)], Config(), store, client, partition=1)
    assert summary.new == 12 and sum(store.transactions) == 12
    assert WRITE_BATCH > 12 and len(store.transactions) < 12


def _stops_on_story_07(config: Config, articles: tuple[Article, ...]) -> list[Outcome]:
    if any("story-07" in a.id for a in articles):
        raise EventwireError("the pipeline broke")
    return code_partition(config, articles)


def test_what_is_coded_before_a_stop_is_stored(tmp_path: Path, client: Client) -> None:
    corpus = _corpus(tmp_path / "corpus")
    with open_store(tmp_path / "dask.duckdb") as store:
        with pytest.raises(EventwireError, match="the pipeline broke"):
            ingest_with_dask([str(corpus)], Config(), store, client, partition=1,
                             coder=_stops_on_story_07)
        stored = store.stats().articles
    # Story 07 is submitted only after at least 8 - 5 partitions came back (at most
    # 2 per worker thread + 1 are in flight); all of those are stored.
    assert stored >= 3
