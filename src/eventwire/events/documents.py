"""Documents that speak for their issuers.

"Amnesty issued a statement calling on the government to act" is Amnesty's appeal:
the participle says what the statement does, and the statement speaks for whoever
issued it.  This module tells such participles from those that say how a document
came about ("a report released on Tuesday"), and where the issuer is named.  A
document that was voted down says nothing for anyone: "Russia vetoed a resolution
condemning Syria" is Russia's veto (129), and no condemnation (111) took place.
"""

from __future__ import annotations

from spacy.tokens import Token

DOCUMENT_NOUNS = frozenset(
    {"statement", "resolution", "letter", "communique", "communiqué", "declaration",
     "message", "report", "motion", "petition", "decree", "note", "release", "memo"}
)  # fmt: skip
"""Documents that speak for whoever issued them."""

ISSUING_VERBS = frozenset(
    {"issue", "release", "publish", "adopt", "pass", "approve", "sign", "send", "deliver",
     "present", "submit", "make", "put", "circulate", "post", "read", "file", "table"}
)  # fmt: skip
"""Verbs whose subject is the author of the document they take ("issued a statement";
not "investigated a report")."""
PUBLISHING_VERBS = frozenset({"issue", "release", "publish", "circulate", "post"})
"""The issuing verbs that only make a document public, and so say what it says;
adopting, passing or signing one is a decision with readings of its own."""


def document_act(verb: Token) -> bool:
    """Whether ``verb`` is what a document does ("a statement calling on X", "a
    resolution condemning Y"), not how it came about ("a report released Tuesday")."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in DOCUMENT_NOUNS


REJECTING_VERBS = frozenset(
    {"veto", "reject", "block", "defeat", "scrap", "shelve", "withdraw", "kill"}
)  # fmt: skip
"""Verbs whose object, a document, is not adopted ("vetoed a resolution")."""


def rejected_document_act(verb: Token) -> bool:
    """Whether ``verb`` is what a document would have done had it not been rejected
    ("vetoed a resolution condemning X", "a resolution calling for Y was defeated")."""
    if not document_act(verb):
        return False
    document = verb.head
    rejected = document.dep_ in ("dobj", "nsubjpass")
    return rejected and document.head.lemma_.lower() in REJECTING_VERBS


def document_owners(noun: Token) -> list[Token]:
    """The document's possessor or name-giver ("the EU's statement", "a Fox News
    report"), who issued it."""
    return [c for c in noun.children if c.dep_ in ("poss", "compound")]


def issuing_verb(noun: Token) -> Token | None:
    """The verb whose subject issued the document: the one that issued it ("Kenya
    issued a statement") or the one said in it ("Kenya said in a statement")."""
    governor = noun.head
    if noun.dep_ == "dobj" and governor.lemma_.lower() in ISSUING_VERBS:
        return governor
    if noun.dep_ == "pobj" and governor.lower_ == "in" and governor.head.pos_ == "VERB":
        return governor.head
    return None
