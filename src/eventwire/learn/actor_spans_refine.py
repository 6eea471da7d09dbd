"""Adjusting the dictionary coder's actor spans with the learned span model.

The coder's events keep their codes, their actors' codes and their evidence; the
model only changes what it is good at, the words of each side:

- **extent**: an actor's span becomes the model's span that overlaps it ("army" →
  "the Israeli army"), unless that span would also cover the event's other actor, its
  trigger or its speaker;
- **missing side**: an event without a target (or without a source) takes an actor
  mention of its sentence that lies inside a span the model labels ``TARGET`` (or
  ``SOURCE``); the mention was resolved by the dictionaries, so its code is theirs;
- **direction** (off by default): when the model labels the coder's source ``TARGET``
  and its target ``SOURCE`` the two swap, unless the coder coded both directions.
  On held-back sentences it changed nothing but mirrored pairs, and on other gold
  sets it undid correct passives ("released by X") and reversed verbs ("received
  assurances from X"), where the dictionaries know better than the word order.

Each change is noted in the event's ``extra`` so that an analyst sees what the model
did.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.language import Language

from eventwire.enrich.stage import trigger_token
from eventwire.events.extents import crosses
from eventwire.events.triggers import SPEECH_VERBS
from eventwire.learn.actor_spans import RoleSpan, label_docs, shipped_model
from eventwire.model import ActorMention, CodedArticle, Event, Span
from eventwire.parse import ParsedArticle

NOTE = "actor_spans"


@dataclass(frozen=True)
class SpanRefiner:
    """The span model (loaded on first use) and which adjustments to make."""

    model: Callable[[], Language] = field(default=shipped_model)
    swap: bool = False
    extend: bool = True
    fill_target: bool = True
    fill_source: bool = True


@dataclass(frozen=True)
class _Context:
    """What one article's events are adjusted against: its text, the coder's actor
    mentions by sentence, and all of its coded events."""

    text: str
    mentions: Mapping[int, Sequence[ActorMention]]
    events: Sequence[Event]
    statements: frozenset[int]
    """Positions in ``events`` of statements, whose words said the coder never makes a
    target ("X serenaded Y, an official said": Y is no target of the saying)."""


def label_at(spans: Sequence[RoleSpan], actor: ActorMention) -> str | None:
    """The label of the model span over the actor's head (else over any of its words)."""
    head = actor.head if actor.head is not None else actor.span[0]
    for span in spans:
        if span.start <= head < span.end:
            return span.label
    return next((s.label for s in spans if s.overlaps(*actor.span)), None)


def mirrored(event: Event, events: Sequence[Event]) -> bool:
    """Whether the coder also coded the reverse dyad in the sentence ("A met B", "A
    received B": each side acts on the other), a direction it chose on purpose."""
    if event.source is None or event.target is None:
        return False
    return any(
        e.sentence.index == event.sentence.index and e.source is not None
        and e.target is not None and e.source.span == event.target.span
        and e.target.span == event.source.span
        for e in events
    )


def _swapped(event: Event, spans: Sequence[RoleSpan], events: Sequence[Event]) -> Event:
    source, target = event.source, event.target
    if source is None or target is None or mirrored(event, events):
        return event
    if label_at(spans, source) != "TARGET" or label_at(spans, target) != "SOURCE":
        return event
    extra = (*event.extra, (NOTE, "source and target swapped"))
    return replace(event, source=target, target=source, extra=extra)


def _inside(span: RoleSpan, actor: ActorMention, other: ActorMention) -> bool:
    """Whether ``actor`` lies inside ``span`` and is no second mention of ``other``."""
    within = span.start <= actor.span[0] and actor.span[1] <= span.end
    return within and actor.code != other.code and not span.overlaps(*other.span)


def _filled(event: Event, spans: Sequence[RoleSpan], mentions: Sequence[ActorMention],
            role: str) -> Event:
    """The event with its missing ``role`` side taken from a mention inside a model
    span of that role; only when the other side is there to anchor the dyad."""
    missing, other = (event.target, event.source) if role == "target" else (event.source,
                                                                             event.target)
    if missing is not None or other is None:
        return event
    for span in (s for s in spans if s.label == role.upper()):
        for mention in (m for m in mentions if _inside(span, m, other)):
            extra = (*event.extra, (NOTE, f"{role} from the span model: {mention.text}"))
            if role == "target":
                return replace(event, target=mention, extra=extra)
            return replace(event, source=mention, extra=extra)
    return event


