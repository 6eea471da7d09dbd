"""Roles without a country take the country their event's clause is set in."""

from __future__ import annotations

from eventwire.pipeline import Pipeline


def _dyads(pipeline: Pipeline, text: str) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code if e.source else None, e.code.cameo,
             e.target.code if e.target else None)
            for e in pipeline.code_text(text).events}


def test_a_title_takes_the_country_its_clause_is_set_in(coding_pipeline: Pipeline) -> None:
    text = "Opposition leaders in Kenya demanded that the president resign."
    assert ("KENOPP", "100", "KENGOV") in _dyads(coding_pipeline, text)


def test_the_rule_that_placed_a_role_says_where_from(coding_pipeline: Pipeline) -> None:
    events = coding_pipeline.code_text("Rebels attacked the army in Mali.").events
    placed = [e.source for e in events if e.source and e.source.code == "MLIREB"]
    assert placed and "country of the setting 'Mali'" in placed[0].rule


def test_a_country_that_takes_part_is_no_setting(coding_pipeline: Pipeline) -> None:
    dyads = _dyads(coding_pipeline, "The government thanked Japan for its assistance.")
    assert dyads and all(source == "---GOV" for source, _c, _t in dyads)


def test_two_settings_leave_the_role_open(coding_pipeline: Pipeline) -> None:
    text = "Opposition leaders in Kenya and in Uganda demanded that the president resign."
    targets = {t for _s, c, t in _dyads(coding_pipeline, text) if c == "100"}
    assert targets == {"---GOV"}


def test_outsiders_and_possessed_roles_keep_their_open_country(
    coding_pipeline: Pipeline,
) -> None:
    for text in ("Foreign fighters attacked a village in Syria.",
                 "Its soldiers attacked a village in Syria."):
        sources = {s for s, c, _t in _dyads(coding_pipeline, text) if c == "190"}
        assert sources and not any(s and s.startswith("SYR") for s in sources), text


def test_a_relative_clause_sets_no_scene_for_its_governor(coding_pipeline: Pipeline) -> None:
    text = "The minister condemned rebels who attacked a town in Mali."
    condemnations = {s for s, c, _t in _dyads(coding_pipeline, text) if c.startswith("11")}
    assert condemnations == {"---GOV"}
