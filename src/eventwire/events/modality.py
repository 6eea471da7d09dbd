"""Did the event happen as stated?  Negation, hypotheticals, future and reports.

Counting an event that did not happen is the false positive event data users
complain about most: "any further invasion would have massive consequences" names
an invasion that has not taken place.  The flags are read from the trigger and the
chain of verbs that governs it, so a conditional or a modal higher up in the clause
also covers the verbs below it.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.acts import is_deontic, is_infinitive, is_subjunctive
from eventwire.events.arguments import gerund_listed_after
from eventwire.events.documents import rejected_document_act
from eventwire.model import Modality

HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
TEMPORAL_MARKS = frozenset({"until", "till", "before", "once", "after", "when"})
"""Marks of a clause that is hypothetical when its verb is in the simple present."""
HYPOTHETICAL_HEADS = frozenset(
    {
        "need", "want", "hope", "seek", "try", "aim", "wish", "urge", "call", "demand",
        "ask", "propose", "suggest", "offer", "consider", "fail", "refuse", "decline", "avoid",
        "prevent", "deny", "exclude", "threaten", "plan", "intend", "prepare", "vow",
        "pledge", "promise", "expect", "agree", "attempt", "warn", "fear",
        "justify", "order", "allow", "encourage", "persuade", "press", "pressure", "invite",
        "depend",
        "willing", "ready", "prepared", "determined", "eager", "keen", "commit", "undertake",
        "likely", "unlikely", "poise", "poised", "slate", "slated", "suppose", "supposed",
    }
)  # fmt: skip
"""Verbs whose complement names an event that has not (yet) happened."""
FUTURE_HEADS = frozenset(
    {"plan", "intend", "prepare", "vow", "pledge", "promise", "expect", "agree",
     "schedule", "set", "threaten", "going", "poise", "poised", "slate", "slated"}
)  # fmt: skip
UNREAL_MODIFIERS = frozenset(
    {"any", "possible", "alleged", "potential", "hypothetical", "future", "planned",
     "imminent", "proposed", "further", "would-be", "no", "purported"}
)  # fmt: skip
"""Modifiers that make an event noun unreal ("any further invasion", "alleged attack")."""
ALLEGING_VERBS = frozenset({"allege", "claim", "accuse", "suspect", "rumour", "rumor"})
"""Verbs whose complement is contested: "a report alleged that X helped kill" codes the
allegation (an accusation), while the alleged act stays uncounted."""
ALLEGING_NOUNS = frozenset({
    "allegation", "accusation", "claim", "charge", "rumour", "rumor", "suspicion",
    "speculation", "assertion", "insinuation",
})  # fmt: skip
"""Nouns whose "that" clause is contested: "rejected an allegation that he raped a girl"
tells of the allegation, not of a rape."""
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
REPORTING_VERBS = frozenset(
    {"say", "tell", "add", "stress", "note", "state", "claim", "report", "announce",
     "insist", "emphasize", "emphasise", "highlight", "declare", "assert", "allege",
     "accuse", "reply", "respond", "confirm", "deny", "argue", "believe", "think",
     "suggest", "write", "explain", "acknowledge", "admit", "maintain", "warn"}
)  # fmt: skip


def _aux_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass", "neg")}


def _is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never",) for c in token.children) or any(
        c.lower_ == "no" and c.dep_ == "det" for c in token.children
    )


def _governing_chain(token: Token) -> list[Token]:
    """The trigger and the verbs above it up to its clause root."""
    chain = [token]
    node = token
    while node.head.i != node.i and node.dep_ in ("xcomp", "conj", "ccomp", "advcl", "pcomp",
                                                 "acl", "dobj", "pobj", "nsubj", "prep", "dep"):
        node = node.head
        chain.append(node)
    return chain


def _conditional(token: Token) -> bool:
    for node in _governing_chain(token):
        if node.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & CONDITIONAL_MARKS or (marks & TEMPORAL_MARKS and _simple_present(node)):
            return True
    return False


AHEAD = frozenset({"next", "tomorrow", "later", "coming"})
"""Words that date a clause ahead of the report ("next month", "later this week")."""


def _dated_ahead(verb: Token) -> bool:
    """Whether the clause's own time words put it ahead ("would hold talks next month"):
    a "would" so dated is a plan, not a hypothetical."""
    return any(
        child.dep_ in ("npadvmod", "advmod", "prep", "tmod")
        and any(t.lower_ in AHEAD for t in child.subtree)
        for child in verb.children
    )


def _simple_present(verb: Token) -> bool:
    """A verb in the simple present, active or passive: in a temporal clause of a news
    report ("until a new government takes over", "until their demands are met") it
    speaks of the future."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries:
        return verb.tag_ in ("VBZ", "VBP")
    passive = len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass"
    return passive and auxiliaries[0].tag_ in ("VBZ", "VBP")


