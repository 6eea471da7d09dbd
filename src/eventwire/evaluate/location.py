"""event-location: where the event at the gold trigger took place.

For each record the event judged is the first counted event, in output order, whose
``evidence.trigger.span`` overlaps the gold trigger; without one the record is a miss.
It is correct when its ``location.span`` overlaps a gold location span, or when gold
has no location and the event has none taken from the sentence (``location`` absent or
null, or ``location.source`` other than ``"text"``).

Some gold location spans do not point at their text: 174 are empty (start == end)
and a few more are cut short; their numbers look like token indices.  A gold location
is therefore resolved by its text: the given span when it holds that text; else the
text at the given start (the rule for empty spans); else every occurrence of the text
in the sentence (any of them may match); else the given span as it is.  An empty span
(gold or coded) overlaps a span that contains its position.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.evaluate.gold import GoldRecord
from eventwire.evaluate.predictions import (
    Prediction,
    Span,
    as_span,
    counted,
    describe_all,
    mapping_field,
    text_field,
    trigger_span,
)
from eventwire.evaluate.report import ErrorCase, Report, rate


def touches(a: Span, b: Span) -> bool:
    """Overlap of ``[start, end)`` spans; an empty span is a point inside the other."""
    if a[0] == a[1]:
        return b[0] <= a[0] < b[1] or a == b
    if b[0] == b[1]:
        return a[0] <= b[0] < a[1]
    return a[0] < b[1] and b[0] < a[1]


def resolve(text: str, span: Span, name: str) -> list[Span]:
    """The places in ``text`` a gold location may stand for (see the module docstring)."""
    start, end = span
    if start < end and text[start:end] == name:
        return [span]
    if name and text.startswith(name, start):
        return [(start, start + len(name))]
    found = []
    at = text.find(name) if name else -1
    while at >= 0:
        found.append((at, at + len(name)))
        at = text.find(name, at + 1)
    return found or ([span] if start < end else [])


def gold_places(record: GoldRecord) -> list[Span]:
    """Every resolved gold location span of the record."""
    raw = record.gold.get("locations")
    places: list[Span] = []
    for item in raw if isinstance(raw, list) else []:
        span = as_span(item)
        if span is not None:
            places += resolve(record.text, span, text_field(item, "text") or "")
    return places


def event_at(events: Sequence[Prediction], trigger: Span) -> Prediction | None:
    """The first event of ``events`` whose trigger overlaps the gold ``trigger``."""
    for event in events:
        span = trigger_span(event)
        if span is not None and touches(span, trigger):
            return event
    return None


def placed_correctly(event: Prediction, places: Sequence[Span], gold_has_place: bool) -> bool:
    """A place the sentence gives must be found; a place from elsewhere is no claim."""
    location = mapping_field(event, "location")
    if not gold_has_place:
        return location is None or location.get("source") != "text"
    span = as_span(location.get("span")) if location else None
    return span is not None and any(touches(span, place) for place in places)


def _location_text(event: Prediction) -> str:
    location = mapping_field(event, "location")
    if location is None:
        return "no location"
    return f"location {text_field(location, 'text')!r} ({location.get('source')})"


def _expected(record: GoldRecord, trigger: Span, places: Sequence[Span]) -> str:
    where = ", ".join(f"{record.text[s:e]!r} [{s}:{e}]" for s, e in places) or "no place"
    return f"trigger {record.text[trigger[0]:trigger[1]]!r} [{trigger[0]}:{trigger[1]}] at {where}"


def _error_case(record: GoldRecord, events: Sequence[Prediction], cause: str) -> ErrorCase:
    trigger = as_span(record.gold.get("trigger")) or (0, 0)
    judged = event_at(counted(events), trigger)
    coded = describe_all(events)
    if judged is not None:
        coded = f"{_location_text(judged)}: {coded}"
    expected = _expected(record, trigger, gold_places(record))
    return ErrorCase(record.id, record.text, cause, expected, coded)


def _judge(record: GoldRecord, events: Sequence[Prediction]) -> tuple[bool, bool, str | None]:
    """(event found at the trigger, correct, cause when wrong) for one record."""
    trigger = as_span(record.gold.get("trigger"))
    found = event_at(counted(events), trigger) if trigger else None
    if found is None:
        at_trigger = trigger is not None and event_at(events, trigger) is not None
        return False, False, "modality" if at_trigger else "no event found"
    raw = record.gold.get("locations")
    if placed_correctly(found, gold_places(record), bool(raw)):
        return True, True, None
    return True, False, "wrong location"


def score_location(records: Sequence[GoldRecord],
                   predictions: Mapping[str, Sequence[Prediction]]) -> Report:
    """Location accuracy overall and split by whether gold gives a place."""
    tally = {key: 0 for key in ("found", "correct", "placed", "placed_ok", "unplaced_ok")}
    errors: list[ErrorCase] = []
    for record in records:
        events = predictions.get(record.id, ())
        found, correct, cause = _judge(record, events)
        has_place = bool(record.gold.get("locations"))
        tally["found"] += found
        tally["correct"] += correct
        tally["placed"] += has_place
        tally["placed_ok" if has_place else "unplaced_ok"] += correct
        if cause is not None:
            errors.append(_error_case(record, events, cause))
    total, placed = len(records), tally["placed"]
    metrics = (
        rate("location accuracy", tally["correct"], total),
        rate("event at gold trigger", tally["found"], total),
        rate("location accuracy, gold place", tally["placed_ok"], placed),
        rate("location accuracy, no gold place", tally["unplaced_ok"], total - placed),
    )
    return Report("event-location", total, metrics, tuple(errors))
