"""A build on a tiny invented gold file: trains on its train part, saves a loadable model."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.learn.penta_build import REPORT_NAME, BuildPlan, build
from eventwire.learn.penta_model import model_from
from eventwire.learn.penta_train import TrainSettings
from eventwire.learn.split import in_part

_KINDS = (("Rebels shelled the town of {}.", "material_conflict"),
          ("Ministers held friendly talks in {}.", "verbal_cooperation"))
_PLACES = ("Alden", "Brisk", "Corvo", "Dunmore", "Elster", "Farrow", "Glenn", "Harlow",
           "Istra", "Jorvik", "Kestrel", "Lomond")


def _gold(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n, place in enumerate(_PLACES):
            for k, (pattern, label) in enumerate(_KINDS):
                record = {"id": f"tiny-{n}-{k}", "text": pattern.format(place),
                          "gold": {"penta": label}}
                out.write(json.dumps(record) + "\n")
    return path


def test_build_saves_a_model_that_loads_and_reports_held_back(tmp_path: Path) -> None:
    gold = _gold(tmp_path / "gold.jsonl")
    out = tmp_path / "models" / "penta"
    plan = BuildPlan(gold=(gold,), settings=TrainSettings(epochs=10, width=32, bow_length=2**12))
    report = build(plan, out)
    ids = [f"tiny-{n}-{k}" for n in range(len(_PLACES)) for k in range(len(_KINDS))]
    assert report.held_back == sum(in_part(i, "held-back") for i in ids) > 0
    assert sum(report.train_counts.values()) == len(ids) - report.held_back
    assert report.held_back_accuracy == 1.0
    assert 0 < report.size_bytes < 50_000_000
    assert not (out / "vocab" / "strings.json").exists()  # no training words ship
    saved = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    assert saved["held_back_accuracy"] == 1.0 and saved["settings"]["epochs"] == 10
    fight, = model_from(out).probabilities(["Rebels shelled the port."])
    assert max(fight, key=fight.__getitem__) == "material_conflict"
