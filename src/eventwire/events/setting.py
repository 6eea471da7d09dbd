"""The country an event is set in, for actors whose own country the text leaves open.

"Opposition groups in Zimbabwe are demanding that President Mugabe abandon ..." names
Mugabe by title alone: the dictionaries give ``---GOV``.  A reader takes him for
Zimbabwe's president because the event is set in Zimbabwe.  The coder does the same,
but only with a setting the event's own clause states with a preposition of place
("groups in Zimbabwe", "a curfew in Algiers"), not one of a clause it reports or a
relative clause (those happened elsewhere).  A country that merely takes part
("thanked China for its help") is no setting: the open role is as likely its
counterpart as its own.  With two settings the guess would be a coin toss, so the
role stays open; so does a role the text marks as someone else's ("its troops") or
as an outsider ("foreign fighters").

A passive act whose doer the text leaves out ("Ingabire was arrested in Rwanda") is
coded, as PETRARCH codes it, as done by the country it is set in; the place is never
the act's target.  Courts and police whose country is left open deal with their own
country's people: "police arrested two Kenyan protesters" is KENCOP -> KENOPP.
So do a state and its own society in a sentence that names one country only: "the
Mozambican government accepted demands from rebels" meets Mozambican rebels, as the
human-coded PLOVER records code such sentences (PETRARCH leaves the rebels ``---REB``);
a party or group no dictionary knows (``---``) that deals with that country's
government or parliament is its own too ("the Homeland Union petitioned the
Lithuanian parliament"), but not one facing the bare country, which may be a state
abroad ("MERCOSUR and India agreed").
Armed forces, refugees, media, medical teams and helpers from abroad ("humanitarian
workers") are as often foreign as not and are left open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import UNKNOWN_ACTOR
from eventwire.codes.actor_parts import known_countries
from eventwire.events.arguments import MentionIndex, is_passive, phrase_country
from eventwire.events.drafts import Draft
from eventwire.model import ActorMention

SETTING_PREPOSITIONS = frozenset({"in", "at", "inside", "within", "across", "throughout"})
OTHER_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "pcomp"})
POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})
OUTSIDERS = frozenset({"foreign", "visiting", "international", "overseas", "exiled"})
"""Modifiers that say a role does not belong to the place it is in."""


def _clause(token: Token) -> list[Token]:
    """The tokens of the trigger's own clause: what it reports, explains or lets
    a relative clause add happened elsewhere, so those parts set no scene.  A clause
    of the same moment is the same scene: "killed 23 people when they blew themselves
    up in Tel Aviv" killed them in Tel Aviv."""
    found = [token]
    for child in token.children:
        if child.dep_ not in OTHER_CLAUSES or _same_moment(child):
            found.extend(_clause(child))
    return found


SAME_MOMENT = frozenset({"when", "while", "as"})


def _same_moment(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in SAME_MOMENT for c in clause.children)


def setting_of(trigger: Token, index: MentionIndex) -> ActorMention | None:
    """The one country-coded place the trigger's clause is set in, or ``None``."""
    found: dict[str, ActorMention] = {}
    for token in _clause(trigger):
        mention = index.at(token)
        if mention is None or mention.country not in known_countries() or mention.roles:
            continue  # "in the Palestinian uprising" (PSEREB) is no place
        if token.dep_ == "pobj" and token.head.lower_ in SETTING_PREPOSITIONS:
            found.setdefault(str(mention.country), mention)
    return next(iter(found.values())) if len(found) == 1 else None


def _local(
    actor: ActorMention, doc: Doc, offset: int, helpers: frozenset[str] = frozenset()
) -> bool:
    """Whether the role may be a local: not a pronoun or a possessed phrase ("its
    troops": someone named elsewhere), not marked as an outsider ("foreign fighters")
    nor, where ``helpers`` are given, as one who comes to help ("aid workers")."""
    if actor.rule.startswith("coref:") or actor.head is None:
        return False
    head = doc.char_span(actor.head - offset, actor.head - offset + 1, alignment_mode="expand")
    if head is None:
        return False
    for child in head.root.children:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVES:
            return False
        if child.dep_ == "amod" and child.lower_ in OUTSIDERS:
            return False
        if child.dep_ in ("amod", "compound") and child.lower_ in helpers:
            return False
    return True


