"""Argument phrases of a trigger read off the parse (eventwire.events.arguments)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.arguments import verbal_arguments


def _targets(nlp: Language, text: str, verb: str) -> list[str]:
    doc = nlp(text)
    token = next(t for t in doc if t.lower_ == verb)
    return [t.text for t in verbal_arguments(token)[1]]


@pytest.mark.parametrize(("text", "verb", "target"), [
    ("Chile complained about the Peruvian navy.", "complained", "navy"),
    ("Chile is skeptical about the Peruvian offer.", "skeptical", "offer"),
])  # fmt: skip
def test_what_a_complaint_or_an_attitude_is_about_is_its_target(
        nlp: Language, text: str, verb: str, target: str) -> None:
    """ "complained about X", "skeptical about X": X is what the act is aimed at, as
    with "of" and "over" ("skeptical of X", "worried over X")."""
    assert target in _targets(nlp, text, verb)


def test_for_whom_the_subject_speaks_is_no_target(nlp: Language) -> None:
    """ "on behalf of Y": Y is the speaker's own side; the "to" phrase is the addressee."""
    text = "The envoy expressed sympathy to the Chilean people on behalf of Peru."
    assert _targets(nlp, text, "expressed") == ["sympathy", "people"]


def test_what_shared_knowledge_is_about_is_no_target(nlp: Language) -> None:
    """ "shared details on X" tells about X, though the parser hangs "on X" on the verb."""
    text = "Chile shared details Friday on the Peruvian navy."
    assert "navy" not in _targets(nlp, text, "shared")


def test_an_aimed_object_keeps_its_on_phrase(nlp: Language) -> None:
    assert "navy" in _targets(nlp, "Chile imposed sanctions on the Peruvian navy.", "imposed")
