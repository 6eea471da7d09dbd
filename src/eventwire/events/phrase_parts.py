"""Parts of an argument phrase the parse leaves apart from it.

A reduced passive names whose act its noun is: "prevented the demonstration staged by
students" acts on the students, as "the students' demonstration" would.  And an
object that is knowledge has a topic, not a target: "shared information Friday on
missing people" tells about them, though the parser hangs "on" on the verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token


def own_phrase(token: Token, head: Token) -> Token:
    """Where a role found in a phrase looks for its country: the whole phrase, but only
    its own words when found as a participle's doer ("a protest staged by students ...
    against sending troops to Iraq" names no Iraqi students)."""
    word = token
    while word.i != head.i and word.head.i != word.i:
        if word.dep_ == "agent":
            return token
        word = word.head
    return head


def reduced_passive(token: Token) -> bool:
    """A participle on a noun without a subject of its own ("a rally staged by ...",
    "violations being committed by ..."), not a clause of its own ("hopes that X could
    be drawn by ...")."""
    if token.dep_ != "acl" or token.tag_ != "VBN":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)


def participle_agents(participle: Token) -> list[Token]:
    """The "by" objects of a passive participle: whose act the noun it modifies is."""
    return [o for c in participle.children if c.dep_ == "agent"
            for o in c.children if o.dep_ == "pobj"]


TOPIC_NOUNS = frozenset({
    "information", "intelligence", "evidence", "data", "view", "detail", "idea", "opinion",
    "experience", "expertise", "knowledge", "document",
})  # fmt: skip
"""Objects that are said or shown about something: "shared information Friday on
missing people" is about them, though the parser hangs the "on" phrase on the verb
("expressed concern over X" is aimed at X, so concern is none of them)."""
KNOWLEDGE_TOPIC_PREPOSITIONS = frozenset({"on", "about", "over"})


def without_topics(objects: Sequence[Token], preps: tuple[str, ...]) -> tuple[str, ...]:
    """The verb's target prepositions, less those that give its object's topic."""
    if not any(o.lemma_.lower() in TOPIC_NOUNS for o in objects):
        return preps
    return tuple(p for p in preps if p not in KNOWLEDGE_TOPIC_PREPOSITIONS)
