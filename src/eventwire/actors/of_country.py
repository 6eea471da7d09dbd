"""A person "of" a country is that country's, whatever the dictionary says.

Royal and personal names recur across countries, and the Phoenix files give each to
one: "King Abdullah" and "Hassan" are Jordan's there.  News writes the country out
when it matters ("King Hassan of Morocco", "King Abdullah of Saudi Arabia"), and what
it writes wins: the person keeps the roles of the entry and takes the country named
after "of".  Only persons are recoded; an office ("the President of France") is
composed with its country already, and an organisation "of" a country ("the Bank of
England") is named by its own entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors.compose import Found
from eventwire.codes.actor_parts import known_countries


def _country_after_of(head: Token, by_token: dict[int, Found]) -> Found | None:
    """The bare country named by an "of" phrase on a person's name, if any."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            other = by_token.get(pobj.i)
            if pobj.dep_ == "pobj" and other is not None and not other.mention.roles:
                return other
    return None


def of_country(doc: Doc, found: Sequence[Found]) -> list[Found]:
    """The mentions with each person named "of" another country recoded to it."""
    by_token = {i: item for item in found for i in range(item.tokens[0], item.tokens[1])}
    out: list[Found] = []
    for item in found:
        head = doc[item.tokens[2]]
        mention = item.mention
        if head.ent_type_ != "PERSON" or not mention.roles or mention.country is None:
            out.append(item)
            continue
        named = _country_after_of(head, by_token)
        country = named.mention.country if named is not None else None
        if named is None or country is None or country == mention.country \
                or country not in known_countries():
            out.append(item)
            continue
        code = country + "".join(mention.roles)
        rule = f"{mention.rule}; country named after 'of' {named.mention.text!r}"
        out.append(replace(item, mention=replace(mention, code=code, country=country, rule=rule)))
    return out
