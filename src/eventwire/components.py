"""spaCy components: the actor and event stages inside a user's own pipeline."""

from __future__ import annotations

from typing import Any


def make_actor_component(nlp: Any, name: str) -> Any:
    """Factory registered under ``eventwire_actors`` (filled in by the actor stage)."""
    raise NotImplementedError("eventwire_actors is not available yet")


def make_event_component(nlp: Any, name: str) -> Any:
    """Factory registered under ``eventwire_events`` (filled in by the event stage)."""
    raise NotImplementedError("eventwire_events is not available yet")
