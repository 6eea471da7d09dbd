"""Keeping coded events: the store interface and its embedded DuckDB backend.

:class:`EventStore` is what callers program against; :func:`open_store` opens the
default DuckDB backend.  All SQL of eventwire lives in this package.
"""

from eventwire.store.base import Bucket, EventFilter, EventStore, NewArticle, Row, StoreStats
from eventwire.store.duckdb_store import DEFAULT_DB, DuckDBStore, open_store
from eventwire.store.queries import as_frame
from eventwire.store.similarity import NearDuplicateIndex, content_hash, signature

__all__ = [
    "DEFAULT_DB",
    "Bucket",
    "DuckDBStore",
    "EventFilter",
    "EventStore",
    "NearDuplicateIndex",
    "NewArticle",
    "Row",
    "StoreStats",
    "as_frame",
    "content_hash",
    "open_store",
    "signature",
]
