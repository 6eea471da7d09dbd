"""``eventwire watch``: poll feeds and folders and ingest what is new (a thin shell)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import click

from eventwire.cli_common import (
    config_from,
    dictionary_options,
    model_option,
    parse_date,
    pipeline_for,
)
from eventwire.cli_store import db_option
from eventwire.store import open_store
from eventwire.watch import WatchRound
from eventwire.watch import watch as run_watch

_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", re.IGNORECASE)
_UNIT_SECONDS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``2h``, ``1d`` (a bare number is seconds)."""
    match = _DURATION.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a duration such as 30s, 15m or 2h")
    seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]
    if seconds <= 0:
        raise ValueError(f"{text!r} is not a positive duration")
    return seconds


def _duration(_ctx: click.Context, _param: click.Parameter, value: str) -> float:
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def round_line(number: int, result: WatchRound) -> str:
    """One line per round, so a log of a long watch reads as a table."""
    s = result.ingest
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    return (
        f"{stamp} round {number}: {result.sources} sources, {result.new_entries} new entries, "
        f"{result.failed} failed; read {s.read}, new {s.new}, duplicate {s.duplicate}, "
        f"near-duplicate {s.near_duplicate}, unreadable {s.failed}, events {s.events} "
        f"in {result.elapsed:.1f} s"
    )


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, callback=_duration,
              help="Time between the starts of rounds: 30s, 15m, 2h.")
@click.option("--rounds", type=click.IntRange(min=1), default=None,
              help="Stop after this many rounds (default: run until interrupted).")
@db_option
@click.option("--date", callback=parse_date, default=None,
              help="Date (YYYY-MM-DD) for articles that give none.")
@model_option
@dictionary_options
def watch(sources: tuple[str, ...], every: float, rounds: int | None, db: Path,
          date: dt.date | None, model: str, **dictionaries: Any) -> None:
    """Poll SOURCES (RSS/Atom feed URLs or files, folders) and ingest new articles.

    Failed feeds and pages are recorded in the store's errors and tried again the
    next round; entries already handled are skipped, also after a restart.
    """
    pipeline = pipeline_for(config_from(model, date, dictionaries))

    def report(number: int, result: WatchRound) -> None:
        click.echo(round_line(number, result))

    with open_store(db) as store:
        try:
            run_watch(list(sources), pipeline, store, every, rounds, on_round=report)
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
