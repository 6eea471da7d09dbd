"""The charge an arrest states is an accusation by those who made it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline import Pipeline

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize("text", [
    "Kenyan police arrested a Ugandan businessman for corruption.",
    "Kenyan police arrested a Ugandan businessman for collaborating with the rebels.",
    "Kenyan police detained a Ugandan businessman on charges of treason.",
    "A Ugandan businessman arrested by Kenyan police on charges of treason has died.",
])
def test_an_arrest_for_a_deed_also_charges_the_person_with_it(
    dyads_of: Dyads, text: str
) -> None:
    found = dyads_of(text)
    assert ("KENCOP", "173", "UGABUS") in found
    assert ("KENCOP", "112", "UGABUS") in found


@pytest.mark.parametrize("text", [
    "Kenyan police detained a Ugandan businessman for two weeks.",
    "Kenyan police arrested a Ugandan businessman for questioning.",
    "Kenyan police will arrest a Ugandan businessman for corruption.",
    "A Kenyan court issued arrest warrants for two Ugandan men.",
    "A Kenyan court issued a warrant for the arrest of Uganda's president on suspicion of"
    " deporting children.",  # an arrest noun: what is asked for, no arrest made
])
def test_a_length_a_purpose_a_future_arrest_a_person_or_a_noun_is_no_charge(
    dyads_of: Dyads, text: str
) -> None:
    assert not [d for d in dyads_of(text) if d[1] == "112"]


def test_the_deed_charged_is_not_coded_as_done(coding_pipeline: Pipeline) -> None:
    text = "Kenyan police arrested a Ugandan businessman for attacking a police station."
    events = coding_pipeline.code_text(text).events
    charge = next(e for e in events if e.code.cameo == "112")
    assert charge.counted and "charge: 'arrested' 'for attacking'" in charge.evidence.rule
    assert not [e for e in events if e.code.cameo.startswith("19") and e.counted]
