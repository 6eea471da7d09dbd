"""Reading the JSONL event contract the way every scorer needs it.

Scorers see predictions only as the dicts ``eventwire code --format jsonl`` writes, so
the metrics are the metrics of that output.  The dicts are typed ``object`` all the
way down; these helpers are the one place that decides what a missing or malformed
field means (an absent actor is ``-``, an unusable span is ``None``), so no scorer
can disagree with another about it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

NO_ACTOR = "-"
"""The actor of a missing source or target, in gold and in predictions alike."""

Prediction = Mapping[str, object]
Span = tuple[int, int]


def is_counted(event: Prediction) -> bool:
    """Negated and hypothetical events are not counted (gold README)."""
    return not (event.get("negated") is True or event.get("hypothetical") is True)


def counted(events: Sequence[Prediction]) -> list[Prediction]:
    """The counted events of one record, in output order."""
    return [event for event in events if is_counted(event)]


def text_field(data: object, key: str) -> str | None:
    """``data[key]`` when ``data`` is a mapping and the value a non-empty string."""
    if not isinstance(data, Mapping):
        return None
    value = data.get(key)
    return value if isinstance(value, str) and value else None


def mapping_field(data: object, key: str) -> Mapping[str, object] | None:
    """``data[key]`` when it is a mapping."""
    if not isinstance(data, Mapping):
        return None
    value = data.get(key)
    return value if isinstance(value, Mapping) else None


def as_span(value: object) -> Span | None:
    """A ``[start, end]`` list (or ``{start, end}`` object) as a pair; else ``None``."""
    if isinstance(value, Mapping):
        value = [value.get("start"), value.get("end")]
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    start, end = value
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
        return (start, end)
    return None


def actor_code(event: Prediction, role: str) -> str:
    """The full CAMEO code of the event's ``source`` or ``target``; ``-`` when none."""
    code = text_field(event.get(role), "code")
    return code.upper() if code else NO_ACTOR


def actor_country(event: Prediction, role: str) -> str:
    """The actor's ``country``, else the first three letters of its code; ``-`` if none."""
    country = text_field(event.get(role), "country")
    if country:
        return country.upper()
    code = actor_code(event, role)
    return code if code == NO_ACTOR else code[:3]


def actor_roles(event: Prediction, role: str) -> tuple[str, ...]:
    """The role codes (GOV, MIL, ...) of the event's actor, upper-cased."""
    actor = mapping_field(event, role)
    roles = actor.get("roles") if actor else None
    if not isinstance(roles, list):
        return ()
    return tuple(r.upper() for r in roles if isinstance(r, str) and r)


def actor_span(event: Prediction, role: str) -> Span | None:
    """The character span of the event's actor in the record text."""
    actor = mapping_field(event, role)
    return as_span(actor.get("span")) if actor else None


def cameo(event: Prediction) -> str | None:
    """The event's CAMEO code."""
    return text_field(event, "cameo")


def cameo_root(event: Prediction) -> str | None:
    """The event's CAMEO root: ``cameo_root``, else the code's first two digits."""
    root = text_field(event, "cameo_root")
    if root:
        return root
    code = cameo(event)
    return code[:2] if code else None


def trigger_span(event: Prediction) -> Span | None:
    """The span of the event's trigger word(s): ``evidence.trigger.span``."""
    trigger = mapping_field(mapping_field(event, "evidence"), "trigger")
    return as_span(trigger.get("span")) if trigger else None


def overlaps(a: Span, b: Span) -> bool:
    """Whether two non-empty ``[start, end)`` spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def describe(event: Prediction) -> str:
    """One coded event for an error listing: code, PLOVER type, actors, rule, modality."""
    code = cameo(event) or "?"
    plover = text_field(event, "plover")
    rule = text_field(mapping_field(event, "evidence"), "rule") or "?"
    flags = [flag for flag in ("negated", "hypothetical") if event.get(flag) is True]
    parts = [code + (f"/{plover}" if plover else ""),
             f"{actor_code(event, 'source')} -> {actor_code(event, 'target')}", f"rule={rule}"]
    if flags:
        parts.append(f"({', '.join(flags)})")
    return " ".join(parts)


def describe_all(events: Sequence[Prediction]) -> str:
    """Every coded event of a record, in output order; ``(nothing)`` for none."""
    return "; ".join(describe(event) for event in events) or "(nothing)"
