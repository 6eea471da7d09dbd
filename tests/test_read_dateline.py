"""Dateline recognition: shapes, year completion, impossible dates, non-datelines."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.read import parse_dateline
from eventwire.read.dateline import complete_year

REF = dt.date(2022, 3, 1)


@pytest.mark.parametrize(
    ("paragraph", "prefix", "place", "date", "outlet", "assumed"),
    [
        (
            "LONDON, February 10./TASS/: The ministers spoke by phone.",
            "LONDON, February 10./TASS/:",
            "LONDON", dt.date(2022, 2, 10), "TASS", True,
        ),
        (
            "MOSCOW, Feb 3 (Reuters) - Officials confirmed the visit.",
            "MOSCOW, Feb 3 (Reuters) -",
            "MOSCOW", dt.date(2022, 2, 3), "Reuters", True,
        ),
        (
            "WASHINGTON (AP) — Lawmakers returned on Monday.",
            "WASHINGTON (AP) —",
            "WASHINGTON", None, "AP", False,
        ),
        (
            "KYIV, Ukraine, March 3, 2021 /PRNewswire/ -- A charity opened an office.",
            "KYIV, Ukraine, March 3, 2021 /PRNewswire/ --",
            "KYIV, Ukraine", dt.date(2021, 3, 3), "PRNewswire", False,
        ),
        (
            "Geneva, 14 June 2019 (Example Wire): Delegates met again.",
            "Geneva, 14 June 2019 (Example Wire):",
            "Geneva", dt.date(2019, 6, 14), "Example Wire", False,
        ),
        (
            "BRUSSELS, Thursday, Jan. 6 (dpa) - Talks resumed.",
            "BRUSSELS, Thursday, Jan. 6 (dpa) -",
            "BRUSSELS", dt.date(2022, 1, 6), "dpa", True,
        ),
        (
            "NEW YORK—A delegation arrived late.",
            "NEW YORK—",
            "NEW YORK", None, None, False,
        ),
        (
            "RIO DE JANEIRO - Police closed the square.",
            "RIO DE JANEIRO -",
            "RIO DE JANEIRO", None, None, False,
        ),
        (
            "OSLO, 2020-05-17 (NTB) - Crowds gathered.",
            "OSLO, 2020-05-17 (NTB) -",
            "OSLO", dt.date(2020, 5, 17), "NTB", False,
        ),
    ],
)
def test_dateline_shapes(
    paragraph: str,
    prefix: str,
    place: str,
    date: dt.date | None,
    outlet: str | None,
    assumed: bool,
) -> None:
    dateline, offset = parse_dateline(paragraph, REF)
    assert dateline is not None
    assert paragraph[dateline.span[0] : dateline.span[1]] == prefix
    assert (dateline.place, dateline.date, dateline.outlet) == (place, date, outlet)
    assert dateline.year_assumed is assumed
    assert paragraph[offset:] == paragraph[len(prefix) :].lstrip()


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO — The alliance met in Brussels.",
        "Ukraine — a country of forty million — voted.",
        "Ukraine — The vote was close.",
        "TRUMP SAYS: THE DEAL IS OFF",
        "BREAKING — Parliament dissolved.",
        "KHARKIV - residents queued for water.",
        "The minister said on Monday - without notes - that talks failed.",
        "Thursday, May 5 - A quiet day.",
        "Officials (who spoke anonymously) - said little.",
        "",
        "   ",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert parse_dateline(paragraph, REF) == (None, 0)


def test_year_is_the_latest_on_or_before_the_reference() -> None:
    late, _ = parse_dateline("PARIS, December 30 (AFP) - Text.", dt.date(2022, 1, 5))
    same_day, _ = parse_dateline("PARIS, January 5 (AFP) - Text.", dt.date(2022, 1, 5))
    assert late is not None and late.date == dt.date(2021, 12, 30) and late.year_assumed
    assert same_day is not None and same_day.date == dt.date(2022, 1, 5)


def test_february_29_goes_back_to_a_leap_year() -> None:
    assert complete_year(2, 29, dt.date(2023, 6, 1)) == dt.date(2020, 2, 29)
    assert complete_year(2, 29, dt.date(2024, 2, 28)) == dt.date(2020, 2, 29)


def test_datetime_reference_is_accepted() -> None:
    dateline, _ = parse_dateline("ROME, May 2 (ANSA) - Text.", dt.datetime(2022, 6, 1, 12, 0))
    assert dateline is not None and dateline.date == dt.date(2022, 5, 2)


def test_no_reference_leaves_the_date_unknown() -> None:
    dateline, offset = parse_dateline("ROME, May 2 (ANSA) - Text.", None)
    assert dateline is not None and dateline.date is None and not dateline.year_assumed
    assert offset == len("ROME, May 2 (ANSA) - ")


@pytest.mark.parametrize(
    "paragraph", ["LONDON, February 30 (Reuters) - Text.", "LONDON, 31 April 2021 (PA) - Text."]
)
def test_impossible_date_gives_a_dateline_without_date(paragraph: str) -> None:
    dateline, offset = parse_dateline(paragraph, REF)
    assert dateline is not None and dateline.place == "LONDON"
    assert dateline.date is None
    assert paragraph[offset:] == "Text."


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_parse_dateline_never_raises(paragraph: str, reference: dt.date | None) -> None:
    dateline, offset = parse_dateline(paragraph, reference)
    assert 0 <= offset <= len(paragraph)
    if dateline is None:
        assert offset == 0
    else:
        assert 0 <= dateline.span[0] < dateline.span[1] <= offset


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["LONDON", "Kyiv, Ukraine", "NEW YORK", "Caracas"]),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_completed_year_is_never_after_the_reference(
    place: str, day: dt.date, reference: dt.date
) -> None:
    paragraph = f"{place}, {day:%B} {day.day} (Wire) - Text."
    dateline, _ = parse_dateline(paragraph, reference)
    assert dateline is not None and dateline.date is not None
    assert dateline.date <= reference
    assert (dateline.date.month, dateline.date.day) == (day.month, day.day)
    assert reference - dateline.date < dt.timedelta(days=366 * 8 + 2)
