"""The shipped family classifier loads from package data and gives probabilities."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.learn.penta_data import PENTA_CLASSES
from eventwire.learn.penta_model import ModelMissing, model_from, packaged_model


def test_the_shipped_model_loads_once_and_classifies() -> None:
    model = packaged_model()
    assert packaged_model() is model
    fight, talk = model.probabilities([
        "Army units shelled the border town and killed four civilians.",
        "The foreign ministers held talks on closer trade ties.",
    ])
    assert list(fight) == list(PENTA_CLASSES)
    assert abs(sum(fight.values()) - 1.0) < 1e-4
    assert max(fight, key=fight.__getitem__) == "material_conflict"
    assert fight["material_conflict"] > talk["material_conflict"]
    assert talk["verbal_cooperation"] > fight["verbal_cooperation"]


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing, match="make train"):
        model_from(tmp_path)
