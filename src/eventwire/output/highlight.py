"""Sentences cut into marked segments, so a page can show what each event was coded from.

An analyst checks an event by seeing its trigger, source and target in the sentence.
Events of one sentence can share or nest words (one actor is the target of two
verbs), so a sentence is cut at every span boundary and each piece carries the set of
roles and events that cover it; the page only has to wrap each piece in a mark.

The functions read JSONL contract records (``event_to_dict`` or the store's), so
freshly coded and stored events are shown the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

ROLES: tuple[str, ...] = ("trigger", "source", "target")
"""The parts of an event that are marked, in the order their classes are written."""


@dataclass(frozen=True)
class Segment:
    """A run of a sentence's text with the roles and events whose spans cover all of it."""

    text: str
    roles: tuple[str, ...]
    events: tuple[str, ...]


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    role: str
    event: str


def _span_of(value: object) -> tuple[int, int] | None:
    if isinstance(value, Sequence) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return int(value[0]), int(value[1])
    return None


def _role_span(record: Mapping[str, object], role: str) -> tuple[int, int] | None:
    """The span of ``trigger`` (inside ``evidence``), ``source`` or ``target``."""
    if role == "trigger":
        evidence = record.get("evidence")
        trigger = evidence.get("trigger") if isinstance(evidence, Mapping) else None
        return _span_of(trigger.get("span")) if isinstance(trigger, Mapping) else None
    part = record.get(role)
    return _span_of(part.get("span")) if isinstance(part, Mapping) else None


def _marks(start: int, end: int, records: Iterable[Mapping[str, object]]) -> list[_Mark]:
    """The role spans of ``records`` clipped to ``[start, end)``, in sentence offsets."""
    marks: list[_Mark] = []
    for record in records:
        event = str(record.get("event_id", ""))
        for role in ROLES:
            span = _role_span(record, role)
            if span is None:
                continue
            left, right = max(span[0], start), min(span[1], end)
            if left < right:
                marks.append(_Mark(left - start, right - start, role, event))
    return marks


def sentence_segments(
    text: str, start: int, records: Iterable[Mapping[str, object]]
) -> list[Segment]:
    """``text`` (a sentence beginning at article offset ``start``) cut at every mark edge.

    Concatenating the segments' texts gives ``text`` back; unmarked runs have no roles.
    """
    marks = _marks(start, start + len(text), records)
    edges = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    segments: list[Segment] = []
    for left, right in pairwise(edges):
        covering = [m for m in marks if m.start <= left and right <= m.end]
        roles = tuple(r for r in ROLES if any(m.role == r for m in covering))
        events = tuple(dict.fromkeys(m.event for m in covering))
        segments.append(Segment(text[left:right], roles, events))
    return segments


def events_by_sentence(
    records: Iterable[Mapping[str, object]],
) -> dict[int, list[Mapping[str, object]]]:
    """Contract records grouped by their sentence index, keeping their order."""
    grouped: dict[int, list[Mapping[str, object]]] = {}
    for record in records:
        sentence = record.get("sentence")
        index = sentence.get("index") if isinstance(sentence, Mapping) else None
        if isinstance(index, int):
            grouped.setdefault(index, []).append(record)
    return grouped


@dataclass(frozen=True)
class MarkedSentence:
    """A sentence with its marked segments and the events coded from it."""

    index: int
    paragraph: int
    segments: tuple[Segment, ...]
    events: tuple[Mapping[str, object], ...]


def marked_sentences(
    sentences: Iterable[Mapping[str, object]], records: Iterable[Mapping[str, object]]
) -> list[MarkedSentence]:
    """Each ``{index, paragraph, span, text}`` sentence cut by the events coded from it."""
    grouped = events_by_sentence(records)
    marked: list[MarkedSentence] = []
    for sentence in sentences:
        index, paragraph = sentence.get("index"), sentence.get("paragraph")
        span = _span_of(sentence.get("span"))
        if not isinstance(index, int) or span is None:
            continue
        own = grouped.get(index, [])
        segments = sentence_segments(str(sentence.get("text", "")), span[0], own)
        marked.append(MarkedSentence(index, paragraph if isinstance(paragraph, int) else 0,
                                     tuple(segments), tuple(own)))
    return marked