def modality_of(token: Token, nominal: bool, quoted: bool) -> Modality:
    """The modality flags of the event carried by ``token``."""
    chain = _governing_chain(token)
    negated = _is_negated(token)
    aux = _aux_words(token)
    clause = token
    if token.dep_ == "acomp":  # "should have been concerned": the copula's marks
        clause = token.head
        negated = negated or _is_negated(clause)
        aux |= _aux_words(clause)
    conditional = _conditional(token)
    future = bool(aux & FUTURE_AUX)
    if "would" in aux and not conditional and (_reported_clause(clause) or _dated_ahead(clause)):
        # "said it would allow", "would hold talks next month": the future of the past
        aux, future = aux - {"would"}, True
    hypothetical = conditional or bool(aux & HYPOTHETICAL_AUX)
    reported = quoted
    for upper, lower in zip(chain[1:], chain, strict=False):
        if _main_clause_hung_on_subordinate(upper, lower):
            break
        lemma = upper.lemma_.lower()
        complement = lower.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "dep", "prep")
        if complement and lemma in HYPOTHETICAL_HEADS:
            hypothetical = True
            future = future or lemma in FUTURE_HEADS
        hypothetical = hypothetical or is_subjunctive(lower)
        if lower.dep_ in ("xcomp", "conj") and _is_negated(upper):
            negated = negated or lower.dep_ == "xcomp"
        if lower.dep_ in ("ccomp", "parataxis") and lemma in REPORTING_VERBS:
            reported = True
        if lower.dep_ in ("ccomp", "parataxis", "xcomp") and lemma in ALLEGING_VERBS:
            hypothetical = True  # an allegation is not an established event, nor a
            # claim about oneself ("claimed to have shot down a jet")
        if upper.pos_ == "NOUN" and lemma in ALLEGING_NOUNS and _content_clause(lower):
            hypothetical = True
        if _aux_words(upper) & HYPOTHETICAL_AUX and lower.dep_ in ("xcomp", "conj"):
            # a conjunct with a modal of its own ("would step up ... and would hold
            # talks next month") has its own modality
            modal = _aux_words(lower) & (HYPOTHETICAL_AUX | FUTURE_AUX)
            hypothetical = hypothetical or not (lower.dep_ == "conj" and modal)
    if nominal:
        hypothetical = hypothetical or _unreal_noun(token)
    hypothetical = hypothetical or _purpose(token) or rejected_document_act(token)
    hypothetical = hypothetical or (not nominal and is_deontic(token))
    if token.dep_ == "nsubj" and _aux_words(token.head) & HYPOTHETICAL_AUX:
        hypothetical = True
    return Modality(negated=negated, hypothetical=hypothetical, future=future, reported=reported)


SUBORDINATORS = frozenset({"after", "before", "since", "until", "when", "while", "as"})


