"""An event in the making: what the coder's rules pass among themselves before an
event gets its id, its code's meaning and its place in the article's order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.events.triggers import Trigger
from eventwire.model import ActorMention, Modality, Sentence, Speaker


@dataclass(frozen=True)
class Draft:
    """An event before it gets its id and final order."""

    trigger: Trigger
    sentence: Sentence
    source: ActorMention | None
    target: ActorMention | None
    code: str
    modality: Modality
    speaker: Speaker | None
    offset: int
    rule_note: str = ""
    mirrored: bool = False
    """The second reading of a reciprocal act ("A met B" is also B meeting A)."""
    reciprocal: bool = False
    """One of two readings of an act done together: "A and B met", or "A met B" where
    the dictionary gives both directions one code (not "visit", whose reverse is hosting)."""


def counted(modality: Modality) -> bool:
    return not (modality.negated or modality.hypothetical)


def mention_in(speaker: Speaker | None, mentions: Sequence[ActorMention]) -> ActorMention | None:
    if speaker is None:
        return None
    for mention in mentions:
        if speaker.span[0] <= mention.span[0] and mention.span[1] <= speaker.span[1]:
            return mention
    return None
