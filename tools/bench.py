"""Benchmark: eventwire's throughput against bare spaCy, and Dask with 1 and 2 workers.

Usage: python tools/bench.py [CORPUS ...] [--words 120000] [--runs 3] [--workers 2]

CORPUS is a folder of stories or a JSONL file of records; without one (or when none
exists) generated text is used.  A fixed subset of about ``--words`` words is taken
(articles in input order, alternating between corpora) and written to a temporary
folder, so every figure below is on the same text, in one run.  The default is large
enough that a Dask ingest is timed in its steady state: a partition is a second or two
of coding, and the last one leaves a worker idle for half that on average, which is a
tenth of a 40,000-word run on two workers but a twenty-fifth of a 120,000-word one.

- bare spaCy: the stock pipeline (``spacy.load``) over the articles' texts with
  ``nlp.pipe``, words per second;
- eventwire end to end: read the folder, code it, write JSONL (to nowhere), words and
  articles per second, and its ratio to bare spaCy (same process, same text);
- ingest in one process into a fresh store, then the same ingest on local Dask
  clusters of 1 and of N workers (one thread each; a fresh cluster for each run, runs
  alternated between the two sizes), and the N-to-1 ratio;
- peak memory (max RSS) of this process and of each Dask worker.

Each figure is the median of ``--runs`` runs; eventwire and bare spaCy runs are
alternated, and the ratio of each pair is printed too, to show the noise.  Not a
test: figures depend on the machine and on what else runs on it (the load average
is printed).
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import spacy

from eventwire.config import DEFAULT_MODEL, Config
from eventwire.distributed import dask_client, ingest_with_dask, worker_pipeline
from eventwire.ingest import ingest
from eventwire.model import Article
from eventwire.output import write_jsonl
from eventwire.pipeline import Pipeline
from eventwire.read import read_inputs
from eventwire.store import open_store

SIDES = ["Germany", "France", "Poland", "Japan", "Canada", "Brazil", "Kenya", "Chile",
         "the United Nations", "the European Union", "NATO", "Turkey"]  # fmt: skip
ACTS = [
    "{a} invited {b} to talks in {c} on Tuesday.",
    "The foreign minister of {a} accused {b} of breaking the ceasefire agreement.",
    "Officials in {c} said that {a} would send humanitarian aid to {b} next week.",
    "{a} expelled three diplomats of {b}, the ministry said in a statement.",
    "Police in {c} arrested dozens of protesters after clashes near the parliament.",
    "{a} and {b} signed a trade agreement that lowers tariffs on farm goods.",
    "Troops of {a} shelled positions held by rebels near the border with {b}.",
    "The president of {a} praised {b} for its support during the crisis.",
]


WARM_WORDS = 10_000
"""Text a fresh Dask cluster ingests, untimed, before its timed run: some ten partitions,
so that every worker has coded a few."""


def _generated(words: int) -> list[tuple[str, str]]:
    """Wire-like stories of eight paragraphs from the templates above: (file, text)."""
    triples = itertools.cycle(itertools.permutations(SIDES, 3))
    stories: list[tuple[str, str]] = []
    total, n = 0, 0
    while total < words:
        paragraphs = []
        for k in range(8):
            a, b, c = next(triples)
            sentences = [ACTS[(n + k + j) % len(ACTS)].format(a=a, b=b, c=c) for j in range(3)]
            paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
        text = f"Story {n}\n\n" + "\n\n".join(paragraphs) + "\n"
        stories.append((f"story-{n:04d}.txt", text))
        total += len(text.split())
        n += 1
    return stories


def _read_records(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _corpus_items(corpus: Path) -> Iterator[tuple[str, object]]:
    """A corpus as ('file', path) for story files or ('record', dict) for JSONL rows."""
    if corpus.is_dir():
        for path in sorted(corpus.rglob("*.txt")):
            yield "file", path
    elif corpus.suffix == ".jsonl":
        for record in _read_records(corpus):
            yield "record", record


def write_subset(corpora: list[Path], words: int, folder: Path) -> str:
    """Copy about ``words`` words of the corpora into ``folder``; say what was taken."""
    sources = [iter(_corpus_items(c)) for c in corpora if c.exists()]
    records: list[dict[str, object]] = []
    total = files = 0
    while sources and total < words:
        for source in list(sources):
            item = next(source, None)
            if item is None:
                sources.remove(source)
                continue
            kind, value = item
            if kind == "file":
                assert isinstance(value, Path)
                text = value.read_text(encoding="utf-8")
                (folder / value.name).write_text(text, encoding="utf-8")
                files += 1
            else:
                assert isinstance(value, dict)
                text = str(value.get("text", ""))
                records.append(value)
            total += len(text.split())
            if total >= words:
                break
    if records:
        with (folder / "records.jsonl").open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if total == 0:
        for name, text in _generated(words):
            (folder / name).write_text(text, encoding="utf-8")
            total += len(text.split())
        return f"generated text, {total} words"
    return f"{files} story files + {len(records)} records from the corpora, {total} words"


def median_time(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb() -> float:
    """This process's peak resident memory.  VmHWM, not getrusage: Linux carries
    ru_maxrss over exec, so a worker spawned by a big process would report its size."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _line(label: str, value: str) -> None:
    print(f"{label:<44} {value}", flush=True)


