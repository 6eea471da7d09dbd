"""Wire-story datelines: ``LONDON, February 10./TASS/:``, ``MOSCOW, Feb 3 (Reuters) -``.

A dateline names where (and often when, and by whom) a story was filed.  It is cut off
its paragraph so that the parser does not read the place as the subject of the first
sentence, and its date dates the article.

Recognised shapes, all at the very start of a paragraph:

* ``PLACE[, Region][ (Region)][, DATE][ (Outlet) | /Outlet/] SEP`` where SEP is ``:``, ``-``,
  ``--``, an en or em dash (or ``.`` right after an outlet), e.g.
  ``KYIV, Ukraine, March 3, 2022 /PRNewswire/ --`` or ``WASHINGTON (AP) —``;
* a bare ``PLACE —`` (``NEW YORK—``, ``KHARKIV -``) only when the place is written in
  capitals, is not a known label or acronym (``BREAKING``, ``NATO``), is followed by a
  dash (not a colon: ``TRUMP SAYS:`` is a headline style) and the body starts with a
  capital, digit or quote.  A mixed-case place needs a date or an outlet, because
  ``Ukraine — ...`` is far more often an ordinary sentence than a dateline.

Dates: ``February 10``, ``Feb. 3``, ``3 March``, ``March 3, 2022``, ``2022-03-03``,
optionally after a weekday.  **Year assumption:** a date without a year takes the year
that puts it closest before, or on, the *reference date* (``--date`` when given, else
a date in the file's name, else the file's modification time; records and HTML pages
use their own metadata date first).  So ``December 30`` read with reference
2022-01-05 is 2021-12-30, and ``February 29`` goes back to the latest leap year.
Such a dateline has ``year_assumed=True``.  Without a reference the date stays
unknown (``None``); an impossible date (``February 30``) also gives ``date=None``,
never an error.
"""

from __future__ import annotations

import datetime as dt
import re

from eventwire.model import Dateline

MAX_DATELINE_CHARS = 200
"""Only this much of a paragraph is searched: a dateline is short, and it bounds work."""

_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CONNECTORS = frozenset((
    "de", "da", "del", "do", "dos", "das", "di", "la", "le", "les", "el", "al", "of",
    "upon", "on", "am", "an", "der", "sur", "en", "y",
))  # fmt: skip
_NOT_PLACES = frozenset((
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "OPINION", "ANALYSIS",
    "EDITORIAL", "LIVE", "VIDEO", "PHOTOS", "PHOTO", "FACTBOX", "EXPLAINER", "NEWS",
    "NOTE", "CORRECTION", "REVIEW", "COMMENT", "FEATURE", "INTERVIEW", "BULLETIN",
    "FLASH", "URGENT", "ALERT", "READ MORE", "ADVERTISEMENT", "NATO", "OSCE", "IAEA",
    "WHO", "USA", "EU", "UN", "UK", "US", "FBI", "CIA", "KGB", "FSB", "SBU", "OPEC",
    "BRICS",
))  # fmt: skip
_QUOTES = "\"'“‘«„"

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_WEEKDAY_NAME = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_WEEKDAY = rf"{_WEEKDAY_NAME},?\s+"
_DATE = (
    rf"(?:{_WEEKDAY})?(?:"
    rf"(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?(?:,?\s+(?P<y2>\d{{4}}))?"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r")(?!\d)"
)
_WORD = r"[^\W\d_][\w'’.\-]*"
_PLACE = (
    rf"{_WORD}(?:\s+(?:(?:{'|'.join(sorted(_CONNECTORS))})\s+)?{_WORD}){{0,4}}"
    rf"(?:,\s*(?!{_WEEKDAY_NAME}\b){_WORD}(?:\s+{_WORD}){{0,3}}){{0,2}}"
    r"(?:\s*\([^()\n]{1,30}\)(?=\s*\())?"  # ``Caxias do Sul (Brazil) (AFP)``
)
_SEP = r"(?:—|–|―|--|-|:)"
_DATELINE = re.compile(
    rf"\s*(?P<place>{_PLACE})"
    rf"(?:,\s*(?P<date>{_DATE})\.?)?"
    r"\s*(?P<outlet>\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?"
    rf"\s*(?P<sep>(?(outlet)(?:{_SEP}|\.)|{_SEP}))"
    r"\s*"
)


