"""Event places: the clause's place with gazetteer coordinates, else the dateline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.config import Config
from eventwire.enrich.gazetteer import load_gazetteer
from eventwire.enrich.places import Mention, clause_place, place_mentions
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


def _place_at(pipeline: Pipeline, text: str, trigger: str) -> str | None:
    """The words of the text that name the event's place, if the text names one."""
    event = _at(pipeline.code_text(text), trigger)
    location = event.location
    if location is None or location.source != "text" or location.span is None:
        return None
    return text[slice(*location.span)]


def test_a_subordinate_clause_places_the_event_when_its_own_clause_does_not(
    pipeline: Pipeline,
) -> None:
    text = "Two soldiers were killed when a bomb exploded near their convoy in Kandahar."
    assert _place_at(pipeline, text, "killed") == "Kandahar"


def test_a_subordinate_clause_reaches_the_verbs_it_takes_on(pipeline: Pipeline) -> None:
    text = "A reporter was shot while waiting to interview officials in Abidjan."
    assert _place_at(pipeline, text, "shot") == "Abidjan"


def test_a_contrasting_clause_tells_another_event_with_its_own_place(
    pipeline: Pipeline,
) -> None:
    text = "Students protested outside the ministry, while thousands of workers rallied in Harbin."
    assert _place_at(pipeline, text, "protested") is None


def test_a_place_naming_the_fighting_is_where_it_was(pipeline: Pipeline) -> None:
    assert _place_at(pipeline, "Forty fighters were killed in the Tikrit offensive.",
                     "killed") == "Tikrit"


def test_a_country_owning_a_building_or_striking_is_no_place(pipeline: Pipeline) -> None:
    assert _place_at(pipeline, "Protesters demonstrated outside the US embassy.",
                     "demonstrated") is None
    assert _place_at(pipeline, "Ten militants were killed in a U.S. airstrike.", "killed") is None


def test_a_march_takes_place_along_its_route(pipeline: Pipeline) -> None:
    assert _place_at(pipeline, "Thousands of students marched to Lisbon.", "marched") == "Lisbon"


def test_where_a_subject_serves_places_an_event_that_names_no_other(pipeline: Pipeline) -> None:
    text = "Omar Haddad, a commander in Mosul, was killed on Tuesday."
    assert _place_at(pipeline, text, "killed") == "Mosul"


def test_a_destination_of_another_verb_is_not_the_place(pipeline: Pipeline) -> None:
    text = "Troops went to the town of Jenin and killed two militants."
    assert _place_at(pipeline, text, "went") is None


# Parses built by hand: each rule is checked on the tree it is written for, whatever
# the statistical parser makes of a sentence.

Arc = tuple[str, int, str, str, str, str]
"""(word, head index, dependency, coarse tag, fine tag, entity IOB) of one token."""


def _doc(nlp: Language, arcs: list[Arc]) -> Doc:
    words, heads, deps, pos, tags, ents = (list(column) for column in zip(*arcs, strict=True))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=[w.lower() for w in words], ents=ents)


def _names(mentions: list[Mention]) -> list[str]:
    return [m.ent.text for m in mentions]


def test_an_opening_place_sets_the_scene_when_the_parse_hangs_it_elsewhere(
    nlp: Language,
) -> None:
    doc = _doc(nlp, [
        ("In", 5, "prep", "ADP", "IN", "O"), ("Lisbon", 0, "pobj", "PROPN", "NNP", "B-GPE"),
        (",", 5, "punct", "PUNCT", ",", "O"), ("people", 5, "nsubj", "NOUN", "NNS", "O"),
        ("crowded", 5, "ROOT", "VERB", "VBD", "O"), ("around", 5, "prep", "ADP", "IN", "O"),
        (",", 5, "punct", "PUNCT", ",", "O"), ("marched", 5, "dep", "VERB", "VBD", "O"),
        (".", 5, "punct", "PUNCT", ".", "O"),
    ])  # fmt: skip
    found = clause_place(doc[7], place_mentions(doc, load_gazetteer()))
    assert found is not None and found.ent.text == "Lisbon"


