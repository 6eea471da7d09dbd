"""Benchmark: what the learned span model costs the coder.

Usage: python tools/bench_actor_spans.py [RECORDS.jsonl] [--records 600] [--runs 3]

Codes the same texts (the ``text`` of the first ``--records`` JSONL records, else
generated sentences) with the span model off and on, alternating the two in one
process over one loaded parser, and prints sentences per second of each and the
on/off time ratio of each pair.  Not a test: figures depend on the machine and on
what else runs on it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from dataclasses import replace
from pathlib import Path

from eventwire.config import Config
from eventwire.model import Article
from eventwire.pipeline import Pipeline, article_from_text

SENTENCES = [
    "The foreign minister of {a} accused {b} of breaking the ceasefire agreement.",
    "Troops of {a} shelled positions held by rebels near the border with {b}.",
    "The president of {a} praised {b} for its support during the crisis.",
    "{a} expelled three diplomats of {b}, the ministry said in a statement.",
]
SIDES = ["Germany", "France", "Poland", "Japan", "Kenya", "Chile", "Turkey", "Brazil"]


def texts(path: Path | None, count: int) -> list[str]:
    if path is not None:
        with path.open(encoding="utf-8") as lines:
            return [json.loads(line)["text"] for line in itertools.islice(lines, count)]
    pairs = itertools.cycle(itertools.permutations(SIDES, 2))
    return [SENTENCES[n % len(SENTENCES)].format(a=a, b=b)
            for n, (a, b) in zip(range(count), pairs, strict=False)]


def seconds(pipeline: Pipeline, articles: list[Article]) -> float:
    started = time.perf_counter()
    for _coded in pipeline.code(articles):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("records", type=Path, nargs="?")
    parser.add_argument("--records", dest="count", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    articles = [article_from_text(t, doc_id=f"b{n}") for n, t in
                enumerate(texts(args.records, args.count))]
    on = Pipeline.from_config(Config())
    off = replace(on, spans=None)
    seconds(on, articles[:20])  # load the span model and warm both up
    pairs = [(seconds(off, articles), seconds(on, articles)) for _ in range(args.runs)]
    for without, with_ in pairs:
        print(f"off {len(articles) / without:7.1f} /s   on {len(articles) / with_:7.1f} /s"
              f"   on/off time {with_ / without:.2f}")
    ratio = statistics.median(w / o for o, w in pairs)
    print(f"{len(articles)} texts, median on/off time ratio {ratio:.2f}")


if __name__ == "__main__":
    main()
