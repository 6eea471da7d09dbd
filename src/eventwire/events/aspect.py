"""Verbs of phase and pace, whose event noun names the act itself.

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

from spacy.tokens import Token

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
