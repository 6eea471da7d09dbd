"""Two misreadings of the small parser that lose an event's arguments.

The object of a preposition the parser left without one.

In "granted asylum to five army officers holed up in a residence" the small English
model reads "five army officers" as the subject of "holed up", a clause of its own
hung on the verb, and leaves "to" with no object: the officers, to whom asylum was
granted, are lost as the target.  A preposition of the verb with no object whose next
words are the subject of a clause on the same verb takes that subject back.

A main verb read as a participle: in "The air force carried out three strikes" the
parser may take "carried" for a reduced passive on the noun ("the air force [that
was] carried"), which makes the air force the target.  A passive participle takes no
direct object, so one with an object is the noun's own act.
"""

from __future__ import annotations

from spacy.tokens import Token

CLAUSES = frozenset({"advcl", "ccomp", "acl", "relcl", "xcomp"})
NOUN_MODIFIERS = frozenset({"det", "nummod", "amod", "compound", "quantmod", "poss"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def stranded_object(prep: Token, objects: frozenset[str]) -> list[Token]:
    """The phrase right after ``prep`` when the parser made it a following clause's
    subject and gave ``prep`` no object of its own (``objects`` are the object deps)."""
    if any(c.dep_ in objects for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    head = prep.doc[prep.i + 1]
    while head.dep_ in NOUN_MODIFIERS and head.head.i > head.i:
        head = head.head
    if head.dep_ not in SUBJECTS or head.pos_ not in ("NOUN", "PROPN"):
        return []
    clause = head.head
    return [head] if clause.dep_ in CLAUSES and clause.head.i == prep.head.i else []


def active_participle(verb: Token) -> bool:
    """Whether a past participle hung on a noun has a direct object, and so is the
    noun's act, not something done to it ("the air force carried out strikes")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "dobj" for c in verb.children)
