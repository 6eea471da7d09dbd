"""Games, nature, growing strife, the sittings of one body and efforts read by guess are
no political events, whatever verbs tell of them."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline


def _violent(pipeline: Pipeline, text: str) -> list[str]:
    return [e.code.cameo for e in pipeline.code_text(text).events
            if e.code.root in ("17", "18", "19", "20")]


@pytest.mark.parametrize("text", [
    "Manchester United beat Liverpool 2-1 at Old Trafford on Sunday.",
    "The Australian cricket team attacked the English bowling from the first over.",
    "Kenyan runners dominated the Boston marathon.",
    "A storm killed three people in Texas.",
    "Three people were killed by floods in Kenya.",
    "Two farmers were killed in a landslide in Uganda.",
    "The Kenyan government is fighting inflation.",
    "A Russian passenger plane crashed in Siberia, killing all 40 people on board.",
    "The Indian actor died at the age of 83 in Mumbai.",
    "The Brazilian government is battling the coronavirus pandemic.",
])  # fmt: skip
def test_a_game_or_a_force_of_nature_is_no_violent_event(
    coding_pipeline: Pipeline, text: str
) -> None:
    assert _violent(coding_pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Police beat protesters in Nairobi.",
    "Police beat fans after the football match in Nairobi.",  # an armed side
    "Gunmen attacked a football stadium in Kenya.",
    "A car bomb killed ten people in Baghdad.",
    "Kenyan troops killed three people in a storm of gunfire.",  # a doer is named
    "The Kenyan army fought rebels and inflation.",  # a party among the problems
    "A bomb exploded in Kabul, killing ten Afghan soldiers.",
    "Ten Syrian soldiers died in clashes with rebels.",
])  # fmt: skip
def test_political_violence_near_such_words_stays(coding_pipeline: Pipeline, text: str) -> None:
    assert _violent(coding_pipeline, text), text


def _consults(pipeline: Pipeline, text: str) -> list[str]:
    return [e.code.cameo for e in pipeline.code_text(text).events if e.code.root == "04"]


@pytest.mark.parametrize("text", [
    "The Kenyan cabinet met on Monday and approved the budget.",
    "The UN Security Council convened on Friday.",
])  # fmt: skip
def test_a_body_sitting_alone_consults_no_one(coding_pipeline: Pipeline, text: str) -> None:
    assert _consults(coding_pipeline, text) == []


@pytest.mark.parametrize("text", [
    "The Kenyan parliament met with Ugandan officials on Monday.",
    "The German and French leaders met in Paris.",
])  # fmt: skip
def test_a_meeting_with_another_side_is_a_consultation(
    coding_pipeline: Pipeline, text: str
) -> None:
    assert _consults(coding_pipeline, text)


@pytest.mark.parametrize(("text", "cooperation"), [
    ("Tensions between Kenya and Uganda escalated.", False),
    ("The dispute between Kenya and Uganda deepened.", False),
    ("Cooperation between Kenya and Uganda expanded.", True),
    ("The war-torn country expanded its trade with Kenya.", True),  # an object of its own
])  # fmt: skip
def test_strife_that_grows_is_no_cooperation(
    coding_pipeline: Pipeline, text: str, cooperation: bool
) -> None:
    codes = [e.code.cameo for e in coding_pipeline.code_text(text).events]
    assert ("060" in codes) is cooperation, codes


@pytest.mark.parametrize(("text", "code"), [
    ("Ugandan rebels continued their effort to overthrow the government.", "060"),
    ("Kenya launched an effort to mediate between Somalia and Ethiopia.", "020"),
])  # fmt: skip
def test_an_effort_s_aim_and_not_the_pattern_s_guess_says_what_it_is(
    coding_pipeline: Pipeline, text: str, code: str
) -> None:
    codes = [e.code.cameo for e in coding_pipeline.code_text(text).events]
    assert code not in codes, codes


def test_an_effort_without_an_aim_or_backed_keeps_its_pattern(coding_pipeline: Pipeline) -> None:
    codes = {e.code.cameo for e in coding_pipeline.code_text("Kenya continued its efforts.").events}
    assert "060" in codes
    backed = coding_pipeline.code_text("Kenya backed the effort to end the war in Somalia.")
    assert "050" in {e.code.cameo for e in backed.events}
