"""Property tests of the dateline parser: every written form of a date reads back exactly.

``test_read_dateline`` checks that arbitrary text never raises and that an assumed
year is never after the reference; here the dateline is generated in every shape the
parser documents (month-day-year, day-month-year, ISO, abbreviations, a weekday, an
outlet in parentheses or slashes), with real and impossible dates, and the parse must
give back the place, the date (or none for an impossible one) and the body untouched.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.read.dateline import parse_dateline

EXAMPLES = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # a busy CI machine
PLACES = ("LONDON", "Kyiv", "NEW YORK", "Rio de Janeiro", "KHARKIV, Ukraine", "Geneva")
OUTLETS = (" (Reuters)", " /TASS/", " (Example Wire)", " (AP)")
SEPARATORS = (" -", " —", " –", ":", " --")
BODY = "Officials said talks would resume."


def _written(day: dt.date, style: int, short: bool) -> str:
    month = f"{day:%b}." if short and day.month != 5 else f"{day:%B}"
    return (
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        day.isoformat(),
        f"{day:%A}, {month} {day.day}, {day.year}",
    )[style]


@EXAMPLES
@given(
    st.sampled_from(PLACES),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(0, 3), st.booleans(), st.sampled_from(OUTLETS), st.sampled_from(SEPARATORS),
    st.one_of(st.none(), st.dates()),
)  # fmt: skip
def test_written_dates_read_back_exactly(
    place: str, day: dt.date, style: int, short: bool, outlet: str, sep: str,
    reference: dt.date | None,
) -> None:  # fmt: skip
    paragraph = f"{place}, {_written(day, style, short)}{outlet}{sep} {BODY}"
    dateline, offset = parse_dateline(paragraph, reference)
    assert dateline is not None, paragraph
    assert dateline.place == place and dateline.date == day and not dateline.year_assumed
    assert paragraph[offset:] == BODY
    assert dateline.outlet == outlet.strip(" ()/")


@EXAMPLES
@given(
    st.sampled_from(PLACES),
    st.sampled_from([(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31), (2, 29)]),
    st.integers(1990, 2030), st.booleans(), st.sampled_from(OUTLETS),
)  # fmt: skip
def test_impossible_dates_give_no_date_and_keep_the_body(
    place: str, month_day: tuple[int, int], year: int, with_year: bool, outlet: str
) -> None:
    month, day = month_day
    if (month, day) == (2, 29) and (not with_year or year % 4 == 0):
        return  # a real leap day, or one a reference year could complete
    name = dt.date(2001, month, 1).strftime("%B")
    written = f"{name} {day}, {year}" if with_year else f"{name} {day}"
    paragraph = f"{place}, {written}{outlet} - {BODY}"
    dateline, offset = parse_dateline(paragraph, dt.date(2024, 6, 1))
    assert dateline is not None and dateline.date is None
    assert paragraph[offset:] == BODY
