"""Ingest on a Dask cluster: workers parse and code, one process writes the store.

Parsing is nearly all of the cost of coding, and it parallelizes by article, so the
articles are cut into partitions that Dask workers code, each worker with its own
spaCy pipeline loaded once (:func:`worker_pipeline`).  Everything that keeps the
store's guarantees stays in the calling process, exactly as in a one-process
:func:`eventwire.ingest.ingest`: reading, skipping stored and near-duplicate
articles before any coding, and writing each coded article in its own transaction.
The store therefore never has two writers, and an article is stored once.

A worker that dies (killed, out of memory) loses only its partition's futures; the
scheduler gives the partition to another worker, so nothing is lost.  A partition
that fails on every try is recorded in the store's errors, like an article that
cannot be coded, and the ingest goes on.

``workers=N`` starts a local cluster of N one-thread worker processes;
``scheduler=ADDRESS`` joins a running cluster (SLURM through dask-jobqueue, Kubernetes
through dask-kubernetes: see ``docs/scale.md``), whose workers need eventwire and
the spaCy pipeline installed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

import dask
from distributed import Client, Future, LocalCluster, as_completed

from eventwire.config import Config
from eventwire.errors import EventwireError
from eventwire.ingest import IngestSummary, Progress, _admit, _Pending, _Run, store_all
from eventwire.lexicon.user import actor_dictionary_for, event_lexicon_for
from eventwire.model import Article, CodedArticle, ReadError
from eventwire.pipeline import Pipeline
from eventwire.read import read_inputs
from eventwire.store.base import EventStore

DEFAULT_PARTITION = 16
"""Articles per task at most: enough to keep spaCy's batches full, few enough that a
lost worker costs little and the store receives results steadily."""
PARTITION_CHARS = 10_000
"""A task also ends at this many characters (some 1,500 words, a second or two of parsing),
so that long articles do not make a few large tasks that leave workers idle at the end."""


IN_FLIGHT_PER_THREAD = 2
"""Partitions in flight per worker thread: one being coded and one queued behind it
(plus one more for the whole cluster), enough that a worker never waits for the writer
and few enough to bound memory on both sides."""


WRITE_BATCH = 32
"""Coded articles the writer gathers into one transaction.  A transaction has a fixed
cost of some milliseconds a table; at a partition of two or three long articles that
was half of the writer's CPU, which on one machine is taken from the workers."""
WRITE_WAIT = 2.0
"""Seconds after which the articles gathered so far are written with the next partition
that comes back, even if fewer than :data:`WRITE_BATCH`, so that a slow cluster still
reaches the store steadily."""


LOCAL_WORKER_CONFIG: Final[tuple[tuple[str, object], ...]] = (
    ("distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_", None),
    ("distributed.worker.profile.enabled", False),
)
"""Dask settings of a local cluster's workers that cost a coding worker a quarter or more
of its speed.  Dask starts workers with glibc's ``MALLOC_TRIM_THRESHOLD_`` set, which
also freezes glibc's mmap threshold, so spaCy's large short-lived arrays are mapped and
unmapped again in every batch; and its statistical profiler samples the coding thread's
deep stacks every 10 ms, taking the interpreter lock each time.  Neither is needed here
(no dashboard; memory stays bounded by the partitions in flight)."""


@dataclass(frozen=True)
class CodingFailure:
    """An article a worker could not code, with the reason to record."""

    reason: str


Outcome = CodedArticle | CodingFailure
_Future = Future[list[Outcome]]
PartitionCoder = Callable[[Config, tuple[Article, ...]], list[Outcome]]
"""What a worker runs on one partition: one outcome per article, in order."""


@lru_cache(maxsize=2)
def worker_pipeline(config: Config) -> Pipeline:
    """The pipeline of this worker process, loaded (with everything it would build
    lazily) on its first partition only."""
    pipeline = Pipeline.from_config(config)
    pipeline.preload()
    return pipeline


def code_partition(config: Config, articles: tuple[Article, ...]) -> list[Outcome]:
    """Code a partition in spaCy batches; if the batch fails, article by article.

    A bad pipeline configuration (a missing model, a broken dictionary) raises: it is
    no fault of the articles and must stop the ingest instead of failing each one.
    """
    pipeline = worker_pipeline(config)
    try:
        return list(pipeline.code(articles))
    except Exception:
        return [_code_alone(pipeline, article) for article in articles]


