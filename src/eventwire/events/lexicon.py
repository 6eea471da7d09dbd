"""The dictionaries the event stage reads, loaded once and passed in explicitly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.lexicon.discards import Discards
from eventwire.lexicon.verbs import VerbDictionary, default_verbs, merge, parse_verb_text

SUPPLEMENT = "verbs_supplement.txt"
NOMINALS = "nominal_triggers.tsv"


@dataclass(frozen=True)
class EventLexicon:
    """Verb patterns, the event nouns that borrow a verb's patterns, and discards.

    ``discards`` (PETRARCH discard phrases) make the event stage skip a sentence, or
    a whole article for story-level ones; the packaged lexicon has none.
    """

    verbs: VerbDictionary
    nominals: Mapping[str, str]
    discards: Discards = field(default_factory=Discards)


def _data_text(name: str) -> str:
    return resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")


def read_nominals(text: str) -> dict[str, str]:
    """Read a two-column ``noun<TAB>verb`` table; ``#`` starts a comment."""
    table: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            noun, verb = line.split("\t")
            table[noun.strip().lower()] = verb.strip().lower()
    return table


@lru_cache(maxsize=1)
def default_event_lexicon() -> EventLexicon:
    """PETRARCH2's CAMEO verb dictionary with eventwire's supplement merged in."""
    supplement = parse_verb_text(_data_text(SUPPLEMENT), origin=SUPPLEMENT)
    return EventLexicon(merge(default_verbs(), supplement), read_nominals(_data_text(NOMINALS)))
