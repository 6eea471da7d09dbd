"""What a scorer returns and how ``eventwire eval`` prints it.

Metrics keep their raw counts and derive the ratios from them, so a printed figure can
always be checked against the counts next to it and two reports can be pooled by
adding counts.  A ratio with an empty denominator is 0.0: a system that outputs
nothing has no precision to speak of, and 0.0 keeps the table numeric.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

CAUSES: tuple[str, ...] = (
    "no event found",
    "modality",
    "wrong code family",
    "wrong code",
    "wrong direction",
    "missed actor",
    "wrong actor",
    "spurious event",
    "wrong location",
)
"""Why a record was scored wrong; ``wrong location`` is used by event-location only."""


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class Metric:
    """One figure of a report: P/R/F1 from ``tp/fp/fn``, or a rate ``correct/total``."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0
    is_rate: bool = False

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def value(self) -> float:
        """The rate of a rate metric; the F1 of a P/R/F1 metric."""
        return _ratio(self.correct, self.total) if self.is_rate else self.f1


def prf(name: str, tp: int, fp: int, fn: int) -> Metric:
    """A precision/recall/F1 metric from its counts."""
    return Metric(name=name, tp=tp, fp=fp, fn=fn)


def rate(name: str, correct: int, total: int) -> Metric:
    """An accuracy or agreement rate from its counts."""
    return Metric(name=name, correct=correct, total=total, is_rate=True)


@dataclass(frozen=True)
class ErrorCase:
    """One miss, with enough context to see why without rerunning the coder."""

    record_id: str
    text: str
    cause: str
    expected: str
    coded: str


@dataclass(frozen=True)
class Report:
    """The scores of one gold set and the misses behind them."""

    dataset: str
    records: int
    metrics: tuple[Metric, ...]
    errors: tuple[ErrorCase, ...] = ()

    def metric(self, name: str) -> Metric:
        """The metric called ``name``; raises ``KeyError`` when there is none."""
        for metric in self.metrics:
            if metric.name == name:
                return metric
        raise KeyError(name)


def _table(rows: list[list[str]]) -> list[str]:
    """Left-align the first column, right-align the others."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines


def _metric_lines(metrics: Iterable[Metric]) -> list[str]:
    prf_rows = [["metric", "P", "R", "F1", "tp", "fp", "fn"]]
    rate_rows = [["metric", "value", "correct", "total"]]
    for m in metrics:
        if m.is_rate:
            rate_rows.append([m.name, f"{m.value:.3f}", str(m.correct), str(m.total)])
        else:
            prf_rows.append([
                m.name, f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}",
                str(m.tp), str(m.fp), str(m.fn),
            ])
    lines: list[str] = []
    for rows in (prf_rows, rate_rows):
        if len(rows) > 1:
            lines += [*_table(rows), ""]
    return lines


def _error_lines(errors: tuple[ErrorCase, ...]) -> list[str]:
    counts = Counter(e.cause for e in errors)
    order = sorted(counts, key=lambda cause: (-counts[cause], cause))
    lines = [f"errors: {len(errors)}"]
    lines += _table([[f"  {cause}", str(counts[cause])] for cause in order])
    for cause in order:
        lines += ["", f"== {cause} ({counts[cause]})"]
        for case in errors:
            if case.cause == cause:
                lines += [
                    f"[{case.record_id}] {case.text}",
                    f"    expected: {case.expected}",
                    f"    coded:    {case.coded}",
                ]
    return lines


def format_report(report: Report, *, errors: bool = False) -> str:
    """The text ``eventwire eval`` prints: a metrics table, then the misses by cause."""
    lines = [f"{report.dataset}: {report.records} records", ""]
    lines += _metric_lines(report.metrics)
    if errors:
        lines += _error_lines(report.errors)
    return "\n".join(lines).rstrip() + "\n"
