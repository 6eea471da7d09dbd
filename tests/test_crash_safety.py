"""SIGKILL during ingest, again and again: the store must end as one clean run's store.

An ingest is killed at seeded random moments (during start-up and schema creation,
between articles, in the middle of a batch), each time resuming the store the last
one left; then ``eventwire ingest`` runs to the end.  The result is compared with a
store made by a single uninterrupted run: the same articles (with their status and
metadata), the same events with the same content, the same clusters, the same errors,
nothing lost and nothing twice.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.config import Config
from eventwire.ingest import ingest
from eventwire.pipeline import Pipeline
from eventwire.store import DuckDBStore, open_store

SEED = 20240501
KILLS = 5
COUNTRIES = ("Russian", "Ukrainian", "British", "French", "German", "Polish", "Turkish",
             "Chinese", "Iranian", "Israeli", "Egyptian", "Indian")  # fmt: skip

_CHILD = """
import sys
from eventwire.config import Config
from eventwire.ingest import ingest
from eventwire.pipeline import Pipeline
from eventwire.store import open_store
print("start", flush=True)
with open_store(sys.argv[2]) as store:
    pipeline = Pipeline.from_config(Config(batch_size=4))
    print("ready", flush=True)
    ingest([sys.argv[1]], pipeline, store, progress=lambda s: print(s.read + s.failed,
                                                                     flush=True))
print("done", flush=True)
"""


def _story(i: int) -> str:
    a, b = COUNTRIES[i % 12], COUNTRIES[(i * 5 + 1) % 12]
    return (f"Report {i} on the crisis\n\nGENEVA, March {i % 27 + 1}, 2024 (Example Wire) - "
            f"{a} troops shelled {b} border posts on day {i} of the crisis, and the {b} "
            f"government accused the {a} government of breaking the truce number {i}. "
            f"Diplomats from both sides agreed to meet in Vienna for round {i} of talks.")


def _corpus(folder: Path) -> int:
    """24 stories, an exact and a near copy, two bad files; returns the item count."""
    folder.mkdir()
    for i in range(24):
        (folder / f"story{i:02d}.txt").write_text(_story(i), encoding="utf-8")
    (folder / "copy.txt").write_text(_story(3), encoding="utf-8")
    (folder / "syndicated.txt").write_text(_story(5) + " (Reporting by Example Wire.)",
                                           encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(random.Random(1).randbytes(300))
    return 28


def _child(folder: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(folder), str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )  # fmt: skip


def _kill_at(child: subprocess.Popen[str], marker: str, delay: float) -> bool:
    """SIGKILL ``delay`` seconds after the child printed ``marker``; False if it finished."""
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "done":
            break
        if line.strip() == marker:
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=120)
    return child.returncode == -signal.SIGKILL


def _snapshot(store: DuckDBStore) -> dict[str, object]:
    """The store's content without what legitimately differs: row ids and timestamps."""
    articles = Counter(
        json.dumps({k: str(v) for k, v in a.items() if k not in ("id", "ingested_at")},
                   sort_keys=True)
        for a in store.articles())  # fmt: skip
    events = store.events()
    members: dict[object, set[str]] = {}
    for e in events:
        if e["cluster_id"] is not None:
            members.setdefault(e["cluster_id"], set()).add(f"{e['doc_id']}/{e['event_id']}")
    contents = Counter(
        json.dumps({**{k: v for k, v in e.items() if k not in ("article_id", "cluster_id")},
                    "cluster": sorted(members.get(e["cluster_id"], ()))},
                   sort_keys=True, default=str)
        for e in events)  # fmt: skip
    errors = Counter((str(r["input"]), str(r["stage"]), str(r["reason"])) for r in store.errors())
    return {"articles": articles, "events": contents, "errors": errors, "stats": store.stats()}


def _stored(db: Path) -> int:
    """Articles in the store a killed child left (0 when it died before creating it)."""
    if not db.exists():
        return 0
    with open_store(db) as store:
        return store.stats().articles


@pytest.fixture(scope="module")
def pipeline(nlp: Language) -> Pipeline:
    return Pipeline.from_config(Config(batch_size=4), nlp=nlp)


def test_repeated_sigkill_then_a_full_run_equals_one_clean_run(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    total = _corpus(folder)
    db = tmp_path / "killed.duckdb"
    rng = random.Random(SEED)
    killed = [_kill_at(_child(folder, db), "start", rng.uniform(0.0, 0.05))]
    stored = [_stored(db)]
    for _ in range(KILLS - 1):
        killed.append(_kill_at(_child(folder, db), str(rng.randint(1, total)),
                               rng.uniform(0.0, 0.3)))
        stored.append(_stored(db))
    assert sum(killed) >= KILLS - 1, killed  # the kills hit running ingests
    assert any(0 < n < 24 for n in stored), stored  # at least one hit the middle
    final = subprocess.run(
        [sys.executable, "-c", "from eventwire.cli import main; main()", "ingest",
         str(folder), "--db", str(db)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert final.returncode == 1, final.stderr  # two inputs are bad: exit 1, rest stored
    with open_store(db) as store:
        recovered = _snapshot(store)
    with open_store(tmp_path / "clean.duckdb") as store:
        ingest([str(folder)], pipeline, store)
        clean = _snapshot(store)
    assert recovered == clean
    assert sum(clean["articles"].values()) == 25  # 24 stories + the syndicated copy
    assert all(n == 1 for n in recovered["events"].values())
    assert sum(recovered["errors"].values()) == 2
