"""The fixed train / held-back split."""

from __future__ import annotations

import pytest

from eventwire.learn.split import in_part, is_held_back


def test_split_is_stable_and_near_its_share() -> None:
    ids = [f"record-{n}" for n in range(5000)]
    held = [i for i in ids if is_held_back(i)]
    assert held == [i for i in ids if is_held_back(i)]
    assert 0.17 < len(held) / len(ids) < 0.23


def test_parts_partition_the_records() -> None:
    ids = [f"r{n}" for n in range(500)]
    train = {i for i in ids if in_part(i, "train")}
    held = {i for i in ids if in_part(i, "held-back")}
    assert train and held and not train & held
    assert train | held == {i for i in ids if in_part(i, "all")} == set(ids)


def test_share_changes_the_split() -> None:
    ids = [f"r{n}" for n in range(500)]
    assert sum(is_held_back(i, 0.5) for i in ids) > sum(is_held_back(i, 0.1) for i in ids)
    assert not any(is_held_back(i, 0.0) for i in ids)
    with pytest.raises(ValueError, match="between 0 and 1"):
        is_held_back("x", 1.5)