def _extended(actor: ActorMention | None, others: Sequence[Span],
              spans: Sequence[RoleSpan], text: str) -> ActorMention | None:
    """The actor with the words of the first model span over it, unless that span also
    covers words that are not this actor's: the event's other side ("Britain and
    Germany" of a dyad between them), its trigger, or its speaker."""
    if actor is None:
        return None
    for span in spans:
        if not span.overlaps(*actor.span) or (span.start, span.end) == actor.span:
            continue
        if crosses((span.start, span.end), actor.span, others):
            return actor
        return replace(actor, span=(span.start, span.end), text=text[span.start:span.end])
    return actor


def _with_extents(event: Event, spans: Sequence[RoleSpan], text: str) -> Event:
    fixed = [event.evidence.trigger_span] + ([event.speaker.span] if event.speaker else [])
    source_side = [event.source.span] if event.source else []
    target_side = [event.target.span] if event.target else []
    source = _extended(event.source, target_side + fixed, spans, text)
    target = _extended(event.target, source_side + fixed, spans, text)
    if source is event.source and target is event.target:
        return event
    extra = (*event.extra, (NOTE, "actor spans from the span model"))
    return replace(event, source=source, target=target, extra=extra)


def refine_event(event: Event, position: int, spans: Sequence[RoleSpan], context: _Context,
                 refiner: SpanRefiner) -> Event:
    """One event adjusted by its sentence's model spans (article offsets)."""
    mentions, text = context.mentions[event.sentence.index], context.text
    if refiner.swap:
        event = _swapped(event, spans, context.events)
    if refiner.fill_target and position not in context.statements:
        event = _filled(event, spans, mentions, "target")
    if refiner.fill_source:
        event = _filled(event, spans, mentions, "source")
    if refiner.extend:
        event = _with_extents(event, spans, text)
    return event


def is_statement(event: Event, parsed: ParsedArticle | None) -> bool:
    """A speech verb ("said", "added") by its lemma in the parse."""
    found = trigger_token(parsed, event) if parsed is not None else None
    return found is not None and found[1].lemma_.lower() in SPEECH_VERBS


def refine_articles(
    coded: Sequence[tuple[CodedArticle, ParsedArticle | None]], refiner: SpanRefiner
) -> list[CodedArticle]:
    """Articles with their events' actor spans adjusted.  The model runs once over the
    sentences that have events, of all the articles together (one short sentence at a
    time costs it twice as much); each article's parse, when given, tells speech verbs."""
    wanted = [(n, s) for n, (article, _) in enumerate(coded) for s in article.sentences
              if any(e.sentence.index == s.index for e in article.events)]
    labelled = label_docs(refiner.model(), [s.text for _, s in wanted]) if wanted else []
    labels: dict[int, dict[int, tuple[RoleSpan, ...]]] = {}
    for (n, sentence), spans in zip(wanted, labelled, strict=True):
        labels.setdefault(n, {})[sentence.index] = tuple(
            RoleSpan(r.label, r.start + sentence.span[0], r.end + sentence.span[0])
            for r in spans
        )
    return [_refined(article, parsed, labels.get(n, {}), refiner)
            for n, (article, parsed) in enumerate(coded)]


def refine_article(coded: CodedArticle, refiner: SpanRefiner,
                   parsed: ParsedArticle | None = None) -> CodedArticle:
    """One article with its events' actor spans adjusted (see :func:`refine_articles`)."""
    return refine_articles([(coded, parsed)], refiner)[0]


def _refined(coded: CodedArticle, parsed: ParsedArticle | None,
             labels: Mapping[int, tuple[RoleSpan, ...]], refiner: SpanRefiner) -> CodedArticle:
    if not coded.events:
        return coded
    indices = {e.sentence.index for e in coded.events}
    by_sentence: Mapping[int, list[ActorMention]] = {
        i: [m for m in coded.actors if m.sentence == i] for i in indices
    }
    statements = frozenset(n for n, e in enumerate(coded.events) if is_statement(e, parsed))
    context = _Context(coded.article.text, by_sentence, coded.events, statements)
    events = tuple(
        refine_event(e, n, labels.get(e.sentence.index, ()), context, refiner)
        for n, e in enumerate(coded.events)
    )
    return replace(coded, events=events)
