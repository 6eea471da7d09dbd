"""Benchmark: latency of POST /v1/code on a 500-word article, and where the time goes.

Usage: python tools/bench_api.py [--runs 30] [--words 500]

Starts ``eventwire serve`` on a free loopback port over a throw-away store and posts
made-up 500-word articles (a different one each run) to ``/v1/code``; then, in this
process, codes the same articles through the library alone and stage by stage (parse,
actors, events).  Everything is measured in one run, so the ratios hold even on a
busy machine where the absolute figures do not.  Not a test: figures depend on the
machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from loopback import article, local_server

from eventwire.actors import find_actors
from eventwire.config import Config
from eventwire.events.coder import code_events
from eventwire.parse import parse_articles
from eventwire.pipeline import Pipeline, article_from_text

TARGET_MS = 150.0


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return (f"median {statistics.median(samples):7.1f} ms   min {ordered[0]:7.1f}   "
            f"p90 {p90:7.1f}")


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def over_http(url: str, texts: list[str]) -> list[float]:
    samples: list[float] = []
    with httpx.Client(base_url=url, timeout=120) as client:
        for text in texts[:3]:  # warm-up: first requests pay for lazy initialisation
            client.post("/v1/code", json={"text": text}).raise_for_status()
        for text in texts:
            started = time.perf_counter()
            response = client.post("/v1/code", json={"text": text, "date": "2024-03-04"})
            samples.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
    return samples


def stages(pipeline: Pipeline, texts: list[str]) -> dict[str, list[float]]:
    """The library's time per article: whole, and parse / actors / events apart."""
    times: dict[str, list[float]] = {"library": [], "parse": [], "actors": [], "events": []}
    for number, text in enumerate(texts):
        item = article_from_text(text, doc_id=f"b{number}")
        times["library"].append(_timed(lambda item=item: pipeline.code_text(item.text)))
        started = time.perf_counter()
        parsed = next(parse_articles([item], pipeline.nlp, pipeline.config.batch_size))
        times["parse"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        mentions = find_actors(parsed, pipeline.actors, None)
        times["actors"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        code_events(parsed, mentions, pipeline.coding)
        times["events"].append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args()
    texts = [article(args.words, seed) for seed in range(args.runs)]
    words = statistics.mean(len(t.split()) for t in texts)
    print(f"{args.runs} articles of {words:.0f} words on average")
    with tempfile.TemporaryDirectory() as folder, \
            local_server(Path(folder) / "bench.duckdb") as url:
        http = over_http(url, texts)
    pipeline = Pipeline.from_config(Config())
    for text in texts[:3]:
        pipeline.code_text(text)
    times = stages(pipeline, texts)
    print(f"POST /v1/code (loopback HTTP)  {_ms(http)}")
    for name, samples in times.items():
        print(f"{name:<30} {_ms(samples)}")
    library = statistics.median(times["library"])
    median = statistics.median(http)
    print(f"HTTP layer share of the request: {(median - library) / median:6.1%}")
    for name in ("parse", "actors", "events"):
        print(f"{name} share of the library's time: "
              f"{statistics.median(times[name]) / library:6.1%}")
    verdict = "meets" if median <= TARGET_MS else "misses"
    print(f"median {median:.1f} ms {verdict} the {TARGET_MS:.0f} ms target on this machine")


if __name__ == "__main__":
    main()
