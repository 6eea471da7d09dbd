"""Ordering a document's events, most salient first.

Users who keep one event per story (and scorers that read the first event of a
sentence) need the main event first.  Salience prefers counted events, events
with both actors, specific dictionary matches over block defaults, main clauses
over embedded ones, and earlier sentences over later ones; a bare statement comes
after everything more specific.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.model import Event


def salience(event: Event) -> float:
    """A score whose order is the output order of a document's events."""
    score = 0.0
    score += 100.0 if event.counted else 0.0
    score += 20.0 if event.source is not None else 0.0
    score += 10.0 if event.target is not None else 0.0
    score += min(event.salience, 30.0)
    score -= 25.0 if event.code.root in ("01",) else 0.0
    score -= 8.0 * event.sentence.index
    return score


def order_events(events: Sequence[Event]) -> list[Event]:
    """Events sorted by salience; ties keep text order (stable sort)."""
    ordered = sorted(events, key=lambda e: (e.sentence.index, e.evidence.trigger_span[0]))
    return sorted(ordered, key=salience, reverse=True)
