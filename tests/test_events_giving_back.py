"""Giving a thing back to someone is returning property."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany returned the stolen monkeys to France.", {("DEU", "0842", "FRA")}),
    ("Stolen paintings were returned by Germany to France.", {("DEU", "0842", "FRA")}),
    ("Germany returned 40 fishermen to France.", set()),
    ("Germany returned dozens of migrants to France.", set()),
    ("Germany returned the favour.", set()),
])
def test_giving_a_thing_back_to_someone_is_returning_property(
    dyads_of: Dyads, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {d for d in dyads_of(text) if d[1].startswith("084")} == expected
