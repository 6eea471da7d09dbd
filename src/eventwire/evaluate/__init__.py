"""Scoring coded events against the gold sets, as ``/work/shared/gold/README.md`` defines.

Scorers compare gold records with predictions given as the JSONL event contract dicts
(what ``eventwire code --format jsonl`` writes), grouped by record id in output order,
so what is measured is exactly what users get.  Coding the gold sentences is done
elsewhere (:mod:`eventwire.evaluation_run`).  Everywhere, negated and hypothetical
events are not counted, and a missing actor is ``-``.  Each scorer's module says how
it settles what the README leaves open.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from eventwire.errors import GoldFormatError
from eventwire.evaluate.actors import score_actors
from eventwire.evaluate.gold import KINDS, GoldRecord, dataset_kind, load_gold
from eventwire.evaluate.location import score_location
from eventwire.evaluate.penta import penta_class, score_penta
from eventwire.evaluate.petrarch import score_petrarch
from eventwire.evaluate.plover import score_plover
from eventwire.evaluate.predictions import Prediction
from eventwire.evaluate.report import CAUSES, ErrorCase, Metric, Report, format_report

Scorer = Callable[[Sequence[GoldRecord], Mapping[str, Sequence[Prediction]]], Report]

_SCORERS: Mapping[str, Scorer] = MappingProxyType({
    "plover-gsr": score_plover,
    "petrarch2-gsr": score_petrarch,
    "conflibert-penta": score_penta,
    "conflibert-actors": score_actors,
    "event-location": score_location,
})


def score(kind: str, records: Sequence[GoldRecord],
          predictions: Mapping[str, Sequence[Mapping[str, object]]]) -> Report:
    """Score ``predictions`` (record id → its events, most salient first) on ``records``.

    A record without an entry in ``predictions`` is scored as coded with no events.
    """
    scorer = _SCORERS.get(kind)
    if scorer is None:
        raise GoldFormatError(f"unknown gold set {kind!r}; known: {', '.join(KINDS)}")
    return scorer(records, predictions)


__all__ = [
    "CAUSES",
    "KINDS",
    "ErrorCase",
    "GoldRecord",
    "Metric",
    "Report",
    "dataset_kind",
    "format_report",
    "load_gold",
    "penta_class",
    "score",
]
