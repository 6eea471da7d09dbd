"""conflibert-penta: accuracy of each record's primary event class.

The primary event is the first *counted* event of the record in output order (a
negated or hypothetical event is not counted, so it cannot be primary either).  Its
class comes from its CAMEO root by the gold README's table; a record without a
counted event, or whose event has no usable root, is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.evaluate.gold import GoldRecord
from eventwire.evaluate.predictions import Prediction, cameo_root, counted, describe_all
from eventwire.evaluate.report import ErrorCase, Report, rate

_CLASS_BY_ROOT: tuple[tuple[range | tuple[int, ...], str], ...] = (
    (range(1, 3), "statement"),
    (range(3, 6), "verbal_cooperation"),
    (range(6, 9), "material_cooperation"),
    ((9, 10, 11, 12, 13, 16), "verbal_conflict"),
    ((14, 15, 17, 18, 19, 20), "material_conflict"),
)


def penta_class(root: str | None) -> str | None:
    """The PentaClass of a CAMEO root such as ``"03"``; ``None`` for anything else."""
    if root is None or not root.strip().isdigit():
        return None
    number = int(root.strip())
    for roots, name in _CLASS_BY_ROOT:
        if number in roots:
            return name
    return None


def primary_class(events: Sequence[Prediction]) -> str | None:
    """The class of the first counted event; ``None`` when there is none."""
    found = counted(events)
    return penta_class(cameo_root(found[0])) if found else None


def _cause(events: Sequence[Prediction], expected: str) -> str:
    if not counted(events):
        uncounted = [penta_class(cameo_root(e)) for e in events]
        return "modality" if expected in uncounted else "no event found"
    return "wrong code family"


def score_penta(records: Sequence[GoldRecord],
                predictions: Mapping[str, Sequence[Prediction]]) -> Report:
    """Primary-event accuracy, and how many records got a counted event at all."""
    correct = found = 0
    errors: list[ErrorCase] = []
    for record in records:
        events = predictions.get(record.id, ())
        expected = str(record.gold.get("penta"))
        got = primary_class(events)
        found += bool(counted(events))
        if got == expected:
            correct += 1
            continue
        errors.append(ErrorCase(record.id, record.text, _cause(events, expected), expected,
                                f"primary={got or '-'}: {describe_all(events)}"))
    metrics = (
        rate("penta accuracy", correct, len(records)),
        rate("primary event found", found, len(records)),
    )
    return Report("conflibert-penta", len(records), metrics, tuple(errors))
