"""Event nouns and the verbs that govern them: verbs of phase and pace name the act itself,
coded verbs take the noun into their own event.

"began the withdrawal of its troops" or "speeded up the withdrawal" withdrew troops,
and "the riots are continuing" tells of riots: a verb that starts, continues,
completes or hastens an act says that the act takes place, so the noun is coded as
the act (CAMEO codes what is done, not its phase), with the verb's modality ("did not
begin the withdrawal" withdrew nothing) and, for an object, the verb's subject as its
source.  Verbs that stop, delay or prevent an act are left out: "halted the
withdrawal" withdrew nothing.  Where the dictionary codes the verb with the noun
("began talks", START * TALKS), that reading is the event.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwire.events.modality import REPORTING_VERBS

PHASE_VERBS = frozenset(
    {"begin", "start", "commence", "continue", "resume", "complete", "finish",
     "speed", "accelerate", "hasten", "expedite", "quicken"}
)  # fmt: skip


def phase_verb(noun: Token) -> Token | None:
    """The verb of phase or pace whose direct object ``noun`` is ("began the
    withdrawal"), or whose subject it is when the verb takes no object ("the riots
    are continuing"), if any."""
    head = noun.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in PHASE_VERBS:
        return None
    if noun.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in head.children):
        return head
    return head if noun.dep_ == "dobj" else None


def governed_by_verb(noun: Token, coded: Callable[[str], object]) -> bool:
    """An event noun that is the object of a coded verb is part of that verb's event
    ("signed an agreement"); reporting verbs only tell of it ("announced talks")."""
    head = noun.head
    if noun.dep_ == "pobj":
        head = head.head
    lemma = head.lemma_.lower()
    return head.pos_ == "VERB" and bool(coded(lemma)) and lemma not in REPORTING_VERBS
