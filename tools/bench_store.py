"""Benchmark: dyad timeline and top-dyads queries on a synthetic 10-million-event store.

Usage: python tools/bench_store.py [--events 10000000] [--db /tmp/bench.duckdb]

The store is created through eventwire (so it has the real schema), then filled with
synthetic events by one INSERT ... SELECT over DuckDB's range(): realistic spread of
dates (2015-2024), 60 countries with a few roles, CAMEO codes of every root.  The
timings are of the library's own query methods, median of five runs each, printed
in one run.  Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from eventwire.store import EventFilter, open_store

COUNTRIES = ["USA", "RUS", "UKR", "CHN", "GBR", "FRA", "DEU", "ISR", "PSE", "IRN", "IRQ",
             "SYR", "TUR", "IND", "PAK", "AFG", "SAU", "EGY", "JPN", "KOR", "PRK", "BRA",
             "MEX", "NGA", "ZAF", "KEN", "ETH", "SDN", "LBY", "YEM", "POL", "ITA", "ESP",
             "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MMR", "BGD", "LKA", "NPL", "COL",
             "VEN", "ARG", "CHL", "PER", "CUB", "GRC", "SRB", "HUN", "ROU", "BLR", "GEO",
             "ARM", "AZE", "KAZ", "QAT", "ARE"]  # fmt: skip
ROLES = ["", "GOV", "MIL", "REB", "OPP", "CVL", "COP"]
CODES = ["010", "020", "036", "040", "042", "051", "057", "061", "071", "084", "090",
         "100", "111", "112", "120", "130", "138", "141", "154", "163", "173", "181",
         "190", "193", "195", "202"]  # fmt: skip


def fill(db: Path, events: int) -> None:
    with open_store(db):
        pass  # creates the schema through the store's migrations
    conn = duckdb.connect(str(db))
    countries = "[" + ",".join(f"'{c}'" for c in COUNTRIES) + "]"
    roles = "[" + ",".join(f"'{r}'" for r in ROLES) + "]"
    codes = "[" + ",".join(f"'{c}'" for c in CODES) + "]"
    conn.execute(f"""
        INSERT INTO events BY NAME
        SELECT i // 20 AS article_id, i % 20 AS rank, 'd' || (i // 20) AS doc_id,
               'e' || i AS event_id, 0 AS sentence_index, 0 AS sentence_paragraph,
               '' AS sentence_text, 0 AS sentence_start, 0 AS sentence_end,
               DATE '2015-01-01' + CAST(hash(i) % 3650 AS INTEGER) AS date,
               s || r1 AS source_code, s AS source_country, [] AS source_roles,
               '' AS source_text, 0 AS source_start, 0 AS source_end,
               t || r2 AS target_code, t AS target_country, [] AS target_roles,
               '' AS target_text, 0 AS target_start, 0 AS target_end,
               c AS cameo, c[1:2] AS cameo_root, '' AS cameo_name,
               CASE WHEN c < '06' THEN 1 WHEN c < '09' THEN 2 WHEN c < '14' THEN 3
                    ELSE 4 END AS quad_class,
               (hash(i * 7) % 200) / 10.0 - 10 AS goldstein, NULL AS plover,
               NULL AS plover_mode, false AS negated, false AS hypothetical,
               false AS future, false AS reported, true AS counted,
               '' AS evidence_text, 0 AS evidence_start, 0 AS evidence_end,
               '' AS trigger_text, 0 AS trigger_start, 0 AS trigger_end, '' AS rule,
               0.0 AS salience, true AS is_root
        FROM (SELECT i,
                     {countries}[1 + CAST(hash(i * 3) % {len(COUNTRIES)} AS INTEGER)] AS s,
                     {countries}[1 + CAST(hash(i * 5) % {len(COUNTRIES)} AS INTEGER)] AS t,
                     {roles}[1 + CAST(hash(i * 11) % {len(ROLES)} AS INTEGER)] AS r1,
                     {roles}[1 + CAST(hash(i * 13) % {len(ROLES)} AS INTEGER)] AS r2,
                     {codes}[1 + CAST(hash(i * 17) % {len(CODES)} AS INTEGER)] AS c
              FROM range({events}) AS r(i))
    """)
    conn.close()


def median_seconds(run: Callable[[], object], times: int = 5) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/eventwire-bench.duckdb"))
    args = parser.parse_args()
    args.db.unlink(missing_ok=True)
    started = time.perf_counter()
    fill(args.db, args.events)
    print(f"filled {args.events:,} events in {time.perf_counter() - started:.1f} s")
    everything = EventFilter()
    year = EventFilter(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31))
    with open_store(args.db) as store:
        timeline = median_seconds(
            lambda: store.dyad_timeline("RUS", "UKR", bucket="week", filters=everything))
        rows = store.dyad_timeline("RUS", "UKR", bucket="week", filters=everything)
        print(f"dyad weekly timeline RUS-UKR, all years: {timeline:.3f} s "
              f"(median of 5, {len(rows)} weeks)")
        for label, period in (("one year", year), ("all years", everything)):
            top = median_seconds(lambda period=period: store.top_dyads(period, limit=20))
            actors = median_seconds(lambda period=period: store.top_actors(period, limit=20))
            print(f"top dyads, {label}: {top:.3f} s; top actors, {label}: {actors:.3f} s")


if __name__ == "__main__":
    main()
