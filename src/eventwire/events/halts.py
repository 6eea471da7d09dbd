"""Acts that a sentence names only to say that they stop: "a pause in the bombing".

A pause, halt or lull in an act, a moratorium or a ban on it, and "stopped bombing"
tell that the act is not going on; CAMEO codes the stopping, when anyone does it (087,
de-escalate military engagement; 165, halt negotiations; 0871, declare a truce), and
never the act itself.  Coding the act's own code (190 for "a pause in the bombing in
Aleppo") counts the very violence the news says has paused, so the act's word is not
coded; the word of the stopping keeps its own reading ("suspended talks", "called for a
halt to the shelling", "announced the suspension of talks": 165, 027, 160).
"""

from __future__ import annotations

from spacy.tokens import Token

STOPPING_NOUNS = frozenset({
    "pause", "halt", "lull", "cessation", "suspension", "stop", "stoppage", "moratorium",
    "break", "respite", "letup", "let-up", "hiatus", "interruption", "freeze", "truce",
    "ceasefire", "cease-fire", "ban", "prohibition",
})  # fmt: skip
"""Nouns of an act that stops or is forbidden: "a lull in the fighting", "a ban on
protests", "the suspension of talks"."""
END_NOUNS = frozenset({"end"})
"""Nouns of stopping only before "to" ("an end to the shelling"): "the end of the talks"
also dates what happened ("at the end of the talks, they signed")."""
STOPPING_PREPOSITIONS = frozenset({"in", "of", "on", "to", "from"})
STOPPING_VERBS = frozenset({
    "stop", "cease", "halt", "quit", "suspend", "pause", "discontinue",
})  # fmt: skip
"""Verbs whose gerund is the act they stop: "Russia stopped bombing Aleppo"."""


def halted(token: Token) -> bool:
    """Whether the act ``token`` names is told as one that stops or is forbidden."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "a halt to the bombing and the shelling"
    if token.dep_ == "xcomp" and token.tag_ == "VBG":
        return token.head.lemma_.lower() in STOPPING_VERBS
    if token.dep_ != "pobj" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    preposition = token.head
    if preposition.lower_ not in STOPPING_PREPOSITIONS:
        return False
    nouns = [preposition.head]
    if preposition.i > 0:  # "announced a halt to the bombing", "to" hung on the verb
        nouns.append(preposition.doc[preposition.i - 1])
    return any(_stopping(noun, preposition) for noun in nouns)


def _stopping(noun: Token, preposition: Token) -> bool:
    if noun.pos_ != "NOUN":
        return False
    word = noun.lemma_.lower()
    return word in STOPPING_NOUNS or (word in END_NOUNS and preposition.lower_ == "to")
