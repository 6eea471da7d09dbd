"""How a word hangs from an event's trigger: the dependency path between them.

Dates and places belong to an event when the parse attaches them to its trigger's
clause ("talks *in Moscow* *on Thursday*"), not when they merely share its sentence
("troops, which have bases in Turkey, patrolled ...").  The path from a word up to
the trigger says which: through prepositions and nouns only, through the subject,
or across another clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.modality import REPORTING_VERBS

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
CLAUSE_DEPS = frozenset({
    "advcl", "acl", "relcl", "xcomp", "ccomp", "csubj", "parataxis", "pcomp",
})  # fmt: skip
"""Arcs that open a clause of its own, whose places and dates are its own."""
SPEECH_DEPS = frozenset({"ccomp", "parataxis", "relcl"})
"""Clauses never read for the event above them: what was said, or who someone is."""


@dataclass(frozen=True)
class Attachment:
    """The arcs from a word up to the trigger, nearest the word first."""

    deps: tuple[str, ...]
    preps: tuple[str, ...]
    """The prepositions on the way, lower-cased, nearest the word first."""
    through_subject: bool
    clauses: int
    """How many other clauses the path crosses (0: the trigger's own clause)."""
    coordinated: bool = False
    """The path goes through a verb coordinated with the trigger ("killed and wounded in X")."""

    @property
    def tier(self) -> int:
        """0 for the trigger's own clause, 1 through a coordinated verb, 2 through the
        subject, 3 across another clause."""
        if self.clauses:
            return 3
        if self.through_subject:
            return 2
        return 1 if self.coordinated else 0


def attachment(token: Token, trigger: Token, limit: int = 12) -> Attachment | None:
    """The path from ``token`` up to ``trigger``; ``None`` when ``trigger`` is not above it."""
    deps: list[str] = []
    preps: list[str] = []
    clauses = 0
    coordinated = False
    node = token
    for _ in range(limit):
        if node.i == trigger.i:
            last = deps[-1] if deps else ""
            return Attachment(tuple(deps), tuple(preps), last in SUBJECT_DEPS, clauses,
                              coordinated)
        if node.head.i == node.i:
            return None
        if node.dep_ in SPEECH_DEPS:
            return None
        deps.append(node.dep_)
        if node.dep_ == "prep":
            preps.append(node.lower_)
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.i == trigger.i:
            coordinated = True
        elif node.dep_ in CLAUSE_DEPS or (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
            clauses += 1
        node = node.head
    return None


def event_anchor(trigger: Token) -> Token:
    """The token whose clause an event's circumstances hang from.

    A nominal trigger that is the object of a light verb or preposition ("held *talks*",
    "killed in an *attack*") shares its circumstances with that verb, so places and
    dates are searched from the trigger itself first and from this anchor next.
    """
    node = trigger
    if node.pos_ in ("NOUN", "PROPN") and node.dep_ == "pobj":
        node = node.head
    head = node.head
    speech = head.lemma_.lower() in REPORTING_VERBS
    if node.dep_ in ("dobj", "prep", "nsubj", "nsubjpass") and head.pos_ == "VERB" and not speech:
        return head
    return trigger
