"""Command line: thin commands over the library.

Each command parses its options, builds a :class:`~eventwire.config.Config` and calls
one library function; no coding logic lives here.  Exit codes: 0 when every input was
read, 1 when some inputs failed (each reported on stderr in one line), 2 when nothing
could be read or the command itself was misused.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TextIO

import click

from eventwire.config import DEFAULT_MODEL, Config
from eventwire.errors import EventwireError
from eventwire.evaluate import dataset_kind, format_report, load_gold, score
from eventwire.evaluation_run import code_gold
from eventwire.model import Article, CodedArticle, ReadError
from eventwire.output import write_gdelt, write_jsonl, write_table
from eventwire.pipeline import Pipeline
from eventwire.read import read_inputs

FORMATS = ("table", "jsonl", "gdelt")


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


model_option = click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    help="Installed spaCy pipeline to parse with: a package name or a folder path.",
)


@click.group()
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: code news text into explainable CAMEO/PLOVER events."""


class _Counter:
    """Counts articles read and inputs failed while the readers stream."""

    def __init__(self) -> None:
        self.articles = 0
        self.failures = 0

    def articles_of(self, items: Iterator[Article | ReadError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, ReadError):
                self.failures += 1
                click.echo(f"eventwire: cannot read {item.input}: {item.reason}", err=True)
                continue
            self.articles += 1
            yield item


def _write(coded: Iterator[CodedArticle], fmt: str, out: TextIO) -> int:
    written = 0
    for article in coded:
        if fmt == "jsonl":
            written += write_jsonl(article.events, out)
        elif fmt == "gdelt":
            written += write_gdelt([article], out)
        else:
            written += write_table([article], out)
        out.flush()
    return written


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write events here instead of standard output.")
@click.option("--date", callback=_parse_date, default=None,
              help="Date (YYYY-MM-DD) for articles that give none; also the year of datelines.")
@model_option
def code(inputs: tuple[str, ...], fmt: str, output: Path | None, date: dt.date | None,
         model: str) -> None:
    """Code INPUTS (files, folders, globs, or - for stdin) into events."""
    config = Config(model=model, default_date=date)
    try:
        pipeline = Pipeline.from_config(config)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    counter = _Counter()
    articles = counter.articles_of(read_inputs(list(inputs), default_date=date, stdin=sys.stdin))
    with _open_output(output) as out:
        _write(pipeline.code(articles), fmt, out)
    if counter.articles == 0:
        sys.exit(2)
    if counter.failures:
        sys.exit(1)


def _open_output(path: Path | None) -> AbstractContextManager[TextIO]:
    if path is None:
        return nullcontext(sys.stdout)
    return path.open("w", encoding="utf-8", newline="\n")


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--errors", is_flag=True, help="List the misses, grouped by cause.")
@click.option("--events", "events_out", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Also write the coded events as JSONL (one line per event).")
@model_option
def evaluate(gold: Path, errors: bool, events_out: Path | None, model: str) -> None:
    """Code a gold file (one sentence per record) and print the metrics its set defines."""
    try:
        records = load_gold(gold)
        pipeline = Pipeline.from_config(Config(model=model))
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    predictions = code_gold(pipeline, records, events_out)
    report = score(dataset_kind(records), records, predictions)
    click.echo(format_report(report, errors=errors))
