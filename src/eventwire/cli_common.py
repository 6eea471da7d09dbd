"""What the commands share: options, configuration from options, error reporting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from eventwire.config import DEFAULT_MODEL, Config
from eventwire.errors import DictionaryError, EventwireError
from eventwire.pipeline import Pipeline

F = TypeVar("F", bound=Callable[..., Any])


class DictionaryFailure(click.ClickException):
    """A user dictionary file is malformed: one line naming file and line, exit 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"eventwire: {self.message}", err=True)


_FILE = click.Path(dir_okay=False, path_type=Path)


def dictionary_options(command: F) -> F:
    """The options that bring users' own dictionaries (shared by code and eval)."""
    options = [
        click.option("--verbs", "verbs", multiple=True, type=_FILE,
                     help="Verb dictionary (PETRARCH syntax or .yaml); repeatable."),
        click.option("--actors", "actors", multiple=True, type=_FILE,
                     help="Actor dictionary (PETRARCH syntax or .yaml); repeatable."),
        click.option("--agents", "agents", multiple=True, type=_FILE,
                     help="Agent dictionary (PETRARCH syntax or .yaml); repeatable."),
        click.option("--discards", "discards", multiple=True, type=_FILE,
                     help="Discard list (PETRARCH syntax or .yaml); repeatable."),
        click.option("--only-user-dictionaries", "replace", is_flag=True,
                     help="Use the given dictionaries instead of the packaged ones."),
        click.option("--no-family-model", "no_family_model", is_flag=True,
                     help="Keep the rule order; confidence from rule evidence alone."),
        click.option("--span-model/--no-span-model", "span_model", default=False,
                     show_default=True,
                     help="Widen event actors to the whole phrase and fill a missing side "
                          "with the learned span model (about a fifth slower)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def config_from(model: str, date: dt.date | None, dictionaries: dict[str, Any]) -> Config:
    return Config(
        model=model,
        default_date=date,
        verbs=tuple(dictionaries["verbs"]),
        actors=tuple(dictionaries["actors"]),
        agents=tuple(dictionaries["agents"]),
        discards=tuple(dictionaries["discards"]),
        replace_dictionaries=bool(dictionaries["replace"]),
        family_model=not dictionaries.get("no_family_model", False),
        actor_spans=bool(dictionaries.get("span_model", False)),
    )


def pipeline_for(config: Config) -> Pipeline:
    try:
        return Pipeline.from_config(config)
    except DictionaryError as exc:
        raise DictionaryFailure(str(exc)) from exc
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
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
