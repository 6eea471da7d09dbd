"""Who an act is aimed at when none of its argument phrases names a target.

Two conventions of CAMEO and PLOVER coders that the argument phrases miss:

- an act made *conditional* on another actor ("will boycott the elections unless the
  president steps down", "threatened a strike unless Israel rescinds the annexation")
  is aimed at the actor the condition asks something of: the subject of the
  ``unless`` clause;
- a protest (CAMEO root 14) with no target is aimed at the authorities the sentence
  names ("blocked roads to press their demands on President Bouteflika's
  government"): protesters address the state, not the street.

Both only fill a missing target; the actor comes from the dictionaries as always.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from eventwire.events.acts import THREAT_HEADS
from eventwire.events.arguments import MentionIndex, actors_of
from eventwire.events.targets import refers_to_source
from eventwire.model import ActorMention

CONDITION_MARKS = frozenset({"unless"})
THREAT_MARKS = frozenset({"if"})
"""A threat's condition: what the threatened actor must not do."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
AUTHORITY_ROLES = frozenset({"GOV", "LEG", "JUD"})
PROTEST_ROOT = "14"
LEVELS = 3
"""Verbs above the trigger searched for a condition ("threatened to hold a strike
unless ...": the clause may hang on "threatened" or on "hold")."""


def _governing(token: Token) -> list[Token]:
    chain = [token]
    while len(chain) < LEVELS and chain[-1].dep_ in ("xcomp", "ccomp", "conj", "advcl"):
        chain.append(chain[-1].head)
    return chain


def condition_subjects(token: Token) -> list[Token]:
    """Subjects of an ``unless`` clause on the trigger or the verbs just above it, or
    of an ``if`` clause anywhere in a threat, as the parser hangs it on whichever verb
    is nearest ("threatened to stop talks to reduce arms if the United States goes
    ahead")."""
    chain = _governing(token)
    for verb in chain:
        found = _marked_subjects(verb.children, CONDITION_MARKS)
        if found:
            return found
    threat = next((verb for verb in chain if verb.lemma_.lower() in THREAT_HEADS), None)
    return [] if threat is None else _marked_subjects(threat.subtree, THREAT_MARKS)


def _marked_subjects(clauses: Iterable[Token], marks: frozenset[str]) -> list[Token]:
    """The subjects of the first adverbial clause with one of ``marks`` that has any."""
    for clause in clauses:
        if clause.dep_ != "advcl":
            continue
        if not any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
    return []


def addressees(token: Token, code: str, index: MentionIndex,
               sources: Sequence[ActorMention]) -> list[ActorMention]:
    """The target an act is aimed at by the conventions above, or none."""
    conditional = [a for a in actors_of(condition_subjects(token), index)
                   if not refers_to_source(sources, a)]
    if conditional:
        return conditional
    if not code.startswith(PROTEST_ROOT) or not sources:
        return []
    for other in token.sent:
        mention = index.at(other)
        if (mention is not None and AUTHORITY_ROLES & set(mention.roles)
                and not refers_to_source(sources, mention)):
            return [mention]
    return []
