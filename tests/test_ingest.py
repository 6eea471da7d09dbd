"""Ingest: idempotent re-runs, duplicates, recorded errors and SIGKILL safety."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.config import Config
from eventwire.ingest import IngestSummary, ingest
from eventwire.model import CodedArticle
from eventwire.pipeline import Pipeline
from eventwire.store import DuckDBStore, NewArticle, content_hash, open_store

WIRE = (
    "Russian troops attacked Ukrainian positions near Kharkiv on Monday, the defence "
    "ministry in Kyiv said. The British government condemned Russia and said it would "
    "send more weapons to Ukraine. Officials in Warsaw said Poland would host talks "
    "between the two sides next month, according to a statement."
)
OTHER = "The German chancellor met the French president in Paris on Tuesday."


@pytest.fixture(scope="module")
def pipeline(nlp: Language) -> Pipeline:
    return Pipeline.from_config(Config(batch_size=4), nlp=nlp)


def _write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_second_ingest_adds_nothing(pipeline: Pipeline, tmp_path: Path) -> None:
    folder = _write(tmp_path / "in", {"wire.txt": WIRE, "other.txt": OTHER,
                                      "empty.txt": ""})
    with open_store(tmp_path / "db.duckdb") as store:
        first = ingest([str(folder)], pipeline, store)
        assert (first.read, first.new, first.failed) == (2, 2, 1)
        assert first.events == store.stats().events > 0
        stats = store.stats()
        second = ingest([str(folder)], pipeline, store)
        assert (second.new, second.duplicate, second.events) == (0, 2, 0)
        assert store.stats() == stats
        errors = store.errors()
        assert [(e["stage"], Path(str(e["input"])).name) for e in errors] == [
            ("read", "empty.txt")]


def test_exact_and_near_duplicates(pipeline: Pipeline, tmp_path: Path) -> None:
    syndicated = "KYIV (Wire) - " + WIRE + " (Reporting by Wire.)"
    folder = _write(tmp_path / "in", {
        "a.txt": WIRE, "b.txt": "  " + WIRE.replace(" ", "\n", 3),  # re-wrapped copy
        "c.txt": syndicated, "d.txt": OTHER,
    })
    seen: list[IngestSummary] = []
    with open_store(tmp_path / "db.duckdb") as store:
        summary = ingest([str(folder)], pipeline, store, progress=seen.append)
        assert (summary.new, summary.duplicate, summary.near_duplicate) == (2, 1, 1)
        assert len(seen) == 4 and seen[-1].read == 4
        rows = {str(r["doc_id"]): r for r in store.articles()}
        assert rows["c"]["status"] == "duplicate"
        assert rows["c"]["duplicate_of"] == content_hash(WIRE) == rows["a"]["content_hash"]
        assert not any(e["doc_id"] == "c" for e in store.events())
        # a later run matches the copy against the stored signatures, not memory
        again = ingest([str(_write(tmp_path / "more", {"e.txt": syndicated + " Updated."}))],
                       pipeline, store)
        assert again.near_duplicate == 1


class _Refusing:
    """A store that refuses one article, as a full disk or a bad value would."""

    def __init__(self, store: DuckDBStore, refused: str) -> None:
        self.store = store
        self.refused = refused

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    def add_many(self, items: list[NewArticle]) -> list[int]:
        if any(self.refused in i.coded.article.text for i in items):
            raise ValueError("refused")
        return self.store.add_many(items)

    def add(self, coded: CodedArticle, content_hash: str, duplicate_of: str | None, *,
            signature: bytes | None = None) -> int:
        if self.refused in coded.article.text:
            raise ValueError("refused")
        return self.store.add(coded, content_hash, duplicate_of, signature=signature)


def test_an_article_the_store_refuses_costs_only_itself(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    folder = _write(tmp_path / "in", {"wire.txt": WIRE, "other.txt": OTHER})
    with open_store(tmp_path / "db.duckdb") as store:
        refusing = _Refusing(store, "chancellor")
        summary = ingest([str(folder)], pipeline, refusing)  # type: ignore[arg-type]
        assert (summary.new, summary.failed) == (1, 1)
        assert store.stats().articles == 1 and store.stats().events > 0
        errors = store.errors()
        assert [(e["stage"], Path(str(e["input"])).name) for e in errors] == [
            ("store", "other.txt")]
        assert "refused" in str(errors[0]["reason"])
