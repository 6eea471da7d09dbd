"""Exports of stored events: the JSONL contract, GDELT 2.0, monthly Parquet, PLOVER.

Each export reads the store through the same filters as the queries, streaming rows
in chunks so a large store is never held in memory.  GDELT rows come from
:func:`eventwire.output.gdelt.gdelt_row` (one column layout for coded and stored
events) with the store's knowledge added: the lead-paragraph flag and the cluster
counts, one row per cluster as in GDELT, where one event id gathers all its mentions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import duckdb

from eventwire.model import Article
from eventwire.output.gdelt import GDELT_COLUMNS, gdelt_row
from eventwire.output.jsonl import event_to_dict
from eventwire.store.base import EventFilter, Row
from eventwire.store.queries import where
from eventwire.store.rows import event_from_row

_CHUNK: Final = 5_000


def _stream(conn: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> Iterator[Row]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description or ()]
    while chunk := cursor.fetchmany(_CHUNK):
        for values in chunk:
            yield dict(zip(names, values, strict=True))


def _write_lines(path: Path, lines: Iterator[str]) -> int:
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for line in lines:
            out.write(line + "\n")
            written += 1
    return written


def jsonl(conn: duckdb.DuckDBPyConnection, path: Path, filters: EventFilter) -> int:
    """The events as JSONL contract records (``docs/contract.md``)."""
    clause, params = where(filters)
    rows = _stream(conn, f"SELECT e.* FROM events e{clause} ORDER BY e.article_id, e.rank",
                   params)
    return _write_lines(path, (json.dumps(event_to_dict(event_from_row(r)), ensure_ascii=False)
                               for r in rows))


_GDELT: Final = """
SELECT e.*, c.num_mentions, c.num_articles, c.num_sources, c.first_url,
       a.pub_date, a.url AS article_url, a.origin AS article_origin, a.title AS article_title
FROM events e JOIN clusters c USING (cluster_id) JOIN articles a ON a.id = e.article_id{where}
QUALIFY row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.date NULLS LAST,
                           a.pub_date NULLS LAST, e.article_id, e.rank) = 1
ORDER BY e.cluster_id"""

_COLUMN: Final = {name: index for index, name in enumerate(GDELT_COLUMNS)}


def gdelt_fields(row: Row) -> list[str]:
    """The 61 GDELT fields of a cluster's first event, with the cluster's counts."""
    day = row["pub_date"]
    article = Article(
        id=str(row["doc_id"]), text="", paragraphs=(),
        date=day if isinstance(day, dt.date) else None,
        url=str(row["article_url"]) if row["article_url"] else None,
        origin=str(row["article_origin"]) if row["article_origin"] else None,
    )
    fields = gdelt_row(event_from_row(row), article)
    fields[_COLUMN["IsRootEvent"]] = "1" if row["is_root"] else "0"
    for column, key in (("NumMentions", "num_mentions"), ("NumSources", "num_sources"),
                        ("NumArticles", "num_articles")):
        fields[_COLUMN[column]] = str(row[key])
    if row["first_url"]:
        fields[_COLUMN["SOURCEURL"]] = " ".join(str(row["first_url"]).split())
    return fields


def gdelt(conn: duckdb.DuckDBPyConnection, path: Path, filters: EventFilter) -> int:
    """One tab-separated GDELT 2.0 row per event cluster (counted events only)."""
    clause, params = where(filters, "e.counted")
    rows = _stream(conn, _GDELT.format(where=clause), params)
    return _write_lines(path, ("\t".join(gdelt_fields(r)) for r in rows))


_PARQUET: Final = """
SELECT e.*, c.num_mentions, c.num_articles, c.num_sources, c.first_url,
       coalesce(strftime(e.date, '%Y-%m'), 'undated') AS month
FROM events e LEFT JOIN clusters c USING (cluster_id){where}"""


def parquet(conn: duckdb.DuckDBPyConnection, folder: Path, filters: EventFilter) -> int:
    """Events as Parquet files under ``folder/month=YYYY-MM/`` (Hive partitioning)."""
    clause, params = where(filters)
    count = conn.execute(f"SELECT count(*) FROM events e{clause}", params).fetchall()[0][0]
    folder.mkdir(parents=True, exist_ok=True)
    relation = conn.sql(_PARQUET.format(where=clause), params=params)
    relation.write_parquet(str(folder), partition_by=["month"], overwrite=True)
    return int(count)


_PLOVER: Final = """
SELECT e.*, a.pub_date, a.outlet, a.url AS article_url, a.title AS article_title
FROM events e JOIN articles a ON a.id = e.article_id{where}
ORDER BY e.article_id, e.rank"""


def plover_record(row: Row) -> Row:
    """A PLOVER/POLECAT-style record: event type and mode, actor and recipient, text.

    ``reciprocal`` marks the two records of one act done together: PLOVER codes such an
    act once per party with no recipient, which a reader can do from the flag."""
    day, published = row["date"], row["pub_date"]
    return {
        "id": f"{row['doc_id']}:{row['event_id']}",
        "date": day.isoformat() if isinstance(day, dt.date) else None,
        "event_type": row["plover"], "mode": row["plover_mode"], "contexts": [],
        "actor": row["source_text"], "actor_code": row["source_code"],
        "actor_country": row["source_country"],
        "recipient": row["target_text"], "recipient_code": row["target_code"],
        "recipient_country": row["target_country"],
        "cameo": row["cameo"], "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "negated": row["negated"], "hypothetical": row["hypothetical"],
        "future": row["future"], "reported": row["reported"],
        "reciprocal": row["reciprocal"],
        "event_text": row["sentence_text"], "evidence": row["evidence_text"],
        "trigger": row["trigger_text"],
        "story_id": row["doc_id"], "headline": row["article_title"],
        "publication_date": published.isoformat() if isinstance(published, dt.date) else None,
        "source": row["outlet"], "url": row["article_url"], "cluster_id": row["cluster_id"],
    }


def plover(conn: duckdb.DuckDBPyConnection, path: Path, filters: EventFilter) -> int:
    """JSONL PLOVER records of the events that have a PLOVER type (01x have none)."""
    clause, params = where(filters, "e.plover IS NOT NULL")
    rows = _stream(conn, _PLOVER.format(where=clause), params)
    return _write_lines(path, (json.dumps(plover_record(r), ensure_ascii=False) for r in rows))
