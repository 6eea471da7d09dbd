"""Choose the family classifier's ranking weight on records it never saw.

Usage: python tools/tune_ranking.py --gold GOLD.jsonl [--folds 5] [--weights 0 10 ...]

Cuts the train part of the PentaClass gold file into folds, classifies each fold with
a model trained on the others, and prints the primary-event accuracy every ranking
weight earns over all folds (``eventwire.learn.penta_tune``).  The held-back part is
not read.  The shipped weight is ``eventwire.learn.penta_rank.Ranking.weight``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.learn.penta_tune import tune_file

WEIGHTS = (0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 99.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="the PentaClass gold file")
    parser.add_argument("--folds", type=int, default=5, help="folds of the train part")
    parser.add_argument("--weights", type=float, nargs="+", default=list(WEIGHTS))
    args = parser.parse_args()
    report = tune_file(args.gold, args.weights, args.folds)
    print(f"{report.records} train-part records, {report.folds} folds")
    print(f"classifier alone, out of fold: {report.classifier_accuracy:.3f}")
    for weight, accuracy in report.accuracy_by_weight.items():
        print(f"weight {weight:5.1f}: primary-event accuracy {accuracy:.3f}")
    print(f"best: {report.best_weight:g}")


if __name__ == "__main__":
    main()
