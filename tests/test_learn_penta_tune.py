"""Choosing the ranking weight out of fold: folds, scoring, and what a weight earns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.codes import code_info
from eventwire.learn.penta_data import Example
from eventwire.learn.penta_train import TrainSettings
from eventwire.learn.penta_tune import Coded, fold_of, primary_family, tune, tune_file
from eventwire.model import ActorMention, Event, Evidence, Modality, Sentence

FAST = TrainSettings(epochs=4)

CONFLICT = ("Ruritania shelled the border posts of Freedonia",
            "Ruritania bombed the villages of Freedonia",
            "Ruritania attacked the troops of Freedonia")
PRAISE = ("Ruritania praised the leaders of Freedonia",
          "Ruritania welcomed the envoy of Freedonia",
          "Ruritania thanked the government of Freedonia")


def _event(text: str, cameo: str, at: int, modality: Modality | None = None) -> Event:
    sentence = Sentence(0, 0, (0, len(text)), text)
    actor = ActorMention("RUR", "RUR", (), "Ruritania", (0, 9), 0, "test")
    word = text.split()[1]
    span = (at, at + len(word))
    return Event(
        doc_id="d", event_id="", sentence=sentence, date=None, source=actor, target=None,
        code=code_info(cameo), modality=modality or Modality(),
        evidence=Evidence(word, span, word, span, "test rule"), salience=10.0,
    )


def _records() -> list[Coded]:
    """Each record has two equally salient readings; the wrong one comes first in text."""
    records = []
    for n in range(8):
        for texts, label, right, wrong in ((CONFLICT, "material_conflict", "190", "051"),
                                           (PRAISE, "verbal_cooperation", "051", "190")):
            text = f"{texts[n % 3]} on day {n}."
            events = (_event(text, wrong, 0), _event(text, right, 1))
            records.append(Coded(Example(text, label, f"gold.jsonl:{label}{n}"), events))
    return records


def test_a_record_keeps_its_fold() -> None:
    example = Example("text", "statement", "gold.jsonl:12")
    assert fold_of(example, 5) == fold_of(Example("other", "statement", "gold.jsonl:12"), 5)
    assert {fold_of(Example("t", "statement", f"g:{n}"), 4) for n in range(40)} == set(range(4))


def test_the_primary_family_is_the_first_counted_event() -> None:
    text = "Ruritania shelled Freedonia."
    hypothetical = _event(text, "190", 0, Modality(hypothetical=True))
    assert primary_family([hypothetical, _event(text, "051", 1)]) == "verbal_cooperation"
    assert primary_family([hypothetical]) is None


def test_out_of_fold_the_model_repairs_the_order_only_with_a_weight() -> None:
    report = tune(_records(), [0.0, 99.0], folds=2, settings=FAST)
    assert report.records == 16 and report.folds == 2
    assert report.accuracy_by_weight[0.0] == 0.0, "rule order alone: the wrong reading"
    assert report.accuracy_by_weight[99.0] > 0.5, report
    assert report.best_weight == 99.0
    assert 0.0 <= report.classifier_accuracy <= 1.0


def test_tuning_needs_two_folds() -> None:
    with pytest.raises(ValueError):
        tune(_records(), [20.0], folds=1)


def test_tuning_a_file_reads_only_its_train_part(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    lines = [{"id": f"r{n}", "text": f"{CONFLICT[n % 3]} on day {n}.",
              "gold": {"penta": "material_conflict"}} for n in range(30)]
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    report = tune_file(gold, [0.0], folds=2)
    assert 0 < report.records < 30, "the held-back fifth is left out"
