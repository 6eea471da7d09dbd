"""What the event-family classifier costs: coding time with and without it.

Usage: python tools/bench_family.py RECORDS.jsonl [--records 200] [--runs 4]

Codes the first N records (``id``, ``text``) of a JSONL file with one parser and two
pipelines, alternating runs so load changes on the machine hit both, and prints the
best time of each, words per second and their ratio.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.config import Config
from eventwire.model import Article
from eventwire.parse import load_pipeline
from eventwire.pipeline import Pipeline, article_from_text


def _articles(path: Path, count: int) -> list[Article]:
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line, _ in zip(lines, range(count), strict=False)]
    return [article_from_text(str(r["text"]), doc_id=str(r["id"])) for r in records]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--records", dest="count", type=int, default=200)
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args()
    articles = _articles(args.records, args.count)
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_pipeline(Config().model)
    pipelines = {"without": Pipeline.from_config(Config(family_model=False), nlp=nlp),
                 "with": Pipeline.from_config(Config(), nlp=nlp)}
    best = {name: float("inf") for name in pipelines}
    for pipeline in pipelines.values():
        list(pipeline.code(articles[:10]))  # warm caches before timing
    for _ in range(args.runs):
        for name, pipeline in pipelines.items():
            start = time.perf_counter()
            list(pipeline.code(articles))
            best[name] = min(best[name], time.perf_counter() - start)
    for name, seconds in best.items():
        print(f"{name} the classifier: {seconds:.2f} s, {words / seconds:,.0f} words/s")
    print(f"ratio with/without: {best['with'] / best['without']:.2f} "
          f"({len(articles)} records, {words:,} words, best of {args.runs})")


if __name__ == "__main__":
    main()
