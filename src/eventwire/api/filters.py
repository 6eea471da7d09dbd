"""Event filters from request parameters, checked against the code tables.

A filter on a code that does not exist would silently match nothing; the analyst
should hear that ``CAMEO 99`` or ``PLOVER ATTACK`` is unknown instead.  The API's
typed parameters and the web page's form strings both end here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Final

from eventwire.codes import is_cameo_prefix, plover_types
from eventwire.store import EventFilter

ACTOR_PATTERN: Final = r"^[A-Za-z]{1,30}$"
CAMEO_PATTERN: Final = r"^[0-9]{1,4}$"
DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_ACTOR = re.compile(ACTOR_PATTERN)
DATE_PATTERN_RE = re.compile(DATE_PATTERN)
CURSOR_PATTERN: Final = r"^[0-9]{1,18}\.[0-9]{1,9}$"
_CURSOR = re.compile(CURSOR_PATTERN)


class BadInput(ValueError):
    """A request value that is well-formed but wrong; becomes a 422 naming ``field``."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.field}: {self.problem}"


def actor_prefix(field: str, value: str | None) -> str | None:
    """An actor code prefix in upper case, None when empty; raises :class:`BadInput`."""
    if value is None or value == "":
        return None
    if not _ACTOR.match(value):
        raise BadInput(field, f"{value!r} is not an actor code prefix (letters only, e.g. RUSGOV)")
    return value.upper()


def _cameo(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not is_cameo_prefix(value):
        raise BadInput("cameo", f"no CAMEO event code starts with {value!r}")
    return value


def _plover(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in plover_types():
        raise BadInput("plover", f"unknown PLOVER type {value!r}; one of "
                       + ", ".join(plover_types()))
    return value


def event_filter(
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    cameo: str | None = None,
    plover: str | None = None,
    quad_class: int | None = None,
    text: str | None = None,
    counted: bool = False,
    min_confidence: float | None = None,
) -> EventFilter:
    """A store filter from already typed values; raises :class:`BadInput`."""
    if quad_class is not None and not 1 <= quad_class <= 4:
        raise BadInput("quad_class", "QuadClass is 1, 2, 3 or 4")
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise BadInput("min_confidence", "a confidence is between 0 and 1")
    return EventFilter(
        start=start, end=end, actor=actor_prefix("actor", actor),
        source=actor_prefix("source", source), target=actor_prefix("target", target),
        cameo=_cameo(cameo), plover=_plover(plover),
        quad_class=quad_class, text=text or None, counted_only=counted,
        min_confidence=min_confidence,
    )


def as_date(field: str, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD date, None when absent; raises :class:`BadInput` (only that form,
    not the timestamps and other forms a lax parser would take)."""
    if value is None:
        return None
    try:
        if not DATE_PATTERN_RE.match(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadInput(field, f"{value!r} is not a date in YYYY-MM-DD form") from None


def _date(form: Mapping[str, str], key: str) -> dt.date | None:
    return as_date(key, form.get(key, "").strip() or None)


def _int(form: Mapping[str, str], key: str) -> int | None:
    value = form.get(key, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise BadInput(key, f"{value!r} is not a number")
    return int(value)


def _fraction(form: Mapping[str, str], key: str) -> float | None:
    value = form.get(key, "").strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise BadInput(key, f"{value!r} is not a number") from None


def filter_from_form(form: Mapping[str, str]) -> EventFilter:
    """A store filter from a web form's strings (empty fields are no restriction)."""
    def text(key: str) -> str | None:
        return form.get(key, "").strip() or None

    return event_filter(
        start=_date(form, "from"), end=_date(form, "to"), actor=text("actor"),
        source=text("source"), target=text("target"), cameo=text("cameo"),
        plover=text("plover"), quad_class=_int(form, "quad_class"), text=text("text"),
        counted=form.get("counted", "") in {"1", "true", "on"},
        min_confidence=_fraction(form, "min_confidence"),
    )


def encode_cursor(key: tuple[int, int] | None) -> str | None:
    """The page cursor of the store's event key: ``ARTICLE.RANK`` of the last event seen.

    Any such pair is a valid place to go on from (keyset paging), so a cursor can be
    kept, shared or written by hand.
    """
    return None if key is None else f"{key[0]}.{key[1]}"


def decode_cursor(cursor: str | None) -> tuple[int, int] | None:
    """The event key of a cursor from :func:`encode_cursor`; raises :class:`BadInput`."""
    if cursor is None or cursor == "":
        return None
    if not _CURSOR.match(cursor):
        raise BadInput("cursor", "not a cursor (ARTICLE.RANK, as next_cursor gives)")
    article, rank = cursor.split(".")
    return int(article), int(rank)
