"""Rebuild the shipped event-family classifier and print its held-back accuracy.

Usage: python tools/train_penta.py --gold GOLD.jsonl [--stories STORIES.csv]
           [--story-limit N] --out src/eventwire/data/models/penta

Learns from the ``train`` part of each gold file (records with ``gold.penta``) and,
when given, up to N PLOVER-labelled stories; scores the classifier alone on the
held-back part.  Training is seeded, so the same inputs give the same weights.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.learn.penta_build import BuildPlan, build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, action="append", required=True,
                        help="a gold file with penta classes; repeatable")
    parser.add_argument("--stories", type=Path, default=None, help="PLOVER-labelled stories")
    parser.add_argument("--story-limit", type=int, default=0, help="most stories to use")
    parser.add_argument("--out", type=Path, required=True, help="the model folder to write")
    args = parser.parse_args()
    stories = args.stories if args.stories is not None and args.stories.exists() else None
    plan = BuildPlan(gold=tuple(args.gold), stories=stories, story_limit=args.story_limit)
    report = build(plan, args.out, lambda epoch, loss: print(f"epoch {epoch}: loss {loss:.3f}"))
    print(f"trained on {sum(report.train_counts.values())} sentences {report.train_counts}")
    print(f"and {sum(report.story_counts.values())} story openings {report.story_counts}")
    print(f"wrote {args.out} ({report.size_bytes / 1e6:.1f} MB)")
    print(f"held-back accuracy of the classifier alone: {report.held_back_accuracy:.3f} "
          f"({report.held_back} records)")


if __name__ == "__main__":
    main()
