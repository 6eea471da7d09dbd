"""The DuckDB event store: one file, one writer, one transaction per article.

DuckDB is embedded (no server to run) and columnar, so the analyst's queries (dyad
timelines, top dyads over millions of events) run fast on a laptop.  Each article is
written with all its sentences, actors and events in one transaction, which DuckDB
makes durable through its write-ahead log: a process killed at any moment leaves an
article either wholly stored or absent, and the next ingest skips exactly the stored
ones by their content hash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self

import duckdb
import numpy as np

from eventwire.model import CodedArticle
from eventwire.output.gdelt import lead_paragraph
from eventwire.store import clusters, documents, queries
from eventwire.store import exports as exporting
from eventwire.store.base import Bucket, EventFilter, NewArticle, Row, StoreStats
from eventwire.store.duckdb_schema import migrate
from eventwire.store.rows import (
    ACTOR_COLUMNS,
    EVENT_COLUMNS,
    SENTENCE_COLUMNS,
    actor_values,
    event_values,
    sentence_values,
)

DEFAULT_DB = "eventwire.duckdb"
_NO_FILTER = EventFilter()


_STAGED = "_eventwire_rows"
"""The name a batch's columns are registered under while they are inserted."""


def _column_insert(table: str, columns: Sequence[str]) -> str:
    """An INSERT of a whole batch from the columns registered as :data:`_STAGED`."""
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) SELECT {names} FROM {_STAGED}"


def _objects(values: Sequence[object]) -> np.ndarray:
    """A 1-D object array of ``values`` as they are: ``np.array`` would turn a column
    of lists (an actor's roles) into a second dimension."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _insert_rows(
    conn: duckdb.DuckDBPyConnection, sql: str, columns: Sequence[str],
    rows: list[tuple[object, ...]],
) -> None:
    """Insert ``rows`` with ``sql`` from :func:`_column_insert`.

    The rows go in as one NumPy object array per column, which DuckDB scans in C++,
    typing each column from all its values (the INSERT then casts to the table's
    types).  Binding the columns as list parameters instead converts every value
    through the Python binding one by one: seven times the writer's CPU, which on
    a Dask ingest is CPU taken from the workers coding on the same machine.
    """
    if not rows:
        return
    staged = {name: _objects(values)
              for name, values in zip(columns, zip(*rows, strict=True), strict=True)}
    conn.register(_STAGED, staged)
    try:
        conn.execute(sql)
    finally:
        conn.unregister(_STAGED)


ARTICLE_COLUMNS = (
    "doc_id", "content_hash", "title", "outlet", "url", "origin", "pub_date",
    "dateline_place", "language", "status", "duplicate_of", "ingested_at", "tone",
)
_INSERT_ARTICLES = (
    "INSERT INTO articles (id, " + ", ".join(ARTICLE_COLUMNS) + ") "
    "SELECT nextval('article_ids'), "
    + ", ".join(f"unnest(${n})" for n in range(1, len(ARTICLE_COLUMNS) + 1))
    + " RETURNING id, content_hash"
)
"""A batch's article rows, numbered by the store's sequence in the same statement; the
ids come back with each row's content hash, which is unique, to pair them up."""
_SIGNATURE_COLUMNS = ("article_id", "content_hash", "minhash")
_INSERT_SIGNATURES = _column_insert("signatures", _SIGNATURE_COLUMNS)
_INSERT_SENTENCES = _column_insert("sentences", SENTENCE_COLUMNS)
_INSERT_ACTORS = _column_insert("actors", ACTOR_COLUMNS)
_INSERT_EVENTS = _column_insert("events", EVENT_COLUMNS)


@dataclass
class _PartRows:
    """The sentence, actor and event rows of one or more articles, gathered so that a
    batch costs three INSERT statements rather than three per article."""

    sentences: list[tuple[object, ...]] = field(default_factory=list)
    actors: list[tuple[object, ...]] = field(default_factory=list)
    events: list[tuple[object, ...]] = field(default_factory=list)

    def extend(self, article_id: int, coded: CodedArticle) -> None:
        contexts = {c.sentence: c for c in coded.contexts}
        self.sentences.extend(sentence_values(article_id, s, contexts.get(s.index))
                              for s in coded.sentences)
        self.actors.extend(actor_values(article_id, a) for a in coded.actors)
        lead = lead_paragraph(coded.article)
        self.events.extend(event_values(article_id, rank, e, e.sentence.paragraph == lead)
                           for rank, e in enumerate(coded.events, start=1))

    def insert(self, conn: duckdb.DuckDBPyConnection) -> None:
        _insert_rows(conn, _INSERT_SENTENCES, SENTENCE_COLUMNS, self.sentences)
        _insert_rows(conn, _INSERT_ACTORS, ACTOR_COLUMNS, self.actors)
        _insert_rows(conn, _INSERT_EVENTS, EVENT_COLUMNS, self.events)


