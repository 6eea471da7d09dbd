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
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.codes.actor_parts import known_countries
from eventwire.events.arguments import MentionIndex
from eventwire.events.drafts import Draft
from eventwire.model import ActorMention

SETTING_PREPOSITIONS = frozenset({"in", "at", "inside", "within", "across", "throughout"})
OTHER_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"})
POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})
OUTSIDERS = frozenset({"foreign", "visiting", "international", "overseas", "exiled"})
"""Modifiers that say a role does not belong to the place it is in."""


def _clause(token: Token) -> list[Token]:
    """The tokens of the trigger's own clause: what it reports, explains or lets
    a relative clause add happened elsewhere, so those parts set no scene."""
    found = [token]
    for child in token.children:
        if child.dep_ not in OTHER_CLAUSES:
            found.extend(_clause(child))
    return found


def setting_of(trigger: Token, index: MentionIndex) -> ActorMention | None:
    """The one country-coded place the trigger's clause is set in, or ``None``."""
    found: dict[str, ActorMention] = {}
    for token in _clause(trigger):
        mention = index.at(token)
        if mention is None or mention.country not in known_countries():
            continue
        if token.dep_ == "pobj" and token.head.lower_ in SETTING_PREPOSITIONS:
            found.setdefault(str(mention.country), mention)
    return next(iter(found.values())) if len(found) == 1 else None


def _local(actor: ActorMention, doc: Doc, offset: int) -> bool:
    """Whether the role may be a local: not a pronoun or a possessed phrase ("its
    troops": someone named elsewhere), not marked as an outsider ("foreign fighters")."""
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
    return True


def _placed(
    actor: ActorMention | None, setting: ActorMention, doc: Doc, offset: int
) -> ActorMention | None:
    if actor is None or actor.country is not None or not actor.roles:
        return actor
    if not _local(actor, doc, offset):
        return actor
    country = str(setting.country)
    rule = f"{actor.rule}; country of the setting {setting.text!r}"
    return replace(actor, code=country + "".join(actor.roles), country=country, rule=rule)


def in_setting(draft: Draft, index: MentionIndex) -> Draft:
    """The draft with its open-country roles placed in its clause's setting."""
    open_roles = [a for a in (draft.source, draft.target) if a is not None and a.country is None]
    setting = setting_of(draft.trigger.token, index) if open_roles else None
    if setting is None:
        return draft
    doc = draft.trigger.token.doc
    source = _placed(draft.source, setting, doc, draft.offset)
    target = _placed(draft.target, setting, doc, draft.offset)
    if source is not None and target is not None and source.code == target.code:
        return draft  # two roles made one actor: keep them apart as the text did
    if source is draft.source and target is draft.target:
        return draft
    return replace(draft, source=source, target=target)
