"""Choosing how far the family classifier may reorder events, on records it never saw.

The classifier is trained on the train part of the PentaClass gold file, so its
probabilities on those records are its training answers: a ranking weight chosen on
them would trust the model far more than it deserves.  Here the train part is cut into
folds; each fold is coded by the dictionary coder alone, classified by a model trained
on the other folds, and its events are ranked with every candidate weight.  The
primary-event accuracy of each weight over all folds is what the weight earns on
unseen sentences; the held-back part stays untouched for the final score.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from eventwire.config import Config
from eventwire.learn.penta_data import Example, gold_examples
from eventwire.learn.penta_rank import Probabilities, Ranking, event_family, rank_events
from eventwire.learn.penta_train import TrainSettings, predict, train_classifier
from eventwire.model import Event
from eventwire.pipeline import Pipeline, article_from_text


@dataclass(frozen=True)
class Coded:
    """One gold record: its class and the dictionary coder's events in rule order."""

    example: Example
    events: tuple[Event, ...]

    @property
    def sentences(self) -> dict[int, str]:
        return {e.sentence.index: e.sentence.text for e in self.events}


@dataclass(frozen=True)
class TuneReport:
    """Out-of-fold primary-event accuracy per weight, and the classifier's own."""

    records: int
    folds: int
    accuracy_by_weight: dict[float, float]
    classifier_accuracy: float

    @property
    def best_weight(self) -> float:
        """The weight with the highest accuracy; the smallest of tied ones."""
        best = max(self.accuracy_by_weight.values())
        return min(w for w, a in self.accuracy_by_weight.items() if a == best)


def fold_of(example: Example, folds: int) -> int:
    """A record's fold, fixed by a hash of where it comes from (not by a shuffle)."""
    digest = hashlib.sha256(example.origin.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % folds


def code_examples(examples: Sequence[Example], config: Config) -> list[Coded]:
    """Each example coded as a one-sentence document, without the family classifier."""
    pipeline = Pipeline.from_config(replace(config, family_model=False))
    articles = [article_from_text(e.text, doc_id=e.origin) for e in examples]
    coded = pipeline.code(articles)
    return [Coded(example, tuple(c.events)) for example, c in zip(examples, coded, strict=True)]


def primary_family(events: Iterable[Event]) -> str | None:
    """The family of the first counted event, as the PentaClass scorer reads it."""
    return next((event_family(e) for e in events if e.counted), None)


def _fold_probabilities(
    coded: Sequence[Coded], fold: int, folds: int, settings: TrainSettings
) -> tuple[dict[str, dict[int, Probabilities]], int]:
    """Sentence probabilities of the fold's records from a model trained without them,
    and how many of those records the model alone classifies right."""
    train = [c.example for c in coded if fold_of(c.example, folds) != fold]
    nlp = train_classifier(train, settings)
    held = [c for c in coded if fold_of(c.example, folds) == fold]
    keys = [(c.example.origin, index, text) for c in held for index, text in c.sentences.items()]
    scores = predict(nlp, [text for _o, _i, text in keys])
    found: dict[str, dict[int, Probabilities]] = {c.example.origin: {} for c in held}
    for (origin, index, _text), score in zip(keys, scores, strict=True):
        found[origin][index] = score
    classified = predict(nlp, [c.example.text for c in held])
    hits = sum(max(s, key=s.__getitem__) == c.example.label
               for s, c in zip(classified, held, strict=True))
    return found, hits


def tune(
    coded: Sequence[Coded], weights: Sequence[float], folds: int = 5,
    settings: TrainSettings | None = None,
) -> TuneReport:
    """Out-of-fold primary-event accuracy of each ranking weight; the fold models are
    trained with ``settings`` (those of the shipped model when None)."""
    settings = settings or TrainSettings()
    if folds < 2 or not coded:
        raise ValueError("tuning needs at least two folds and one record")
    hits = dict.fromkeys(weights, 0)
    classifier_hits = 0
    for fold in range(folds):
        probabilities, fold_hits = _fold_probabilities(coded, fold, folds, settings)
        classifier_hits += fold_hits
        for record in (c for c in coded if c.example.origin in probabilities):
            own: Mapping[int, Probabilities] = probabilities[record.example.origin]
            for weight in weights:
                ranked = rank_events(record.events, own, Ranking(weight))
                hits[weight] += primary_family(ranked) == record.example.label
    total = len(coded)
    return TuneReport(
        records=total, folds=folds,
        accuracy_by_weight={w: round(h / total, 4) for w, h in hits.items()},
        classifier_accuracy=round(classifier_hits / total, 4),
    )


def tune_file(
    gold: Path, weights: Sequence[float], folds: int = 5, config: Config | None = None
) -> TuneReport:
    """:func:`tune` on the train part of a PentaClass gold file, coded with ``config``
    (the default configuration when None)."""
    examples = gold_examples(gold, "train")
    return tune(code_examples(examples, config or Config()), weights, folds)
