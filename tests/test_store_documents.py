"""Paging through stored events and reading one stored article back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.ingest import ingest_articles
from eventwire.pipeline import Pipeline, article_from_text
from eventwire.store import DuckDBStore, EventFilter, content_hash, open_store
from eventwire.store.documents import rebuild_text

FIRST = ("Germany invited France to talks in Berlin.\n\n"
         "Russia attacked Ukraine on Monday. Poland condemned Russia.")
SECOND = "Kenya accused Uganda of cattle raids. Uganda denied the claim."


@pytest.fixture
def store(tmp_path: Path, coding_pipeline: Pipeline) -> DuckDBStore:
    store = open_store(tmp_path / "docs.duckdb")
    articles = [article_from_text(FIRST, doc_id="one", date=dt.date(2024, 3, 4), title="One"),
                article_from_text(SECOND, doc_id="two", date=dt.date(2024, 3, 5))]
    ingest_articles(articles, coding_pipeline, store)
    return store


def test_pages_cover_every_event_once_in_store_order(store: DuckDBStore) -> None:
    everything = store.events()
    assert len(everything) >= 4
    seen: list[str] = []
    after = None
    while True:
        page, after = store.events_page(after=after, limit=2)
        assert len(page) <= 2
        seen.extend(str(e["event_id"]) for e in page)
        if after is None:
            break
    assert seen == [str(e["event_id"]) for e in everything]


def test_a_page_applies_the_filters(store: DuckDBStore) -> None:
    page, after = store.events_page(EventFilter(actor="UGA"), limit=50)
    assert page and after is None
    assert all("UGA" in (str(e["source"]) + str(e["target"])) for e in page)
    assert {e["article_id"] for e in page} == {2}


def test_the_article_view_has_text_that_its_spans_index(store: DuckDBStore) -> None:
    view = store.article(1)
    assert view is not None
    assert view["title"] == "One" and view["pub_date"] == dt.date(2024, 3, 4)
    text = str(view["text"])
    sentences = view["sentences"]
    assert isinstance(sentences, list) and len(sentences) == 3
    for sentence in sentences:
        start, end = sentence["span"]
        assert text[start:end] == sentence["text"]
    events = view["events"]
    assert isinstance(events, list) and events
    for event in events:
        trigger = event["evidence"]["trigger"]
        assert text[slice(*trigger["span"])] == trigger["text"]
        assert event["article_id"] == 1
    assert "\n\n" in text  # the two paragraphs stay apart


def test_missing_articles_and_hashes(store: DuckDBStore) -> None:
    assert store.article(99) is None
    assert store.article_id_for_hash(content_hash(SECOND)) == 2
    assert store.article_id_for_hash("0" * 64) is None


def test_rebuilt_text_keeps_offsets_and_paragraph_breaks() -> None:
    rows = [{"start": 20, "paragraph": 1, "text": "Second."},
            {"start": 5, "paragraph": 0, "text": "First."}]
    text = rebuild_text(rows)
    assert text[5:11] == "First." and text[20:27] == "Second."
    assert text[11:20].endswith("\n\n") and len(text) == 27
