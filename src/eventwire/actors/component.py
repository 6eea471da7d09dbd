"""The actor stage as a spaCy pipeline component for a user's own pipeline.

The component codes one ``Doc`` on its own: spans are offsets into ``doc.text`` and
sentence numbers count the doc's sentences.  It needs a parser (dependencies and
sentences) and works best with an entity recogniser before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventwire.actors.find import find_in_doc
from eventwire.lexicon.actors import ActorDictionary, default_actor_dictionary

EXTENSION = "eventwire_actors"


def register_extension() -> None:
    """Declare ``Doc._.eventwire_actors`` once per process (spaCy keeps it globally)."""
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=())


@dataclass(frozen=True)
class ActorComponent:
    """Sets ``doc._.eventwire_actors`` to the doc's actor mentions.

    ``date`` chooses among date-limited codes; ``None`` uses each entry's default.
    """

    dictionary: ActorDictionary = field(default_factory=default_actor_dictionary)
    date: dt.date | None = None

    def __post_init__(self) -> None:
        register_extension()

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(EXTENSION, find_in_doc(doc, self.dictionary, self.date))
        return doc
