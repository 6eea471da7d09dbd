"""Training examples: gold sentences by split part, stories by their PLOVER family."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.learn.penta_data import (
    PENTA_CLASSES,
    Example,
    TrainingDataError,
    deduplicated,
    family_of_plover,
    first_sentences,
    gold_examples,
    label_counts,
    story_examples,
)
from eventwire.learn.split import in_part


def test_plover_families_follow_the_code_table() -> None:
    families = family_of_plover()
    assert families["ASSAULT"] == "material_conflict"
    assert families["CONSULT"] == "verbal_cooperation"
    assert families["AID"] == "material_cooperation"
    assert families["THREATEN"] == "verbal_conflict"
    assert "REQUEST" not in families  # appeals (02) and demands (10) split it evenly
    assert set(families.values()) <= set(PENTA_CLASSES)


def _gold(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            label = PENTA_CLASSES[n % len(PENTA_CLASSES)]
            record = {"id": f"made-up-{n}", "text": f"Sentence number {n}.",
                      "gold": {"penta": label}}
            out.write(json.dumps(record) + "\n")
    return path


def test_gold_examples_take_only_their_part(tmp_path: Path) -> None:
    path = _gold(tmp_path / "gold.jsonl", 60)
    train = gold_examples(path, "train")
    held = gold_examples(path, "held-back")
    expected = sum(in_part(f"made-up-{n}", "train") for n in range(60))
    assert len(train) == expected and len(train) + len(held) == 60
    assert not {e.text for e in train} & {e.text for e in held}
    assert all(e.label in PENTA_CLASSES for e in train)


def test_a_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "t", "gold": {"penta": "party"}}\n', encoding="utf-8")
    with pytest.raises(TrainingDataError, match=r"bad.jsonl:1: unknown class"):
        gold_examples(path)
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(TrainingDataError, match=r"bad.jsonl:1"):
        gold_examples(path)


def test_first_sentences_of_a_story() -> None:
    text = "Troops shelled the town on Monday. Residents fled.\n\"We left,\" one said."
    assert first_sentences(text, 1) == "Troops shelled the town on Monday."
    assert first_sentences(text, 2) == "Troops shelled the town on Monday. Residents fled."


def test_story_examples_map_labels_and_skip_ambiguous_types(tmp_path: Path) -> None:
    path = tmp_path / "stories.csv"
    path.write_text(
        "title,text,label,mode\n"
        "A,Gunmen attacked a convoy. Two died.,ASSAULT,\n"
        "B,The envoy asked for help. It came.,REQUEST,assist\n"
        "C,Ministers met in Oslo. They talked.,CONSULT,\n",
        encoding="utf-8",
    )
    examples = story_examples(path)
    assert [(e.text, e.label) for e in examples] == [
        ("Gunmen attacked a convoy.", "material_conflict"),
        ("Ministers met in Oslo.", "verbal_cooperation"),
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("title,body\nA,B\n", encoding="utf-8")
    with pytest.raises(TrainingDataError, match="missing column"):
        story_examples(bad)


def test_counts_and_deduplication() -> None:
    examples = [Example("Talks began.", "verbal_cooperation", "a"),
                Example("talks began.", "verbal_cooperation", "b"),
                Example("Shells fell.", "material_conflict", "c")]
    unique = list(deduplicated(examples))
    assert [e.origin for e in unique] == ["a", "c"]
    counts = label_counts(unique)
    assert list(counts) == list(PENTA_CLASSES)
    assert counts["verbal_cooperation"] == 1 and counts["statement"] == 0