def bench_one_process(folder: Path, runs: int, pipeline: Pipeline) -> int:
    """Eventwire, then bare spaCy, in this process on the same loaded spaCy pipeline.

    Eventwire goes first so that the peak memory printed after it is its own (bare
    spaCy's default batches of whole articles take more)."""
    articles = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    nlp = pipeline.nlp
    texts = [a.text for a in articles]

    def code(inputs: list[str]) -> None:
        out = io.StringIO()
        for coded in pipeline.code(a for a in read_inputs(inputs) if isinstance(a, Article)):
            write_jsonl(coded.events, out)

    code([str(folder)])  # one whole untimed run first: the figures are of a steady state
    ours = median_time(lambda: code([str(folder)]), 1)
    _line("peak memory, eventwire in this process", f"{peak_mb():8.0f} MB")
    bare = median_time(lambda: sum(1 for _ in nlp.pipe(texts)), 1)
    ours_times, bare_times = [ours], [bare]
    for _ in range(runs - 1):  # alternated, so that a change of load hits both alike
        ours_times.append(median_time(lambda: code([str(folder)]), 1))
        bare_times.append(median_time(lambda: sum(1 for _ in nlp.pipe(texts)), 1))
    ours, bare = statistics.median(ours_times), statistics.median(bare_times)
    _line("bare spaCy (nlp.pipe over article texts)", f"{words / bare:8.0f} words/s")
    _line("eventwire end to end (read, code, JSONL)",
          f"{words / ours:8.0f} words/s {len(articles) / ours:6.1f} articles/s")  # fmt: skip
    _line("  ratio eventwire / bare spaCy", f"{bare / ours:8.2f}")
    ratios = sorted(b / o for b, o in zip(bare_times, ours_times, strict=True))
    _line("  ratio per alternated pair", " ".join(f"{r:.2f}" for r in ratios))
    _line("peak memory, this process after bare spaCy", f"{peak_mb():8.0f} MB")
    return words


def _ingest_once(scratch: Path, run: Callable[[Path], object]) -> None:
    """Run ``run`` on a fresh store file in ``scratch``, removed afterwards."""
    db = scratch / f"bench-{time.monotonic_ns()}.duckdb"
    try:
        run(db)
    finally:
        for path in scratch.glob(db.name + "*"):
            path.unlink()


def bench_ingest(
    folder: Path, warm: Path, scratch: Path, runs: int, workers: int, words: int,
    pipeline: Pipeline,
) -> None:  # fmt: skip
    def one(db: Path) -> None:
        with open_store(db) as store:
            ingest([str(folder)], pipeline, store)

    alone = median_time(lambda: _ingest_once(scratch, one), runs)
    _line("ingest, one process", f"{words / alone:8.0f} words/s")
    counts = sorted({1, workers})
    times: dict[int, list[float]] = {count: [] for count in counts}
    rss = dict.fromkeys(counts, 0.0)
    for turn in range(runs):  # alternated, as above: the host's slow spells hit both
        for count in counts if turn % 2 == 0 else counts[::-1]:
            seconds, peak = _dask_run(folder, warm, scratch, count)
            times[count].append(seconds)
            rss[count] = max(rss[count], peak)
    for count in counts:
        rate = words / statistics.median(times[count])
        _line(f"ingest, Dask {count} worker(s)",
              f"{rate:8.0f} words/s, peak {rss[count]:.0f} MB per worker")  # fmt: skip
    if workers > 1:
        ratio = statistics.median(times[1]) / statistics.median(times[workers])
        _line(f"  ratio Dask {workers} / 1 worker", f"{ratio:8.2f}")
        pairs = sorted(a / b for a, b in zip(times[1], times[workers], strict=True))
        _line("  ratio per alternated pair", " ".join(f"{r:.2f}" for r in pairs))


def _dask_run(folder: Path, warm: Path, scratch: Path, count: int) -> tuple[float, float]:
    """Seconds of one timed ingest on a fresh local cluster of ``count`` workers, and
    the peak memory of its largest worker.

    Each worker loads spaCy, and the cluster ingests the small ``warm`` folder, untimed,
    first (the one-process figures are of a steady state too).  Only one cluster is up
    at a time: an idle cluster's processes take CPU from the busy one.  The writer's
    store runs DuckDB on one thread, as ``eventwire ingest --workers`` opens it."""
    with dask_client(workers=count) as client:
        client.run(worker_pipeline, Config())

        def on_dask(inputs: Path, db: Path) -> None:
            with open_store(db, threads=1) as store:
                ingest_with_dask([str(inputs)], Config(), store, client)

        _ingest_once(scratch, partial(on_dask, warm))
        seconds = median_time(lambda: _ingest_once(scratch, partial(on_dask, folder)), 1)
        return seconds, max(client.run(peak_mb).values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--words", type=int, default=120_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        folder, warm, scratch = Path(tmp) / "corpus", Path(tmp) / "warm", Path(tmp)
        folder.mkdir()
        warm.mkdir()
        taken = write_subset(args.corpora, args.words, folder)
        write_subset(args.corpora, WARM_WORDS, warm)
        cores = os.cpu_count()
        print(f"text: {taken}; {args.runs} runs each (median); {cores} cores; "
              f"load average {os.getloadavg()[0]:.2f}", flush=True)  # fmt: skip
        pipeline = Pipeline.from_config(Config(), nlp=spacy.load(DEFAULT_MODEL))
        words = bench_one_process(folder, args.runs, pipeline)
        bench_ingest(folder, warm, scratch, args.runs, args.workers, words, pipeline)
        print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
