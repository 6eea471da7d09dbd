"""Using the family classifier beside the dictionary coder: order and confidence.

The classifier never adds or removes an event: every event still comes from a
dictionary rule and keeps its evidence.  What the classifier changes is which of a
document's events comes first (a reading whose family the sentence's wording
supports moves up, so the primary event is more often the right one) and each
event's ``confidence``, which joins the classifier's probability of the event's
family with what the rule itself shows (both actors found, a full pattern rather
than a bare verb, asserted rather than negated, conditional or reported).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final

from eventwire.actors.resolve import UNKNOWN_ACTOR
from eventwire.codes import UnknownCode, penta_class
from eventwire.events.salience import salience
from eventwire.learn.penta_model import FamilyModel
from eventwire.model import ActorMention, Event

Probabilities = Mapping[str, float]

MODEL_WEIGHT: Final = 0.5
"""Share of the classifier's probability in an event's confidence."""

PATTERN_SPECIFICITY: Final = 10
"""Trigger specificity from which the rule matched a full dictionary pattern."""


@dataclass(frozen=True)
class Ranking:
    """How much the classifier moves events: ``weight`` salience points per unit of
    probability (a counted event outranks an uncounted one at 100 points, so a weight
    below that never lets the model put a negated event first)."""

    weight: float = 80.0


def event_family(event: Event) -> str | None:
    """The PentaClass of an event's CAMEO code; ``None`` for a code outside the table."""
    try:
        return penta_class(event.code.cameo)
    except UnknownCode:
        return None


def _actor_evidence(actor: ActorMention | None) -> float:
    """An actor the dictionaries code counts more than one only named ("Sajid Mir",
    code ``---``): who did it is known, but not who they are."""
    if actor is None:
        return 0.0
    return 0.05 if actor.code == UNKNOWN_ACTOR else 0.1


def rule_evidence(event: Event) -> float:
    """How strongly the rule alone supports the event, in [0, 1]."""
    score = 0.4 + _actor_evidence(event.source) + _actor_evidence(event.target)
    if event.salience >= PATTERN_SPECIFICITY:
        score += 0.2
    elif event.salience > 1:
        score += 0.1
    if event.modality.negated or event.modality.hypothetical:
        score -= 0.3
    if event.modality.reported:
        score -= 0.1
    if event.code.root == "01":
        score -= 0.1  # a bare statement is the coder's fall-back reading
    return min(1.0, max(0.0, score))


def confidence(event: Event, probabilities: Probabilities | None) -> float:
    """The event's confidence in [0, 1]: the rule evidence alone without a classifier,
    else its blend with the probability of the event's family."""
    rule = rule_evidence(event)
    if probabilities is None:
        return round(rule, 4)
    family = event_family(event)
    model = probabilities.get(family, 0.0) if family is not None else 0.0
    blended = MODEL_WEIGHT * model + (1.0 - MODEL_WEIGHT) * rule
    return round(min(1.0, max(0.0, blended)), 4)


def _model_score(event: Event, probabilities: Probabilities | None) -> float:
    family = event_family(event)
    if probabilities is None or family is None:
        return 0.0
    return probabilities.get(family, 0.0)


def rank_events(
    events: Sequence[Event],
    probabilities: Mapping[int, Probabilities],
    ranking: Ranking = Ranking(),
) -> tuple[Event, ...]:
    """Events ordered by salience plus the classifier's support, each with its
    confidence and an id renumbered in the new order.  ``probabilities`` maps a
    sentence index to its family probabilities; a sentence without any keeps the
    rule order and a rule-only confidence."""
    def key(event: Event) -> float:
        score = _model_score(event, probabilities.get(event.sentence.index))
        return salience(event) + ranking.weight * score

    in_text = sorted(events, key=lambda e: (e.sentence.index, e.evidence.trigger_span[0]))
    ordered = sorted(in_text, key=key, reverse=True)
    return tuple(
        replace(event, event_id=f"{event.doc_id}-{n}",
                confidence=confidence(event, probabilities.get(event.sentence.index)))
        for n, event in enumerate(ordered, start=1)
    )


def score_events(
    events: Sequence[Event], model: FamilyModel | None, ranking: Ranking = Ranking()
) -> tuple[Event, ...]:
    """Classify the sentences that have events (one batch) and rank the events; without
    a model, only confidences from the rule evidence are added and the order stays."""
    if model is None:
        return tuple(replace(e, confidence=confidence(e, None)) for e in events)
    sentences = {e.sentence.index: e.sentence.text for e in events}
    indexes = sorted(sentences)
    scores = model.probabilities([sentences[i] for i in indexes])
    return rank_events(events, dict(zip(indexes, scores, strict=True)), ranking)
