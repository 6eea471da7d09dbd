"""Rebuild the packaged source/target span model from a gold file of actor spans.

Trains on the file's training part only and prints the span P/R/F1 of the model alone
on the held-back part (the split is eventwire.learn.split's fixed hash of record ids).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from eventwire.evaluate import format_report, load_gold
from eventwire.learn.actor_spans_train import (
    TrainSettings,
    save_span_model,
    score_model,
    train_span_model,
)
from eventwire.learn.split import in_part


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path, help="JSONL gold file with gold.actor_spans")
    parser.add_argument("--out", type=Path, required=True, help="model folder to (re)write")
    parser.add_argument("--epochs", type=int, default=TrainSettings.epochs)
    parser.add_argument("--seed", type=int, default=TrainSettings.seed)
    args = parser.parse_args()
    records = load_gold(args.gold)
    train = [r for r in records if in_part(r.id, "train")]
    held = [r for r in records if in_part(r.id, "held-back")]
    started = time.perf_counter()
    nlp = train_span_model(train, TrainSettings(epochs=args.epochs, seed=args.seed))
    print(f"trained on {len(train)} records in {time.perf_counter() - started:.0f} s")
    save_span_model(nlp, args.out)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB)")
    print(f"model alone, held-back part ({len(held)} records):")
    print(format_report(score_model(spacy.load(args.out), held)))


if __name__ == "__main__":
    main()
