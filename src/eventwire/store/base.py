"""The event store interface: what ingest, the CLI and analysts need from a backend.

Only the DuckDB backend exists, but everything outside :mod:`eventwire.store` talks to
this Protocol, so a second backend (PostgreSQL, SQLite) can be added without touching
ingest or the commands, and no SQL leaks out of the store package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal, Protocol, Self

from eventwire.model import CodedArticle

Bucket = Literal["day", "week", "month"]
"""Width of a timeline bucket; weeks start on Monday (ISO)."""

Row = dict[str, object]
"""One result record; query results are lists of these (or DataFrames, see ``as_frame``)."""


@dataclass(frozen=True)
class EventFilter:
    """Which events a query or export takes; ``None`` means no restriction.

    Every value reaches the database as a bound parameter, so any string is safe.
    ``actor`` is a code prefix matched against source or target (``RUS``, ``RUSGOV``);
    ``cameo`` is a code prefix too (``19`` takes 190-196); ``text`` is a
    case-insensitive substring of the evidence or the sentence.  ``counted_only`` keeps
    events neither negated nor hypothetical, as event-data users count them.
    ``min_confidence`` keeps events whose confidence is at least that (events stored
    before confidences were scored have none and are left out by it).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    root: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    text: str | None = None
    counted_only: bool = False
    min_confidence: float | None = None


@dataclass(frozen=True)
class StoreStats:
    """Counts of what a store holds, for summaries and tests."""

    articles: int
    duplicates: int
    events: int
    clusters: int
    errors: int


@dataclass(frozen=True)
class NewArticle:
    """A coded article ready for the store, with its content hash and near-duplicate
    signature (``None`` when the article is not indexed for near duplicates)."""

    coded: CodedArticle
    content_hash: str
    signature: bytes | None = None


class EventStore(Protocol):
    """A place coded articles are kept, queried and exported from."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    def close(self) -> None: ...

    def add(
        self,
        coded: CodedArticle,
        content_hash: str,
        duplicate_of: str | None,
        *,
        signature: bytes | None = None,
    ) -> int:
        """Store one article with its sentences, actors and events atomically."""
        ...

    def add_many(self, items: Sequence[NewArticle]) -> list[int]:
        """Store several new articles in one transaction: all of them or none."""
        ...

    def has_hash(self, content_hash: str) -> bool: ...

    def known_hashes(self, content_hashes: Sequence[str]) -> set[str]:
        """Those of ``content_hashes`` that are stored: one query for a batch of
        articles instead of one each (a query costs a few milliseconds)."""
        ...

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """The (content hash, MinHash signature) of every stored original article."""
        ...

    def record_error(self, input_name: str, stage: str, reason: str) -> None: ...

    def seen_entries(self, source: str) -> set[str]:
        """The entries of a watched source (feed entry ids, folder file keys) handled so far."""
        ...

    def mark_seen(self, source: str, entries: Sequence[str]) -> None:
        """Remember entries of a watched source as handled; marking one twice is harmless."""
        ...

    def link_clusters(self) -> int:
        """Link counted events not yet in a cluster; return how many clusters changed."""
        ...

    def stats(self) -> StoreStats: ...

    def events(self, filters: EventFilter = ..., *, limit: int | None = None) -> list[Row]: ...

    def errors(self) -> list[Row]: ...

    def dyad_timeline(
        self,
        source: str,
        target: str,
        *,
        bucket: Bucket = "week",
        both_directions: bool = True,
        filters: EventFilter = ...,
    ) -> list[Row]: ...

    def top_actors(self, filters: EventFilter = ..., *, limit: int = 10) -> list[Row]: ...

    def top_dyads(self, filters: EventFilter = ..., *, limit: int = 10) -> list[Row]: ...

    def export_jsonl(self, path: Path, filters: EventFilter = ...) -> int: ...

    def export_gdelt(self, path: Path, filters: EventFilter = ...) -> int: ...

    def export_parquet(self, folder: Path, filters: EventFilter = ...) -> int: ...

    def export_plover(self, path: Path, filters: EventFilter = ...) -> int: ...
