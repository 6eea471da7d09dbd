"""plover-gsr: PLOVER type P/R/F1, dyad P/R/F1 and sector agreement (gold README).

*Type* pairs are (record, PLOVER type) over the distinct types a record's counted
events carry.  *Dyad* tuples are (record, source country, type, target country): a
gold event yields one tuple per source × target, an empty list standing for ``-``;
a coded event yields one tuple from its actors' ``country`` (else the first three
letters of ``code``; ``-`` for no actor).  A ``reciprocal`` event (one reading of an
act two sides do together) yields its source with target ``-``: the PLOVER codebook
codes both parties of a reciprocal agreement or meeting as actors with no recipient.
Both are sets, so repeating an event neither helps nor hurts.

*Sector agreement* is judged on each non-``-`` side of each matched dyad: it agrees
when the gold sector (its first three letters; ``***`` or null meaning none) is among
the coded actor's roles, or when both have none.  When several gold actors or coded
events give the same dyad, one agreeing pair is enough.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from eventwire.evaluate.gold import GoldRecord
from eventwire.evaluate.predictions import (
    NO_ACTOR,
    Prediction,
    actor_country,
    actor_roles,
    describe_all,
    is_counted,
    text_field,
)
from eventwire.evaluate.report import ErrorCase, Metric, Report, prf, rate
from eventwire.evaluate.tuples import Coded, Tup, explain

Dyad = tuple[str, str, str]
"""(source country, PLOVER type, target country) within one record."""
Sides = tuple[str | None, str | None]
"""The sectors of a dyad's source and target as gold gives them."""
Roles = tuple[tuple[str, ...], tuple[str, ...]]


def gold_events(record: GoldRecord) -> list[Mapping[str, object]]:
    """The record's gold events that count (a flagged gold event would not)."""
    events = record.gold.get("events")
    if not isinstance(events, list):
        return []
    return [e for e in events if isinstance(e, Mapping) and is_counted(e)]


def gold_actors(event: Mapping[str, object], role: str) -> list[Mapping[str, object]]:
    """The gold actors of one role; one ``-`` actor when the list is empty."""
    actors = event.get(role)
    found = [a for a in actors if isinstance(a, Mapping)] if isinstance(actors, list) else []
    missing: Mapping[str, object] = {"code": NO_ACTOR}
    return found or [missing]


def _country(actor: Mapping[str, object]) -> str:
    code = text_field(actor, "code")
    return code.upper()[:3] if code else NO_ACTOR


def _sector(actor: Mapping[str, object]) -> str | None:
    sector = text_field(actor, "sector")
    return None if sector is None or sector.startswith("*") else sector[:3].upper()


def gold_dyads(record: GoldRecord) -> dict[Dyad, list[Sides]]:
    """Each gold dyad of a record with the sector pairs of the actors that give it."""
    dyads: dict[Dyad, list[Sides]] = defaultdict(list)
    for event in gold_events(record):
        kind = text_field(event, "plover")
        if kind is None:
            continue
        for src in gold_actors(event, "source"):
            for tgt in gold_actors(event, "target"):
                dyads[(_country(src), kind, _country(tgt))].append((_sector(src), _sector(tgt)))
    return dict(dyads)


def _target_country(event: Prediction) -> str:
    return NO_ACTOR if event.get("reciprocal") is True else actor_country(event, "target")


def _target_roles(event: Prediction) -> tuple[str, ...]:
    return () if event.get("reciprocal") is True else actor_roles(event, "target")


def coded_dyads(events: Sequence[Prediction]) -> dict[Dyad, list[Roles]]:
    """Each coded dyad of a record's counted events with the roles of its actors."""
    dyads: dict[Dyad, list[Roles]] = defaultdict(list)
    for event in events:
        kind = text_field(event, "plover")
        if kind is None or not is_counted(event):
            continue
        key = (actor_country(event, "source"), kind, _target_country(event))
        dyads[key].append((actor_roles(event, "source"), _target_roles(event)))
    return dict(dyads)


def _agrees(sector: str | None, roles: tuple[str, ...]) -> bool:
    return not roles if sector is None else sector in roles


def sector_counts(dyad: Dyad, gold: list[Sides], coded: list[Roles]) -> tuple[int, int]:
    """(agreeing sides, judged sides) of one matched dyad."""
    agree = judged = 0
    for side, country in ((0, dyad[0]), (1, dyad[2])):
        if country == NO_ACTOR:
            continue
        judged += 1
        agree += any(_agrees(g[side], c[side]) for g in gold for c in coded)
    return agree, judged


def _tup(dyad: Dyad) -> Tup:
    return Tup(dyad[0], dyad[1], dyad[1], dyad[2])


def _coded_item(event: Prediction, gold: Mapping[Dyad, object]) -> Coded:
    kind = text_field(event, "plover")
    dyad = (actor_country(event, "source"), kind or "(none)", _target_country(event))
    counted = is_counted(event)
    return Coded(_tup(dyad), counted, counted and kind is not None and dyad in gold)


def _errors(record: GoldRecord, gold: Mapping[Dyad, object], coded: Mapping[Dyad, object],
            events: Sequence[Prediction]) -> list[ErrorCase]:
    items = [_coded_item(event, gold) for event in events]
    missed = [_tup(d) for d in gold if d not in coded]
    causes = explain(missed, [_tup(d) for d in gold], items)
    shown = describe_all(events)
    return [ErrorCase(record.id, record.text, cause, exp, shown) for cause, exp in causes]


def score_plover(records: Sequence[GoldRecord],
                 predictions: Mapping[str, Sequence[Prediction]]) -> Report:
    """Type and dyad P/R/F1 and sector agreement over ``records``."""
    counts: dict[str, int] = defaultdict(int)
    errors: list[ErrorCase] = []
    for record in records:
        events = predictions.get(record.id, ())
        gold, coded = gold_dyads(record), coded_dyads(events)
        gold_types, coded_types = {d[1] for d in gold}, {d[1] for d in coded}
        counts["type_tp"] += len(gold_types & coded_types)
        counts["type_fp"] += len(coded_types - gold_types)
        counts["type_fn"] += len(gold_types - coded_types)
        counts["dyad_tp"] += len(gold.keys() & coded.keys())
        counts["dyad_fp"] += len(coded.keys() - gold.keys())
        counts["dyad_fn"] += len(gold.keys() - coded.keys())
        for dyad in gold.keys() & coded.keys():
            agree, judged = sector_counts(dyad, gold[dyad], coded[dyad])
            counts["sector_agree"] += agree
            counts["sector_judged"] += judged
        errors += _errors(record, gold, coded, events)
    metrics: tuple[Metric, ...] = (
        prf("type", counts["type_tp"], counts["type_fp"], counts["type_fn"]),
        prf("dyad", counts["dyad_tp"], counts["dyad_fp"], counts["dyad_fn"]),
        rate("sector agreement", counts["sector_agree"], counts["sector_judged"]),
    )
    return Report("plover-gsr", len(records), metrics, tuple(errors))
