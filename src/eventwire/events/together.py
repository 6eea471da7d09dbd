"""Parties named together: one phrase for a coordination that acts as one side.

"Kenya and Uganda agreed to a ceasefire" or "India and Pakistan violated the truce"
names two parties doing an act that takes no other party: they do it with each
other, or as one, and a reader marks "Kenya and Uganda" as who did it, not either
name alone.  An act with another party ("Kenya and Uganda condemned Somalia") is
each one's own, and so is each reading of an act coded both ways between the two
("Kenya and Uganda signed an agreement"): there each side keeps its own name, since
a span must not mean both sides of one event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.extents import NOTE, overlap, phrase_of
from eventwire.model import ActorMention, Event, Span
from eventwire.parse import ParsedArticle, token_at

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
NOUNS = frozenset({"NOUN", "PROPN"})
NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "flat"})
"""Links from a word of a name up to the noun it helps name ("Costa" → "Rica")."""


def together(events: Sequence[Event], parsed: ParsedArticle) -> list[Event]:
    """The events with the source of each act a coordination does as one party spanning
    the coordination, when every part of it is a source of that act too (so "the
    border and forces" is no party: only the forces acted)."""
    acting = {key for event in events if (key := _acting(event, parsed)) is not None}
    return [_joined(event, parsed, acting) for event in events]


def _acting(event: Event, parsed: ParsedArticle) -> tuple[Span, int, int] | None:
    """The event's trigger with its source's paragraph and head word."""
    found = _head(event.source, parsed) if event.source is not None else None
    return None if found is None else (event.evidence.trigger_span, found[0], found[1].i)


def _joined(event: Event, parsed: ParsedArticle, acting: set[tuple[Span, int, int]]) -> Event:
    found = joint_parts(event, parsed)
    if found is None or event.source is None:
        return event
    offset, parts = found
    trigger = event.evidence.trigger_span
    if any((trigger, offset, part.i) not in acting for part in parts):
        return event
    span = offset + phrase_of(parts[0])[0], offset + phrase_of(parts[-1])[1]
    fixed = [trigger] + ([event.speaker.span] if event.speaker else [])
    if any(overlap(span, other) for other in fixed):
        return event
    text = parsed.article.text[span[0]:span[1]]
    extra = event.extra if any(key == NOTE for key, _ in event.extra) else (
        *event.extra, (NOTE, f"source: {event.source.text}"))
    return replace(event, source=replace(event.source, span=span, text=text), extra=extra)


def joint_parts(event: Event, parsed: ParsedArticle) -> tuple[int, list[Token]] | None:
    """The paragraph offset and the conjuncts, in text order, of the coordinated
    subject that is the one party of an event without a target (see the module doc)."""
    if event.source is None or event.target is not None:
        return None
    found = _head(event.source, parsed)
    if found is None:
        return None
    offset, head = found
    parts = _subject_parts(head)
    return (offset, parts) if parts else None


def _head(actor: ActorMention, parsed: ParsedArticle) -> tuple[int, Token] | None:
    """The paragraph offset and the head of the noun phrase an actor names."""
    at = actor.head if actor.head is not None else actor.span[0]
    found = token_at(parsed, at, at + 1)
    if found is None:
        return None
    token = found[1]
    while token.dep_ in NAME_DEPS and token.head.pos_ in NOUNS and token.head is not token:
        token = token.head
    return found[0].offset, token


def _coordination(token: Token) -> list[Token]:
    """The conjuncts of the coordination a noun is part of, in text order; the first
    carries the coordination's own link in the clause."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return sorted([token, *token.conjuncts], key=lambda t: t.i)


def _subject_parts(head: Token) -> list[Token]:
    """The conjuncts of a coordinated subject of nouns the actor is one of."""
    parts = _coordination(head)
    if len(parts) < 2 or parts[0].dep_ not in SUBJECTS:
        return []
    return parts if all(part.pos_ in NOUNS for part in parts) else []
