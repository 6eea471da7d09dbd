"""petrarch2-gsr: P/R/F1 over (record, source, CAMEO code, target) triples.

Three levels, as the gold README lists them: full codes; CAMEO root (first two digits)
with full actor codes; root with country-level actors (first three letters).  Gold
actors are lists, so a gold event yields one triple per source × target; an empty
list stands for ``-``, as a coded event without a source or target does.  Triples are
sets per record.  Errors are listed at the full level, the strictest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from eventwire.evaluate.gold import GoldRecord
from eventwire.evaluate.plover import gold_actors, gold_events
from eventwire.evaluate.predictions import (
    NO_ACTOR,
    Prediction,
    actor_code,
    actor_country,
    cameo,
    cameo_root,
    describe_all,
    is_counted,
    text_field,
)
from eventwire.evaluate.report import ErrorCase, Report, prf
from eventwire.evaluate.tuples import Coded, Tup, explain

Triple = tuple[str, str, str]

LEVELS: tuple[tuple[str, Callable[[Tup, Tup], Triple]], ...] = (
    ("triple (full codes)", lambda full, country: (full.source, full.code, full.target)),
    ("triple (root, full actors)", lambda full, country: (full.source, full.family, full.target)),
    ("triple (root, country actors)",
     lambda full, country: (country.source, country.family, country.target)),
)
"""Each level's name and its triple, from an event's full-level and country-level tuples."""


def _code(actor: Mapping[str, object]) -> str:
    code = text_field(actor, "code")
    return code.strip().upper() if code and code.strip() else NO_ACTOR


def gold_tuples(record: GoldRecord) -> list[Tup]:
    """The record's gold triples at full level, in gold order, without repeats."""
    found: dict[Tup, None] = {}
    for event in gold_events(record):
        code = (text_field(event, "cameo") or "").strip()
        if not code:
            continue
        for src in gold_actors(event, "source"):
            for tgt in gold_actors(event, "target"):
                found[Tup(_code(src), code, code[:2], _code(tgt))] = None
    return list(found)


def coded_tuple(event: Prediction) -> Tup | None:
    """A coded event's full-level tuple; ``None`` when it has no CAMEO code."""
    code = cameo(event)
    if code is None:
        return None
    return Tup(actor_code(event, "source"), code.strip(),
               cameo_root(event) or code[:2], actor_code(event, "target"))


def _gold_country(tup: Tup) -> Tup:
    return Tup(tup.source[:3], tup.code, tup.family, tup.target[:3])


def _coded_country(event: Prediction, tup: Tup) -> Tup:
    """A coded actor's country is its ``country`` field; only without one, the prefix."""
    return Tup(actor_country(event, "source"), tup.code, tup.family,
               actor_country(event, "target"))


def _level_sets(events: Sequence[Prediction]) -> list[set[Triple]]:
    sets: list[set[Triple]] = [set() for _ in LEVELS]
    for event in events:
        tup = coded_tuple(event)
        if tup is None or not is_counted(event):
            continue
        country = _coded_country(event, tup)
        for i, (_, reduce) in enumerate(LEVELS):
            sets[i].add(reduce(tup, country))
    return sets


def _errors(record: GoldRecord, gold: list[Tup], events: Sequence[Prediction]) -> list[ErrorCase]:
    items: list[Coded] = []
    for event in events:
        tup = coded_tuple(event) or Tup(NO_ACTOR, "(none)", "(none)", NO_ACTOR)
        items.append(Coded(tup, is_counted(event), is_counted(event) and tup in gold))
    coded_set = {c.tup for c in items if c.counted}
    missed = [g for g in gold if g not in coded_set]
    shown = describe_all(events)
    return [ErrorCase(record.id, record.text, cause, exp, shown)
            for cause, exp in explain(missed, gold, items)]


def score_petrarch(records: Sequence[GoldRecord],
                   predictions: Mapping[str, Sequence[Prediction]]) -> Report:
    """Triple P/R/F1 at the three levels over ``records``."""
    counts = [[0, 0, 0] for _ in LEVELS]
    errors: list[ErrorCase] = []
    for record in records:
        events = predictions.get(record.id, ())
        gold = gold_tuples(record)
        for i, coded in enumerate(_level_sets(events)):
            expected = {LEVELS[i][1](g, _gold_country(g)) for g in gold}
            counts[i][0] += len(expected & coded)
            counts[i][1] += len(coded - expected)
            counts[i][2] += len(expected - coded)
        errors += _errors(record, gold, events)
    metrics = tuple(prf(name, *counts[i]) for i, (name, _) in enumerate(LEVELS))
    return Report("petrarch2-gsr", len(records), metrics, tuple(errors))
