"""The learned source/target span model: loading it and labelling sentences with it.

The model marks the noun phrases that a human coder would mark as the source or the
target of a sentence's event ("the Israeli army", "a car bomb by the Islamic State
group").  It is a small spaCy entity recognizer shipped inside the package; it never
codes anything itself: the dictionary coder decides events and actor codes, and the
model only adjusts the extent and direction of the spans of those actors
(:mod:`eventwire.learn.actor_spans_refine`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files

import spacy
from spacy.language import Language

LABELS: tuple[str, ...] = ("SOURCE", "TARGET")
MODEL_FOLDER = ("data", "models", "actor_spans")
BATCH_SIZE = 64


@dataclass(frozen=True)
class RoleSpan:
    """A span the model labels ``SOURCE`` or ``TARGET``; offsets into the labelled text."""

    label: str
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@lru_cache(maxsize=1)
def shipped_model() -> Language:
    """The packaged span model, loaded once per process on first use."""
    folder = files("eventwire").joinpath(*MODEL_FOLDER)
    with as_file(folder) as path:
        return spacy.load(path)


def label_docs(nlp: Language, texts: Sequence[str]) -> list[tuple[RoleSpan, ...]]:
    """The labelled spans of each text, in order."""
    return [
        tuple(RoleSpan(e.label_, e.start_char, e.end_char) for e in doc.ents
              if e.label_ in LABELS)
        for doc in nlp.pipe(texts, batch_size=BATCH_SIZE)
    ]
