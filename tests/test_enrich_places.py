"""Event places: the clause's place with gazetteer coordinates, else the dateline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.config import Config
from eventwire.enrich.gazetteer import load_gazetteer
from eventwire.model import CodedArticle, Event
from eventwire.pipeline import Pipeline
from eventwire.read.layout import Dating
from eventwire.read.text import text_article


@pytest.fixture(scope="module")
def pipeline(nlp: Language) -> Pipeline:
    return Pipeline.from_config(Config(), nlp=nlp)


def _at(coded: CodedArticle, trigger: str) -> Event:
    found = [e for e in coded.events if e.evidence.trigger_text == trigger]
    assert found, [e.evidence.trigger_text for e in coded.events]
    return found[0]


def test_gazetteer_knows_cities_countries_and_news_names() -> None:
    gazetteer = load_gazetteer()
    lisbon = gazetteer.lookup("Lisbon")
    assert lisbon is not None and lisbon.country == "PRT" and lisbon.kind == "city"
    assert lisbon.lat is not None and 38 < lisbon.lat < 39.5
    britain = gazetteer.lookup("Britain")
    assert britain is not None and britain.country == "GBR" and britain.fips == "UK"
    assert britain.lat is not None and 49 < britain.lat < 59  # a centre inside the country
    assert gazetteer.lookup("the Netherlands") is not None
    assert gazetteer.lookup("Nowhereville Junction") is None


def test_the_clause_names_the_place(pipeline: Pipeline) -> None:
    text = "Spain and Portugal held talks in Lisbon on fishing quotas."
    event = _at(pipeline.code_text(text), "held")
    assert event.location is not None
    assert event.location.source == "text"
    assert event.location.span is not None
    assert text[slice(*event.location.span)] == "Lisbon"
    assert event.location.country == "PRT" and event.location.lat is not None


def test_a_place_that_describes_a_participant_is_not_the_place(pipeline: Pipeline) -> None:
    text = "Soldiers, who have bases in Greece, attacked rebels."
    event = _at(pipeline.code_text(text), "attacked")
    assert event.location is None


def test_a_place_the_gazetteer_lacks_is_kept_by_its_place_noun(pipeline: Pipeline) -> None:
    text = "Police arrested two protesters in the village of Zorvanka."
    event = _at(pipeline.code_text(text), "arrested")
    assert event.location is not None and event.location.text == "Zorvanka"
    assert event.location.lat is None


def test_without_a_place_in_the_clause_the_dateline_places_the_event(
    pipeline: Pipeline,
) -> None:
    text = "VIENNA, May 4 (Example Wire) - Austria criticised Hungary over the dam.\n"
    article = text_article(text, doc_id="vienna", origin="vienna.txt",
                           dating=Dating(year_reference=dt.date(2022, 6, 1)))
    event = _at(next(iter(pipeline.code([article]))), "criticised")
    assert event.location is not None and event.location.source == "dateline"
    assert event.location.country == "AUT"
