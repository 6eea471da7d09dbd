"""Which of a sentence's drafted events to keep: one telling per act, main clauses
before background ones, specific acts before bare statements."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.resolve import UNKNOWN_ACTOR
from eventwire.events.documents import document_act
from eventwire.events.drafts import Draft, counted
from eventwire.model import ActorMention


def drop_subsumed(drafts: list[Draft]) -> list[Draft]:
    """ "Four were killed in Israeli tank shelling": when one sentence tells the same
    kind of act against the same target twice, once with its author and once without,
    the authorless telling adds nothing."""
    known = {
        (d.code[:2], d.target.code)
        for d in drafts
        if d.source is not None and d.target is not None and counted(d.modality)
    }
    return [
        d for d in drafts
        if d.source is not None or d.target is None or (d.code[:2], d.target.code) not in known
    ]


def mutual_kept(drafts: list[Draft]) -> list[Draft]:
    """Drafts still marked mutual only where their mirror survived the rules that
    derive and drop readings: an accusation made of "A met B" is one-way."""
    pairs = {(d.trigger.token.i, d.code, _key(d.source), _key(d.target)) for d in drafts}
    return [
        d if not d.reciprocal
        or (d.trigger.token.i, d.code, _key(d.target), _key(d.source)) in pairs
        else replace(d, reciprocal=False)
        for d in drafts
    ]


def _key(actor: ActorMention | None) -> tuple[str, int, int] | None:
    return None if actor is None else (actor.code, actor.span[0], actor.span[1])


def unique(drafts: list[Draft]) -> list[Draft]:
    """One event per dyad, code and trigger: coordinated clauses can repeat one."""
    seen: set[tuple[str, str, str, int]] = set()
    kept: list[Draft] = []
    for draft in drafts:
        key = (
            draft.source.code if draft.source else "-",
            draft.target.code if draft.target else "-",
            draft.code,
            draft.trigger.token.i,
        )
        if key not in seen:
            seen.add(key)
            kept.append(draft)
    return kept


EARLIER = frozenset({"since", "after", "following", "before", "until"})
"""Prepositions that date a sentence's own event by another one ("two weeks after the
kidnapping"), which the sentence tells as a time, not as news."""


def _in_background(token: Token) -> bool:
    """Whether a trigger sits in a relative or participial clause that describes a
    participant ("rebels who overran it", "a body linked to ..."); the participle of a
    document says what the document does ("a statement calling on the Council to
    act"), which is the act of its issuer, not background."""
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in EARLIER:
        return True  # "asylum ... since last month's U.S. invasion": told as a time
    node = token
    while node.head.i != node.i:
        if document_act(node):
            return False
        if node.dep_ in ("relcl", "acl"):
            return True
        node = node.head
    return False


def drop_background(drafts: list[Draft]) -> list[Draft]:
    """Background clauses are coded only when the sentence has no event of its own.

    Applied before :func:`drop_bare_statements`: a statement in the main clause is the
    sentence's own event, which a killing in a clause describing its object does not
    replace ("expressed condolences to families of farmers who were killed")."""
    main = [d for d in drafts if not _in_background(d.trigger.token)]
    return main if main else drafts


def _known(draft: Draft) -> bool:
    """Whether a dictionary knows one of the draft's actors: an act whose only party is
    a name no dictionary knows ("during a visit to the Ulan-Ude Aviation Plant") does
    not replace what a known speaker said."""
    return any(a is not None and a.code != UNKNOWN_ACTOR for a in (draft.source, draft.target))


def drop_bare_statements(drafts: list[Draft]) -> list[Draft]:
    """A bare statement (the generic 010 of "said") is coded only when nothing more
    specific applies.  The other statements (a pessimistic comment, condolences, a
    denial) are the event a sentence reports, as specific as any other."""
    specific = [d for d in drafts if d.code != "010" and d.modality.counted and _known(d)]
    if not specific:
        return drafts
    return [d for d in drafts if d.code != "010" or d.rule_note]
