"""Event dates: expressions in the event's clause, resolved against the article date."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.config import Config
from eventwire.enrich.dates import resolve_expression
from eventwire.pipeline import Pipeline
from eventwire.read.layout import Dating
from eventwire.read.text import text_article

THURSDAY = dt.date(2023, 6, 15)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Thursday", False, THURSDAY),
        ("Monday", False, dt.date(2023, 6, 12)),
        ("Monday", True, dt.date(2023, 6, 19)),
        ("yesterday", False, dt.date(2023, 6, 14)),
        ("last week", False, dt.date(2023, 6, 8)),
        ("June 3", False, dt.date(2023, 6, 3)),
        ("December 28", False, dt.date(2022, 12, 28)),
        ("December 28", True, dt.date(2023, 12, 28)),
        ("Feb. 12, 1989", False, dt.date(1989, 2, 12)),
    ],
)
def test_expressions_resolve_against_the_article_date(
    text: str, future: bool, expected: dt.date
) -> None:
    assert resolve_expression(text, THURSDAY, future=future) == expected


@pytest.mark.parametrize("text", ["two years", "the coming months", "decades"])
def test_durations_name_no_date(text: str) -> None:
    assert resolve_expression(text, THURSDAY) is None


def test_a_dateline_without_a_year_dates_a_relative_expression(nlp: Language) -> None:
    story = (
        "Talks end\n\nOSLO, March 2 (Example Wire) - Norway and Sweden signed a fisheries "
        "accord in Bergen on Monday, the ministry said.\n"
    )
    dating = Dating(year_reference=dt.date(2021, 3, 20))
    article = text_article(story, doc_id="oslo", origin="oslo.txt", dating=dating)
    assert article.dateline is not None and article.dateline.year_assumed
    coded = next(iter(Pipeline.from_config(Config(), nlp=nlp).code([article])))
    signed = [e for e in coded.events if e.evidence.trigger_text == "signed"]
    assert signed, [e.evidence.trigger_text for e in coded.events]
    assert signed[0].date == dt.date(2021, 3, 1)  # the Monday before Tuesday 2 March 2021
    assert signed[0].date_source == "text"
