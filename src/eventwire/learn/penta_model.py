"""The shipped event-family classifier, loaded once per process from package data.

The weights live in ``eventwire/data/models/penta`` (built by ``make train``); a
missing or unreadable folder is a clear :class:`ModelMissing`, so a pipeline can say
why it codes without the model instead of failing on the first article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

import spacy
from spacy.language import Language

from eventwire.errors import EventwireError
from eventwire.learn.penta_data import PENTA_CLASSES
from eventwire.learn.penta_train import PIPE_NAME

MODEL_PARTS: Final = ("data", "models", "penta")
"""Where the weights sit inside the ``eventwire`` package."""


class ModelMissing(EventwireError):
    """The classifier's weights are not where they should be, or cannot be read."""


@dataclass(frozen=True)
class FamilyModel:
    """A trained classifier: the probability of each event family for a text."""

    nlp: Language

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """One ``{family: probability}`` per text; texts are classified in one batch."""
        docs = self.nlp.pipe(texts, batch_size=256)
        return [{label: float(doc.cats.get(label, 0.0)) for label in PENTA_CLASSES}
                for doc in docs]


def packaged_model_path() -> Path:
    """The folder of the shipped weights (an installed package is a plain folder)."""
    folder = resources.files("eventwire").joinpath(*MODEL_PARTS)
    if not isinstance(folder, Path):
        raise ModelMissing(f"the classifier needs eventwire installed as files, not {folder}")
    return folder


def model_from(path: Path) -> FamilyModel:
    """A classifier saved by ``Language.to_disk`` at ``path``."""
    if not (path / "config.cfg").is_file():
        raise ModelMissing(f"no event-family classifier at {path} (run `make train`)")
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ModelMissing(f"cannot load the event-family classifier at {path}: {exc}") from exc
    if PIPE_NAME not in nlp.pipe_names:
        raise ModelMissing(f"{path} holds no {PIPE_NAME!r} component")
    labels = set(nlp.get_pipe(PIPE_NAME).labels)  # type: ignore[attr-defined]
    if labels != set(PENTA_CLASSES):
        raise ModelMissing(f"{path} classifies {sorted(labels)}, not the five event families")
    return FamilyModel(nlp)


@lru_cache(maxsize=1)
def packaged_model() -> FamilyModel:
    """The shipped classifier, loaded on first use and shared by every pipeline."""
    return model_from(packaged_model_path())
