"""Run PETRARCH2's own unit-test records through eventwire.

``PETR.UnitTest.records.xml`` holds stylised sentences about fictional countries,
each with the events PETRARCH2 must produce (``<EventCoding sourcecode targetcode
eventcode>``) or ``noevents``/a discard error.  Its ``<Environment>`` names the verb,
actor, agent and discard files that live beside it; the runner codes every
``<Text>`` with those dictionaries *only* (they replace the packaged ones) through
the normal pipeline, with our own parser rather than the record's ``<Parse>``.

How a record is judged (one rule for all, so the rate means one thing):

* it **passes** when the set of (source, target, code) triples of our counted events
  equals the expected set exactly, as PETRARCH's own validation demands; a
  ``noevents`` or discard record passes when we code nothing;
* anything else **fails**; a failure is *partial* when some, but not all, expected
  triples were found, or all were found plus extras (reported, never a pass);
* a record is **skipped** (and counted) when an expected code is not a CAMEO code
  (PETRARCH's internal test codes such as ``904`` or ``1717``) or an expected actor is
  TABARI's discard code ``###``, when PETRARCH marks it unimplemented
  (``sentence="false"``), or when it tests PETRARCH's reading of a malformed parse
  tree (``bad_input_parse``), which our parser never sees.

Actor codes compare as written, with PETRARCH's null actor ``---`` standing for "no
actor" and ``---GOV`` (an agent without a country) for our bare ``GOV``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from eventwire.codes import is_cameo
from eventwire.config import Config
from eventwire.errors import GoldFormatError
from eventwire.model import ActorMention, Article, CodedArticle, Event
from eventwire.pipeline import Pipeline, article_from_text

RECORDS_NAME = "PETR.UnitTest.records.xml"
ENVIRONMENT_FILES = {
    "verbs": "Verbfile",
    "actors": "Actorfile",
    "agents": "Agentfile",
    "discards": "Discardfile",
}
NULL_ACTOR = "---"
TABARI_DISCARD = "###"
"""TABARI's actor-dictionary discard code: no PETRARCH dictionary entry produces it (the
records' own dictionary comments its one entry out), so no coder can match it."""
UNPARSED = "bad_input_parse"

Triple = tuple[str, str, str]
Status = Literal["pass", "fail", "skip"]


@dataclass(frozen=True)
class UnitRecord:
    """One ``<Sentence>``: what PETRARCH2 must code from its text."""

    id: str
    category: str
    text: str
    date: dt.date | None
    expected: tuple[Triple, ...]
    implemented: bool = True
    error: str | None = None
    """``storydiscard``, ``sentencediscard`` or ``bad_input_parse`` when expected."""
    require_dyad: bool = True
    """PETRARCH's ``require_dyad`` option where the record stands in the file: when
    set, events lacking a source or a target are not output, so ours are not compared."""

    @property
    def skip_reason(self) -> str | None:
        """Why the record says nothing about eventwire, or ``None`` when it does."""
        if not self.implemented:
            return "marked unimplemented in PETRARCH2 (sentence=false)"
        if self.error == UNPARSED:
            return "tests PETRARCH2's reading of a malformed parse"
        if any(not is_cameo(code) for _, _, code in self.expected):
            return "expects a PETRARCH-internal (non-CAMEO) code"
        if any(TABARI_DISCARD in (source, target) for source, target, _ in self.expected):
            return "expects TABARI's discard code ### as an actor"
        return None


@dataclass(frozen=True)
class RecordResult:
    """The verdict on one record, with what we found, for the failure listing."""

    record: UnitRecord
    status: Status
    found: tuple[Triple, ...] = ()
    reason: str = ""

    @property
    def partial(self) -> bool:
        """A failure where some expected triple was found."""
        hits = set(self.found) & set(self.record.expected)
        return self.status == "fail" and bool(hits)


@dataclass(frozen=True)
class UnitReport:
    """Results of all records, in file order."""

    results: tuple[RecordResult, ...]

    def counts(self, category: str | None = None) -> dict[Status, int]:
        """Passed, failed and skipped records, of one category or of all."""
        tally: dict[Status, int] = {"pass": 0, "fail": 0, "skip": 0}
        for result in self.results:
            if category is None or result.record.category == category:
                tally[result.status] += 1
        return tally

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.record.category for r in self.results))

    def pass_rate(self, category: str | None = None) -> float:
        """Share of the judged (not skipped) records that pass."""
        tally = self.counts(category)
        judged = tally["pass"] + tally["fail"]
        return tally["pass"] / judged if judged else 0.0


def _day(value: str | None) -> dt.date | None:
    if not value or len(value.strip()) != 8:
        return None
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def _record(element: ET.Element, require_dyad: bool) -> UnitRecord:
    expected: list[Triple] = []
    error: str | None = None
    for coding in element.iter("EventCoding"):
        if coding.get("error"):
            error = coding.get("error")
        elif coding.get("eventcode"):
            source = coding.get("sourcecode", NULL_ACTOR).strip()
            target = coding.get("targetcode", NULL_ACTOR).strip()
            expected.append((source, target, coding.get("eventcode", "").strip()))
    text_element = element.find("Text")
    text = " ".join((text_element.text or "").split()) if text_element is not None else ""
    return UnitRecord(
        id=element.get("id", "?"),
        category=element.get("category", "?"),
        text=text,
        date=_day(element.get("date")),
        expected=tuple(dict.fromkeys(expected)),
        implemented=element.get("sentence", "true").strip().lower() != "false",
        error=error,
        require_dyad=require_dyad,
    )


