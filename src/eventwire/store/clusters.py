"""Cross-article event clusters: one real-world event reported by several articles.

GDELT counts how often an event is reported (NumMentions, NumArticles, NumSources)
because a much-reported event matters more than a single mention.  Counted events
are linked when they share the dyad at country+first-role level, the CAMEO code and a
date within one day of the cluster's first date (anchored, so daily fighting is not
chained into one endless cluster).  Undated events stay alone.  Syndicated copies
(near-duplicates, stored without events) count as further articles and mentions of
their original's events.

Only groups touched since the last linking are recomputed, each time in one
transaction, so linking after a killed ingest simply catches up.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

import duckdb

SOURCE_KEY: Final = "coalesce(e.source_country, '') || coalesce(e.source_roles[1], '')"
TARGET_KEY: Final = "coalesce(e.target_country, '') || coalesce(e.target_roles[1], '')"

_TOUCHED: Final = f"""
CREATE OR REPLACE TEMP TABLE touched AS
SELECT DISTINCT {SOURCE_KEY} AS skey, {TARGET_KEY} AS tkey, e.cameo FROM events e
WHERE e.counted AND e.article_id IN (
    SELECT id FROM articles WHERE id > $mark
    UNION SELECT o.id FROM articles a JOIN articles o ON o.content_hash = a.duplicate_of
    WHERE a.id > $mark)"""

_CANDIDATES: Final = f"""
CREATE OR REPLACE TEMP TABLE candidates AS
SELECT e.article_id, e.rank, e.date, k.skey, k.tkey, e.cameo, e.cluster_id
FROM events e JOIN touched k
  ON {SOURCE_KEY} = k.skey AND {TARGET_KEY} = k.tkey AND e.cameo = k.cameo
WHERE e.counted"""

_REPORTS: Final = """
SELECT o.id, a.id, a.outlet, a.url, a.origin, a.pub_date FROM articles o
JOIN articles a ON a.id = o.id OR a.duplicate_of = o.content_hash
WHERE o.id IN (SELECT DISTINCT article_id FROM candidates)"""

_ASSIGN: Final = """
UPDATE events SET cluster_id = m.cluster_id
FROM (SELECT unnest($a) AS article_id, unnest($r) AS rank, unnest($c) AS cluster_id) m
WHERE events.article_id = m.article_id AND events.rank = m.rank"""


@dataclass(frozen=True)
class Report:
    """One article reporting an event: the original or a syndicated copy of it."""

    article: int
    source: str
    url: str | None
    date: dt.date | None


@dataclass
class _Cluster:
    key: tuple[str, str, str]
    date: dt.date | None
    members: list[tuple[int, int]] = field(default_factory=list)


def link(conn: duckdb.DuckDBPyConnection) -> int:
    """Relink the groups touched since the last call; return the clusters written."""
    conn.execute("BEGIN TRANSACTION")
    try:
        written = _relink(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return written


def _relink(conn: duckdb.DuckDBPyConnection) -> int:
    mark_row = conn.execute("SELECT value FROM meta WHERE key = 'linked_through'").fetchall()[0]
    top_row = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchall()[0]
    assert mark_row is not None and top_row is not None
    conn.execute(_TOUCHED, {"mark": int(mark_row[0])})
    conn.execute(_CANDIDATES)
    rows = conn.execute(
        "SELECT article_id, rank, date, skey, tkey, cameo FROM candidates "
        "ORDER BY skey, tkey, cameo, date NULLS LAST, article_id, rank"
    ).fetchall()
    groups = _group(rows)
    reports = _reports(conn)
    conn.execute("DELETE FROM clusters WHERE cluster_id IN "
                 "(SELECT cluster_id FROM candidates WHERE cluster_id IS NOT NULL)")
    next_row = conn.execute("SELECT coalesce(max(cluster_id), 0) FROM clusters").fetchall()[0]
    assert next_row is not None
    _write(conn, groups, reports, int(next_row[0]) + 1)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'linked_through'", [int(top_row[0])])
    return len(groups)


def _group(rows: list[tuple[Any, ...]]) -> list[_Cluster]:
    """Greedy anchored grouping of rows sorted by key and date."""
    out: list[_Cluster] = []
    for article_id, rank, day, skey, tkey, cameo in rows:
        key = (str(skey), str(tkey), str(cameo))
        date = day if isinstance(day, dt.date) else None
        last = out[-1] if out else None
        if (last is None or last.key != key or date is None or last.date is None
                or (date - last.date).days > 1):
            last = _Cluster(key, date)
            out.append(last)
        last.members.append((int(article_id), int(rank)))
    return out


def _source_name(outlet: object, url: object, origin: object, article: int) -> str:
    if isinstance(outlet, str) and outlet.strip():
        return outlet.strip().casefold()
    if isinstance(url, str) and urlsplit(url).netloc:
        return urlsplit(url).netloc.casefold().removeprefix("www.")
    return f"article:{article}" if not isinstance(origin, str) else f"origin:{origin}"


def _reports(conn: duckdb.DuckDBPyConnection) -> dict[int, list[Report]]:
    reports: dict[int, list[Report]] = defaultdict(list)
    for original, article, outlet, url, origin, day in conn.execute(_REPORTS).fetchall():
        name = _source_name(outlet, url, origin, int(article))
        reports[int(original)].append(Report(
            int(article), name, url if isinstance(url, str) and url else None,
            day if isinstance(day, dt.date) else None))
    return reports


def _counts(cluster: _Cluster, reports: dict[int, list[Report]]) -> tuple[object, ...]:
    """NumMentions, NumArticles, NumSources, first URL and all URLs of a cluster."""
    seen = [r for article, _ in cluster.members for r in reports.get(article, [])]
    articles = {r.article: r for r in seen}
    ordered = sorted(articles.values(), key=lambda r: (r.date or dt.date.max, r.article))
    urls = list(dict.fromkeys(r.url for r in ordered if r.url))
    return (len(seen), len(articles), len({r.source for r in seen}),
            urls[0] if urls else None, urls)


def _write(
    conn: duckdb.DuckDBPyConnection,
    groups: list[_Cluster],
    reports: dict[int, list[Report]],
    first_id: int,
) -> None:
    rows: list[tuple[object, ...]] = []
    arts: list[int] = []
    ranks: list[int] = []
    ids: list[int] = []
    for offset, cluster in enumerate(groups):
        cluster_id = first_id + offset
        rows.append((cluster_id, cluster.date, *cluster.key, *_counts(cluster, reports)))
        for article_id, rank in cluster.members:
            arts.append(article_id)
            ranks.append(rank)
            ids.append(cluster_id)
    if not rows:
        return
    columns = [list(column) for column in zip(*rows, strict=True)]
    # one list per column, unnested side by side: executemany binds row by row, which
    # made this write the serial tail of every ingest
    lists = ", ".join(f"unnest(${n})" for n in range(1, len(columns) + 1))
    conn.execute(f"INSERT INTO clusters SELECT {lists}", columns)
    conn.execute(_ASSIGN, {"a": arts, "r": ranks, "c": ids})
