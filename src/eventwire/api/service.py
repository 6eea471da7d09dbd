"""What the HTTP layer calls: the pipeline and the store of one server process.

The spaCy pipeline is loaded once per process (lazily, unless given) and the store is
opened once; requests run on worker threads, so each is used under its own lock:
DuckDB connections and spaCy pipelines are not meant to be shared between threads
mid-call, and serial use costs nothing on a parser-bound server.  Every method here
is one library call (read → pipeline → store); none holds coding or query logic.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from eventwire.api.filters import BadInput
from eventwire.config import Config
from eventwire.ingest import IngestSummary, ingest_articles
from eventwire.model import Article, CodedArticle, ReadError
from eventwire.output.jsonl import event_to_dict
from eventwire.pipeline import Pipeline
from eventwire.read import Dating, record_article
from eventwire.store import DuckDBStore, Row, content_hash, open_store

T = TypeVar("T")
A = TypeVar("A")


class CodingFailed(Exception):
    """The pipeline failed on an article; the store has recorded why."""


@dataclass(frozen=True)
class Stored:
    """Where an ingested article went: its id and ``new``/``duplicate``/``near_duplicate``."""

    article_id: int
    status: str
    events: int


def _status(summary: IngestSummary) -> str:
    if summary.failed:
        raise CodingFailed("the article could not be coded; the reason is in the store's errors")
    if summary.duplicate:
        return "duplicate"
    return "near_duplicate" if summary.near_duplicate else "new"


class Service:
    """The loaded pipeline and the open store, each behind its lock."""

    def __init__(self, config: Config, db_path: Path | str, pipeline: Pipeline | None) -> None:
        self.config = config
        self._pipeline = pipeline
        self._load_lock = threading.Lock()
        self._code_lock = threading.Lock()
        self._store_lock = threading.Lock()
        self._store = open_store(db_path)
        # One thread codes, in arrival order; requests waiting for it hold no worker
        # thread, so store queries are not starved while articles queue up.
        self._coder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventwire-code")

    def close(self) -> None:
        self._coder.shutdown(wait=True, cancel_futures=True)
        with self._store_lock:
            self._store.close()

    async def on_coder(self, work: Callable[[A], T], item: A) -> T:
        """Run ``work(item)`` (coding or ingesting) on the coding thread and wait for it."""
        return await asyncio.wrap_future(self._coder.submit(work, item))

    def pipeline(self) -> Pipeline:
        """The process's pipeline, loaded on first use."""
        with self._load_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline.from_config(self.config)
            return self._pipeline

    def article(self, record: dict[str, object]) -> Article:
        """An article from a request record, read as a JSONL record is.

        Raises :class:`~eventwire.api.filters.BadInput` for what the reader refuses.
        """
        record.setdefault("id", None)
        if record["id"] is None:
            record["id"] = "api-" + content_hash(str(record["text"]))[:16]
        item = record_article(record, "request", Dating(self.config.default_date))
        if isinstance(item, ReadError):  # e.g. a blank text, which a schema cannot refuse
            raise BadInput("body", item.reason)
        return item

    def code(self, article: Article) -> CodedArticle:
        pipeline = self.pipeline()
        with self._code_lock:
            return next(iter(pipeline.code([article])))

    def ingest(self, article: Article) -> Stored:
        """Store ``article`` as ``eventwire ingest`` would; raises :class:`CodingFailed`."""
        pipeline = self.pipeline()
        with self._code_lock, self._store_lock:
            summary = ingest_articles([article], pipeline, self._store)
            article_id = self._store.article_id_for_hash(content_hash(article.text))
        if article_id is None:
            raise CodingFailed("the article could not be stored")
        return Stored(article_id, _status(summary), summary.events)

    def read(self, query: Callable[[DuckDBStore], T]) -> T:
        """Run one store query under the store's lock."""
        with self._store_lock:
            return query(self._store)


def coded_body(coded: CodedArticle) -> dict[str, object]:
    """A coded article as the ``Coded`` response body (JSONL contract events)."""
    article = coded.article
    return {
        "doc_id": article.id, "title": article.title, "date": article.date,
        "sentences": [
            {"index": s.index, "paragraph": s.paragraph, "span": list(s.span), "text": s.text}
            for s in coded.sentences
        ],
        "events": [event_to_dict(e) for e in coded.events],
    }


def stored_body(view: Row, stored: Stored) -> dict[str, object]:
    """A stored article view as the ``Coded`` response body."""
    return {
        "doc_id": view["doc_id"], "title": view["title"], "date": view["pub_date"],
        "sentences": view["sentences"], "events": view["events"],
        "article_id": stored.article_id, "status": stored.status,
    }