def _main_clause_hung_on_subordinate(upper: Token, lower: Token) -> bool:
    """Whether ``lower``, parsed as the complement of ``upper``, is the sentence's main
    clause: in "peacekeepers began deploying, hours after Kenya agreed to halt fighting"
    the parser made "agreed" the root and "began" its complement, so the deployment
    read as agreed to; a complement never stands before its verb's "after"."""
    if lower.dep_ != "ccomp" or lower.i > upper.i:
        return False
    return any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS and lower.i < c.i < upper.i
               for c in upper.children)


def _content_clause(verb: Token) -> bool:
    """Whether a clause under a noun says what the noun holds ("the allegation that he
    raped"), not which one it is ("the allegations directed against Russia")."""
    if verb.dep_ == "ccomp":
        return True
    finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD")
    return verb.dep_ == "acl" and (finite or any(c.dep_ == "mark" for c in verb.children))


def _reported_clause(token: Token) -> bool:
    """Whether ``token`` heads (or is coordinated in) the content of reported speech."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in REPORTING_VERBS


AIM_LINKS = frozenset({"xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "dep"})
"""Links from a verb to the clause that governs it as part of the same aim; an adverbial
clause of its own ("after Russia seized Crimea") is not part of it."""


OCCASIONS = frozenset(
    {"summon", "call", "telephone", "phone", "meet", "visit", "receive", "host", "write",
     "invite", "convene", "gather"}
)  # fmt: skip
"""Acts that bring parties together, so that what they are for is said there."""
SAID_AIMS = frozenset(
    {"complain", "protest", "express", "apologize", "apologise", "congratulate",
     "condemn", "thank", "convey", "raise", "voice", "explain", "brief", "deliver",
     "offer", "reiterate", "reaffirm", "demand", "ask", "urge", "press", "warn", "lodge",
     "register", "file"}
)  # fmt: skip
"""Speech acts that are performed by the meeting, call or summons that they are the
aim of: "summoned the ambassador to complain" complained.  Discussing is left out:
"met to discuss X" is the meeting itself, and X is its topic, not a party."""


def _said_on_occasion(aim: Token) -> bool:
    """Whether a purpose clause names what was said at the occasion that governs it."""
    occasion = aim.head
    if aim.lemma_.lower() not in SAID_AIMS or occasion.lemma_.lower() not in OCCASIONS:
        return False
    return not _aux_words(occasion) & (HYPOTHETICAL_AUX | FUTURE_AUX)  # it took place


def _purpose(token: Token) -> bool:
    """ "... began a strike to demand X": the demand is the aim, not yet an event, and so
    is what the aim governs ("offered troops to help him oust the general")."""
    node = token
    while True:
        if node.dep_ in ("advcl", "acl") and is_infinitive(node):
            return not _said_on_occasion(node)
        if node.head.i == node.i or node.dep_ not in AIM_LINKS:
            break
        node = node.head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    preposition = gerund_listed_after(token)
    if preposition is not None:
        return preposition.head.lower_ not in FACTIVE_ADJECTIVES
    while token.dep_ in ("xcomp", "ccomp") and token.head.i != token.i:
        token = token.head  # "jailed for helping militants [attack] X": in the charge too
    if token.dep_ == "pcomp" and token.head.lower_ == "with":
        return token.head.head.lemma_.lower() in CHARGING_VERBS  # "charged X with aiding"
    if token.dep_ != "pcomp" or token.head.lower_ not in ("for", "of"):
        return False
    return token.head.head.lower_ not in FACTIVE_ADJECTIVES  # "guilty of violating" did


CHARGING_VERBS = frozenset({"charge", "indict"})
"""Verbs whose "with" gerund is the charge, not an established act: "charged its
neighbour with supporting dissidents" supports no one, as "accused it of" does not."""


FACTIVE_ADJECTIVES = frozenset({"guilty", "responsible", "culpable"})
"""Adjectives whose "of"/"for" gerund happened: "was guilty of violating the truce"."""


def _unreal_noun(noun: Token) -> bool:
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "advmod", "nummod")}
    return bool(modifiers & UNREAL_MODIFIERS)
