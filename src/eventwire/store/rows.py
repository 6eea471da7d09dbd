"""Conversions between the frozen model and flat store rows (no SQL here).

The events table has one column per field of the JSONL contract, so analysts can
filter on any of them in SQL; these functions flatten an :class:`Event` into such a
row and rebuild the contract record (and the model object, for the GDELT writer)
from it, so stored and freshly coded events export identically.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Final

from eventwire.model import (
    ActorMention,
    CodeInfo,
    Event,
    Evidence,
    Location,
    Modality,
    ProvenanceLink,
    Sentence,
    SentenceContext,
    Span,
    Speaker,
)

_ACTOR: Final = ("code", "country", "roles", "text", "start", "end")
_LOCATION: Final = (
    "name", "text", "country", "lat", "lon", "start", "end", "source", "kind", "fips", "adm1",
    "feature_id",
)

EVENT_COLUMNS: Final[tuple[str, ...]] = (
    "article_id", "rank", "doc_id", "event_id",
    "sentence_index", "sentence_paragraph", "sentence_text", "sentence_start", "sentence_end",
    "date",
    *(f"source_{name}" for name in _ACTOR),
    *(f"target_{name}" for name in _ACTOR),
    "cameo", "cameo_root", "cameo_name", "quad_class", "goldstein", "plover", "plover_mode",
    "negated", "hypothetical", "future", "reported", "counted",
    "speaker_text", "speaker_start", "speaker_end", "speaker_code",
    "evidence_text", "evidence_start", "evidence_end",
    "trigger_text", "trigger_start", "trigger_end", "rule", "salience", "is_root",
    "date_source", *(f"location_{name}" for name in _LOCATION), "provenance", "voice", "tone",
    "confidence", "reciprocal",
)
"""Columns written for each event, in insert order (``cluster_id`` is set later)."""

ACTOR_COLUMNS: Final[tuple[str, ...]] = (
    "article_id", "sentence", "code", "country", "roles", "text", "start", "end", "rule", "head",
)
SENTENCE_COLUMNS: Final[tuple[str, ...]] = (
    "article_id", "idx", "paragraph", "start", "end", "text", "voice", "provenance", "tone",
)


def _actor_values(actor: ActorMention | None) -> list[object]:
    if actor is None:
        return [None] * len(_ACTOR)
    return [actor.code, actor.country, list(actor.roles), actor.text, *actor.span]


def _speaker_values(speaker: Speaker | None) -> list[object]:
    if speaker is None:
        return [None] * 4
    return [speaker.text, *speaker.span, speaker.code]


def _location_values(location: Location | None) -> list[object]:
    if location is None:
        return [None] * len(_LOCATION)
    start, end = location.span if location.span is not None else (None, None)
    return [location.name, location.text, location.country, location.lat, location.lon,
            start, end, location.source, location.kind, location.fips, location.adm1,
            location.feature_id]


def provenance_json(chain: Sequence[ProvenanceLink]) -> str:
    """A provenance chain as the JSON list the contract writes."""
    return json.dumps([
        {"kind": link.kind, "text": link.text, "code": link.code,
         "span": list(link.span) if link.span is not None else None}
        for link in chain
    ], ensure_ascii=False)


def provenance_from_json(value: object) -> tuple[ProvenanceLink, ...]:
    """The chain of a stored JSON list (empty for rows stored before it was kept)."""
    if not isinstance(value, str):
        return ()
    links = []
    for item in json.loads(value):
        span = item.get("span")
        links.append(ProvenanceLink(str(item["kind"]), str(item["text"]), item.get("code"),
                                    (int(span[0]), int(span[1])) if span else None))
    return tuple(links)


def event_values(article_id: int, rank: int, e: Event, is_root: bool) -> tuple[object, ...]:
    """One event as values in :data:`EVENT_COLUMNS` order."""
    code, evidence = e.code, e.evidence
    values: list[object] = [
        article_id, rank, e.doc_id, e.event_id,
        e.sentence.index, e.sentence.paragraph, e.sentence.text, *e.sentence.span,
        e.date,
        *_actor_values(e.source), *_actor_values(e.target),
        code.cameo, code.root, code.name, code.quad_class, code.goldstein, code.plover,
        code.plover_mode,
        e.modality.negated, e.modality.hypothetical, e.modality.future, e.modality.reported,
        e.counted,
        *_speaker_values(e.speaker),
        evidence.text, *evidence.span, evidence.trigger_text, *evidence.trigger_span,
        evidence.rule, e.salience, is_root,
        e.date_source, *_location_values(e.location), provenance_json(e.provenance), e.voice,
        e.tone, e.confidence, e.reciprocal,
    ]
    assert len(values) == len(EVENT_COLUMNS)
    return tuple(values)


def actor_values(article_id: int, a: ActorMention) -> tuple[object, ...]:
    return (article_id, a.sentence, a.code, a.country, list(a.roles), a.text, *a.span, a.rule,
            a.head)


def sentence_values(
    article_id: int, s: Sentence, context: SentenceContext | None = None
) -> tuple[object, ...]:
    if context is None:
        return (article_id, s.index, s.paragraph, *s.span, s.text, None, None, None)
    return (article_id, s.index, s.paragraph, *s.span, s.text, context.voice,
            provenance_json(context.provenance), context.tone)


def _int(row: Mapping[str, object], key: str) -> int:
    value = row[key]
    assert isinstance(value, int), key
    return value


def _str(row: Mapping[str, object], key: str) -> str:
    value = row[key]
    return value if isinstance(value, str) else ""


def _opt_str(row: Mapping[str, object], key: str) -> str | None:
    value = row[key]
    return value if isinstance(value, str) else None


def _span(row: Mapping[str, object], prefix: str) -> Span:
    return (_int(row, f"{prefix}_start"), _int(row, f"{prefix}_end"))


def _roles(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, Sequence) else ()


def _actor(row: Mapping[str, object], prefix: str, sentence: int) -> ActorMention | None:
    code = _opt_str(row, f"{prefix}_code")
    if code is None:
        return None
    return ActorMention(
        code=code, country=_opt_str(row, f"{prefix}_country"),
        roles=_roles(row[f"{prefix}_roles"]), text=_str(row, f"{prefix}_text"),
        span=_span(row, prefix), sentence=sentence, rule="store",
    )


def _float(row: Mapping[str, object], key: str) -> float | None:
    value = row.get(key)
    return float(value) if isinstance(value, float | int) else None


def _location(row: Mapping[str, object]) -> Location | None:
    name = _opt_str(row, "location_name") if "location_name" in row else None
    if name is None:
        return None
    start, end = row.get("location_start"), row.get("location_end")
    span = (start, end) if isinstance(start, int) and isinstance(end, int) else None
    return Location(
        name=name, text=_str(row, "location_text"), span=span,
        source=_str(row, "location_source"), country=_opt_str(row, "location_country"),
        lat=_float(row, "location_lat"), lon=_float(row, "location_lon"),
        kind=_opt_str(row, "location_kind") or "place", fips=_opt_str(row, "location_fips"),
        adm1=_opt_str(row, "location_adm1"), feature_id=_opt_str(row, "location_feature_id"),
    )


def event_from_row(row: Mapping[str, object]) -> Event:
    """Rebuild the model event of a stored row (actor rules are not kept per event)."""
    index = _int(row, "sentence_index")
    sentence = Sentence(index, _int(row, "sentence_paragraph"), _span(row, "sentence"),
                        _str(row, "sentence_text"))
    speaker_text = _opt_str(row, "speaker_text")
    speaker = None if speaker_text is None else Speaker(
        speaker_text, _span(row, "speaker"), _opt_str(row, "speaker_code"))
    goldstein = row["goldstein"]
    code = CodeInfo(
        _str(row, "cameo"), _str(row, "cameo_root"), _str(row, "cameo_name"),
        _int(row, "quad_class"), float(goldstein) if isinstance(goldstein, float | int) else 0.0,
        _opt_str(row, "plover"), _opt_str(row, "plover_mode"),
    )
    modality = Modality(*(bool(row[k]) for k in ("negated", "hypothetical", "future", "reported")))
    evidence = Evidence(_str(row, "evidence_text"), _span(row, "evidence"),
                        _str(row, "trigger_text"), _span(row, "trigger"), _str(row, "rule"))
    date = row["date"]
    salience = row["salience"]
    return Event(
        doc_id=_str(row, "doc_id"), event_id=_str(row, "event_id"), sentence=sentence,
        date=date if isinstance(date, dt.date) else None,
        source=_actor(row, "source", index), target=_actor(row, "target", index), code=code,
        modality=modality, evidence=evidence, speaker=speaker,
        salience=float(salience) if isinstance(salience, float | int) else 0.0,
        date_source=_opt_str(row, "date_source") or "article" if "date_source" in row
        else "article",
        location=_location(row), provenance=provenance_from_json(row.get("provenance")),
        voice=(_opt_str(row, "voice") if "voice" in row else None) or "outlet",
        tone=_float(row, "tone"), confidence=_float(row, "confidence"),
        reciprocal=bool(row.get("reciprocal")),
    )
