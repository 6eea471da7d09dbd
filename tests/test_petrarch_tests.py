"""The runner for PETRARCH2-style unit-test records, on a tiny records file written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from eventwire.cli import main
from eventwire.errors import GoldFormatError
from eventwire.petrarch_tests import (
    RECORDS_NAME,
    UnitRecord,
    environment,
    format_report,
    judge,
    read_records,
    records_config,
    run_directory,
)
from eventwire.pipeline import Pipeline

RECORDS = """<Validation>
<Environment>
    <Verbfile>T.verbs.txt</Verbfile>
    <Actorfile>T.actors.txt</Actorfile>
    <Agentfile>T.agents.txt</Agentfile>
    <Discardfile>T.discards.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="OK-1" category="BASIC" sentence="true">
<EventCoding sourcecode="ZMB" targetcode="QUO" eventcode="042"></EventCoding>
<Text>
Zembla serenaded
Quor on Monday.
</Text>
<Parse>(ROOT (S (NP (NNP Zembla))))</Parse>
</Sentence>
<Sentence date="19950101" id="BAD-1" category="BASIC" sentence="true">
<EventCoding sourcecode="QUO" targetcode="ZMB" eventcode="042"></EventCoding>
<Text>Zembla serenaded Quor on Tuesday.</Text>
</Sentence>
<Sentence date="19950101" id="SKIP-1" category="INTERNAL" sentence="true">
<EventCoding sourcecode="ZMB" targetcode="QUO" eventcode="904"></EventCoding>
<Text>Zembla serenaded Quor with flutes.</Text>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="DROP-1" category="DISCARD" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Zembla serenaded Quor at the lute contest.</Text>
</Sentence>
</Sentences>
</Validation>
"""

DICTIONARIES = {
    "T.verbs.txt": "--- SERENADE [042] ---\nSERENADE\n- * (WITH FLUTES) [904]\n",
    "T.actors.txt": "ZEMBLA_ [ZMB]\nQUOR_ [QUO]\n",
    "T.agents.txt": "HARPIST [~CUL]\n",
    "T.discards.txt": "LUTE CONTEST\n",
}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / RECORDS_NAME).write_text(RECORDS, encoding="utf-8")
    for name, text in DICTIONARIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_records_are_read_with_their_options(folder: Path) -> None:
    records = read_records(folder / RECORDS_NAME)
    assert [r.id for r in records] == ["OK-1", "BAD-1", "SKIP-1", "DROP-1"]
    first = records[0]
    assert first.text == "Zembla serenaded Quor on Monday."
    assert first.expected == (("ZMB", "QUO", "042"),) and first.skip_reason is None
    assert records[2].skip_reason is not None
    assert [r.require_dyad for r in records] == [True, True, True, False]
    assert records[3].error == "sentencediscard" and records[3].expected == ()
    assert set(environment(folder / RECORDS_NAME)) == {"verbs", "actors", "agents", "discards"}


def test_judging_is_exact_and_null_actors_drop_under_require_dyad() -> None:
    record = UnitRecord("R", "C", "text", None, (("ZMB", "QUO", "042"),))
    assert judge(record, (("ZMB", "QUO", "042"),)).status == "pass"
    assert judge(record, (("ZMB", "QUO", "042"), ("ZMB", "---", "010"))).status == "pass"
    extra = judge(record, (("ZMB", "QUO", "042"), ("QUO", "ZMB", "042")))
    assert extra.status == "fail" and extra.partial
    assert not judge(record, (("QUO", "ZMB", "042"),)).partial
    agent = UnitRecord("A", "C", "t", None, (("---GOV", "QUO", "042"),), require_dyad=False)
    assert judge(agent, (("GOV", "QUO", "042"),)).status == "pass"


def test_runner_passes_one_record_fails_one_and_skips_one(nlp: Language, folder: Path) -> None:
    pipeline = Pipeline.from_config(records_config(folder, "unused"), nlp=nlp)
    report = run_directory(folder, pipeline)
    status = {r.record.id: r.status for r in report.results}
    assert status == {"OK-1": "pass", "BAD-1": "fail", "SKIP-1": "skip", "DROP-1": "pass"}
    assert report.counts("BASIC") == {"pass": 1, "fail": 1, "skip": 0}
    assert report.pass_rate() == pytest.approx(2 / 3)
    text = format_report(report, failures=True)
    assert "BAD-1 [fail]: missing ('QUO', 'ZMB', '042')" in text
    assert text.splitlines()[-3].startswith("ALL")


def test_cli_prints_the_rate_by_category(folder: Path) -> None:
    result = CliRunner().invoke(main, ["petrarch-tests", str(folder), "--failures"])
    assert result.exit_code == 0, result.output
    assert "BASIC" in result.stdout and "66.7%" in result.stdout
    assert "BAD-1" in result.stdout


def test_a_missing_records_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError):
        run_directory(tmp_path)


def test_a_record_expecting_the_tabari_discard_code_is_skipped() -> None:
    discard = UnitRecord("D", "C", "text", None, (("###", "QUO", "023"),))
    assert discard.skip_reason is not None and "###" in discard.skip_reason
    plain = UnitRecord("P", "C", "text", None, (("---", "QUO", "023"),))
    assert plain.skip_reason is None
