"""Load test: 1,000 requests at concurrency 50 to POST /v1/code and GET /v1/events.

Usage: python tools/load_test.py [--requests 1000] [--concurrency 50] [--url URL]
                                 [--time-limit 900]

Without ``--url`` it starts ``eventwire serve`` on a free loopback port over a
throw-away store, ingests a few made-up articles so event queries have rows, and stops
the server at the end.  ``--url`` must point at this machine (127.0.0.0/8, localhost
or ::1): the script refuses any other address.  Requests alternate between coding a
made-up article and a page of events with rotating filters; it stops after its
requests or its time limit, whichever comes first, and prints errors (target 0), p50
and p99 latency per endpoint and the throughput.  Not a test: figures depend on the
machine.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import statistics
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from loopback import article, local_server

FILTERS = [{}, {"actor": "RUS"}, {"cameo": "19"}, {"plover": "ACCUSE"}, {"counted": "true"},
           {"quad_class": "1", "limit": "20"}]


@dataclass
class Tally:
    """Latencies and failures of one endpoint."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def loopback_only(url: str) -> str:
    host = urlsplit(url).hostname or ""
    if host != "localhost":
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise ValueError
        except ValueError:
            sys.exit(f"load_test: {url} is not on the loopback; refusing to send load there")
    return url.rstrip("/")


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def _one(client: httpx.AsyncClient, number: int, words: int,
               tallies: dict[str, Tally]) -> None:
    if number % 2 == 0:
        name = "POST /v1/code"
        request = client.post("/v1/code", json={"text": article(words, number),
                                                "date": "2024-03-04"})
    else:
        name = "GET /v1/events"
        request = client.get("/v1/events", params=FILTERS[number // 2 % len(FILTERS)])
    started = time.perf_counter()
    try:
        response = await request
        if response.status_code >= 400:
            tallies[name].errors.append(f"HTTP {response.status_code}: {response.text[:120]}")
    except httpx.HTTPError as exc:
        tallies[name].errors.append(f"{type(exc).__name__}: {exc}")
    tallies[name].latencies.append((time.perf_counter() - started) * 1000)


async def run(url: str, total: int, concurrency: int, words: int,
              time_limit: float) -> tuple[dict[str, Tally], float, int]:
    tallies = {"POST /v1/code": Tally(), "GET /v1/events": Tally()}
    numbers = iter(range(total))
    deadline = time.monotonic() + time_limit
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        async def worker() -> None:
            for number in numbers:
                if time.monotonic() > deadline:
                    return
                await _one(client, number, words, tallies)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    sent = sum(len(t.latencies) for t in tallies.values())
    return tallies, elapsed, sent


def seed(url: str, articles: int, words: int) -> None:
    with httpx.Client(base_url=url, timeout=120) as client:
        for number in range(articles):
            day = f"2024-0{1 + number % 6}-1{number % 10}"
            client.post("/v1/articles", json={"text": article(words, 10_000 + number),
                                              "date": day}).raise_for_status()


def report(tallies: dict[str, Tally], elapsed: float, sent: int, total: int) -> None:
    print(f"{sent} of {total} requests in {elapsed:.1f} s ({sent / elapsed:.1f} requests/s)")
    for name, tally in tallies.items():
        if not tally.latencies:
            continue
        print(f"{name:<16} {len(tally.latencies):5d} requests  errors {len(tally.errors):3d}  "
              f"p50 {statistics.median(tally.latencies):8.1f} ms  "
              f"p99 {_percentile(tally.latencies, 0.99):8.1f} ms  "
              f"max {max(tally.latencies):8.1f} ms")
        for reason in sorted(set(tally.errors))[:5]:
            print(f"    {reason}")
    every = [v for t in tallies.values() for v in t.latencies]
    errors = sum(len(t.errors) for t in tallies.values())
    print(f"{'all':<16} {len(every):5d} requests  errors {errors:3d}  "
          f"p50 {statistics.median(every):8.1f} ms  p99 {_percentile(every, 0.99):8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--words", type=int, default=120, help="Words per coded article.")
    parser.add_argument("--url", help="A running server on this machine (default: start one).")
    parser.add_argument("--time-limit", type=float, default=900.0,
                        help="Seconds after which no new request is sent.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server = (nullcontext(loopback_only(args.url)) if args.url
                  else local_server(Path(folder) / "load.duckdb"))
        with server as url:
            seed(url, 12, args.words)
            tallies, elapsed, sent = asyncio.run(
                run(url, args.requests, args.concurrency, args.words, args.time_limit))
    report(tallies, elapsed, sent, args.requests)
    if any(t.errors for t in tallies.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
