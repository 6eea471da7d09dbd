"""Roles without a country take the country their event's clause is set in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline import Pipeline

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def test_a_title_takes_the_country_its_clause_is_set_in(dyads_of: Dyads) -> None:
    text = "Opposition leaders in Kenya demanded that the president resign."
    assert ("KENOPP", "100", "KENGOV") in dyads_of(text)


def test_the_rule_that_placed_a_role_says_where_from(coding_pipeline: Pipeline) -> None:
    events = coding_pipeline.code_text("Rebels attacked the army in Mali.").events
    placed = [e.source for e in events if e.source and e.source.code == "MLIREB"]
    assert placed and "country of the setting 'Mali'" in placed[0].rule


def test_a_country_that_takes_part_is_no_setting(dyads_of: Dyads) -> None:
    dyads = dyads_of("The government thanked Japan for its assistance.")
    assert dyads and all(source == "---GOV" for source, _c, _t in dyads)


def test_two_settings_leave_the_role_open(dyads_of: Dyads) -> None:
    text = "Opposition leaders in Kenya and in Uganda demanded that the president resign."
    targets = {t for _s, c, t in dyads_of(text) if c == "100"}
    assert targets == {"---GOV"}


def test_outsiders_and_possessed_roles_keep_their_open_country(
    dyads_of: Dyads,
) -> None:
    for text in ("Foreign fighters attacked a village in Syria.",
                 "Its soldiers attacked a village in Syria."):
        sources = {s for s, c, _t in dyads_of(text) if c == "190"}
        assert sources and not any(s and s.startswith("SYR") for s in sources), text


def test_a_relative_clause_sets_no_scene_for_its_governor(dyads_of: Dyads) -> None:
    text = "The minister condemned rebels who attacked a town in Mali."
    condemnations = {s for s, c, _t in dyads_of(text) if c.startswith("11")}
    assert condemnations == {"---GOV"}


def test_the_place_of_a_passive_act_without_doer_is_its_doer_not_its_target(
    dyads_of: Dyads,
) -> None:
    dyads = dyads_of("Ten Russian soldiers were killed in Ukraine.")
    assert ("UKR", "190", "RUSMIL") in dyads
    assert not [d for d in dyads if d[2] == "UKR"], "a place is not who suffers the act"


def test_a_passive_act_with_its_doer_keeps_it(dyads_of: Dyads) -> None:
    dyads = dyads_of("Ten Russian soldiers were killed by rebels in Ukraine.")
    assert {s for s, _c, _t in dyads} == {"UKRREB"}


def test_a_clause_after_a_preposition_sets_no_scene(dyads_of: Dyads) -> None:
    text = "Rebels were arrested after fleeing Kenya to join fighters in Somalia."
    assert not [s for s, _c, _t in dyads_of(text) if s == "SOM"]


def test_courts_and_police_deal_with_their_own_country_s_people(dyads_of: Dyads) -> None:
    dyads = dyads_of("Police arrested two Kenyan protesters.")
    assert any(s == "KENCOP" and t == "KENOPP" for s, _c, t in dyads)


def test_a_country_s_courts_and_police_deal_with_its_own_people(dyads_of: Dyads) -> None:
    dyads = dyads_of("An Argentine judge ordered the opposition leader to appear in court.")
    assert any(s == "ARGJUD" and t == "ARGOPP" for s, _c, t in dyads), dyads
    foreign = dyads_of("The Kenyan army attacked rebels.")
    assert not any(t == "KENREB" for _s, _c, t in foreign), "only courts and police place"


def test_a_bare_national_or_a_court_of_many_roles_gives_no_country(dyads_of: Dyads) -> None:
    assert not [s for s, _c, _t in dyads_of("Police arrested a Briton.") if s == "GBRCOP"]
    text = "The International Criminal Court issued an arrest warrant against Vladimir Putin."
    assert not [s for s, _c, _t in dyads_of(text) if s and s.startswith("RUS")]


def test_a_state_and_its_society_share_the_one_country_named(dyads_of: Dyads) -> None:
    text = "The Kenyan government accepted demands from rebels."
    assert ("KENGOV", "080", "KENREB") in dyads_of(text)
    assert any(s == "KENOPP" and t == "KENGOV"
               for s, _c, t in dyads_of("Kenyan protesters accused the president."))


def test_a_body_no_dictionary_knows_facing_a_state_organ_is_its_country_s(
    dyads_of: Dyads,
) -> None:
    """A party or group of unknown code that deals with the one named country's
    government or parliament is of that country; facing the bare country, which may
    be a state abroad ("MERCOSUR and India agreed"), it stays unknown."""
    assert ("KEN", "112", "KENGOV") in dyads_of(
        "The Green Dawn Movement accused the Kenyan government of fraud.")
    assert ("KENGOV", "172", "KEN") in dyads_of(
        "The Kenyan government banned the Green Dawn Movement.")
    assert ("---", "112", "KEN") in dyads_of("The Green Dawn Movement accused Kenya of fraud.")


@pytest.mark.parametrize("text", [
    "The Kenyan government accepted demands from rebels in Uganda.",  # two countries
    "The Kenyan president met the prime minister.",  # state and state
    "The Kenyan government expelled humanitarian workers.",  # helpers come from abroad
    "The Kenyan army attacked rebels.",  # armed forces face foreigners as often
])
def test_no_country_is_shared_where_it_could_be_another_s(dyads_of: Dyads, text: str) -> None:
    dyads = dyads_of(text)
    assert dyads and not any(t and t.startswith("KEN") and t != "KENGOV" and s != t
                             for s, _c, t in dyads if s and s.startswith("KEN")), dyads


def test_a_pronoun_takes_the_country_its_antecedent_s_phrase_names(
    coding_pipeline: Pipeline,
) -> None:
    """ "They" borrows the code of "the rebels", whose country only "in Chad" gives."""
    text = "The rebels in Chad attacked the capital. They also attacked the airport."
    events = coding_pipeline.code_text(text).events
    pronoun = [e.source for e in events if e.source and e.source.text == "They"]
    assert pronoun and pronoun[0].code == "TCDREB"
    assert "country of its antecedent's phrase" in pronoun[0].rule


def test_a_clause_of_the_same_moment_sets_the_scene(dyads_of: Dyads) -> None:
    text = "Bombers killed 23 people on Sunday when they blew up a bus in Kenya."
    assert any(c.startswith("18") or c.startswith("19") for _s, c, t in dyads_of(text)
               if t == "KENCVL"), dyads_of(text)


def test_a_clause_of_another_moment_does_not(dyads_of: Dyads) -> None:
    text = "Bombers killed 23 people on Sunday after they had trained in Kenya."
    assert not any(t == "KENCVL" for _s, _c, t in dyads_of(text)), dyads_of(text)


def test_an_actor_after_a_preposition_of_place_is_no_setting(dyads_of: Dyads) -> None:
    text = ("Gunmen killed 23 people on Sunday when they attacked a bus in Kenya"
            " in the Ugandan uprising.")
    assert any(t == "KENCVL" for _s, c, t in dyads_of(text) if c == "193"), dyads_of(text)
