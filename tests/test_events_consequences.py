"""A report that another's act would have consequences is a threat to that actor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline import Pipeline

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize("text", [
    "Britain added that any further Russian invasion of Ukraine would have massive consequences.",
    "Germany said a Russian attack on Ukraine would have a heavy price.",
    "Britain stressed that any invasion by Russia would incur severe costs.",
])  # fmt: skip
def test_consequences_of_an_act_to_come_threaten_its_actor(
    dyads_of: Callable[[str], set[Dyad]], text: str
) -> None:
    found = dyads_of(text)
    assert any(c == "130" and t == "RUS" for _s, c, t in found), found
    assert not any(c == "010" for _s, c, _t in found), "the statement becomes the threat"


def test_the_act_itself_stays_uncounted(coding_pipeline: Pipeline) -> None:
    text = "Britain added that any further Russian invasion would have massive consequences."
    events = coding_pipeline.code_text(text).events
    assert [e.code.cameo for e in events if e.counted] == ["130"]
    threat = next(e for e in events if e.code.cameo == "130")
    assert "consequences" in threat.evidence.rule


@pytest.mark.parametrize("text", [
    "Germany said the Russian attack on Ukraine had grave consequences.",
    "Germany said a Russian attack on Ukraine would be a mistake.",
    "Russia said its invasion of Ukraine would have consequences.",
])  # fmt: skip
def test_past_consequences_or_other_verdicts_threaten_no_one(
    dyads_of: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not any(c.startswith("13") for _s, c, _t in dyads_of(text)), dyads_of(text)
