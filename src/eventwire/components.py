"""spaCy components: the actor and event stages inside a user's own pipeline.

``nlp.add_pipe("eventwire_actors")`` then ``nlp.add_pipe("eventwire_events")`` give
``doc._.eventwire_actors`` and ``doc._.eventwire_events``.  Each doc is coded as one
document on its own (spans are offsets into ``doc.text``).  The factories are
registered with ``Language.factory`` here, and this module is named by the package's
``spacy_factories`` entry point, so spaCy finds them without an import of eventwire;
the dictionaries load once per component.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors import ActorComponent
from eventwire.actors.component import EXTENSION as ACTORS
from eventwire.codes import code_info, is_cameo
from eventwire.events.coder import Coding, code_events
from eventwire.events.lexicon import default_event_lexicon
from eventwire.model import Article
from eventwire.parse import assemble

EVENTS = "eventwire_events"


def register_extensions() -> None:
    """Declare the ``Doc._`` attributes once per process (spaCy keeps them globally)."""
    for name in (ACTORS, EVENTS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=())


@dataclass(frozen=True)
class EventComponent:
    """Sets ``doc._.eventwire_events`` from the doc's parse and actor mentions."""

    coding: Coding

    def __call__(self, doc: Doc) -> Doc:
        article = Article(id="doc", text=doc.text, paragraphs=((0, len(doc.text)),))
        parsed = assemble(article, [(0, len(doc.text))], [doc])
        doc._.set(EVENTS, code_events(parsed, doc._.get(ACTORS), self.coding))
        return doc


@Language.factory(
    "eventwire_actors", requires=["token.dep", "token.lemma"], assigns=[f"doc._.{ACTORS}"]
)
def make_actor_component(nlp: Language, name: str) -> ActorComponent:
    """Factory of ``eventwire_actors``: the packaged actor dictionaries."""
    register_extensions()
    return ActorComponent()


@Language.factory(
    "eventwire_events", requires=[f"doc._.{ACTORS}", "token.dep"], assigns=[f"doc._.{EVENTS}"]
)
def make_event_component(nlp: Language, name: str) -> EventComponent:
    """Factory of ``eventwire_events``: the packaged verb dictionary and code tables."""
    register_extensions()
    return EventComponent(Coding(default_event_lexicon(), code_info, is_cameo))
