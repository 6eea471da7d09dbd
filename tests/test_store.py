"""The DuckDB event store on hand-made coded articles (no parser needed)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from eventwire.codes import code_info
from eventwire.model import (
    ActorMention,
    Article,
    CodedArticle,
    Event,
    Evidence,
    Modality,
    Sentence,
)
from eventwire.output import GDELT_COLUMNS, event_to_dict
from eventwire.store import (
    DuckDBStore,
    EventFilter,
    EventStore,
    NewArticle,
    as_frame,
    content_hash,
    open_store,
)
from eventwire.store.duckdb_schema import SCHEMA_VERSION

D = dt.date


def _actor(code: str, text: str, start: int) -> ActorMention:
    country = code[:3] if code[:3] != "---" else None
    roles = tuple(code[i : i + 3] for i in range(3, len(code), 3))
    return ActorMention(code, country, roles, text, (start, start + len(text)), 0, "test")


def _event(doc: str, n: int, day: D, source: str, target: str, cameo: str,
           negated: bool = False) -> Event:
    text = f"{source} did {cameo} to {target}."
    sentence = Sentence(0, 0, (0, len(text)), text)
    trigger = text.index("did")
    return Event(
        doc_id=doc, event_id=f"{doc}-{n}", sentence=sentence, date=day,
        source=_actor(source, source, 0),
        target=_actor(target, target, text.index(" to ") + 4),
        code=code_info(cameo), modality=Modality(negated=negated),
        evidence=Evidence(text[: trigger + 3], (0, trigger + 3), "did", (trigger, trigger + 3),
                          "test rule"),
    )


def _coded(doc: str, day: D, outlet: str, events: list[tuple[str, str, str, bool]]) -> CodedArticle:
    built = tuple(_event(doc, n, day, s, t, c, neg) for n, (s, t, c, neg) in
                  enumerate(events, start=1))
    text = " ".join(e.sentence.text for e in built) or f"{doc} text"
    article = Article(doc, text, ((0, len(text)),), date=day, outlet=outlet,
                      url=f"https://{outlet.lower()}.example/{doc}", origin=f"{doc}.txt")
    return CodedArticle(article, tuple(e.sentence for e in built), (), built)


ARTICLES = (
    _coded("a1", D(2022, 3, 1), "Wire", [("RUSMIL", "UKR", "190", False),
                                         ("GBRGOV", "RUS", "111", False)]),
    _coded("a2", D(2022, 3, 2), "Paper", [("RUSMIL", "UKR", "190", False)]),
    _coded("a3", D(2022, 3, 10), "Wire", [("UKRGOV", "RUSGOV", "036", False),
                                          ("RUS", "UKR", "190", True)]),
    _coded("a4", D(2022, 3, 15), "Daily", [("RUSGOV", "UKRGOV", "042", False)]),
)
COPY = _coded("a1-copy", D(2022, 3, 1), "Copy", [])


def _fill(store: DuckDBStore) -> None:
    for coded in ARTICLES:
        store.add(coded, content_hash(coded.article.text), None)
    store.add(COPY, "copy-hash", content_hash(ARTICLES[0].article.text))
    store.link_clusters()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DuckDBStore]:
    with open_store(tmp_path / "test.duckdb") as opened:
        _fill(opened)
        yield opened


def _all_events() -> list[Event]:
    return [e for coded in ARTICLES for e in coded.events]


def test_events_round_trip_to_the_jsonl_contract(store: DuckDBStore) -> None:
    stored = store.events()
    expected = [event_to_dict(e) for e in _all_events()]
    assert [{k: r[k] for k in expected[0]} for r in stored] == expected


def test_filters(store: DuckDBStore) -> None:
    def ids(**kw: object) -> set[str]:
        return {str(r["event_id"]) for r in store.events(EventFilter(**kw))}  # type: ignore[arg-type]

    assert ids(actor="rus") == {"a1-1", "a1-2", "a2-1", "a3-1", "a3-2", "a4-1"}
    assert ids(source="RUSGOV") == {"a4-1"}
    assert ids(target="UKR", cameo="19") == {"a1-1", "a2-1", "a3-2"}
    assert ids(root="04") == {"a4-1"}
    assert ids(plover="consult") == {"a4-1"}
    assert ids(quad_class=4, counted_only=True) == {"a1-1", "a2-1"}
    assert ids(start=D(2022, 3, 2), end=D(2022, 3, 10)) == {"a2-1", "a3-1", "a3-2"}
    assert ids(text="DID 111") == {"a1-2"}
    assert len(store.events(limit=2)) == 2


HOSTILE = ("' OR 1=1 --", "'; DROP TABLE events; --", '"', "RUS'; DELETE FROM events; --",
           "%", "_", "\\", "'", ";")


def test_hostile_values_match_nothing_and_change_nothing(store: DuckDBStore) -> None:
    before = store.stats()
    for value in HOSTILE:
        for name in ("actor", "source", "target", "cameo", "root", "plover", "text"):
            assert store.events(EventFilter(**{name: value})) == [], (name, value)  # type: ignore[arg-type]
        assert store.dyad_timeline(value, value) == []
        assert store.top_actors(EventFilter(actor=value)) == []
        assert store.top_dyads(EventFilter(text=value)) == []
        assert not store.has_hash(value)
    assert store.stats() == before
    assert len(store.events()) == sum(len(c.events) for c in ARTICLES)


def test_clusters_count_mentions_articles_and_sources(store: DuckDBStore) -> None:
    rows = {str(r["event_id"]): r for r in store.events()}
    assert rows["a1-1"]["cluster_id"] == rows["a2-1"]["cluster_id"] is not None
    assert rows["a1-2"]["cluster_id"] not in (None, rows["a1-1"]["cluster_id"])
    assert rows["a3-2"]["cluster_id"] is None  # negated: not counted, not clustered
    stats = store.stats()
    assert stats.clusters == 4 and stats.duplicates == 1 and stats.articles == 4


def test_gdelt_export_has_61_columns_and_cluster_counts(
    store: DuckDBStore, tmp_path: Path
) -> None:
    out = tmp_path / "events.tsv"
    assert store.export_gdelt(out) == 4
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert all(len(row) == len(GDELT_COLUMNS) == 61 for row in rows)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    attack = next(r for r in rows if r[col["EventCode"]] == "190")
    # a1 and a2 report it, and a1's syndicated copy counts as a third article and source
    assert [attack[col[c]] for c in ("NumMentions", "NumArticles", "NumSources")] == [
        "3", "3", "3"]
    assert attack[col["SOURCEURL"]] == "https://wire.example/a1"
    assert attack[col["SQLDATE"]] == "20220301"
    visit = next(r for r in rows if r[col["EventCode"]] == "042")
    assert visit[col["NumMentions"]] == "1"


def test_parquet_export_is_partitioned_by_month(store: DuckDBStore, tmp_path: Path) -> None:
    folder = tmp_path / "pq"
    assert store.export_parquet(folder) == 6
    assert (folder / "month=2022-03").is_dir()
    files = str(folder / "**" / "*.parquet")
    conn = duckdb.connect()
    count = conn.execute("SELECT count(*) FROM read_parquet(?)", [files]).fetchall()[0][0]
    conn.close()
    assert count == 6


def test_jsonl_and_plover_exports(store: DuckDBStore, tmp_path: Path) -> None:
    jsonl, plover = tmp_path / "e.jsonl", tmp_path / "p.jsonl"
    assert store.export_jsonl(jsonl, EventFilter(counted_only=True)) == 5
    records = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert records == [event_to_dict(e) for e in _all_events() if e.counted]
    count = store.export_plover(plover)
    types = [json.loads(line)["event_type"] for line in plover.read_text().splitlines()]
    assert count == len(types) == sum(1 for e in _all_events() if e.code.plover)
    assert "ASSAULT" in types and "CONSULT" in types


def test_dyad_timeline_by_week_both_directions_and_one(store: DuckDBStore) -> None:
    both = store.dyad_timeline("RUS", "UKR", bucket="week")
    assert [r["bucket"] for r in both] == [D(2022, 2, 28), D(2022, 3, 7), D(2022, 3, 14)]
    assert [r["events"] for r in both] == [2, 1, 1]  # negated 190 of a3 not counted
    assert both[0]["quad4"] == 2 and both[0]["goldstein_sum"] == 2 * code_info("190").goldstein
    assert both[1]["quad1"] == 1
    one = store.dyad_timeline("RUS", "UKR", bucket="month", both_directions=False)
    assert [(r["bucket"], r["events"]) for r in one] == [(D(2022, 3, 1), 3)]
    days = store.dyad_timeline("rusmil", "ukr", bucket="day")
    assert [r["bucket"] for r in days] == [D(2022, 3, 1), D(2022, 3, 2)]


def test_top_actors_and_dyads(store: DuckDBStore) -> None:
    actors = store.top_actors()  # counted events only: a3's negated 190 is left out
    assert [(r["actor"], r["events"], r["as_source"]) for r in actors] == [
        ("RUSGOV", 2, 1), ("RUSMIL", 2, 2), ("UKR", 2, 0), ("UKRGOV", 2, 1),
        ("GBRGOV", 1, 1), ("RUS", 1, 0)]
    assert len(store.top_actors(limit=2)) == 2
    dyads = store.top_dyads(EventFilter(start=D(2022, 3, 1), end=D(2022, 3, 2)))
    assert [(r["source"], r["target"], r["events"]) for r in dyads] == [
        ("RUSMIL", "UKR", 2), ("GBRGOV", "RUS", 1)]


def test_actors_no_dictionary_knows_are_not_ranked_as_one_actor(tmp_path: Path) -> None:
    unknown = _coded("u1", D(2022, 3, 3), "Wire", [("---", "UKR", "190", False),
                                                   ("---", "RUS", "111", False),
                                                   ("RUSMIL", "---", "190", False)])
    with open_store(tmp_path / "u.duckdb") as store:
        store.add(unknown, "u1", None)
        assert [r["actor"] for r in store.top_actors()] == ["RUS", "RUSMIL", "UKR"]
        assert store.top_dyads() == []
        assert len(store.events()) == 3  # the events themselves stay


def test_a_failing_article_leaves_nothing(tmp_path: Path) -> None:
    good = ARTICLES[0]
    broken_event = _event("bad", 1, D(2022, 1, 1), "RUS", "UKR", "190")
    object.__setattr__(broken_event.evidence, "text", None)  # NOT NULL violation mid-write
    bad = CodedArticle(good.article, good.sentences, (), (good.events[0], broken_event))
    with open_store(tmp_path / "s.duckdb") as store:
        with pytest.raises(duckdb.Error):
            store.add(bad, "h1", None)
        assert not store.has_hash("h1")
        assert store.stats().events == 0 and store.articles() == []
        store.add(good, "h1", None)
        assert store.stats().events == 2


def test_reopening_keeps_data_and_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        _fill(store)
        store.record_error("x.txt", "read", "empty file")
        store.record_error("x.txt", "read", "empty file")
    with open_store(path) as store:
        assert store.stats().articles == 4 and len(store.errors()) == 1
    conn = duckdb.connect(str(path))
    assert conn.execute("SELECT max(version) FROM schema_version").fetchall() == [
        (SCHEMA_VERSION,)
    ]
    conn.close()


def test_duckdb_store_implements_the_protocol() -> None:
    backend: EventStore = DuckDBStore(":memory:")  # mypy checks the Protocol here
    with backend as store:
        assert store.stats().articles == 0 and store.events() == []


def test_results_as_dataframe(store: DuckDBStore) -> None:
    pandas = pytest.importorskip("pandas")
    rows = store.top_dyads()
    frame = as_frame(rows)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["events"]) == [r["events"] for r in rows] == [2, 1, 1, 1]


def test_an_article_with_many_events_is_stored_whole(tmp_path: Path) -> None:
    many = _coded("big", D(2022, 5, 1), "Wire", [("FRAGOV", "DEUGOV", "042", False)] * 450)
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(many, "big-hash", None)
        assert [r["event_id"] for r in store.events()] == [e.event_id for e in many.events]


def test_columns_all_null_or_all_empty_in_an_article_round_trip(tmp_path: Path) -> None:
    """Rows go in as one array per column: an array of only NULLs or only empty lists
    (no targets, no roles, no places) must still store as the column's own type."""
    base = _coded("bare", D(2022, 6, 1), "Wire", [("RUS", "UKR", "190", False)] * 3)
    events = tuple(replace(e, target=None) for e in base.events)
    bare = replace(base, events=events)
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(bare, "bare-hash", None)
        stored = store.events()
    expected = [event_to_dict(e) for e in events]
    assert [{k: r[k] for k in expected[0]} for r in stored] == expected
    assert all(r["target"] is None and r["source"]["roles"] == [] for r in stored)


