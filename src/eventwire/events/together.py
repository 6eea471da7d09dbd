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

from spacy.tokens import Token

from eventwire.model import ActorMention, Event
from eventwire.parse import ParsedArticle, token_at

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
NOUNS = frozenset({"NOUN", "PROPN"})
NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "flat"})
"""Links from a word of a name up to the noun it helps name ("Costa" → "Rica")."""


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
