"""Training the family classifier on a tiny invented set (seconds, no shared data)."""

from __future__ import annotations

from eventwire.learn.penta_data import Example
from eventwire.learn.penta_train import TrainSettings, accuracy, predict, train_classifier

TINY = TrainSettings(epochs=12, width=32, bow_length=2**12, batch_size=8)

_FIGHT = ("Soldiers shelled the village", "Rebels bombed the bridge", "Troops attacked the town",
          "Militants shelled the base", "Gunmen bombed the market", "Forces attacked the port")
_TALK = ("Ministers held talks in the capital", "Envoys praised the agreement",
         "Leaders held talks on trade", "Diplomats praised the new accord",
         "The premiers held cordial talks", "Officials praised the peace plan")


def _examples() -> list[Example]:
    fights = [Example(f"{s} on {d}.", "material_conflict", "made-up")
              for s in _FIGHT for d in ("Monday", "Friday")]
    talks = [Example(f"{s} on {d}.", "verbal_cooperation", "made-up")
             for s in _TALK for d in ("Monday", "Friday")]
    return fights + talks


def test_learns_to_separate_obvious_classes() -> None:
    nlp = train_classifier(_examples(), TINY)
    assert accuracy(nlp, _examples()) == 1.0
    unseen = predict(nlp, ["Rebels shelled the airport.", "The envoys held talks."])
    assert max(unseen[0], key=unseen[0].__getitem__) == "material_conflict"
    assert max(unseen[1], key=unseen[1].__getitem__) == "verbal_cooperation"
    assert all(abs(sum(p.values()) - 1.0) < 1e-4 for p in unseen)


def test_training_is_deterministic() -> None:
    texts = ["Gunmen attacked a convoy.", "The talks went well."]
    first = predict(train_classifier(_examples(), TINY), texts)
    second = predict(train_classifier(_examples(), TINY), texts)
    assert first == second