def test_a_place_inside_a_quoted_title_is_no_place(nlp: Language) -> None:
    doc = _doc(nlp, [
        ("Police", 1, "nsubj", "PROPN", "NNP", "O"), ("arrested", 1, "ROOT", "VERB", "VBD", "O"),
        ("the", 3, "det", "DET", "DT", "O"), ("author", 1, "dobj", "NOUN", "NN", "O"),
        ("of", 3, "prep", "ADP", "IN", "O"), ('"', 6, "punct", "PUNCT", "``", "O"),
        ("Nights", 4, "pobj", "PROPN", "NNPS", "O"), ("in", 6, "prep", "ADP", "IN", "O"),
        ("Lisbon", 7, "pobj", "PROPN", "NNP", "B-GPE"), ('"', 6, "punct", "PUNCT", "''", "O"),
        (".", 1, "punct", "PUNCT", ".", "O"),
    ])  # fmt: skip
    assert _names(place_mentions(doc, load_gazetteer())) == []


def test_a_mislabelled_name_in_a_place_slot_is_a_place_unless_it_is_an_actor(
    nlp: Language,
) -> None:
    doc = _doc(nlp, [
        ("Rebels", 1, "nsubj", "NOUN", "NNS", "O"), ("captured", 1, "ROOT", "VERB", "VBD", "O"),
        ("Brovka", 1, "dobj", "PROPN", "NNP", "B-ORG"), (".", 1, "punct", "PUNCT", ".", "O"),
    ])  # fmt: skip
    doc[1].lemma_ = "capture"
    assert _names(place_mentions(doc, load_gazetteer())) == ["Brovka"]
    assert _names(place_mentions(doc, load_gazetteer(), frozenset({2}))) == []


def test_a_chain_of_modifiers_yields_to_the_named_place(nlp: Language) -> None:
    doc = _doc(nlp, [
        ("Crowds", 1, "nsubj", "NOUN", "NNS", "O"), ("marched", 1, "ROOT", "VERB", "VBD", "O"),
        ("in", 1, "prep", "ADP", "IN", "O"), ("the", 6, "det", "DET", "DT", "O"),
        ("Belarus", 5, "compound", "PROPN", "NNP", "B-GPE"),
        ("capital", 6, "compound", "NOUN", "NN", "O"),
        ("Minsk", 2, "pobj", "PROPN", "NNP", "B-GPE"), (".", 1, "punct", "PUNCT", ".", "O"),
    ])  # fmt: skip
    found = clause_place(doc[1], place_mentions(doc, load_gazetteer()))
    assert found is not None and found.ent.text == "Minsk"


def test_a_name_compounding_a_place_noun_is_a_place(nlp: Language) -> None:
    doc = _doc(nlp, [
        ("A", 1, "det", "DET", "DT", "O"), ("bomb", 2, "nsubj", "NOUN", "NN", "O"),
        ("exploded", 2, "ROOT", "VERB", "VBD", "O"), ("in", 2, "prep", "ADP", "IN", "O"),
        ("the", 6, "det", "DET", "DT", "O"), ("Zorvan", 6, "compound", "PROPN", "NNP", "O"),
        ("region", 3, "pobj", "NOUN", "NN", "O"), (".", 2, "punct", "PUNCT", ".", "O"),
    ])  # fmt: skip
    assert _names(place_mentions(doc, load_gazetteer())) == ["Zorvan"]


def test_a_demonym_is_no_town_that_has_it_for_another_name(nlp: Language) -> None:
    doc = nlp("Troops captured a camp on the Thai border, and fighting raged in Aleppo.")
    names = _names(place_mentions(doc, load_gazetteer()))
    assert "Thai" not in names and "Aleppo" in names
