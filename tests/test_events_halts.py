"""An act named only to say that it stops or is forbidden is not that act."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline import Pipeline

Dyad = tuple[str | None, str, str | None]


def _roots(pipeline: Pipeline, text: str) -> set[str]:
    return {e.code.root for e in pipeline.code_text(text).events}


@pytest.mark.parametrize(("text", "root"), [
    ("Witnesses said there was a lull in the shelling of Mosul.", "19"),
    ("Residents welcomed a pause in the bombing of Idlib.", "19"),
    ("Jordan announced a halt to the bombing of Syrian villages.", "19"),
    ("Peru stopped shelling the Ecuadorian border posts.", "19"),
    ("Kenya announced the suspension of talks with Somalia.", "04"),
    ("A moratorium on attacks on Chadian towns held.", "19"),
])  # fmt: skip
def test_a_stopped_act_is_not_coded_as_the_act(
    coding_pipeline: Pipeline, text: str, root: str
) -> None:
    assert root not in _roots(coding_pipeline, text)


@pytest.mark.parametrize(("text", "dyad"), [
    ("Peru stopped shelling the Ecuadorian border posts.", ("PER", "087", "ECU")),
    ("Kenya announced the suspension of talks with Somalia.", ("KEN", "160", "SOM")),
])  # fmt: skip
def test_the_stopping_keeps_its_own_reading(
    dyads_of: Callable[[str], set[Dyad]], text: str, dyad: Dyad
) -> None:
    assert dyad in dyads_of(text)


@pytest.mark.parametrize(("text", "root"), [
    ("At the end of the talks with Kenya, the Somali president signed a deal.", "04"),
    ("The Chilean bombing of Peruvian villages killed ten people.", "19"),
])  # fmt: skip
def test_acts_that_go_on_stay(coding_pipeline: Pipeline, text: str, root: str) -> None:
    """ "At the end of the talks" also dates talks that were held."""
    assert root in _roots(coding_pipeline, text)
