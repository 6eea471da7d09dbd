"""Who does the infinitive after a verb's object (eventwire.events.controllers)."""

from __future__ import annotations

from spacy.language import Language

from eventwire.events.arguments import subjects


def _doers(nlp: Language, text: str, verb: str) -> list[str]:
    doc = nlp(text)
    token = next(t for t in doc if t.lower_ == verb)
    return [t.text for t in subjects(token)]


def test_a_caller_says_what_the_call_was_made_to_say(nlp: Language) -> None:
    """ "called Y to apologize" is the caller's apology, made on the telephone."""
    assert _doers(nlp, "Portugal called Spain to apologize for the incident.",
                  "apologize") == ["Portugal"]
    assert _doers(nlp, "The Kenyan president phoned the Ugandan leader to congratulate "
                  "him on his victory.", "congratulate") == ["president"]


def test_the_one_urged_still_does_what_it_is_urged_to(nlp: Language) -> None:
    assert _doers(nlp, "Portugal urged Spain to apologize for the incident.",
                  "apologize") == ["Spain"]


def test_one_called_on_or_appealed_to_is_asked_to_act(nlp: Language) -> None:
    """ "called on Y to V", "appealed to Y to V": Y is asked, as the object of "urged"."""
    assert _doers(nlp, "Portugal called on Spain to apologize for the incident.",
                  "apologize") == ["Spain"]
    assert _doers(nlp, "The UN appealed to the rebels to free the hostages.",
                  "free") == ["rebels"]