def _placed(
    actor: ActorMention | None, setting: ActorMention, doc: Doc, offset: int
) -> ActorMention | None:
    if actor is None or actor.country is not None or not actor.roles:
        return actor
    if not _local(actor, doc, offset):
        return actor
    return _of_country(actor, str(setting.country), f"country of the setting {setting.text!r}")


def _doer_of_setting(draft: Draft, setting: ActorMention | None) -> Draft:
    """ "Ingabire was arrested in Rwanda": a passive act whose doer the text leaves
    out is done by the country it is set in (PETRARCH codes "soldiers were killed in
    Ukraine" UKR -> RUSMIL); the place is never its target."""
    if setting is None or setting.roles:
        return draft
    target = draft.target
    if target is not None and (target.span == setting.span or target.code == setting.code):
        target = None
    rule = f"{setting.rule}; the setting of a passive act without its doer"
    return replace(draft, source=replace(setting, rule=rule), target=target)


def _wants_doer(draft: Draft) -> bool:
    return draft.source is None and not draft.trigger.nominal and is_passive(draft.trigger.token)


DOMESTIC_ROLES = frozenset({"JUD", "COP"})
"""Roles that act within their own country: courts and police."""


def _domestic(draft: Draft, named: frozenset[str]) -> Draft:
    """ "A judge opened investigations against 28 Chilean officials": a court or the
    police whose country the text leaves open deals with its own country's people,
    when those are named by role (a bare "Briton" may be a foreigner in their hands).
    Likewise the state and society of a sentence that names one country only
    (``named``): "the Mozambican government accepted demands from rebels" meets
    Mozambican rebels."""
    own = partial(_local, doc=draft.trigger.token.doc, offset=draft.offset, helpers=HELPERS)
    source = _placed_by(draft.source, draft.target, named, own)
    target = _placed_by(draft.target, draft.source, named, own)
    if source is draft.source and target is draft.target:
        return draft
    return replace(draft, source=source, target=target)


def _placed_by(
    actor: ActorMention | None, other: ActorMention | None, named: frozenset[str],
    own: Callable[[ActorMention], bool],
) -> ActorMention | None:
    if actor is None or other is None or actor.country is not None:
        return actor
    if other.country not in known_countries():
        return actor
    if other.roles and len(actor.roles) == 1 and actor.roles[0] in DOMESTIC_ROLES:
        why = f"country of those it deals with {other.text!r}"
        return _of_country(actor, str(other.country), why)
    if actor.roles and actor.roles[0] in PEOPLE_ROLES and DOMESTIC_ROLES.intersection(other.roles):
        return _of_country(actor, str(other.country), f"country of {other.text!r}")
    if named == {other.country} and _named(other) and _state_and_society(actor, other) \
            and own(actor):
        return _of_country(actor, str(other.country), f"the one country named, {other.text!r}")
    return actor  # "the International Criminal Court" (---CRMJUD) is no country's


def _named(actor: ActorMention) -> bool:
    """Whether the text gives the actor its country itself ("Kenyan rebels"), not by a
    rule that lent it one (a pronoun's antecedent, a phrase or setting around it)."""
    return "; " not in actor.rule and not actor.rule.startswith("coref:")


def _state_and_society(actor: ActorMention, other: ActorMention) -> bool:
    """Whether an open role and a country's actor face each other as a state and its
    own society: rebels, opposition or civilians against a government, parliament or
    the country itself, or a government or parliament against those.  A state against
    another state's organ ("the Kenyan president met the prime minister") is not.  A
    body of unknown code faces a state only as its government or parliament."""
    if not actor.roles:
        return _unknown_body(actor) and bool(other.roles) and other.roles[0] in STATE_ROLES
    role = actor.roles[0]
    if role in SOCIETY_ROLES:
        return not other.roles or other.roles[0] in STATE_ROLES
    return role in STATE_ROLES and bool(other.roles) and other.roles[0] in SOCIETY_ROLES


