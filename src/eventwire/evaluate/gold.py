"""Reading gold files in the one JSONL format of the gold README.

A gold file is checked line by line when it is read, so that a scorer never meets a
record it cannot understand and a bad line is reported as ``path:line`` instead of as a
``KeyError`` halfway through an evaluation.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeGuard

from eventwire.errors import GoldFormatError

LOG = logging.getLogger(__name__)

KINDS: tuple[str, ...] = (
    "plover-gsr", "petrarch2-gsr", "conflibert-penta", "conflibert-actors", "event-location",
)
"""The gold sets this module can score, by their ``dataset`` field."""

PENTA_CLASSES = frozenset({
    "statement", "verbal_cooperation", "material_cooperation", "verbal_conflict",
    "material_conflict",
})


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence; ``gold`` is the record's ``gold`` object as read."""

    id: str
    text: str
    date: dt.date | None
    dataset: str
    gold: Mapping[str, object]


def _is_span(value: object) -> TypeGuard[Mapping[str, object]]:
    if not isinstance(value, Mapping):
        return False
    start, end = value.get("start"), value.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end


def _actor_list_problem(event: Mapping[str, object], role: str) -> str | None:
    actors = event.get(role)
    if not isinstance(actors, list):
        return f"event {role} is not a list"
    for actor in actors:
        if not isinstance(actor, Mapping) or not isinstance(actor.get("code"), str):
            return f"event {role} actor without a code"
    return None


def _events_problem(gold: Mapping[str, object], code_key: str) -> str | None:
    events = gold.get("events")
    if not isinstance(events, list):
        return "gold.events is not a list"
    for event in events:
        if not isinstance(event, Mapping) or not isinstance(event.get(code_key), str):
            return f"gold event without a {code_key}"
        problem = _actor_list_problem(event, "source") or _actor_list_problem(event, "target")
        if problem:
            return problem
    return None


def _penta_problem(gold: Mapping[str, object]) -> str | None:
    return None if gold.get("penta") in PENTA_CLASSES else "gold.penta is not a PentaClass"


def _actors_problem(gold: Mapping[str, object]) -> str | None:
    spans = gold.get("actor_spans")
    if not isinstance(spans, list):
        return "gold.actor_spans is not a list"
    for span in spans:
        if not _is_span(span):
            return "gold actor span without start <= end"
        if span.get("role") not in ("source", "target", "reciprocal"):
            return "gold actor span role is not source/target/reciprocal"
    return None


def _location_problem(gold: Mapping[str, object]) -> str | None:
    if not _is_span(gold.get("trigger")):
        return "gold.trigger is not a {start, end} span"
    locations = gold.get("locations")
    if not isinstance(locations, list) or not all(_is_span(span) for span in locations):
        return "gold.locations is not a list of {start, end} spans"
    return None


_CHECKS: Mapping[str, Callable[[Mapping[str, object]], str | None]] = MappingProxyType({
    "plover-gsr": lambda gold: _events_problem(gold, "plover"),
    "petrarch2-gsr": lambda gold: _events_problem(gold, "cameo"),
    "conflibert-penta": _penta_problem,
    "conflibert-actors": _actors_problem,
    "event-location": _location_problem,
})


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("date is neither a string nor null")
    return dt.date.fromisoformat(value)


def parse_record(line: str) -> GoldRecord:
    """One gold record from its JSON line; raises ``ValueError`` saying what is wrong."""
    data = json.loads(line)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    rid, text, dataset, gold = (data.get(key) for key in ("id", "text", "dataset", "gold"))
    if not isinstance(rid, str) or not rid:
        raise ValueError("id is missing or not a string")
    if not isinstance(text, str):
        raise ValueError("text is missing or not a string")
    if not isinstance(dataset, str):
        raise ValueError("dataset is missing or not a string")
    if not isinstance(gold, dict):
        raise ValueError("gold is missing or not an object")
    check = _CHECKS.get(dataset)
    problem = check(gold) if check else None
    if problem:
        raise ValueError(problem)
    return GoldRecord(rid, text, _date(data.get("date")), dataset, MappingProxyType(gold))


def load_gold(path: Path) -> list[GoldRecord]:
    """The records of a gold file, in file order.

    Blank lines are skipped.  A repeated id (the PLOVER set has one) would merge two
    sentences' predictions, so a repeat is renamed ``<id>@<line>`` and logged.
    """
    records: list[GoldRecord] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = parse_record(line)
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            raise GoldFormatError(f"{path}:{number}: {exc}") from exc
        if record.id in seen:
            LOG.warning("%s:%d: repeated id %s renamed", path, number, record.id)
            record = GoldRecord(f"{record.id}@{number}", record.text, record.date,
                                record.dataset, record.gold)
        seen.add(record.id)
        records.append(record)
    return records


def dataset_kind(records: Sequence[GoldRecord]) -> str:
    """The one gold set ``records`` come from; a mixed or unknown set cannot be scored."""
    kinds = {record.dataset for record in records}
    if len(kinds) != 1:
        found = ", ".join(sorted(kinds)) or "no records"
        raise GoldFormatError(f"expected records of one gold set, found: {found}")
    kind = kinds.pop()
    if kind not in KINDS:
        raise GoldFormatError(f"unknown gold set {kind!r}; known: {', '.join(KINDS)}")
    return kind
