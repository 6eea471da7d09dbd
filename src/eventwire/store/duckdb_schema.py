"""The DuckDB schema as numbered migrations, applied in order and recorded.

A store file outlives the eventwire version that made it, so the schema only grows by
new numbered steps; ``schema_version`` says which steps a file has, and opening a
file applies the missing ones inside one transaction.
"""

from __future__ import annotations

from typing import Final

import duckdb

_V1: Final = (
    """CREATE TABLE articles (
        id BIGINT PRIMARY KEY, doc_id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL UNIQUE,
        title VARCHAR, outlet VARCHAR, url VARCHAR, origin VARCHAR, pub_date DATE,
        dateline_place VARCHAR, language VARCHAR, status VARCHAR NOT NULL,
        duplicate_of VARCHAR, ingested_at TIMESTAMP NOT NULL)""",
    "CREATE SEQUENCE article_ids START 1",
    """CREATE TABLE sentences (
        article_id BIGINT NOT NULL, idx INTEGER NOT NULL, paragraph INTEGER NOT NULL,
        "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL)""",
    """CREATE TABLE actors (
        article_id BIGINT NOT NULL, sentence INTEGER NOT NULL, code VARCHAR NOT NULL,
        country VARCHAR, roles VARCHAR[] NOT NULL, text VARCHAR NOT NULL,
        "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, rule VARCHAR NOT NULL,
        head INTEGER)""",
    """CREATE TABLE events (
        article_id BIGINT NOT NULL, rank INTEGER NOT NULL, doc_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL, sentence_index INTEGER NOT NULL,
        sentence_paragraph INTEGER NOT NULL, sentence_text VARCHAR NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, date DATE,
        source_code VARCHAR, source_country VARCHAR, source_roles VARCHAR[],
        source_text VARCHAR, source_start INTEGER, source_end INTEGER,
        target_code VARCHAR, target_country VARCHAR, target_roles VARCHAR[],
        target_text VARCHAR, target_start INTEGER, target_end INTEGER,
        cameo VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL, cameo_name VARCHAR NOT NULL,
        quad_class TINYINT NOT NULL, goldstein DOUBLE NOT NULL, plover VARCHAR,
        plover_mode VARCHAR, negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL, reported BOOLEAN NOT NULL, counted BOOLEAN NOT NULL,
        speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
        speaker_code VARCHAR, evidence_text VARCHAR NOT NULL,
        evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
        trigger_text VARCHAR NOT NULL, trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL, rule VARCHAR NOT NULL, salience DOUBLE NOT NULL,
        is_root BOOLEAN NOT NULL, cluster_id BIGINT)""",
    """CREATE TABLE signatures (
        article_id BIGINT NOT NULL, content_hash VARCHAR NOT NULL, minhash BLOB NOT NULL)""",
    """CREATE TABLE clusters (
        cluster_id BIGINT NOT NULL, date DATE, source_key VARCHAR NOT NULL,
        target_key VARCHAR NOT NULL, cameo VARCHAR NOT NULL, num_mentions INTEGER NOT NULL,
        num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL, first_url VARCHAR,
        urls VARCHAR[] NOT NULL)""",
    """CREATE TABLE errors (
        input VARCHAR NOT NULL, stage VARCHAR NOT NULL, reason VARCHAR NOT NULL,
        "at" TIMESTAMP NOT NULL)""",
    "CREATE TABLE meta (key VARCHAR NOT NULL, value BIGINT NOT NULL)",
    "INSERT INTO meta VALUES ('linked_through', 0)",
)

_V2: Final = (
    """CREATE TABLE watch_seen (
        source VARCHAR NOT NULL, entry VARCHAR NOT NULL, seen_at TIMESTAMP NOT NULL,
        PRIMARY KEY (source, entry))""",
)
"""Feed entries and folder files a watcher has handled, so later rounds skip them."""

_V3: Final = (
    *(f"ALTER TABLE events ADD COLUMN {column}" for column in (
        "date_source VARCHAR", "location_name VARCHAR", "location_text VARCHAR",
        "location_country VARCHAR", "location_lat DOUBLE", "location_lon DOUBLE",
        "location_start INTEGER", "location_end INTEGER", "location_source VARCHAR",
        "location_kind VARCHAR", "location_fips VARCHAR", "location_adm1 VARCHAR",
        "location_feature_id VARCHAR", "provenance VARCHAR", "voice VARCHAR", "tone DOUBLE",
    )),
    "ALTER TABLE sentences ADD COLUMN voice VARCHAR",
    "ALTER TABLE sentences ADD COLUMN provenance VARCHAR",
    "ALTER TABLE sentences ADD COLUMN tone DOUBLE",
    "ALTER TABLE articles ADD COLUMN tone DOUBLE",
)
"""The context of events and sentences: date source, place, provenance (a JSON list of
``{kind, text, code, span}``), voice and tone.  Rows stored before stay NULL there."""

_V4: Final = ("ALTER TABLE events ADD COLUMN confidence DOUBLE",)
"""Each event's confidence in [0, 1]; events stored before it was scored stay NULL."""

_V5: Final = ("ALTER TABLE events ADD COLUMN reciprocal BOOLEAN",)
"""Whether an event is one of the two readings of a mutual act; NULL (read as false)
for events stored before it was kept."""

MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (_V1, _V2, _V3, _V4, _V5)
"""Migration ``n`` (1-based) is ``MIGRATIONS[n - 1]``; append, never edit."""

SCHEMA_VERSION: Final = len(MIGRATIONS)


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The newest migration applied to the file (0 for a new file)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
        "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0]
    return int(row[0]) if row else 0


def migrate(conn: duckdb.DuckDBPyConnection) -> int:
    """Apply the missing migrations, each in its own transaction; return the version."""
    version = current_version(conn)
    for number in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return max(version, SCHEMA_VERSION)
