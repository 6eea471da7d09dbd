"""A title followed by a surname names the one listed person (or country) it can."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.actors.surnames import _shared_code
from eventwire.lexicon.actors import ActorEntry
from eventwire.lexicon.actors_parse import DatedCode
from eventwire.pipeline import Pipeline

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def _person(first: str, code: str) -> ActorEntry:
    return ActorEntry(words=(first, "nabokov"), codes=(DatedCode(code),), line=1)


def test_people_of_one_surname_agree_on_what_they_share() -> None:
    assert _shared_code([_person("vera", "ZMBGOV")], None) == "ZMBGOV"
    assert _shared_code([_person("vera", "ZMBGOV"), _person("ivan", "ZMBOPP")], None) == "ZMB"
    assert _shared_code([_person("vera", "ZMBGOV"), _person("ivan", "QUOGOV")], None) is None


def test_a_title_and_a_listed_surname_name_that_leader(dyads_of: Dyads) -> None:
    text = "Protesters demanded jobs from President Bouteflika on Sunday."
    assert any(t is not None and t.startswith("DZA") for _s, _c, t in dyads_of(text)), \
        dyads_of(text)


def test_the_rule_says_the_surname_was_read_after_a_title(coding_pipeline: Pipeline) -> None:
    events = coding_pipeline.code_text("President Bouteflika praised the army.").events
    assert any("surname after a title" in (e.source.rule if e.source else "") for e in events)


def test_a_first_name_the_dictionaries_lack_is_someone_else(dyads_of: Dyads) -> None:
    text = "President Hamid Bouteflika praised the army."
    assert not any(s is not None and s.startswith("DZA") for s, _c, _t in dyads_of(text))
