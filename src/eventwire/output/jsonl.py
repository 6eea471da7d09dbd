"""The JSONL event contract: one event per line, keys in a fixed documented order.

This is the format the evaluation scores and that downstream users parse, so the
keys and their order are part of the public contract (``docs/contract.md``): a change
here is a breaking change.  Spans are written as ``[start, end]`` lists of character
offsets into the document's text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TextIO

from eventwire.model import ActorMention, Event, Location, ProvenanceLink, Span, Speaker

CONTRACT_KEYS: tuple[str, ...] = (
    "doc_id", "event_id", "sentence", "date", "source", "target", "cameo", "cameo_root",
    "cameo_name", "quad_class", "goldstein", "plover", "plover_mode", "negated",
    "hypothetical", "future", "reported", "speaker", "evidence",
    "date_source", "location", "provenance", "voice", "tone", "confidence",
    "reciprocal",
)
"""The top-level keys of every JSONL record, in the order they are written."""


def _span(span: Span) -> list[int]:
    return [span[0], span[1]]


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def actor_to_dict(actor: ActorMention | None) -> dict[str, object] | None:
    """An actor as ``{code, country, roles, text, span}``, or ``None``."""
    if actor is None:
        return None
    return {
        "code": actor.code,
        "country": actor.country,
        "roles": list(actor.roles),
        "text": actor.text,
        "span": _span(actor.span),
    }


def speaker_to_dict(speaker: Speaker | None) -> dict[str, object] | None:
    """A speaker as ``{text, span, code}``, or ``None``."""
    if speaker is None:
        return None
    return {"text": speaker.text, "span": _span(speaker.span), "code": speaker.code}


def location_to_dict(location: Location | None) -> dict[str, object] | None:
    """A location as ``{name, text, country, lat, lon, span, source}``, or ``None``."""
    if location is None:
        return None
    return {
        "name": location.name,
        "text": location.text,
        "country": location.country,
        "lat": location.lat,
        "lon": location.lon,
        "span": _span(location.span) if location.span is not None else None,
        "source": location.source,
    }


def link_to_dict(link: ProvenanceLink) -> dict[str, object]:
    """One teller of a provenance chain as ``{kind, text, code, span}``."""
    span = _span(link.span) if link.span is not None else None
    return {"kind": link.kind, "text": link.text, "code": link.code, "span": span}


def event_to_dict(e: Event) -> dict[str, object]:
    """The contract record of one event; keys in :data:`CONTRACT_KEYS` order."""
    return {
        "doc_id": e.doc_id,
        "event_id": e.event_id,
        "sentence": {
            "index": e.sentence.index, "text": e.sentence.text, "span": _span(e.sentence.span)
        },
        "date": _date(e.date),
        "source": actor_to_dict(e.source),
        "target": actor_to_dict(e.target),
        "cameo": e.code.cameo,
        "cameo_root": e.code.root,
        "cameo_name": e.code.name,
        "quad_class": e.code.quad_class,
        "goldstein": e.code.goldstein,
        "plover": e.code.plover,
        "plover_mode": e.code.plover_mode,
        "negated": e.modality.negated,
        "hypothetical": e.modality.hypothetical,
        "future": e.modality.future,
        "reported": e.modality.reported,
        "speaker": speaker_to_dict(e.speaker),
        "evidence": {
            "text": e.evidence.text,
            "span": _span(e.evidence.span),
            "trigger": {"text": e.evidence.trigger_text, "span": _span(e.evidence.trigger_span)},
            "rule": e.evidence.rule,
        },
        "date_source": e.date_source,
        "location": location_to_dict(e.location),
        "provenance": [link_to_dict(link) for link in e.provenance],
        "voice": e.voice,
        "tone": e.tone,
        "confidence": e.confidence,
        "reciprocal": e.reciprocal,
    }


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Write each event as one JSON line (UTF-8 text, not ASCII-escaped); return the count."""
    written = 0
    for event in events:
        out.write(json.dumps(event_to_dict(event), ensure_ascii=False) + "\n")
        written += 1
    return written
