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
from typing import Any, TextIO

import click

from eventwire.cli_common import (
    DictionaryFailure,
    config_from,
    dictionary_options,
    model_option,
    parse_date,
    pipeline_for,
)
from eventwire.cli_serve import serve
from eventwire.cli_store import export, ingest, query
from eventwire.cli_watch import watch
from eventwire.errors import DictionaryError, EventwireError
from eventwire.evaluate import dataset_kind, format_report, load_gold, score
from eventwire.evaluation_run import code_gold
from eventwire.learn.split import PARTS, Part, in_part
from eventwire.model import Article, CodedArticle, ReadError
from eventwire.output import write_gdelt, write_jsonl, write_table
from eventwire.petrarch_tests import format_report as format_unit_report
from eventwire.petrarch_tests import run_directory
from eventwire.read import read_inputs

FORMATS = ("table", "jsonl", "gdelt")


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
@click.option("--date", callback=parse_date, default=None,
              help="Date (YYYY-MM-DD) for articles that give none; also the year of datelines.")
@model_option
@dictionary_options
def code(inputs: tuple[str, ...], fmt: str, output: Path | None, date: dt.date | None,
         model: str, **dictionaries: Any) -> None:
    """Code INPUTS (files, folders, globs, or - for stdin) into events."""
    pipeline = pipeline_for(config_from(model, date, dictionaries))
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
@click.option("--part", type=click.Choice(PARTS), default="all", show_default=True,
              help="Score only the records learned from (train) or only those held back "
                   "from training (held-back).")
@model_option
@dictionary_options
def evaluate(gold: Path, errors: bool, events_out: Path | None, part: Part, model: str,
             **dictionaries: Any) -> None:
    """Code a gold file (one sentence per record) and print the metrics its set defines."""
    pipeline = pipeline_for(config_from(model, None, dictionaries))
    try:
        records = [r for r in load_gold(gold) if in_part(r.id, part)]
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if not records:
        raise click.ClickException(f"{gold}: no records in part {part}")
    predictions = code_gold(pipeline, records, events_out)
    report = score(dataset_kind(records), records, predictions)
    click.echo(format_report(report, errors=errors))


@main.command(name="petrarch-tests")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--failures", is_flag=True, help="Also list every failed record and why.")
@model_option
def petrarch_tests(directory: Path, failures: bool, model: str) -> None:
    """Run PETRARCH2's unit-test records in DIRECTORY with the dictionaries beside them."""
    try:
        report = run_directory(directory, model=model)
    except DictionaryError as exc:
        raise DictionaryFailure(str(exc)) from exc
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(format_unit_report(report, failures=failures))


main.add_command(ingest)
main.add_command(query)
main.add_command(export)
main.add_command(watch)
main.add_command(serve)
