"""When an event happened: a date expression in its clause, resolved against the
article's date.

Wires date events relative to the story ("on Thursday", "yesterday", "last week") or
by day and month without a year ("February 10").  spaCy finds the expressions (DATE
entities); ``dateparser``, a maintained date library, resolves them against the
article's date.  Only expressions attached to the event's own clause count
(:mod:`eventwire.enrich.clause`), so "said on Thursday" does not date what was said
to have happened.

Direction: a weekday names the latest such day on or before the article's date for a
past event and the next one for an announced event.  A day and month without a year
that would fall after the article's date moves to the year before only when the
event is in the past; an announced event keeps the coming date.  Expressions that
name no calendar point (durations such as "two years", "the coming months") are
left alone, and an event without a usable expression keeps the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import dateparser
from spacy.tokens import Span, Token

from eventwire.enrich.clause import attachment, event_anchor

_POINT: Final = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\byesterday\b|\btoday\b|\btonight\b"
    r"|\btomorrow\b|\bago\b|\blast (week|month|year)\b|\bnext (week|month|year)\b"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d|\b\d{1,2} "
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\b(january|february|march|april"
    r"|june|july|august|september|october|november|december) \d{4}\b|\b\d{4}-\d\d-\d\d\b",
    re.IGNORECASE,
)
"""Expressions that name a calendar point; anything else is a duration or vague."""
_YEAR: Final = re.compile(r"\b\d{4}\b")
_WEEKDAY: Final = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_CUT: Final = re.compile(r"\b(on|since|until|from|by|in|at|of|the|late|early|earlier|later)\b",
                         re.IGNORECASE)


@dataclass(frozen=True)
class ResolvedDate:
    """A date read from the text, with the words it came from (article offsets)."""

    date: dt.date
    text: str
    span: tuple[int, int]


def resolve_expression(
    text: str, reference: dt.date, *, future: bool = False
) -> dt.date | None:
    """The calendar date ``text`` names, read from ``reference`` (the article's date).

    ``future`` says the event is announced rather than past; it decides the
    direction of a weekday and whether a day-month after ``reference`` stays there.
    """
    if not _POINT.search(text):
        return None
    cleaned = " ".join(_CUT.sub(" ", text).split())
    weekday = _WEEKDAY.search(cleaned) is not None
    prefer = "future" if (future and weekday) else "current_period"
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(reference, dt.time(12)),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    day: dt.date = parsed.date()
    if day > reference and not future and not _YEAR.search(text) and not weekday:
        day = _year_before(day)
    return day


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # February 29
        return day.replace(year=day.year - 1, day=28)


def clause_date(
    trigger: Token, dates: Sequence[Span], offset: int, reference: dt.date, *, future: bool
) -> ResolvedDate | None:
    """The first resolvable date expression attached to the event's clause, among the
    paragraph's ``dates`` (its DATE entities, collected once per paragraph)."""
    anchors = [trigger, event_anchor(trigger)]
    sentence = trigger.sent
    found: list[tuple[int, int, ResolvedDate]] = []
    for ent in dates:
        if ent.start < sentence.start or ent.end > sentence.end:
            continue  # a clause's dates hang in its own sentence's tree
        for rank, anchor in enumerate(anchors):
            path = attachment(ent.root, anchor)
            if path is None or path.tier > 0:
                continue
            day = resolve_expression(ent.text, reference, future=future)
            if day is not None:
                span = (offset + ent.start_char, offset + ent.end_char)
                found.append((rank, ent.start_char, ResolvedDate(day, ent.text, span)))
            break
    return min(found, key=lambda item: item[:2])[2] if found else None
