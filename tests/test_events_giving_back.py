"""Giving a thing back to someone is returning property."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline import Pipeline

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


def test_the_rule_names_the_verb_s_dictionary_line_then_why(coding_pipeline: Pipeline) -> None:
    events = coding_pipeline.code_text("Germany returned the stolen monkeys to France.").events
    (rule,) = [e.evidence.rule for e in events if e.code.cameo == "0842"]
    assert rule.startswith("CAMEO.2.0.txt:") and " RETURN verb [---]; giving back: " in rule


@pytest.mark.parametrize("text", [
    "Germany returned 30 old coins that date back to 200 BC to France.",  # "to" in a clause
    "Germany returned a rare Bible to its owners in France.",  # a thing's name
    "Germany returned the stolen letters to their owners.",
    "Germany returned a silver pendant engraved with a portrait of a king to France.",
])
def test_a_thing_given_back_is_found_however_it_is_parsed(
    coding_pipeline: Pipeline, text: str
) -> None:
    assert "0842" in {e.code.cameo for e in coding_pipeline.code_text(text).events}
