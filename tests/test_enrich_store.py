"""The store keeps the enrichment fields and upgrades older files in place."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import duckdb

from eventwire.codes import code_info
from eventwire.model import (
    ActorMention,
    Article,
    CodedArticle,
    Event,
    Evidence,
    Location,
    Modality,
    ProvenanceLink,
    Sentence,
    SentenceContext,
)
from eventwire.output import GDELT_COLUMNS, event_to_dict
from eventwire.store import content_hash, open_store
from eventwire.store.duckdb_schema import MIGRATIONS, SCHEMA_VERSION

TEXT = "Norway met Sweden in Oslo."


def _event() -> Event:
    sentence = Sentence(0, 0, (0, len(TEXT)), TEXT)
    return Event(
        doc_id="d", event_id="d-1", sentence=sentence, date=dt.date(2022, 5, 2),
        source=ActorMention("NOR", "NOR", (), "Norway", (0, 6), 0, "test"),
        target=ActorMention("SWE", "SWE", (), "Sweden", (11, 17), 0, "test"),
        code=code_info("040"), modality=Modality(),
        evidence=Evidence("met", (7, 10), "met", (7, 10), "test rule"),
        date_source="text",
        location=Location("Oslo", "Oslo", (21, 25), "text", "NOR", 59.9, 10.7, "city", "NO",
                          "NO12", "3143244"),
        provenance=(ProvenanceLink("outlet", "Example Wire"),
                    ProvenanceLink("organization", "the ministry", "NORGOV", (30, 42))),
        voice="reported", tone=-2.5,
    )


def _coded() -> CodedArticle:
    article = Article("d", TEXT, ((0, len(TEXT)),), date=dt.date(2022, 5, 3))
    event = _event()
    context = SentenceContext(0, "reported", event.provenance, -2.5)
    return CodedArticle(article, (event.sentence,), (), (event,), (context,), -2.5)


def test_enriched_events_round_trip_and_fill_gdelt_geography(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        coded = _coded()
        store.add(coded, content_hash(TEXT), None)
        store.link_clusters()
        [row] = store.events()
        expected = event_to_dict(coded.events[0])
        assert {k: row[k] for k in expected} == expected
        out = tmp_path / "events.tsv"
        assert store.export_gdelt(out) == 1
        fields = dict(zip(GDELT_COLUMNS, out.read_text().rstrip("\n").split("\t"), strict=True))
    assert fields["ActionGeo_Type"] == "4"
    assert fields["ActionGeo_CountryCode"] == "NO"
    assert fields["ActionGeo_Lat"] == "59.9000"
    assert fields["AvgTone"] == "-2.5"


def test_an_older_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, "
                 "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
    for number, statements in enumerate(MIGRATIONS[:2], start=1):
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
    conn.close()
    with open_store(path) as store:
        version = store._conn.execute("SELECT max(version) FROM schema_version").fetchall()
        assert version == [(SCHEMA_VERSION,)]
        bare = replace(_event(), location=None, provenance=(), voice="outlet", tone=None,
                       date_source="article")
        article = Article("d", TEXT, ((0, len(TEXT)),), date=dt.date(2022, 5, 3))
        store.add(CodedArticle(article, (bare.sentence,), (), (bare,)), "h", None)
        [row] = store.events()
    assert row["location"] is None and row["voice"] == "outlet" and row["tone"] is None
