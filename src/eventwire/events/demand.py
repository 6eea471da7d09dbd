"""Demands stated as obligations: "X said Y needed to withdraw its forces".

Diplomatic speech seldom uses the verb "demand"; it says what the other side must,
should or needs to do.  The embedded event (a withdrawal) has not happened and is
flagged hypothetical, but the speech act is real: the speaker demands it of the
subject.  The demand's CAMEO code follows from the code of the demanded event, by
the parallel structure of CAMEO's root 10 (demand) and the roots it asks for.
"""

from __future__ import annotations

from spacy.tokens import Token

DEONTIC_AUX = frozenset({"must", "should", "ought"})
DEONTIC_HEADS = frozenset({"need", "have", "must"})

_BY_PREFIX: tuple[tuple[str, str], ...] = (
    ("0871", "107"),
    ("0874", "106"),
    ("087", "1056"),
    ("081", "1051"),
    ("082", "1052"),
    ("083", "104"),
    ("084", "1053"),
    ("085", "1054"),
    ("086", "1055"),
    ("08", "100"),
    ("04", "108"),
    ("07", "103"),
    ("06", "1011"),
    ("05", "102"),
)
"""Demanded event code prefix → CAMEO demand code (CAMEO manual, root 10)."""

WITHDRAW_LEMMAS = frozenset({"withdraw", "pull", "retreat", "leave", "evacuate"})


def has_infinitive(verb: Token) -> bool:
    return any(
        c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        for c in verb.children
    )


def is_deontic(token: Token) -> bool:
    """Whether ``token`` is what someone must/should/needs to do.

    Besides "needs to A", the small English model often attaches the B of "needs to
    A, B and C" to "needs" itself (as conj or dep), so a verb coordinated with an
    obligation verb that has an infinitive counts too.
    """
    node = token
    while True:
        if any(c.dep_ == "aux" and c.lower_ in DEONTIC_AUX for c in node.children):
            return True
        head = node.head
        obliging = head.lemma_.lower() in DEONTIC_HEADS and has_infinitive(head)
        if node.dep_ in ("xcomp", "advcl") and obliging:
            return True
        if node.dep_ in ("conj", "dep") and obliging and head.i != node.i:
            return True
        if node.dep_ != "conj" or head.i == node.i:
            return False
        node = head


def demand_code(demanded: str, lemma: str) -> str:
    """The demand code for a demanded event of code ``demanded``."""
    if lemma in WITHDRAW_LEMMAS:
        return "106"
    for prefix, code in _BY_PREFIX:
        if demanded.startswith(prefix):
            return code
    return "100"
