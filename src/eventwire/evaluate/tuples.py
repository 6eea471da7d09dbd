"""Error causes for the sets scored on event tuples (plover-gsr, petrarch2-gsr).

Both sets score (record, source, code, target) tuples; this module explains the tuples
a system missed or added.  Each missed gold tuple is classified against the record's
coded events, the coded event that explains it is then *used*, and only coded tuples
that explain no miss are listed as spurious, so one mistake is listed once: gold
AGREE coded as CONSULT is one "wrong code family", not also a "spurious event".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.evaluate.predictions import NO_ACTOR


@dataclass(frozen=True)
class Tup:
    """An event tuple at the level errors are judged: ``family`` is the coarser code."""

    source: str
    code: str
    family: str
    target: str

    def show(self) -> str:
        return f"{self.code} {self.source} -> {self.target}"


@dataclass(frozen=True)
class Coded:
    """A coded event's tuple, whether it was counted and whether it matched gold."""

    tup: Tup
    counted: bool
    matched: bool


def _swapped(coded: Tup, gold: Tup) -> bool:
    return (coded.source, coded.target) == (gold.target, gold.source) != (
        gold.source, gold.target)


def _actor_cause(coded: Tup, gold: Tup) -> str:
    if _swapped(coded, gold):
        return "wrong direction"
    lost = (coded.source == NO_ACTOR != gold.source) or (coded.target == NO_ACTOR != gold.target)
    return "missed actor" if lost else "wrong actor"


def classify_miss(gold: Tup, coded: Sequence[Coded], used: set[int]) -> str:
    """Why ``gold`` was missed; marks the coded event that explains it in ``used``.

    Tried in order, each against counted events not matched or used yet unless said:
    same code with actors swapped (wrong direction); same code (missed actor when the
    coded side is ``-``, else wrong actor); same code on an event matching another
    gold tuple (missed actor); a negated or hypothetical event of the same family
    (modality); same family (wrong direction if swapped, else wrong code); any event
    (wrong code family); nothing left (no event found).
    """
    fresh = [i for i, c in enumerate(coded) if c.counted and not c.matched and i not in used]
    for i in fresh:
        if coded[i].tup.code == gold.code and _swapped(coded[i].tup, gold):
            used.add(i)
            return "wrong direction"
    for i in fresh:
        if coded[i].tup.code == gold.code:
            used.add(i)
            return _actor_cause(coded[i].tup, gold)
    if any(c.counted and c.tup.code == gold.code for c in coded):
        return "missed actor"
    if any(not c.counted and c.tup.family == gold.family for c in coded):
        return "modality"
    for i in fresh:
        if coded[i].tup.family == gold.family:
            used.add(i)
            return "wrong direction" if _swapped(coded[i].tup, gold) else "wrong code"
    if fresh:
        used.add(fresh[0])
        return "wrong code family"
    return "no event found"


def classify_extra(coded: Coded, gold: Sequence[Tup]) -> str:
    """Why a coded tuple that explains no miss is wrong."""
    return "wrong actor" if any(g.code == coded.tup.code for g in gold) else "spurious event"


def explain(gold_missed: Sequence[Tup], gold_all: Sequence[Tup],
            coded: Sequence[Coded]) -> list[tuple[str, str]]:
    """``(cause, expected)`` for each missed gold tuple, then for each extra coded tuple."""
    used: set[int] = set()
    out = [(classify_miss(g, coded, used), g.show()) for g in gold_missed]
    listed = {coded[i].tup for i in used}  # a repeat of a listed tuple is the same mistake
    for i, item in enumerate(coded):
        if item.counted and not item.matched and i not in used and item.tup not in listed:
            listed.add(item.tup)
            expected = "; ".join(g.show() for g in gold_all) or "(no event)"
            out.append((classify_extra(item, gold_all), expected))
    return out
