"""actors stage: find the actors an article names and give each a CAMEO code.

:func:`find_actors` is the stage's entry point; :class:`ActorComponent` runs the same
on a single spaCy ``Doc`` inside a user's own pipeline.
"""

from eventwire.actors.component import ActorComponent
from eventwire.actors.find import find_actors, find_in_doc
from eventwire.actors.resolve import resolve_mentions

__all__ = ["ActorComponent", "find_actors", "find_in_doc", "resolve_mentions"]
