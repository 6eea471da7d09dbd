"""Commands over the event store: ingest, query, export (thin shells over the library)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from eventwire.cli_common import (
    DictionaryFailure,
    config_from,
    dictionary_options,
    model_option,
    parse_date,
    pipeline_for,
)
from eventwire.config import Config
from eventwire.errors import DictionaryError, EventwireError
from eventwire.ingest import IngestSummary
from eventwire.ingest import ingest as run_ingest
from eventwire.store import DEFAULT_DB, EventFilter, Row, open_store

F = TypeVar("F", bound=Callable[..., Any])
ROW_FORMATS = ("table", "csv", "json")

db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=Path(DEFAULT_DB),
    show_default=True, help="The DuckDB event store.",
)  # fmt: skip


def filter_options(command: F) -> F:
    """The event filters shared by query and export; values are bound, never spliced."""
    options = [
        click.option("--from", "start", callback=parse_date, help="First date (YYYY-MM-DD)."),
        click.option("--to", "end", callback=parse_date, help="Last date (YYYY-MM-DD)."),
        click.option("--actor", help="Source or target code prefix (RUS, RUSGOV)."),
        click.option("--source", help="Source code prefix."),
        click.option("--target", help="Target code prefix."),
        click.option("--cameo", help="CAMEO code prefix (19 takes 190-196)."),
        click.option("--plover", help="PLOVER type (ASSAULT)."),
        click.option("--quad-class", type=click.IntRange(1, 4), help="GDELT QuadClass."),
        click.option("--text", help="Words in the evidence or sentence."),
        click.option("--counted", is_flag=True, help="Only events neither negated nor "
                     "hypothetical."),
        click.option("--min-confidence", type=click.FloatRange(0, 1),
                     help="Only events with at least this confidence (0-1)."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _filters(options: dict[str, Any]) -> EventFilter:
    return EventFilter(
        start=options["start"], end=options["end"], actor=options["actor"],
        source=options["source"], target=options["target"], cameo=options["cameo"],
        plover=options["plover"], quad_class=options["quad_class"], text=options["text"],
        counted_only=bool(options["counted"]), min_confidence=options["min_confidence"],
    )  # fmt: skip


def _progress(summary: IngestSummary) -> None:
    if summary.read % 25 == 0:
        click.echo(
            f"\r{summary.read} read, {summary.new} new, {summary.rate:.1f} articles/s",
            err=True, nl=False,
        )  # fmt: skip


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--date", callback=parse_date, default=None,
              help="Date (YYYY-MM-DD) for articles that give none.")
@model_option
@dictionary_options
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Code on a local Dask cluster of this many processes.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Code on the running Dask cluster at ADDRESS (tcp://host:8786).")
def ingest(inputs: tuple[str, ...], db: Path, date: dt.date | None, model: str,
           workers: int | None, scheduler: str | None, **dictionaries: Any) -> None:
    """Code INPUTS and keep articles and events in the store; re-runs add nothing."""
    config = config_from(model, date, dictionaries)
    if workers is not None or scheduler is not None:
        summary = _ingest_on_dask(list(inputs), config, db, workers, scheduler)
    else:
        pipeline = pipeline_for(config)
        with open_store(db) as store:
            summary = run_ingest(list(inputs), pipeline, store, progress=_progress)
    click.echo("", err=True)
    click.echo(
        f"read {summary.read}, new {summary.new}, duplicate {summary.duplicate}, "
        f"near-duplicate {summary.near_duplicate}, failed {summary.failed}, "
        f"events {summary.events} in {summary.elapsed:.1f} s"
    )
    if summary.failed:  # as ``code``: 1 when some inputs failed, 2 when nothing was read
        sys.exit(2 if summary.read == 0 else 1)


def _ingest_on_dask(inputs: list[str], config: Config, db: Path, workers: int | None,
                    scheduler: str | None) -> IngestSummary:
    from eventwire.distributed import dask_client, ingest_with_dask  # Dask loads slowly

    try:
        with open_store(db, threads=1) as store, dask_client(workers, scheduler) as client:
            return ingest_with_dask(inputs, config, store, client, progress=_progress)
    except DictionaryError as exc:
        raise DictionaryFailure(str(exc)) from exc
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc


def _emit(rows: Sequence[Row], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, default=str, ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo("(no rows)" if fmt == "table" else "", nl=fmt == "table")
        return
    columns = list(rows[0])
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    widths = {c: min(40, max(len(c), *(len(str(r[c])) for r in rows))) for c in columns}
    click.echo("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        click.echo("  ".join(str(row[c])[: widths[c]].ljust(widths[c]) for c in columns))


format_option = click.option("--format", "fmt", type=click.Choice(ROW_FORMATS),
                             default="table", show_default=True)


@click.group()
def query() -> None:
    """Ask the store: events, dyad timelines, top actors and dyads."""


@query.command(name="events")
@db_option
@filter_options
@click.option("--limit", type=int, default=50, show_default=True)
@format_option
def query_events(db: Path, limit: int, fmt: str, **options: Any) -> None:
    """Events matching the filters."""
    with open_store(db) as store:
        rows = store.events(_filters(options), limit=limit)
    _emit([_brief(r) for r in rows] if fmt == "table" else rows, fmt)


def _code(actor: object) -> str:
    return str(actor.get("code")) if isinstance(actor, dict) else "-"


def _brief(row: Row) -> Row:
    """An event record cut to what fits a terminal line."""
    flags = "".join(k[0].upper() for k in ("negated", "hypothetical", "future", "reported")
                    if row.get(k))
    evidence = row.get("evidence")
    words = evidence.get("text", "") if isinstance(evidence, dict) else ""
    confidence = row.get("confidence")
    conf = f"{confidence:.2f}" if isinstance(confidence, float | int) else "-"
    return {"event_id": row.get("event_id"), "date": row.get("date"),
            "source": _code(row.get("source")), "cameo": row.get("cameo"),
            "target": _code(row.get("target")), "plover": row.get("plover") or "",
            "flags": flags, "conf": conf, "evidence": words}


@query.command(name="timeline")
@click.argument("dyad_source", metavar="SOURCE")
@click.argument("dyad_target", metavar="TARGET")
@db_option
@click.option("--bucket", type=click.Choice(["day", "week", "month"]), default="week",
              show_default=True)
@click.option("--one-way", is_flag=True, help="Only SOURCE → TARGET, not both directions.")
@filter_options
@format_option
def query_timeline(dyad_source: str, dyad_target: str, db: Path, bucket: Any, one_way: bool,
                   fmt: str, **options: Any) -> None:
    """Counts per QuadClass and Goldstein over time for the dyad SOURCE–TARGET."""
    with open_store(db) as store:
        rows = store.dyad_timeline(dyad_source, dyad_target, bucket=bucket,
                                   both_directions=not one_way, filters=_filters(options))
        _emit(rows, fmt)


@query.command(name="top-actors")
@db_option
@filter_options
@click.option("--limit", type=int, default=10, show_default=True)
@format_option
def query_top_actors(db: Path, limit: int, fmt: str, **options: Any) -> None:
    """The actors with most events in the filtered period."""
    with open_store(db) as store:
        _emit(store.top_actors(_filters(options), limit=limit), fmt)


@query.command(name="top-dyads")
@db_option
@filter_options
@click.option("--limit", type=int, default=10, show_default=True)
@format_option
def query_top_dyads(db: Path, limit: int, fmt: str, **options: Any) -> None:
    """The source-target pairs with most events in the filtered period."""
    with open_store(db) as store:
        _emit(store.top_dyads(_filters(options), limit=limit), fmt)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["gdelt", "parquet", "plover", "jsonl"]),
              required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write (a folder for parquet, partitioned by month).")
@db_option
@filter_options
def export(fmt: str, output: Path, db: Path, **options: Any) -> None:
    """Export stored events as GDELT 2.0 rows, Parquet, PLOVER JSON or JSONL."""
    filters = _filters(options)
    with open_store(db) as store:
        writers = {"gdelt": store.export_gdelt, "parquet": store.export_parquet,
                   "plover": store.export_plover, "jsonl": store.export_jsonl}
        written = writers[fmt](output, filters)
    click.echo(f"wrote {written} records to {output}")
