"""Quotes, speakers, provenance chains and voice."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.config import Config
from eventwire.model import CodedArticle, Event
from eventwire.pipeline import Pipeline
from eventwire.read.layout import Dating
from eventwire.read.text import text_article

STORY = (
    "Ministry speaks\n\n"
    "OSLO, March 2 (Example Wire) - Norway criticised Sweden over fishing quotas, the "
    "Norwegian Foreign Ministry said in a statement.\n\n"
    '"The minister noted that Sweden had broken the accord. Norway will meet Sweden '
    'in Bergen," the statement said.\n\n'
    "Fishing has long divided the two neighbours.\n\n"
    'Swedish Prime Minister Anna Lind dismissed the claims as "entirely without merit".\n'
)


@pytest.fixture(scope="module")
def coded(nlp: Language) -> CodedArticle:
    pipeline = Pipeline.from_config(Config(), nlp=nlp)
    article = text_article(STORY, doc_id="story", origin="story.txt",
                           dating=Dating(year_reference=dt.date(2022, 6, 1)))
    return next(iter(pipeline.code([article])))


def _at(coded: CodedArticle, trigger: str) -> Event:
    found = [e for e in coded.events if e.evidence.trigger_text == trigger]
    assert found, [e.evidence.trigger_text for e in coded.events]
    return found[0]


def test_reported_speech_names_the_organization_and_its_document(coded: CodedArticle) -> None:
    event = _at(coded, "criticised")
    assert event.voice == "reported"
    kinds = [link.kind for link in event.provenance]
    assert kinds == ["outlet", "organization", "document"]
    assert event.provenance[0].text == "Example Wire"
    assert event.provenance[2].text == "a statement"
    assert event.speaker is not None and "Foreign Ministry" in event.speaker.text


def test_a_quote_over_two_sentences_is_told_by_the_document(coded: CodedArticle) -> None:
    meet = _at(coded, "meet")  # the second sentence of the quotation
    assert meet.voice == "quoted"
    assert [link.kind for link in meet.provenance][:3] == ["outlet", "organization", "document"]
    assert meet.speaker is not None and "Foreign Ministry" in meet.speaker.text
    sentences = [c for c in coded.contexts if c.voice == "quoted"]
    assert len(sentences) == 2
    assert all(c.provenance[2].kind == "document" for c in sentences)


def test_speech_inside_a_quote_adds_its_speaker(coded: CodedArticle) -> None:
    inner = next(c for c in coded.contexts if c.voice == "quoted")
    assert inner.provenance[-1].kind == "person"
    assert inner.provenance[-1].text == "The minister"


def test_an_unattributed_sentence_is_the_outlets_voice(coded: CodedArticle) -> None:
    index = next(s.index for s in coded.sentences if s.text.startswith("Fishing"))
    context = coded.contexts[index]
    assert context.voice == "outlet"
    assert [link.kind for link in context.provenance] == ["outlet"]


def test_a_quoted_fragment_belongs_to_the_subject_of_its_verb(coded: CodedArticle) -> None:
    index = next(s.index for s in coded.sentences if s.text.startswith("Swedish"))
    context = coded.contexts[index]
    assert context.voice == "reported"
    assert context.provenance[-1].text == "Swedish Prime Minister Anna Lind"
    code = context.provenance[-1].code
    assert code is not None and code.endswith("GOV")  # the actor stage's code for the words