def _unknown_body(actor: ActorMention) -> bool:
    """A party or group the text names but no dictionary knows ("the Homeland Union")."""
    return actor.code == UNKNOWN_ACTOR and actor.rule == "entity:ORG"


STATE_ROLES = frozenset({"GOV", "LEG"})
SOCIETY_ROLES = frozenset({"OPP", "REB", "CVL", "PTY", "LAB", "EDU", "BUS", "AGR", "REL"})
"""A country's own people, as they face its state.  Left out, being as often foreign
as not: refugees (REF), armed forces (MIL), media (MED: "a request from The New York
Times") and medical teams (HLH)."""
HELPERS = frozenset({"humanitarian", "aid", "relief", "migrant", "expatriate"})
"""Words of those who come from abroad to work or help: "humanitarian workers" are
seldom the country's own."""


def _countries_named(token: Token, index: MentionIndex) -> frozenset[str]:
    """The countries the trigger's sentence names, by any actor or place in it."""
    found = (index.at(t) for t in token.sent)
    return frozenset(
        str(m.country) for m in found if m is not None and m.country in known_countries()
    )


PEOPLE_ROLES = frozenset({"OPP", "REB", "CVL", "ELI", "PTY", "LAB", "EDU", "MED", "BUS", "LEG",
                      "GOV", "AGR", "HLH", "REL", "JUD"})
"""Roles of people a country's courts and police deal with: "an Argentine judge ordered
former president Menem to appear" summons an Argentine."""


def _of_country(actor: ActorMention, country: str, why: str) -> ActorMention:
    """A role with no country given ``country``, and the reason added to its rule."""
    rule = f"{actor.rule}; {why}"
    return replace(actor, code=country + "".join(actor.roles), country=country, rule=rule)


def _from_antecedent(
    actor: ActorMention | None, doc: Doc, index: MentionIndex
) -> ActorMention | None:
    """ "The rebels in Chad attacked the capital.  They also ...": a pronoun takes the
    code of the mention it refers to, but the country of a role is often named only in
    that mention's phrase, which the pronoun's own phrase lacks; it is looked up there."""
    if actor is None or actor.country is not None or actor.antecedent is None:
        return actor
    for start, _stop, mention in index.by_offset:
        if mention.span != actor.antecedent or mention.head is None or mention.country:
            continue
        where = mention.head - (mention.span[0] - start)
        head = doc.char_span(where, where + 1, alignment_mode="expand")
        placed = phrase_country(mention, head.root, index) if head is not None else mention
        if placed.country is None:
            return actor
        rule = f"{actor.rule}; country of its antecedent's phrase {mention.text!r}"
        return replace(actor, code=placed.code, country=placed.country, rule=rule)
    return actor


def in_setting(draft: Draft, index: MentionIndex) -> Draft:
    """The draft with its open-country roles placed in its clause's setting (the
    setting is looked up once, for the doer of a passive act and for open roles);
    a reference first takes the country its antecedent's phrase names."""
    doc = draft.trigger.token.doc
    source = _from_antecedent(draft.source, doc, index)
    target = _from_antecedent(draft.target, doc, index)
    if source is not draft.source or target is not draft.target:
        draft = replace(draft, source=source, target=target)
    doer = _wants_doer(draft)
    open_roles = [a for a in (draft.source, draft.target) if a is not None and a.country is None]
    setting = setting_of(draft.trigger.token, index) if doer or open_roles else None
    if doer:
        draft = _doer_of_setting(draft, setting)
    named = _countries_named(draft.trigger.token, index) if open_roles else frozenset()
    draft = _domestic(draft, named)
    open_roles = [a for a in (draft.source, draft.target) if a is not None and a.country is None]
    if setting is None or not open_roles:
        return draft
    doc = draft.trigger.token.doc
    source = _placed(draft.source, setting, doc, draft.offset)
    target = _placed(draft.target, setting, doc, draft.offset)
    if source is not None and target is not None and source.code == target.code:
        return draft  # two roles made one actor: keep them apart as the text did
    if source is draft.source and target is draft.target:
        return draft
    return replace(draft, source=source, target=target)