def _root(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise GoldFormatError(f"{path}: not a readable records file ({error})") from error


def read_records(path: Path) -> tuple[UnitRecord, ...]:
    """Every ``<Sentence>`` of a records file (a trusted file of test data).

    ``<Config option="require_dyad">`` elements between the sentences switch that
    option for the records after them, as they do in PETRARCH2's validation run.
    """
    records: list[UnitRecord] = []
    require_dyad = True
    sentences = _root(path).find("Sentences")
    for element in [] if sentences is None else sentences.iter():
        if element.tag == "Config" and element.get("option") == "require_dyad":
            require_dyad = element.get("value", "true").strip().lower() != "false"
        elif element.tag == "Sentence":
            records.append(_record(element, require_dyad))
    return tuple(records)


def environment(path: Path) -> dict[str, Path]:
    """The dictionary files the records file names, as paths beside it."""
    env = _root(path).find("Environment")
    found: dict[str, Path] = {}
    for key, tag in ENVIRONMENT_FILES.items():
        element = None if env is None else env.find(tag)
        if element is not None and element.text and element.text.strip():
            found[key] = path.parent / element.text.strip()
    return found


def records_config(directory: Path, model: str) -> Config:
    """A Config that codes with the records' own dictionaries only."""
    files = environment(directory / RECORDS_NAME)
    return Config(
        model=model,
        verbs=tuple(f for k, f in files.items() if k == "verbs"),
        actors=tuple(f for k, f in files.items() if k == "actors"),
        agents=tuple(f for k, f in files.items() if k == "agents"),
        discards=tuple(f for k, f in files.items() if k == "discards"),
        replace_dictionaries=True,
    )


def _actor(mention: ActorMention | None) -> str:
    if mention is None or not mention.code:
        return NULL_ACTOR
    return mention.code


def _normal(code: str) -> str:
    if code.startswith(NULL_ACTOR) and len(code) > len(NULL_ACTOR):
        return code[len(NULL_ACTOR) :]
    return code


def event_triples(events: Iterable[Event]) -> tuple[Triple, ...]:
    """The (source, target, code) triples of the counted events, without repeats."""
    triples = (
        (_actor(e.source), _actor(e.target), e.code.cameo) for e in events if e.counted
    )
    return tuple(dict.fromkeys(triples))


def judge(record: UnitRecord, found: tuple[Triple, ...]) -> RecordResult:
    """Compare our triples with the record's (see the module docstring)."""
    expected = {(_normal(s), _normal(t), c) for s, t, c in record.expected}
    ours = {(_normal(s), _normal(t), c) for s, t, c in found}
    if record.require_dyad:
        ours = {(s, t, c) for s, t, c in ours if NULL_ACTOR not in (s, t)}
    if ours == expected:
        return RecordResult(record, "pass", found)
    missing = sorted(expected - ours)
    extra = sorted(ours - expected)
    parts = [f"missing {m}" for m in missing] + [f"extra {x}" for x in extra]
    return RecordResult(record, "fail", found, "; ".join(parts))


def _article(record: UnitRecord) -> Article:
    return article_from_text(record.text, doc_id=record.id, date=record.date)


def run_records(
    records: Iterable[UnitRecord],
    pipeline: Pipeline,
    progress: Callable[[RecordResult], None] | None = None,
) -> UnitReport:
    """Code every record that is not skipped and judge it."""
    results: list[RecordResult] = []
    records = list(records)
    to_code = [r for r in records if r.skip_reason is None]
    coded: dict[str, CodedArticle] = {
        c.article.id: c for c in pipeline.code(_article(r) for r in to_code)
    }
    for record in records:
        reason = record.skip_reason
        if reason is not None:
            result = RecordResult(record, "skip", (), reason)
        else:
            result = judge(record, event_triples(coded[record.id].events))
        if progress is not None:
            progress(result)
        results.append(result)
    return UnitReport(tuple(results))


def run_directory(
    directory: Path, pipeline: Pipeline | None = None, *, model: str = ""
) -> UnitReport:
    """Run ``directory/PETR.UnitTest.records.xml`` with the dictionaries beside it."""
    directory = Path(directory)
    path = directory / RECORDS_NAME
    if not path.is_file():
        raise GoldFormatError(f"{path}: no such records file")
    if pipeline is None:
        config = records_config(directory, model or Config().model)
        pipeline = Pipeline.from_config(config)
    return run_records(read_records(path), pipeline)


def format_report(report: UnitReport, *, failures: bool = False) -> str:
    """Pass rate by category and overall; with ``failures`` every failed record."""
    lines = [f"{'category':<12} {'pass':>5} {'fail':>5} {'skip':>5} {'rate':>7}"]
    for category in (*report.categories, None):
        tally = report.counts(category)
        name = category or "ALL"
        rate = f"{100 * report.pass_rate(category):6.1f}%"
        lines.append(
            f"{name:<12} {tally['pass']:>5} {tally['fail']:>5} {tally['skip']:>5} {rate:>7}"
        )
    if failures:
        for result in report.results:
            if result.status == "fail":
                kind = "partial" if result.partial else "fail"
                lines.append(f"{result.record.id} [{kind}]: {result.reason}")
                lines.append(f"    {result.record.text}")
    return "\n".join(lines)
