"""The analyst's queries: filtered events, dyad timelines, top actors and dyads.

User values never become SQL text: each filter field maps to one fixed SQL fragment
with ``?`` placeholders and the values go in as bound parameters, so quotes,
semicolons or ``' OR 1=1 --`` are only ever compared as strings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import duckdb

from eventwire.output.jsonl import event_to_dict
from eventwire.store.base import Bucket, EventFilter, Row
from eventwire.store.rows import event_from_row

_BUCKETS: Final[dict[str, str]] = {"day": "day", "week": "week", "month": "month"}

_Fragment = tuple[str, Callable[[Any], list[object]]]
_FRAGMENTS: Final[dict[str, _Fragment]] = {
    "start": ("e.date >= ?", lambda v: [v]),
    "end": ("e.date <= ?", lambda v: [v]),
    "actor": ("(starts_with(e.source_code, upper(?)) OR starts_with(e.target_code, upper(?)))",
              lambda v: [v, v]),
    "source": ("starts_with(e.source_code, upper(?))", lambda v: [v]),
    "target": ("starts_with(e.target_code, upper(?))", lambda v: [v]),
    "cameo": ("starts_with(e.cameo, ?)", lambda v: [v]),
    "root": ("e.cameo_root = ?", lambda v: [v]),
    "plover": ("e.plover = upper(?)", lambda v: [v]),
    "quad_class": ("e.quad_class = ?", lambda v: [v]),
    "text": ("(contains(lower(e.evidence_text), lower(?)) "
             "OR contains(lower(e.sentence_text), lower(?)))", lambda v: [v, v]),
    "min_confidence": ("e.confidence >= ?", lambda v: [v]),
}


def where(filters: EventFilter, *extra: str) -> tuple[str, list[object]]:
    """The WHERE clause of ``filters`` (plus fixed ``extra`` conditions) and its values."""
    clauses = list(extra)
    params: list[object] = []
    for name, (sql, values) in _FRAGMENTS.items():
        value = getattr(filters, name)
        if value is not None:
            clauses.append(sql)
            params.extend(values(value))
    if filters.counted_only:
        clauses.append("e.counted")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def fetch_rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> list[Row]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def contract_record(row: Row) -> Row:
    """The JSONL contract record of a stored event, plus its store keys."""
    record = event_to_dict(event_from_row(row))
    record["article_id"] = row["article_id"]
    record["cluster_id"] = row["cluster_id"]
    return record


def events(conn: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int | None) -> list[Row]:
    """Matching events as contract records, in article then salience order."""
    clause, params = where(filters)
    sql = f"SELECT e.* FROM events e{clause} ORDER BY e.article_id, e.rank"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [contract_record(row) for row in fetch_rows(conn, sql, params)]


EventKey = tuple[int, int]
"""Where an event sits in the store's order: (article id, rank)."""

_AFTER: Final = "(e.article_id > ? OR (e.article_id = ? AND e.rank > ?))"


def events_page(
    conn: duckdb.DuckDBPyConnection, filters: EventFilter, after: EventKey | None, limit: int
) -> tuple[list[Row], EventKey | None]:
    """Up to ``limit`` matching events after the key ``after``, and the key to go on from.

    Keyset paging (not OFFSET) so a page costs the same deep into a large store and a
    page already read does not shift when new articles are ingested.  The returned key
    is ``None`` on the last page.
    """
    extra = (_AFTER,) if after is not None else ()
    clause, params = where(filters, *extra)
    if after is not None:
        params = [after[0], after[0], after[1], *params]
    sql = f"SELECT e.* FROM events e{clause} ORDER BY e.article_id, e.rank LIMIT ?"
    rows = fetch_rows(conn, sql, [*params, int(limit) + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if more else None
    key = (int(str(last["article_id"])), int(str(last["rank"]))) if last else None
    return [contract_record(row) for row in rows], key


def articles(conn: duckdb.DuckDBPyConnection) -> list[Row]:
    return fetch_rows(conn, "SELECT * FROM articles ORDER BY id", [])


def errors(conn: duckdb.DuckDBPyConnection) -> list[Row]:
    return fetch_rows(conn, 'SELECT * FROM errors ORDER BY "at", input', [])


_TIMELINE: Final = """
SELECT CAST(date_trunc(?, e.date) AS DATE) AS bucket, count(*) AS events,
       count(*) FILTER (WHERE e.quad_class = 1) AS quad1,
       count(*) FILTER (WHERE e.quad_class = 2) AS quad2,
       count(*) FILTER (WHERE e.quad_class = 3) AS quad3,
       count(*) FILTER (WHERE e.quad_class = 4) AS quad4,
       sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean
FROM events e{where} GROUP BY 1 ORDER BY 1"""

_FORWARD: Final = "(starts_with(e.source_code, upper(?)) AND starts_with(e.target_code, upper(?)))"
_BACKWARD: Final = "(starts_with(e.target_code, upper(?)) AND starts_with(e.source_code, upper(?)))"


def dyad_timeline(
    conn: duckdb.DuckDBPyConnection,
    source: str,
    target: str,
    bucket: Bucket,
    both_directions: bool,
    filters: EventFilter,
) -> list[Row]:
    """Counted events of a dyad per bucket: counts by QuadClass, summed and mean Goldstein.

    ``source`` and ``target`` are code prefixes; with ``both_directions`` events from
    target to source count too.  Weeks start on Monday.
    """
    unit = _BUCKETS[bucket]
    dyad = f"({_FORWARD} OR {_BACKWARD})" if both_directions else _FORWARD
    dyad_params: list[object] = [source, target] * (2 if both_directions else 1)
    clause, params = where(filters, "e.counted", "e.date IS NOT NULL", dyad)
    return fetch_rows(conn, _TIMELINE.format(where=clause), [unit, *dyad_params, *params])


_TOP_ACTORS: Final = """
SELECT actor, count(*) AS events, sum(as_source) AS as_source,
       count(*) - sum(as_source) AS as_target
FROM (SELECT e.source_code AS actor, 1 AS as_source FROM events e{source_where}
      UNION ALL
      SELECT e.target_code AS actor, 0 AS as_source FROM events e{target_where})
GROUP BY actor ORDER BY events DESC, actor LIMIT ?"""


KNOWN_SOURCE: Final = "e.source_code IS NOT NULL AND e.source_code <> '---'"
KNOWN_TARGET: Final = "e.target_code IS NOT NULL AND e.target_code <> '---'"
"""An actor to rank: code ``---`` gathers every name no dictionary knows, so it is no
one actor (its events stay in every other query)."""


def top_actors(conn: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int) -> list[Row]:
    """The actors (full codes) in most counted events, as source or target."""
    source_where, params = where(filters, "e.counted", KNOWN_SOURCE)
    target_where, _ = where(filters, "e.counted", KNOWN_TARGET)
    sql = _TOP_ACTORS.format(source_where=source_where, target_where=target_where)
    return fetch_rows(conn, sql, [*params, *params, int(limit)])


_TOP_DYADS: Final = """
SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
       sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean
FROM events e{where} GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?"""


def top_dyads(conn: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int) -> list[Row]:
    """The directed (source, target) pairs with most counted events."""
    clause, params = where(filters, "e.counted", KNOWN_SOURCE, KNOWN_TARGET)
    return fetch_rows(conn, _TOP_DYADS.format(where=clause), [*params, int(limit)])


def as_frame(rows: list[Row]) -> Any:
    """``rows`` as a pandas DataFrame; raises ImportError when pandas is not installed."""
    # pandas is optional and heavy: imported only when a DataFrame is asked for.
    import pandas

    return pandas.DataFrame.from_records(rows)
