"""Speech acts derived from the grammar: demands, intents, appeals, refusals.

Each maps the code of the act spoken about onto CAMEO's parallel subcodes: root 10
(demand), 03 (intent) and 13 (threat), 02 (appeal), 12 (reject).

Diplomatic speech seldom uses the verb "demand"; it says what the other side must,
should or needs to do.  The embedded event (a withdrawal) has not happened and is
flagged hypothetical, but the speech act is real: the speaker demands it of the
subject.  The demand's CAMEO code follows from the code of the demanded event, by
the parallel structure of CAMEO's root 10 (demand) and the roots it asks for.
"""

from __future__ import annotations

from spacy.tokens import Token

DEONTIC_AUX = frozenset({"must", "should", "ought"})
DEONTIC_HEADS = frozenset({"need", "have", "must"})

_BY_PREFIX: tuple[tuple[str, str], ...] = (
    ("0871", "107"),
    ("0874", "106"),
    ("087", "1056"),
    ("081", "1051"),
    ("082", "1052"),
    ("083", "104"),
    ("084", "1053"),
    ("085", "1054"),
    ("086", "1055"),
    ("08", "100"),
    ("04", "108"),
    ("07", "103"),
    ("06", "1011"),
    ("05", "102"),
)
"""Demanded event code prefix → CAMEO demand code (CAMEO manual, root 10)."""

WITHDRAW_LEMMAS = frozenset({"withdraw", "pull", "retreat", "leave", "evacuate"})


def has_infinitive(verb: Token) -> bool:
    return any(
        c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        for c in verb.children
    )


def is_deontic(token: Token) -> bool:
    """Whether ``token`` is what someone must/should/needs to do.

    Besides "needs to A", the small English model often attaches the B of "needs to
    A, B and C" to "needs" itself (as conj or dep), so a verb coordinated with an
    obligation verb that has an infinitive counts too.
    """
    node = token
    while True:
        if any(c.dep_ == "aux" and c.lower_ in DEONTIC_AUX for c in node.children):
            return True
        head = node.head
        obliging = head.lemma_.lower() in DEONTIC_HEADS and has_infinitive(head)
        if node.dep_ in ("xcomp", "advcl") and obliging:
            return True
        if node.dep_ in ("conj", "dep") and obliging and head.i != node.i:
            return True
        if node.dep_ != "conj" or head.i == node.i:
            return False
        node = head


def demand_code(demanded: str, lemma: str) -> str:
    """The demand code for a demanded event of code ``demanded``."""
    if lemma in WITHDRAW_LEMMAS:
        return "106"
    for prefix, code in _BY_PREFIX:
        if demanded.startswith(prefix):
            return code
    return "100"


INTENT_HEADS = frozenset(
    {"agree", "pledge", "promise", "vow", "offer", "plan", "intend", "prepare",
     "commit", "undertake", "consent", "resolve", "volunteer", "aim", "seek", "want", "hope",
     "expect", "threaten", "willing", "ready", "prepared", "determined", "eager", "keen"}
)  # fmt: skip
"""Commissives: "X agreed to withdraw" is X's expressed intent to withdraw."""
THREAT_HEADS = frozenset({"threaten"})
"""Commissives whose content is a threat, whatever the act threatened."""
INVITE_HEADS = frozenset({"invite"})
"""'X invited Y to visit' expresses X's readiness to receive Y."""
APPEAL_HEADS = frozenset(
    {"urge", "ask", "call", "appeal", "press", "encourage", "persuade", "want",
     "request", "implore", "exhort"}
)  # fmt: skip
"""Directives: "X urged Y to withdraw" is X's appeal to Y."""
PRESSURE_HEADS = frozenset({"pressure", "pressurise", "pressurize"})
"""Directives with insistence: "X pressured Y to withdraw" is X's demand of Y."""

_INTENT_BY_PREFIX: tuple[tuple[str, str], ...] = (
    ("071", "0331"), ("072", "0332"), ("073", "0333"), ("074", "0334"), ("07", "033"),
    ("081", "0351"), ("082", "0352"), ("083", "034"), ("084", "0353"), ("085", "0354"),
    ("086", "0355"), ("087", "0356"), ("08", "035"),
    ("061", "0311"), ("062", "0312"), ("063", "0313"), ("064", "0314"), ("06", "031"),
    ("05", "032"), ("04", "036"), ("03", ""), ("14", "133"), ("15", "138"), ("16", "131"),
    ("17", "137"), ("18", "138"), ("19", "138"), ("20", "138"),
)  # fmt: skip
"""Intended event → CAMEO intent (root 03) or threat (root 13) code; "" keeps the code."""
_APPEAL_BY_PREFIX: tuple[tuple[str, str], ...] = (
    ("071", "0231"), ("072", "0232"), ("073", "0233"), ("074", "0234"), ("07", "023"),
    ("081", "0251"), ("082", "0252"), ("083", "024"), ("084", "0253"), ("085", "0254"),
    ("086", "0255"), ("087", "0256"), ("08", "025"),
    ("061", "0211"), ("062", "0212"), ("063", "0213"), ("064", "0214"), ("06", "021"),
    ("05", "022"), ("04", "026"), ("03", "020"),
)  # fmt: skip
"""Event asked for → CAMEO appeal (root 02) code, by the parallel subcodes of CAMEO."""