class DuckDBStore:
    """An :class:`~eventwire.store.base.EventStore` kept in a DuckDB file.

    ``path`` may be ``":memory:"`` for a throw-away store.  Opening applies any
    missing schema migrations.  ``threads`` caps DuckDB's worker threads (default: one
    per core); see :func:`open_store`.
    """

    def __init__(self, path: Path | str = DEFAULT_DB, *, threads: int | None = None) -> None:
        self.path = str(path)
        config: dict[str, str | bool | int | float | list[str]] = (
            {} if threads is None else {"threads": threads})
        self._conn = duckdb.connect(self.path, config=config)
        migrate(self._conn)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    def add(
        self,
        coded: CodedArticle,
        content_hash: str,
        duplicate_of: str | None,
        *,
        signature: bytes | None = None,
    ) -> int:
        """Store one article atomically; a near-duplicate keeps only its article row."""
        return self._add_batch([(coded, content_hash, duplicate_of, signature)])[0]

    def add_many(self, items: Sequence[NewArticle]) -> list[int]:
        """Store a batch of new articles in one transaction.

        A commit per article was most of the writer's time; a batch keeps the guarantee
        that matters, since a crash leaves either the whole batch or none of it, and a
        re-run codes again exactly the articles that are missing.
        """
        return self._add_batch([(i.coded, i.content_hash, None, i.signature) for i in items])

    def _add_batch(
        self, items: Sequence[tuple[CodedArticle, str, str | None, bytes | None]]
    ) -> list[int]:
        """Articles (with hash, original and signature) in one transaction."""
        if not items:
            return []
        conn = self._conn
        conn.execute("BEGIN TRANSACTION")
        try:
            ids = self._add_rows(items)
            parts = _PartRows()
            for article_id, (coded, _hash, _original, _signature) in zip(ids, items, strict=True):
                parts.extend(article_id, coded)
            parts.insert(conn)  # one statement per table for the whole batch
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return ids

    def _add_rows(
        self, items: Sequence[tuple[CodedArticle, str, str | None, bytes | None]]
    ) -> list[int]:
        """The articles' own rows and signatures, two statements for the whole batch."""
        rows = [_article_values(coded, content_hash, original)
                for coded, content_hash, original, _signature in items]
        returned = self._conn.execute(
            _INSERT_ARTICLES, [list(column) for column in zip(*rows, strict=True)]
        ).fetchall()
        by_hash = {str(content_hash): int(article_id) for article_id, content_hash in returned}
        ids = [by_hash[content_hash] for _coded, content_hash, _original, _sig in items]
        signed = zip(ids, items, strict=True)
        _insert_rows(self._conn, _INSERT_SIGNATURES, _SIGNATURE_COLUMNS, [
            (article_id, item[1], item[3]) for article_id, item in signed if item[3] is not None
        ])
        return ids

    def has_hash(self, content_hash: str) -> bool:
        row = self._conn.execute(
            "SELECT count(*) FROM articles WHERE content_hash = ?", [content_hash]
        ).fetchall()[0]
        return bool(row and row[0])

    def known_hashes(self, content_hashes: Sequence[str]) -> set[str]:
        if not content_hashes:
            return set()
        rows = self._conn.execute(
            "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?))",
            [list(content_hashes)],
        ).fetchall()
        return {str(r[0]) for r in rows}

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        cursor = self._conn.execute("SELECT content_hash, minhash FROM signatures ORDER BY 1")
        while batch := cursor.fetchmany(10_000):
            for content_hash, blob in batch:
                yield str(content_hash), bytes(blob)

    def record_error(self, input_name: str, stage: str, reason: str) -> None:
        """Record a failed input once: re-running a failing ingest adds no rows."""
        self._conn.execute(
            'INSERT INTO errors SELECT ?, ?, ?, ? WHERE NOT EXISTS '
            '(SELECT 1 FROM errors WHERE input = ? AND stage = ? AND reason = ?)',
            [input_name, stage, reason, _now(), input_name, stage, reason],
        )

    def seen_entries(self, source: str) -> set[str]:
        rows = self._conn.execute(
            "SELECT entry FROM watch_seen WHERE source = ?", [source]
        ).fetchall()
        return {str(r[0]) for r in rows}

    def mark_seen(self, source: str, entries: Sequence[str]) -> None:
        """All entries in one transaction, so a round's marks are kept together or not at all."""
        conn = self._conn
        conn.execute("BEGIN TRANSACTION")
        try:
            for entry in dict.fromkeys(entries):
                conn.execute("INSERT OR IGNORE INTO watch_seen VALUES (?, ?, ?)",
                             [source, entry, _now()])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def link_clusters(self) -> int:
        return clusters.link(self._conn)

    def stats(self) -> StoreStats:
        row = self._conn.execute(
            "SELECT (SELECT count(*) FROM articles WHERE status = 'coded'), "
            "(SELECT count(*) FROM articles WHERE status = 'duplicate'), "
            "(SELECT count(*) FROM events), (SELECT count(*) FROM clusters), "
            "(SELECT count(*) FROM errors)"
        ).fetchall()[0]
        assert row is not None
        return StoreStats(*(int(v) for v in row))

    def events(self, filters: EventFilter = _NO_FILTER, *, limit: int | None = None) -> list[Row]:
        return queries.events(self._conn, filters, limit)

    def events_page(
        self, filters: EventFilter = _NO_FILTER, *, after: queries.EventKey | None = None,
        limit: int = 50,
    ) -> tuple[list[Row], queries.EventKey | None]:
        """A page of events after the key ``after`` and the key of the next page."""
        return queries.events_page(self._conn, filters, after, limit)

    def articles(self) -> list[Row]:
        return queries.articles(self._conn)

    def article(self, article_id: int) -> Row | None:
        """One article with its rebuilt text, sentences and events (None if absent)."""
        return documents.article_view(self._conn, article_id)

    def article_id_for_hash(self, content_hash: str) -> int | None:
        return documents.article_id_for_hash(self._conn, content_hash)

    def errors(self) -> list[Row]:
        return queries.errors(self._conn)

    def dyad_timeline(
        self,
        source: str,
        target: str,
        *,
        bucket: Bucket = "week",
        both_directions: bool = True,
        filters: EventFilter = _NO_FILTER,
    ) -> list[Row]:
        return queries.dyad_timeline(self._conn, source, target, bucket, both_directions,
                                     filters)

    def top_actors(self, filters: EventFilter = _NO_FILTER, *, limit: int = 10) -> list[Row]:
        return queries.top_actors(self._conn, filters, limit)

    def top_dyads(self, filters: EventFilter = _NO_FILTER, *, limit: int = 10) -> list[Row]:
        return queries.top_dyads(self._conn, filters, limit)

    def export_jsonl(self, path: Path, filters: EventFilter = _NO_FILTER) -> int:
        return exporting.jsonl(self._conn, path, filters)

    def export_gdelt(self, path: Path, filters: EventFilter = _NO_FILTER) -> int:
        return exporting.gdelt(self._conn, path, filters)

    def export_parquet(self, folder: Path, filters: EventFilter = _NO_FILTER) -> int:
        return exporting.parquet(self._conn, folder, filters)

    def export_plover(self, path: Path, filters: EventFilter = _NO_FILTER) -> int:
        return exporting.plover(self._conn, path, filters)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _article_values(
    coded: CodedArticle, content_hash: str, duplicate_of: str | None
) -> list[object]:
    a = coded.article
    status = "duplicate" if duplicate_of is not None else "coded"
    place = a.dateline.place if a.dateline else None
    return [a.id, content_hash, a.title, a.outlet, a.url, a.origin, a.date, place,
            None, status, duplicate_of, _now(), coded.tone]


def open_store(path: Path | str = DEFAULT_DB, *, threads: int | None = None) -> DuckDBStore:
    """Open (creating if needed) the store at ``path``; use it as a context manager.

    ``threads=1`` suits a store that only takes the writes of coding workers on the same
    machine: its inserts gain nothing from more threads, and DuckDB's idle threads
    otherwise take some 15 % of the writer's CPU from the workers.  Queries (exports,
    the API) want the default, a thread per core.
    """
    return DuckDBStore(path, threads=threads)
