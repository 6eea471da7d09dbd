"""Giving a thing back to someone: "ICE returned the wild monkeys to Congo".

CAMEO codes returning property as 0842 whatever the thing is, but PETRARCH's RETURN
block names the things (equipment, aircraft, artwork) and codes nothing for one it does
not name.  A thing returned *to* someone is property returned; people returned are left
to the dictionary (refugees and prisoners 0841, immigrants 174), and so is a verb with
no recipient ("returned the favour").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.compose import PERSON_NOUNS
from eventwire.events.patterns import CONTAINERS, time_phrase

GIVING_BACK = frozenset({"return", "repatriate"})
"""Verbs of giving back, whose dictionary block codes nothing without a pattern."""
RETURNED_PEOPLE = frozenset({
    "people", "person", "citizen", "national", "migrant", "immigrant", "refugee",
    "prisoner", "detainee", "hostage", "captive", "deportee", "seeker", "soldier",
    "troop", "fighter", "militant", "fisherman", "sailor", "seaman", "crew", "pilot",
    "passenger", "tourist", "worker", "student", "child", "man", "woman", "family",
    "civilian", "body", "remains", "suspect", "fugitive", *PERSON_NOUNS,
})  # fmt: skip
"""Nouns of people (and their remains): returning them is not returning property."""
NAMED_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})
NAMED_THINGS = frozenset({"WORK_OF_ART", "PRODUCT"})
"""Names of things ("a rare Bible"), which are property, unlike names of actors."""


def thing_given_back(verb: Token) -> Token | None:
    """The thing ``verb`` gives back to someone, or None when it gives back none."""
    if verb.lemma_.lower() not in GIVING_BACK:
        return None
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if thing is None or not any(_to_someone(c) for c in _recipient_places(verb, thing)):
        return None
    return thing if _a_thing(thing) else None


def _recipient_places(verb: Token, thing: Token) -> list[Token]:
    """Where the "to" phrase of the recipient may hang: on the verb, or where the parser
    put it, after a clause describing the thing ("returned skulls that date back to
    600 AD to Peru", "a pendant engraved with a portrait to Russia")."""
    places = list(verb.children)
    for clause in (c for c in thing.children if c.dep_ in ("acl", "relcl")):
        places.extend(t for t in clause.subtree if t.dep_ == "prep" and t.head.i != thing.i)
    return places


def _to_someone(child: Token) -> bool:
    """A "to" phrase naming who gets the thing (not a date: "returned to ... by June")."""
    if child.dep_ == "advmod" and child.lower_ == "back":  # "gave it back to Peru"
        return any(_to_someone(c) for c in child.children)
    return child.dep_ in ("prep", "dative") and child.lower_ == "to" and not time_phrase(child)


def _a_thing(noun: Token) -> bool:
    """Whether the object names a thing, not people, a body or an actor by name."""
    while noun.lemma_.lower() in CONTAINERS:  # "dozens of artifacts", "hundreds of migrants"
        inner = [g for c in noun.children if c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"]
        if not inner:
            break
        noun = inner[0]
    if not _noun_like(noun) or noun.ent_type_ in NAMED_ENTITIES:
        return False
    return noun.lemma_.lower() not in RETURNED_PEOPLE


def _noun_like(noun: Token) -> bool:
    """A common noun, a thing's name, or a noun the tagger took for an adjective ("a
    silver pendant" tagged ADJ): what the verb gives back is then a thing."""
    if noun.pos_ == "PROPN":
        return noun.ent_type_ in NAMED_THINGS
    return noun.pos_ == "NOUN" or (noun.pos_ == "ADJ" and noun.dep_ == "dobj")
