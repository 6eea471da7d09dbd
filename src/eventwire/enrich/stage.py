"""The enrichment recipe for one article: find each event's trigger in the parse, then
read its date, place, tellers and tone.

Everything here is derived from the article, its parse and the already coded events;
the stage never adds or removes an event, so the coding metrics cannot move.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.enrich.dates import clause_date
from eventwire.enrich.gazetteer import Gazetteer, load_gazetteer
from eventwire.enrich.places import (
    Mention,
    clause_place,
    dateline_location,
    location_of,
    place_mentions,
)
from eventwire.enrich.provenance import ArticleVoices, article_voices
from eventwire.enrich.tone import ToneScorer, load_tone, weighted_tone
from eventwire.model import ActorMention, CodedArticle, Event, Location, Speaker
from eventwire.parse import ParsedArticle, ParsedParagraph, token_at


@dataclass(frozen=True)
class Enricher:
    """The resources of the stage, loaded on first use and shared by the process."""

    gazetteer: Callable[[], Gazetteer] = field(default=load_gazetteer)
    tone: Callable[[], ToneScorer] = field(default=load_tone)


def trigger_token(parsed: ParsedArticle, event: Event) -> tuple[ParsedParagraph, Token] | None:
    """The parse token of an event's trigger, with its paragraph."""
    return token_at(parsed, *event.evidence.trigger_span)


@dataclass(frozen=True)
class _ArticleContext:
    parsed: ParsedArticle
    reference: dt.date | None
    places: dict[int, list[Mention]]
    dateline: Location | None
    voices: ArticleVoices
    scorer: ToneScorer
    tones: Mapping[int, float]


def _when(event: Event, para: ParsedParagraph, token: Token, context: _ArticleContext) -> Event:
    if context.reference is None:
        return event
    found = clause_date(token, para.dates, para.offset, context.reference,
                        future=event.modality.future)
    if found is None:
        return replace(event, date=event.date or context.reference, date_source="article")
    return replace(event, date=found.date, date_source="text")


def _where(event: Event, para: ParsedParagraph, token: Token, context: _ArticleContext) -> Event:
    mention = clause_place(token, context.places.get(para.index, []))
    location = location_of(mention, para.offset) if mention is not None else context.dateline
    return replace(event, location=location)


def _enrich_event(event: Event, context: _ArticleContext) -> Event:
    tone = context.tones.get(event.sentence.index)
    if tone is None:
        tone = context.scorer.score(event.sentence.text)
    event = replace(event, tone=tone)
    found = trigger_token(context.parsed, event)
    if found is None:
        outlet = context.voices.outlet
        return replace(event, location=context.dateline, provenance=(outlet,))
    para, token = found
    voice = context.voices.for_trigger(para, token)
    event = replace(event, provenance=voice.provenance, voice=voice.voice,
                    speaker=_speaker(event.speaker, voice.speaker))
    return _where(_when(event, para, token, context), para, token, context)


def _actor_tokens(para: ParsedParagraph, mentions: Sequence[ActorMention]) -> frozenset[int]:
    """The indices of a paragraph's tokens that the actor stage read as actors other
    than a bare country, which is as often the place of a region it knows."""
    end = para.end
    found: set[int] = set()
    for mention in mentions:
        start, stop = mention.span
        if not mention.roles and mention.country is not None:
            continue
        if start >= end or stop <= para.offset:
            continue
        span = para.doc.char_span(start - para.offset, stop - para.offset,
                                  alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return frozenset(found)


def _speaker(coded: Speaker | None, told: Speaker | None) -> Speaker | None:
    """The teller found here, else the event stage's speaker; a code wherever one is known."""
    if told is None:
        return coded
    if coded is not None and told.code is None and coded.code is not None:
        return replace(told, code=coded.code)
    return told


def enrich_article(
    parsed: ParsedArticle,
    mentions: Sequence[ActorMention],
    events: Sequence[Event],
    enricher: Enricher,
    default_date: dt.date | None = None,
) -> CodedArticle:
    """The coded article with each event's context and the sentences' voices and tone."""
    article = parsed.article
    gazetteer = enricher.gazetteer()
    tone = enricher.tone()
    voices = article_voices(parsed, mentions)
    tones = {s.index: tone.score(s.text) for s in parsed.sentences}
    context = _ArticleContext(
        parsed=parsed,
        reference=article.date or default_date,
        places={p.index: place_mentions(p.doc, gazetteer, _actor_tokens(p, mentions))
                for p in parsed.paragraphs},
        dateline=dateline_location(article, gazetteer),
        voices=voices,
        scorer=tone,
        tones=tones,
    )
    enriched = tuple(_enrich_event(event, context) for event in events)
    contexts = voices.sentence_contexts(parsed.sentences, tones)
    article_tone = weighted_tone((s.text, tones[s.index]) for s in parsed.sentences)
    return CodedArticle(article, parsed.sentences, tuple(mentions), enriched, contexts,
                        article_tone)