def test_confidence_is_stored_and_filters_events(tmp_path: Path) -> None:
    base = _coded("c1", D(2022, 4, 1), "Wire", [("RUSMIL", "UKR", "190", False),
                                                ("GBRGOV", "RUS", "111", False)])
    scored = tuple(replace(e, confidence=c) for e, c in zip(base.events, (0.9, 0.3), strict=True))
    with open_store(tmp_path / "conf.duckdb") as opened:
        opened.add(replace(base, events=scored), content_hash(base.article.text), None)
        records = opened.events()
        assert [r["confidence"] for r in records] == [0.9, 0.3]
        assert [r["event_id"] for r in opened.events(EventFilter(min_confidence=0.5))] == ["c1-1"]
        assert len(opened.events(EventFilter(min_confidence=0.0))) == 2


def test_reciprocal_flag_is_stored(tmp_path: Path) -> None:
    base = _coded("m1", D(2022, 4, 1), "Wire", [("DEU", "FRA", "040", False),
                                                ("FRA", "DEU", "040", False),
                                                ("DEU", "FRA", "042", False)])
    flagged = tuple(replace(e, reciprocal=i < 2) for i, e in enumerate(base.events))
    with open_store(tmp_path / "m.duckdb") as opened:
        opened.add(replace(base, events=flagged), content_hash(base.article.text), None)
        assert [r["reciprocal"] for r in opened.events()] == [True, True, False]
        opened.export_plover(tmp_path / "p.jsonl")
        lines = (tmp_path / "p.jsonl").read_text().splitlines()
        assert [json.loads(line)["reciprocal"] for line in lines] == [True, True, False]