def _code_alone(pipeline: Pipeline, article: Article) -> Outcome:
    try:
        return next(iter(pipeline.code([article])))
    except Exception as exc:  # a coding bug must not stop a long ingest
        return CodingFailure(f"{type(exc).__name__}: {exc}")


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of a running cluster (``scheduler``) or of a local one of ``workers``
    single-threaded processes (with :data:`LOCAL_WORKER_CONFIG`), closed (with the local
    cluster) on exit."""
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    # Kept set while the cluster lives: a worker that dies is restarted with the
    # settings of that moment.
    with dask.config.set(dict(LOCAL_WORKER_CONFIG)):
        cluster = LocalCluster(
            n_workers=max(1, workers or 1), threads_per_worker=1, processes=True,
            dashboard_address=None,
        )  # fmt: skip
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()


def ingest_with_dask(
    inputs: Sequence[str],
    config: Config,
    store: EventStore,
    client: Client,
    *,
    partition: int = DEFAULT_PARTITION,
    progress: Progress | None = None,
    coder: PartitionCoder = code_partition,
) -> IngestSummary:
    """Ingest ``inputs`` like :func:`eventwire.ingest.ingest`, coding on ``client``'s workers.

    The result holds the same articles and events as a one-process ingest; article
    ids follow the order partitions finish in.
    """
    if config.verbs or config.actors or config.agents or config.discards:
        event_lexicon_for(config)  # a broken user dictionary stops here, not on a worker
        actor_dictionary_for(config)
    items = read_inputs(inputs, default_date=config.default_date)
    return ingest_articles_with_dask(
        items, config, store, client, partition=partition, progress=progress, coder=coder
    )


def ingest_articles_with_dask(
    items: Iterable[Article | ReadError],
    config: Config,
    store: EventStore,
    client: Client,
    *,
    partition: int = DEFAULT_PARTITION,
    progress: Progress | None = None,
    coder: PartitionCoder = code_partition,
) -> IngestSummary:
    """Ingest articles a caller has read, as :func:`ingest_with_dask` does.

    Coded articles are stored :data:`WRITE_BATCH` at a time; what is coded when the
    ingest stops on an error is stored before the error goes on up.
    """
    run = _Run(store, progress)
    unwritten = _Unwritten(run)
    try:
        _dispatch(items, config, client, partition, coder, run, unwritten)
    finally:
        unwritten.flush()
    store.link_clusters()
    return replace(run.summary, elapsed=time.monotonic() - run.started)


class _Unwritten:
    """Coded articles waiting for the writer's next transaction."""

    def __init__(self, run: _Run) -> None:
        self.run = run
        self.items: list[tuple[_Pending, CodedArticle]] = []
        self.since = 0.0

    def add(self, coded: list[tuple[_Pending, CodedArticle]]) -> None:
        if not self.items:
            self.since = time.monotonic()
        self.items.extend(coded)
        if len(self.items) >= WRITE_BATCH or time.monotonic() - self.since >= WRITE_WAIT:
            self.flush()

    def flush(self) -> None:
        items, self.items = self.items, []
        if items:
            store_all(items, self.run)


def _dispatch(
    items: Iterable[Article | ReadError], config: Config, client: Client, partition: int,
    coder: PartitionCoder, run: _Run, unwritten: _Unwritten,
) -> None:
    """Read, cut into partitions, submit them, and collect what the workers return."""
    limit = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values())) + 1
    running = as_completed()
    parts: dict[_Future, list[_Pending]] = {}
    batch: list[_Pending] = []
    chars = 0
    for item in _admit(iter(items), run):
        batch.append(item)
        chars += len(item.article.text)
        if len(batch) >= max(1, partition) or chars >= PARTITION_CHARS:
            _submit(client, coder, config, batch, parts, running)
            batch, chars = [], 0
            while len(parts) >= limit:  # keep memory bounded: store before reading on
                _collect(next(running), parts, run, unwritten)
    if batch:
        _submit(client, coder, config, batch, parts, running)
    for future in running:
        _collect(future, parts, run, unwritten)


def _submit(
    client: Client, coder: PartitionCoder, config: Config, batch: list[_Pending],
    parts: dict[_Future, list[_Pending]], running: as_completed,
) -> None:
    articles = tuple(item.article for item in batch)
    future = client.submit(coder, config, articles, pure=False)
    parts[future] = batch
    running.add(future)


def _collect(
    future: _Future, parts: dict[_Future, list[_Pending]], run: _Run, unwritten: _Unwritten
) -> None:
    """Take one finished partition for the store; a partition that failed on every try
    is recorded."""
    batch = parts.pop(future)
    try:
        outcomes: list[Outcome] = future.result()
    except EventwireError:
        raise
    except Exception as exc:  # e.g. KilledWorker: the partition killed its workers
        outcomes = [CodingFailure(f"{type(exc).__name__}: {exc}")] * len(batch)
    finally:
        future.release()
    coded: list[tuple[_Pending, CodedArticle]] = []
    for item, outcome in zip(batch, outcomes, strict=True):
        if isinstance(outcome, CodingFailure):
            name = item.article.origin or item.article.id
            run.store.record_error(name, "code", outcome.reason)
            run.count(read=1, failed=1)
        else:
            coded.append((item, outcome))
    unwritten.add(coded)
