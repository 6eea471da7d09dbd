"""Choosing a trigger's target among its argument phrases (eventwire.events.targets)."""

from __future__ import annotations

from collections.abc import Callable

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def test_a_refusal_is_aimed_at_the_target_of_the_act_refused(dyads_of: Dyads) -> None:
    """ "refused to allow X to return" refuses X; the allowing is only what was refused."""
    allowed = dyads_of("Serbia refused to allow Albanian refugees to return.")
    assert ("SRB", "120", "ALBREF") in allowed
    extradited = dyads_of("Serbia declined to extradite the suspects to Croatia.")
    assert ("SRB", "120", "HRV") in extradited


def test_a_refusal_to_speak_about_a_clause_is_aimed_at_no_one_in_it(dyads_of: Dyads) -> None:
    dyads = dyads_of("The spokesman declined to comment on whether Croatia was considering it.")
    assert not any(t == "HRV" for _s, _c, t in dyads)


def test_every_party_coordinated_inside_a_phrase_is_a_target(dyads_of: Dyads) -> None:
    """The coordination hangs on the noun the first actor's word modifies ("between
    an Israeli movement and ..."), not on that word."""
    dyads = dyads_of("Morocco hosted a meeting between an Israeli peace movement and Jordan.")
    targets = {t for s, _c, t in dyads if s == "MAR"}
    assert {"ISR", "JOR"} <= targets, dyads


def test_whose_act_a_participle_says_the_noun_is_names_the_phrase_s_actor(
    dyads_of: Dyads,
) -> None:
    """ "prevented a rally staged by students" acts on the students; their country is
    looked up in their own words, not in the rally's ("... against troops in Iraq")."""
    dyads = dyads_of("Kenyan police banned a rally staged by students to protest the war in Iraq.")
    assert any(s == "KENCOP" and t == "KENEDU" for s, _c, t in dyads), dyads


def test_the_toll_of_an_attack_befell_its_target(dyads_of: Dyads) -> None:
    """ "..., killing 12": a count names no one; those killed are the attack's target."""
    dyads = dyads_of("Ugandan troops shelled a Kenyan village on Monday, killing 12.")
    kills = {(s, t) for s, c, t in dyads if c.startswith("19") and c != "195"}
    assert kills and all(t is not None and t.startswith("KEN") for _s, t in kills), dyads