def test_add_many_stores_a_batch_like_one_add_each(tmp_path: Path) -> None:
    with open_store(tmp_path / "one.duckdb") as one, open_store(tmp_path / "many.duckdb") as many:
        for coded in ARTICLES:
            one.add(coded, content_hash(coded.article.text), None)
        ids = many.add_many([NewArticle(c, content_hash(c.article.text)) for c in ARTICLES])
        assert len(ids) == len(set(ids)) == len(ARTICLES)
        assert many.events() == one.events()
    tables = {}
    for name in ("one", "many"):
        with duckdb.connect(str(tmp_path / f"{name}.duckdb"), read_only=True) as conn:
            tables[name] = [conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                            for t in ("sentences", "actors", "events")]
    assert tables["many"] == tables["one"]
    assert tables["one"][0] and tables["one"][2], "sentences and events were compared"


def test_add_many_is_all_or_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "batch.duckdb") as opened:
        opened.add(ARTICLES[0], "taken", None)
        clash = [NewArticle(ARTICLES[1], "fresh"), NewArticle(ARTICLES[2], "taken")]
        with pytest.raises(duckdb.ConstraintException):
            opened.add_many(clash)
        assert opened.has_hash("taken") and not opened.has_hash("fresh")
        assert {r["doc_id"] for r in opened.events()} == {"a1"}
        assert opened.add_many([]) == []


