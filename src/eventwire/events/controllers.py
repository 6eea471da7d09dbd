"""Who does the act of an infinitive after a verb's object.

Mostly the object does it: "urged Kenya to withdraw" asks Kenya to withdraw, so the
object is the infinitive's subject.  Some verbs take an object that is only a means or
a party met, and the act after it is the subject's own:

- instruments: "police used tear gas to disperse the crowd" (the police disperse it);
- summonses to complain: "summoned the ambassador to lodge a complaint" (the
  government complains; "summoned him to explain" still asks him to);
- telephone calls made to say something: "Merkel called Macron to congratulate him"
  is Merkel's congratulation, made on the call; "called on Macron to resign" is an
  appeal, and "called Macron to resign" without such an aim is read as one too.
"""

from __future__ import annotations

from spacy.tokens import Token

INSTRUMENT_VERBS = frozenset({"use", "employ"})
"""Verbs whose object is the means, not the doer, of the act after it."""

SUMMONS_PROTESTS = frozenset(
    {"complain", "protest", "lodge", "register", "convey", "deliver", "condemn", "voice"}
)  # fmt: skip
"""What a government does by summoning a diplomat."""

TELEPHONE_VERBS = frozenset({"call", "phone", "telephone", "ring"})
SAID_ON_A_CALL = frozenset(
    {"discuss", "talk", "congratulate", "thank", "assure", "reassure", "express", "convey",
     "offer", "brief", "inform", "update", "consult", "exchange", "review", "condole",
     "apologize", "apologise", "wish", "extend", "pledge", "promise"}
)  # fmt: skip
"""What one telephones someone to say: the caller says it, not the one called."""
APPEAL_PARTICLES = frozenset({"on", "upon"})


def subject_acts(head: Token, verb: Token) -> bool:
    """Whether the act ``verb`` after ``head``'s object is the subject's, not the
    object's (see the module doc)."""
    lemma = head.lemma_.lower()
    if lemma in INSTRUMENT_VERBS:
        return True
    if lemma == "summon":
        return verb.lemma_.lower() in SUMMONS_PROTESTS
    return telephoned(head, verb)


def telephoned(head: Token, verb: Token) -> bool:
    """ "Tillerson called Lavrov to discuss Syria" is a telephone call made to talk, not
    an appeal to Lavrov to discuss, nor Lavrov's act; "called on X to talk" is the appeal."""
    aim = verb.lemma_.lower()
    return head.lemma_.lower() in TELEPHONE_VERBS and aim in SAID_ON_A_CALL and not _appeal(head)


def _appeal(head: Token) -> bool:
    """ "called on X to ...": the "on" right after the verb makes the call an appeal;
    "called X on Monday to ..." is a date."""
    return any(
        c.lower_ in APPEAL_PARTICLES and c.dep_ in ("prt", "prep") and c.i == head.i + 1
        for c in head.children
    )


APPEAL_PREPOSITIONS = {"call": APPEAL_PARTICLES, "appeal": frozenset({"to"})}
"""Verbs that name whom they ask through a preposition: "called on X to", "appealed to
X to"."""


def asked_through_preposition(head: Token) -> list[Token]:
    """Who is asked to do the infinitive after "called on X", "appealed to X": the
    preposition's object, as the direct object of "urged X to" is."""
    preps = APPEAL_PREPOSITIONS.get(head.lemma_.lower(), frozenset())
    return [o for p in head.children if p.dep_ in ("prep", "prt") and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]
