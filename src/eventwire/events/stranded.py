"""The object of a preposition the parser left without one.

In "granted asylum to five army officers holed up in a residence" the small English
model reads "five army officers" as the subject of "holed up", a clause of its own
hung on the verb, and leaves "to" with no object: the officers, to whom asylum was
granted, are lost as the target.  A preposition of the verb with no object whose next
words are the subject of a clause on the same verb takes that subject back.
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
