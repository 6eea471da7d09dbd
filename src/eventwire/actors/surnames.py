"""A title followed by a surname: "President Bouteflika's government".

The Phoenix dictionaries list leaders by full name ("Abdelaziz Bouteflika") and only
some by title and surname ("Chancellor Merkel"), so the rest come out as a title of
no country (``---GOV``).  News names a leader by title and surname all the time; a
reader knows who is meant when only one person of the dictionaries has that surname,
or when all who have it belong to one country.  A bare surname is not enough (there
are many Johnsons): the title must stand right before it, and the name must be a
person's name the model found, that no dictionary phrase already covers.  When the
people of that surname share a country but not a role, only the country is taken
and the title supplies the role, as it does for "the Algerian president".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import lru_cache

from spacy.tokens import Doc

from eventwire.actors.match import Hit
from eventwire.lexicon.actors import ActorDictionary, ActorEntry, AgentEntry
from eventwire.lexicon.actors_parse import NULL_CODES
from eventwire.lexicon.actors_words import word_keys

SurnameIndex = Mapping[str, tuple[ActorEntry, ...]]


@lru_cache(maxsize=4)
def surname_index(dictionary: ActorDictionary) -> SurnameIndex:
    """Actor names of two words or more by their last word, built once per dictionary
    (hashed by identity)."""
    table: dict[str, list[ActorEntry]] = {}
    for entries in dictionary.index.values():
        for entry in entries:
            if isinstance(entry, ActorEntry) and len(entry.words) >= 2:
                table.setdefault(entry.words[-1], []).append(entry)
    return {word: tuple(dict.fromkeys(found)) for word, found in table.items()}


def _shared_code(entries: Sequence[ActorEntry], day: dt.date | None) -> str | None:
    """The code all of a surname's people share on ``day``: the full code if they
    agree on it, their country if only that, else ``None``."""
    codes = {code for code in (e.code_on(day) for e in entries)
             if code is not None and code not in NULL_CODES and "/" not in code}
    if not codes:
        return None
    if len(codes) == 1:
        return next(iter(codes))
    countries = {code[:3] for code in codes}
    country = next(iter(countries))
    return country if len(countries) == 1 and not country.startswith(("-", "IGO")) else None


def _surname_at(doc: Doc, title: Hit, covered: set[int]) -> int | None:
    """The token right after ``title`` when it is a person's whole name, one word.  A
    first name the dictionaries do not list with that surname ("Mohammad Faisal") is
    someone else than the listed people who share the surname."""
    at = title.end
    if at >= doc[title.start].sent.end or at in covered:
        return None
    token = doc[at]
    if token.ent_type_ != "PERSON" or token.pos_ != "PROPN" or token.ent_iob_ != "B":
        return None
    following = doc[at + 1] if at + 1 < len(doc) else None
    if following is not None and following.ent_iob_ == "I":
        return None
    return at


def titled_surnames(
    doc: Doc, hits: Sequence[Hit], dictionary: ActorDictionary, day: dt.date | None
) -> list[Hit]:
    """The hits of ``doc`` with one more for each surname a title introduces."""
    covered = {i for hit in hits for i in range(hit.start, hit.end)}
    index = surname_index(dictionary)
    found = list(hits)
    for hit in hits:
        if not isinstance(hit.entry, AgentEntry):
            continue
        at = _surname_at(doc, hit, covered)
        if at is None:
            continue
        keys = tuple(word_keys(doc[at].text))
        entries = index.get(keys[0], ()) if len(keys) == 1 else ()
        code = _shared_code(entries, day) if entries else None
        if code is None:
            continue
        note = "surname after a title" + (
            f", of {len(entries)} names of one country" if len(entries) > 1 else "")
        found.append(Hit(at, at + 1, entries[0], code, note=note))
        covered.add(at)
    return sorted(found, key=lambda h: h.start)

