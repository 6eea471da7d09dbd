"""Rebuilding the shipped classifier: gather examples, train, score, save.

``make train`` runs this through ``tools/train_penta.py``.  Only the ``train`` part of
the gold files is learned from; the held-back part is scored once at the end and
written beside the weights, so the figure shipped with a model is the one it earned.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from eventwire.learn.penta_data import (
    Example,
    deduplicated,
    gold_examples,
    label_counts,
    story_examples,
)
from eventwire.learn.penta_train import EpochReport, TrainSettings, accuracy, train_classifier

REPORT_NAME = "training.json"


@dataclass(frozen=True)
class BuildPlan:
    """The inputs of one build: gold files, optional stories and how many to take."""

    gold: tuple[Path, ...]
    stories: Path | None = None
    story_limit: int = 0
    """At most this many stories (0: none), drawn with the seed; real sentences are
    fewer, and synthetic openings in bulk pull the model away from news wording."""
    story_sentences: int = 1
    settings: TrainSettings = field(default_factory=TrainSettings)


@dataclass(frozen=True)
class BuildReport:
    """What a build learned from and how it scored on the records it never saw."""

    train_counts: dict[str, int]
    story_counts: dict[str, int]
    held_back: int
    held_back_accuracy: float
    size_bytes: int


def _stories(plan: BuildPlan) -> list[Example]:
    if plan.stories is None or plan.story_limit <= 0:
        return []
    stories = list(deduplicated(story_examples(plan.stories, plan.story_sentences)))
    random.Random(plan.settings.seed).shuffle(stories)
    return stories[: plan.story_limit]


def folder_size(path: Path) -> int:
    """Bytes of all files under ``path``."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def build(plan: BuildPlan, out: Path, on_epoch: EpochReport | None = None) -> BuildReport:
    """Train on the plan's examples, save the model to ``out`` (replacing it) and
    report held-back accuracy of the classifier alone."""
    train: list[Example] = [e for path in plan.gold for e in gold_examples(path, "train")]
    held: Sequence[Example] = [e for path in plan.gold for e in gold_examples(path, "held-back")]
    stories = _stories(plan)
    nlp = train_classifier(train + stories, plan.settings, on_epoch)
    if out.exists():
        shutil.rmtree(out)
    nlp.meta.update(name="eventwire_penta", license="see docs/learned.md", description=(
        "eventwire's event-family (PentaClass) classifier; see docs/learned.md"))
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out, exclude=["vocab"])  # hashed features need no strings: no training words ship
    report = BuildReport(
        train_counts=label_counts(train), story_counts=label_counts(stories),
        held_back=len(held), held_back_accuracy=round(accuracy(nlp, held), 4),
        size_bytes=folder_size(out),
    )
    summary = {**asdict(report), "settings": asdict(plan.settings),
               "story_limit": plan.story_limit, "story_sentences": plan.story_sentences}
    (out / REPORT_NAME).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return report
