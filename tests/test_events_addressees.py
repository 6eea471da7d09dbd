"""Targets an act is aimed at when its argument phrases name none."""

from __future__ import annotations

from collections.abc import Callable

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def test_a_condition_names_whom_a_threat_is_aimed_at(dyads_of: Dyads) -> None:
    text = "Syria threatened to hold a general strike unless Israel rescinded the law."
    threats = {d for d in dyads_of(text) if d[1].startswith("13")}
    assert threats and all(target == "ISR" for _s, _c, target in threats)


def test_an_if_clause_names_whom_a_threat_is_aimed_at(dyads_of: Dyads) -> None:
    text = ("Russia threatened to stop negotiations to reduce nuclear weapons if the United "
            "States goes ahead with the deployment.")
    threats = {d for d in dyads_of(text) if d[1].startswith("13")}
    assert threats and all(target == "USA" for _s, _c, target in threats)
    plain = dyads_of("Russia will stop negotiations if the United States goes ahead.")
    assert not any(target == "USA" for source, _c, target in plain if source == "RUS")


def test_a_demand_s_that_clause_names_whom_it_is_made_of(dyads_of: Dyads) -> None:
    text = "The rebels insisted on their demands that Burundi's government grant more rights."
    assert {t for _s, c, t in dyads_of(text) if c.startswith("10")} == {"BDIGOV"}
    text = "The ILO reiterated its demand today that Israel ease restrictions on workers."
    assert {t for _s, c, t in dyads_of(text) if c.startswith("10")} == {"ISR"}
    rejected = dyads_of("Kenya rejected calls that Uganda withdraw its troops.")
    assert not any(t == "UGA" for _s, c, t in rejected if c.startswith("12")), "not asked"


def test_a_protest_is_aimed_at_the_authorities_the_sentence_names(
    dyads_of: Dyads,
) -> None:
    text = ("Students blocked roads on Sunday to press their demands for more jobs from "
            "the Algerian government.")
    protests = {d for d in dyads_of(text) if d[1].startswith("14")}
    assert protests and all(target == "DZAGOV" for _s, _c, target in protests)


def test_without_an_authority_or_a_condition_no_target_is_made_up(
    dyads_of: Dyads,
) -> None:
    dyads = dyads_of("Thousands of Kenyans protested in Nairobi on Monday.")
    assert dyads and all(target is None for _s, _c, target in dyads)