def _mapped(code: str, table: tuple[tuple[str, str], ...]) -> str | None:
    for prefix, mapped in table:
        if code.startswith(prefix):
            return mapped or code
    return None


def intent_code(intended: str) -> str | None:
    """The intent or threat code for an intended event, None when CAMEO has none."""
    return _mapped(intended, _INTENT_BY_PREFIX)


def threat_code(threatened: str) -> str:
    """What a threat to do something is: a CAMEO threat (root 13) whatever is
    threatened, the specific one when CAMEO has it ("threatened to strike" → 138) and
    otherwise 130; "threatened to stop the talks" is no intent to cooperate."""
    code = intent_code(threatened)
    return code if code is not None and code.startswith("13") else "130"


def appeal_code(asked: str) -> str | None:
    """The appeal code for an event one actor asks another to carry out.  CAMEO has
    parallel appeal codes only for cooperation; asking for anything else ("urged them
    to attack") is an appeal not specified further (020).  Asking for a statement or
    an appeal is no act of its own (None)."""
    if asked[:2] in ("01", "02"):
        return None
    return _mapped(asked, _APPEAL_BY_PREFIX) or "020"


EVIDENTIALS = frozenset({
    "say", "expect", "believe", "think", "report", "know", "suppose", "allege", "rumor",
    "rumour", "understand", "estimate", "predict", "forecast", "reckon", "presume",
})  # fmt: skip
"""Verbs that, in the passive with an infinitive ("Kenya is said to have attacked",
"is expected to sign", "expected to be joined"), report unnamed others' word about
the subject: no act of the subject's, no speech of anyone the text names."""


def evidential_passive(token: Token) -> bool:
    """Whether ``token`` is a passive report about its subject's own act."""
    if token.lemma_.lower() not in EVIDENTIALS or token.tag_ != "VBN":
        return False
    deps = {child.dep_ for child in token.children}
    passive = "auxpass" in deps or token.dep_ in ("acl", "advcl", "relcl")
    return passive and "xcomp" in deps


def governing_head(token: Token) -> Token | None:
    """The verb whose open complement ``token`` is ("agreed to [withdraw]")."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("xcomp",) and node.head.i != node.i:
        return node.head
    if node.dep_ == "ccomp" and _infinitive_with_subject(node):
        return node.head  # "wants Putin to attack", parsed as a clause of its own
    return None


def claims_about_itself(verb: Token) -> bool:
    """Whether ``verb`` is "claim" said by its subject of itself ("claimed to have shot
    down a jet"), not others' claim ("is claimed to be preparing")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return verb.lemma_.lower() == "claim" and not passive


def is_infinitive(verb: Token) -> bool:
    """Whether the verb itself is a to-infinitive ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


CAUSATIVE_HEADS = frozenset({
    "make", "let", "have", "help", "see", "watch", "hear", "feel", "show", "notice",
    "observe", "witness",
})  # fmt: skip
"""Verbs whose bare complement happened: "the offensive made Russia withdraw", "video
shows a Ukrainian vehicle take on a tank"."""


def is_subjunctive(clause: Token) -> bool:
    """ "insisted that France withdraw its troops", "demanded that the troops be
    withdrawn": a bare verb with a subject of its own and no tense is what is asked
    for, not what was done (unless a causative verb governs it); so is a bare verb
    after "for" ("pushing for the US support its plan", "to" left out)."""
    asked_for = clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
    if clause.dep_ != "ccomp" and not asked_for:
        return False
    if clause.head.lemma_.lower() in CAUSATIVE_HEADS:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries:
        return clause.tag_ == "VB"
    return [a.lower_ for a in auxiliaries] == ["be"]  # "that the troops be withdrawn"


def _infinitive_with_subject(verb: Token) -> bool:
    return is_infinitive(verb) and any(c.dep_ == "nsubj" for c in verb.children)


_REFUSAL_BY_PREFIX: tuple[tuple[str, str], ...] = (
    ("03", "120"), ("04", "125"), ("05", "120"), ("06", "121"), ("07", "122"),
    ("083", "123"), ("08", "124"),
)  # fmt: skip
"""A cooperative act someone says they do not do → CAMEO reject (root 12) code."""


def refusal_code(refused: str) -> str | None:
    """The rejection code for a negated cooperative event ("will not accept")."""
    return _mapped(refused, _REFUSAL_BY_PREFIX)
