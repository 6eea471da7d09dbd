"""Ingest: read inputs, skip what the store has, code the rest, keep it safely.

An ingest can be re-run on the same inputs, or after being killed, and converges to
the same store: each new article is written in its own transaction, articles whose
normalized text is stored are skipped by hash, syndicated copies of a stored story
are kept as near-duplicates (article row only, pointing at the original) instead of
being coded again, and cross-article clusters are relinked at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice

from eventwire.model import Article, CodedArticle, ReadError
from eventwire.pipeline import Pipeline
from eventwire.read import read_inputs
from eventwire.store.base import EventStore, NewArticle
from eventwire.store.similarity import NearDuplicateIndex, content_hash, signature


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest did; ``elapsed`` is wall seconds so far."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    events: int = 0
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        """Articles read per second, for progress bars."""
        return self.read / self.elapsed if self.elapsed > 0 else 0.0


Progress = Callable[[IngestSummary], None]


@dataclass(frozen=True)
class _Pending:
    article: Article
    content_hash: str
    signature: bytes


class _Run:
    """The mutable state of one ingest run, kept out of module scope."""

    def __init__(self, store: EventStore, progress: Progress | None) -> None:
        self.store = store
        self.progress = progress
        self.started = time.monotonic()
        self.summary = IngestSummary()
        self.seen: set[str] = set()
        self.index = NearDuplicateIndex(store.signatures())

    def count(self, **changes: int) -> None:
        fields = {k: getattr(self.summary, k) + v for k, v in changes.items()}
        self.summary = replace(self.summary, **fields,
                               elapsed=time.monotonic() - self.started)
        if self.progress is not None:
            self.progress(self.summary)


def ingest(
    inputs: Sequence[str],
    pipeline: Pipeline,
    store: EventStore,
    *,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest ``inputs`` (anything ``read_inputs`` takes) into ``store``.

    ``progress`` is called after every article with the running summary.  Read and
    coding failures are recorded in the store's errors and counted as ``failed``.
    """
    items = read_inputs(inputs, default_date=pipeline.config.default_date)
    return ingest_articles(items, pipeline, store, progress=progress)


def ingest_articles(
    items: Iterable[Article | ReadError],
    pipeline: Pipeline,
    store: EventStore,
    *,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest articles a caller has read itself (the feed watcher), as ``ingest`` does.

    ``items`` is consumed lazily, between store writes, so it may read or fetch as it
    goes; its ``ReadError`` items are recorded and counted as ``failed``.
    """
    run = _Run(store, progress)
    pending: list[_Pending] = []
    batch = max(1, pipeline.config.batch_size)
    for item in _admit(iter(items), run):
        pending.append(item)
        if len(pending) >= batch:
            _code_and_store(pending, pipeline, run)
            pending = []
    _code_and_store(pending, pipeline, run)
    store.link_clusters()
    return replace(run.summary, elapsed=time.monotonic() - run.started)


ADMIT_CHUNK = 16
"""Items read ahead to check their hashes against the store in one query."""


def _admit(items: Iterator[Article | ReadError], run: _Run) -> Iterator[_Pending]:
    """Articles that are new: errors recorded, exact and near duplicates handled."""
    while chunk := list(islice(items, ADMIT_CHUNK)):
        digests = [content_hash(i.text) if isinstance(i, Article) else "" for i in chunk]
        stored = run.store.known_hashes([d for d in digests if d])
        for item, digest in zip(chunk, digests, strict=True):
            if isinstance(item, ReadError):
                run.store.record_error(item.input, item.stage, item.reason)
                run.count(failed=1)
            elif digest in run.seen or digest in stored:
                run.count(read=1, duplicate=1)
            else:
                run.seen.add(digest)
                pending = _screened(item, digest, run)
                if pending is not None:
                    yield pending


def _screened(item: Article, digest: str, run: _Run) -> _Pending | None:
    """A new article to code, unless it is a near duplicate of one already taken
    (then stored as such here)."""
    sig = signature(item.text)
    original = run.index.match(sig)
    if original is not None:
        run.store.add(CodedArticle(item, (), (), ()), digest, original)
        run.count(read=1, near_duplicate=1)
        return None
    run.index.add(digest, sig)
    return _Pending(item, digest, sig)


def _code_and_store(pending: list[_Pending], pipeline: Pipeline, run: _Run) -> None:
    """Code a batch; if the batch fails, code its articles one by one to find the bad one."""
    if not pending:
        return
    try:
        coded = list(pipeline.code(p.article for p in pending))
    except Exception:
        for one in pending:
            _code_one(one, pipeline, run)
        return
    store_all(list(zip(pending, coded, strict=True)), run)


def _code_one(item: _Pending, pipeline: Pipeline, run: _Run) -> None:
    try:
        result = next(iter(pipeline.code([item.article])))
    except Exception as exc:  # a coding bug must not stop a long ingest
        name = item.article.origin or item.article.id
        run.store.record_error(name, "code", f"{type(exc).__name__}: {exc}")
        run.count(read=1, failed=1)
        return
    _store(item, result, run)


def _store(item: _Pending, result: CodedArticle, run: _Run) -> None:
    run.store.add(result, item.content_hash, None, signature=item.signature)
    run.count(read=1, new=1, events=len(result.events))


def store_all(coded: Sequence[tuple[_Pending, CodedArticle]], run: _Run) -> None:
    """Store a batch's coded articles in one transaction (all or none); if the batch
    is refused, store them one by one, so that one article the store rejects is
    recorded as an error instead of costing its batch or stopping the run."""
    try:
        run.store.add_many([NewArticle(result, item.content_hash, item.signature)
                            for item, result in coded])
    except Exception:  # the per-article retry below names the cause
        for item, result in coded:
            _store_or_record(item, result, run)
        return
    for _item, result in coded:
        run.count(read=1, new=1, events=len(result.events))


def _store_or_record(item: _Pending, result: CodedArticle, run: _Run) -> None:
    try:
        _store(item, result, run)
    except Exception as exc:  # recorded, and the run goes on
        name = item.article.origin or item.article.id
        run.store.record_error(name, "store", f"{type(exc).__name__}: {exc}")
        run.count(read=1, failed=1)
