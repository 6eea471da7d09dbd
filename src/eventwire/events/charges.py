"""The charge an arrest states: "X was arrested for collaborating with Israel".

An arrest, detention or jailing "for" a deed, or "on charges of" one, tells two
things: the arrest (CAMEO 173, PLOVER COERCE) and that those who made it hold the
person guilty of the deed, which CAMEO codes as an accusation (112) and PLOVER as
ACCUSE ("charge with a crime").  The deed itself is not coded as done: it is only
alleged (see ``modality``).  The accusation is a second event of the same verb, so
each keeps its own evidence.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.compose import PERSON_NOUNS
from eventwire.events.drafts import Draft, counted

ARREST_CODE = "173"
ARREST_VERBS = frozenset({
    "arrest", "detain", "jail", "imprison", "incarcerate", "apprehend", "nab", "hold",
    "intern", "lock", "sentence", "convict", "charge", "indict", "prosecute",
})  # fmt: skip
"""Verbs that take someone in for a deed; "issued warrants for two men" names whom
the warrants are for, not a deed."""
CHARGE_CODE = "112"
CHARGE_NOUNS = frozenset({"charge", "allegation", "accusation", "suspicion", "count"})
"""Nouns of "arrested on charges of X", "jailed on allegations of treason"."""
NOT_CHARGES = frozenset({
    "questioning", "interrogation", "investigation", "ransom", "security", "safety",
    "protection", "treatment", "time", "period", "hour", "day", "week", "month", "year",
})  # fmt: skip
"""What "held for ..." may name that is no deed: a purpose or a length of time."""
NOT_DEEDS = NOT_CHARGES | PERSON_NOUNS
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def charges(drafts: list[Draft]) -> list[Draft]:
    """The drafts, with an accusation added after each arrest that names its charge."""
    found: list[Draft] = []
    for draft in drafts:
        found.append(draft)
        if not draft.code.startswith(ARREST_CODE) or draft.mirrored or draft.rule_note:
            continue
        if not counted(draft.modality) or draft.modality.future:
            continue  # "will be jailed for ...": no one has charged anyone yet
        trigger = draft.trigger
        if trigger.nominal or trigger.token.lemma_.lower() not in ARREST_VERBS:
            continue
        found_charge = charge_of(trigger.token)
        if found_charge is None:
            continue
        prep, charge = found_charge
        words = trigger.token.doc[prep.i : max(prep.i, charge.i) + 1].text
        note = f"charge: {trigger.token.text!r} {words!r} [{CHARGE_CODE}]"
        evidence = (*trigger.evidence, charge)
        accused = replace(trigger, code=CHARGE_CODE, reverse_code=None, evidence=evidence)
        found.append(replace(draft, trigger=accused, code=CHARGE_CODE, rule_note=note))
    return found


def charge_of(verb: Token) -> tuple[Token, Token] | None:
    """The preposition and the deed an arrest is for: the gerund or crime noun of its
    "for" phrase, or the noun after "on charges of" / "on allegations of"."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        for obj in objects:
            if prep.lower_ == "for" and _a_deed(obj):
                return prep, obj
            if prep.lower_ in ("on", "over") and obj.lemma_.lower() in CHARGE_NOUNS:
                return prep, _charged_deed(obj)
    return None


def _a_deed(obj: Token) -> bool:
    if obj.dep_ == "pcomp":
        return obj.tag_ == "VBG"  # "for collaborating"
    if obj.ent_type_ in TIME_ENTITIES or obj.like_num:
        return False
    if obj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return False  # "arrested for Israel" says for whom, not for what
    return obj.pos_ == "NOUN" and obj.lemma_.lower() not in NOT_DEEDS


def _charged_deed(noun: Token) -> Token:
    """ "on charges of treason": the deed when named, else the charge noun itself."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            deed = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if deed is not None:
                return deed
    return noun
