"""End-to-end tests of ingest, query and export on a store in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main

STORIES = {
    "a.txt": "Germany attacked France\n\nBERLIN, March 3, 2024 (Example Wire) - "
    "Germany attacked France on Monday, officials said.\n",
    "b.txt": "Italy praised Spain\n\nROME, March 9, 2024 (Example Wire) - "
    "Italy praised Spain for its help in the crisis.\n",
}


def _ingest(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "events.duckdb"
    first = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "new 2" in first.stdout
    again = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert "new 0" in again.stdout and "duplicate 2" in again.stdout
    return db


def test_ingest_query_and_export(tmp_path: Path) -> None:
    db = _ingest(tmp_path)
    result = CliRunner().invoke(
        main, ["query", "events", "--db", str(db), "--actor", "DEU", "--format", "json"]
    )
    events = json.loads(result.stdout)
    assert events and all("DEU" in (e["source"]["code"] + e["target"]["code"]) for e in events)
    timeline = CliRunner().invoke(
        main, ["query", "timeline", "DEU", "FRA", "--db", str(db), "--format", "csv"]
    )
    assert timeline.stdout.splitlines()[0].startswith("bucket")
    out = tmp_path / "events.tsv"
    exported = CliRunner().invoke(main, ["export", "--format", "gdelt", "-o", str(out),
                                         "--db", str(db)])
    assert exported.exit_code == 0
    assert all(len(line.split("\t")) == 61 for line in out.read_text().splitlines())


def test_hostile_filter_values_match_nothing(tmp_path: Path) -> None:
    db = _ingest(tmp_path)
    for value in ("' OR 1=1 --", "DEU'; DROP TABLE events; --", '"'):
        result = CliRunner().invoke(
            main, ["query", "events", "--db", str(db), "--actor", value, "--format", "json"]
        )
        assert json.loads(result.stdout) == []
    after = CliRunner().invoke(main, ["query", "events", "--db", str(db), "--format", "json"])
    assert len(json.loads(after.stdout)) >= 2


def test_min_confidence_filters_the_query(tmp_path: Path) -> None:
    db = _ingest(tmp_path)

    def confidences(*extra: str) -> list[float]:
        result = CliRunner().invoke(
            main, ["query", "events", "--db", str(db), "--format", "json", *extra])
        assert result.exit_code == 0, result.output
        return [float(e["confidence"]) for e in json.loads(result.stdout)]

    every = confidences()
    assert every and all(0.0 <= c <= 1.0 for c in every)
    cut = sorted(every)[len(every) // 2]
    assert confidences("--min-confidence", str(cut)) == [c for c in every if c >= cut]
    above = max(every) + (1.0 - max(every)) / 2
    assert confidences("--min-confidence", str(above)) == []
    refused = CliRunner().invoke(main, ["query", "events", "--db", str(db),
                                        "--min-confidence", "1.5"])
    assert refused.exit_code != 0


def test_ingest_without_the_family_model_scores_rule_evidence_only(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "rules.duckdb"
    done = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db),
                                     "--no-family-model"])
    assert done.exit_code == 0, done.output
    result = CliRunner().invoke(main, ["query", "events", "--db", str(db), "--format", "json"])
    events = json.loads(result.stdout)
    assert events and all(e["confidence"] is not None for e in events)
