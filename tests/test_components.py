"""The actor and event stages as components of a user's own spaCy pipeline."""

from __future__ import annotations

import spacy

from eventwire.config import DEFAULT_MODEL


def test_components_set_actors_and_events_on_the_doc() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("eventwire_actors")
    nlp.add_pipe("eventwire_events")
    doc = nlp("Germany attacked France on Monday.")
    assert [m.code for m in doc._.eventwire_actors] == ["DEU", "FRA"]
    (event,) = doc._.eventwire_events
    assert (event.source.code, event.code.cameo, event.target.code) == ("DEU", "190", "FRA")
    assert doc.text[slice(*event.evidence.trigger_span)] == "attacked"
