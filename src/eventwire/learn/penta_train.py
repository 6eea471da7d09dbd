"""Training the event-family classifier: a spaCy ``textcat`` with exclusive classes.

The model is spaCy's ensemble of a bag of words and bigrams (which learns the
dictionary-like cues: "killed", "talks", "condemned") and a small convolutional
encoder over hashed word forms (which generalizes to unseen words by their shape and
affixes).  It needs no word vectors, so it trains on a CPU in minutes and ships in a
few megabytes.  Training is deterministic: one seed fixes the initial weights and
the order of every epoch's batches.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import spacy
from spacy.language import Language
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, minibatch  # type: ignore[attr-defined]

from eventwire.learn.penta_data import PENTA_CLASSES, Example

PIPE_NAME: Final = "textcat"


@dataclass(frozen=True)
class TrainSettings:
    """What shapes the model and its training; the defaults build the shipped model."""

    seed: int = 7
    epochs: int = 15
    batch_size: int = 32
    dropout: float = 0.2
    width: int = 64
    depth: int = 2
    cnn: bool = False
    """On, a small CNN joins the bag of words: on the held-back fifth it classified
    2 more of 252 records and took four to nine times as long per sentence, which
    the coder pays on every sentence with an event, so the shipped model is without."""
    bow_length: int = 2**16
    ngram_size: int = 2


def _bow(settings: TrainSettings) -> dict[str, Any]:
    return {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
        "ngram_size": settings.ngram_size, "no_output_layer": False,
        "length": settings.bow_length, "nO": None,
    }


def model_config(settings: TrainSettings) -> dict[str, Any]:
    """The thinc model of the classifier, in spaCy's registry notation."""
    if not settings.cnn:
        return _bow(settings)
    width = settings.width
    return {
        "@architectures": "spacy.TextCatEnsemble.v2",
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                "rows": [5000, 1000, 2500, 2500], "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width,
                "window_size": 1, "maxout_pieces": 3, "depth": settings.depth,
            },
        },
        "linear_model": _bow(settings),
    }


def blank_classifier(settings: TrainSettings) -> Language:
    """An untrained English pipeline with only the tokenizer and the classifier."""
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(PIPE_NAME, config={"model": model_config(settings)})
    for label in PENTA_CLASSES:
        textcat.add_label(label)  # type: ignore[attr-defined]
    return nlp


def _spacy_examples(nlp: Language, examples: Sequence[Example]) -> list[SpacyExample]:
    out = []
    for example in examples:
        cats = {label: float(label == example.label) for label in PENTA_CLASSES}
        out.append(SpacyExample.from_dict(nlp.make_doc(example.text), {"cats": cats}))
    return out


EpochReport = Callable[[int, float], None]


def train_classifier(
    examples: Sequence[Example],
    settings: TrainSettings = TrainSettings(),
    on_epoch: EpochReport | None = None,
) -> Language:
    """A classifier trained on ``examples``; ``on_epoch(epoch, loss)`` follows progress."""
    if not examples:
        raise ValueError("no training examples")
    fix_random_seed(settings.seed)
    nlp = blank_classifier(settings)
    data = _spacy_examples(nlp, examples)
    optimizer = nlp.initialize(lambda: data)
    order = random.Random(settings.seed)
    for epoch in range(1, settings.epochs + 1):
        shuffled = list(data)
        order.shuffle(shuffled)
        losses: dict[str, float] = {}
        for batch in minibatch(shuffled, size=settings.batch_size):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, drop=settings.dropout, losses=losses)
        if on_epoch is not None:
            on_epoch(epoch, losses.get(PIPE_NAME, 0.0))
    return nlp


def predict(nlp: Language, texts: Sequence[str]) -> list[dict[str, float]]:
    """Class probabilities of each text (they sum to 1 per text)."""
    return [dict(doc.cats) for doc in nlp.pipe(texts, batch_size=256)]


def accuracy(nlp: Language, examples: Sequence[Example]) -> float:
    """Share of examples whose most probable class is their label."""
    if not examples:
        return 0.0
    scores = predict(nlp, [e.text for e in examples])
    hits = sum(max(s, key=s.__getitem__) == e.label for s, e in zip(scores, examples, strict=True))
    return hits / len(examples)