def parse_dateline(paragraph: str, default_date: dt.date | None) -> tuple[Dateline | None, int]:
    """The dateline at the start of ``paragraph`` and the offset where its body starts.

    ``default_date`` is the reference that completes a date without a year (see the
    module notes).  Spans are offsets into ``paragraph``.  Never raises; a paragraph
    without a dateline gives ``(None, 0)``.
    """
    match = _DATELINE.match(paragraph[:MAX_DATELINE_CHARS])
    if match is None or not _plausible(match, paragraph):
        return None, 0
    reference = _as_date(default_date)
    date, assumed = _resolve_date(match, reference) if match["date"] else (None, False)
    outlet = match["outlet"][1:-1].strip() if match["outlet"] else None
    span = (match.start("place"), match.end("sep"))
    dateline = Dateline(
        place=" ".join(match["place"].split()),
        date=date,
        outlet=outlet or None,
        span=span,
        year_assumed=assumed,
    )
    return dateline, match.end()


def _plausible(match: re.Match[str], paragraph: str) -> bool:
    """Reject matches that are more likely ordinary text than a dateline."""
    words = re.sub(r"\(.*\)", " ", match["place"]).replace(",", " ").split()
    if not all(w in _CONNECTORS or w[0].isupper() for w in words):
        return False
    if words[0].lower().rstrip(".") in _MONTHS + _WEEKDAYS:
        return False
    if match["outlet"] and not _plausible_outlet(match["outlet"][1:-1]):
        return False
    if match["date"] or match["outlet"]:
        return True
    return _plausible_bare(match, paragraph)


def _plausible_outlet(outlet: str) -> bool:
    """``(AP)``, ``/TASS/``, ``(dpa)``, ``(Example Wire)``, but not ``(who spoke ...)``."""
    words = outlet.split()
    if not words or len(words) > 5 or not any(c.isalpha() for c in outlet):
        return False
    return len(words) == 1 or any(w[0].isupper() for w in words)


def _plausible_bare(match: re.Match[str], paragraph: str) -> bool:
    """``NEW YORK—`` style: capitals, a dash, and a body that starts like a sentence."""
    place = match["place"].split(",")[0]  # ``KYIV, Ukraine —``: the region may be mixed case
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 3 or not all(c.isupper() for c in letters):
        return False
    if " ".join(place.split()) in _NOT_PLACES or match["sep"] == ":":
        return False
    body = paragraph[match.end() : match.end() + 1]
    return bool(body) and (body.isupper() or body.isdigit() or body in _QUOTES)


def _as_date(value: dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _resolve_date(match: re.Match[str], reference: dt.date | None) -> tuple[dt.date | None, bool]:
    """The date of a dateline, and whether its year was assumed from ``reference``."""
    if match["iso"]:
        try:
            return dt.date.fromisoformat(match["iso"]), False
        except ValueError:
            return None, False
    month = _month_number(match["m1"] or match["m2"])
    day = int(match["d1"] or match["d2"])
    year = match["y1"] or match["y2"]
    if year:
        try:
            return dt.date(int(year), month, day), False
        except ValueError:
            return None, False
    if reference is None:
        return None, False
    completed = complete_year(month, day, reference)
    return completed, completed is not None


def _month_number(word: str) -> int:
    prefix = word.lower()[:3]
    return next(i for i, name in enumerate(_MONTHS, start=1) if name.startswith(prefix))


def complete_year(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The latest date with this month and day on or before ``reference``.

    Looks back eight years so that February 29 finds a leap year; an impossible
    month and day gives ``None``.
    """
    for year in range(reference.year, reference.year - 9, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    return None