def test_known_hashes_names_the_stored_ones_of_a_batch(tmp_path: Path) -> None:
    with open_store(tmp_path / "known.duckdb") as opened:
        opened.add(ARTICLES[0], "h-one", None)
        opened.add(ARTICLES[1], "h-two", None)
        assert opened.known_hashes(["h-two", "h-new", "h-one", "h-two"]) == {"h-one", "h-two"}
        assert opened.known_hashes(["h-new"]) == set()
        assert opened.known_hashes([]) == set()


def test_a_column_mixing_nulls_ints_and_floats_keeps_each_value(tmp_path: Path) -> None:
    """DuckDB types a staged column from all of its values, not from the first ones:
    a float after a thousand ints, or a code after a thousand NULL targets, survives."""
    base = _coded("mix", D(2022, 7, 1), "Wire", [("RUS", "UKR", "190", False)] * 1001)
    events = [replace(e, target=None, confidence=1) for e in base.events[:-1]]
    events.append(replace(base.events[-1], confidence=0.25))
    with open_store(tmp_path / "mix.duckdb") as opened:
        opened.add(replace(base, events=tuple(events)), "mix-hash", None)
        stored = opened.events()
    assert [r["confidence"] for r in stored[-2:]] == [1.0, 0.25]
    assert stored[-1]["target"]["code"] == "UKR" and stored[0]["target"] is None


def test_a_writer_store_can_run_duckdb_on_one_thread(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb", threads=1) as opened:
        assert opened.stats().articles == 0
        setting = opened._conn.execute("SELECT current_setting('threads')").fetchall()
    assert setting == [(1,)]
