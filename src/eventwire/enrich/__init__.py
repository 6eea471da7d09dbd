"""The enrichment stage: the context of each coded event.

Runs after the event stage on the same parse and adds, without changing which events
were coded: the event's date read from its clause (:mod:`.dates`), its place
(:mod:`.places`, with coordinates from :mod:`.gazetteer`), who told it
(:mod:`.quotes`, :mod:`.provenance`) and its tone (:mod:`.tone`).
"""

from eventwire.enrich.stage import Enricher, enrich_article

__all__ = ["Enricher", "enrich_article"]
