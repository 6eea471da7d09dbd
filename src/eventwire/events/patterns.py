"""Matching PETRARCH verb patterns against the parse of one clause.

PETRARCH matched its patterns against the flat words of a Treebank phrase.  Here a
pattern is matched against the words of the trigger's own clause, taken from the
dependency parse: the words after ``*`` must occur, in order, among the clause's
words that follow the trigger (objects, prepositional phrases, open complements),
and the words before ``*`` among those that precede it; a trigger that is the
complement of another verb also has that verb's words before it ("X indicated it
deplored Y", "X is inching nearer to accord with Y").  Subordinate clauses and
coordinated verbs are left out, so a pattern cannot borrow a word from another event;
only a copular "that" clause ("allowed that X is a safe place"), which holds no event,
lends its words to the verb it completes.  The most specific pattern (most words
matched) wins, which is PETRARCH's own rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.acts import is_infinitive
from eventwire.lexicon.verbs import Element, VerbForm, VerbPattern

CLAUSE_BREAKS = frozenset(
    {"ccomp", "advcl", "relcl", "parataxis", "conj", "cc", "csubj", "acl", "punct", "mark"}
)
"""Children whose subtrees belong to another clause (or to no clause at all)."""
COMPLEMENTS = frozenset({"xcomp", "ccomp"})


@dataclass(frozen=True)
class PatternMatch:
    """A pattern that matched, with the tokens it used (for the evidence span)."""

    pattern: VerbPattern
    tokens: tuple[Token, ...]
    score: int


def token_forms(token: Token) -> tuple[str, str]:
    """The two spellings a dictionary word may match: lemma and lowercase text."""
    return token.lemma_.lower(), token.lower_


def clause_tokens(
    trigger: Token, complement: bool = False
) -> tuple[list[Token], list[Token]]:
    """Tokens of the trigger's clause before and after it, in text order; with
    ``complement``, the words of a copular complement clause after it count as its own."""
    before: list[Token] = []
    after: list[Token] = []
    for child in trigger.children:
        opened = complement and child.i > trigger.i and _copular_complement(child)
        if child.dep_ in CLAUSE_BREAKS and not opened and not _small_clause(child, trigger):
            after.extend(t for s in _raised_objects(child, trigger) for t in s.subtree)
            continue
        target = before if child.i < trigger.i else after
        target.extend(t for t in child.subtree if not _in_other_clause(t, child))
    before.extend(_governing_words(trigger))
    before.sort(key=lambda t: t.i)
    after.sort(key=lambda t: t.i)
    passive = [c for c in trigger.children if c.dep_ in ("nsubjpass", "csubjpass")]
    if passive:
        # "evidence was presented": the object words of the pattern are the subject here
        moved = [t for c in passive for t in c.subtree]
        before = [t for t in before if t not in moved]
        after = moved + after
    return before, after


def _raised_objects(child: Token, trigger: Token) -> list[Token]:
    """ "declared a state of siege to begin at midnight": the parser makes the object
    the subject of the infinitive after it, but it is what the verb acts on, and the
    verb's patterns may name it (``DECREE * STATE (OF SIEGE)``); so with a participle
    ("accept refugees fleeing the war", ``ACCEPT * &REFUGEE``)."""
    if child.dep_ != "ccomp" or child.i < trigger.i:
        return []
    if not (is_infinitive(child) or child.tag_ == "VBG"):
        return []  # "will not accept refugees fleeing X": the parser's small clause
    return [c for c in child.children if c.dep_ == "nsubj" and c.i < child.i]


def _small_clause(child: Token, trigger: Token) -> bool:
    """ "found the minister guilty", parsed as a clause whose head is the adjective: a
    verbless adjective after the verb says what the verb makes of its object and holds
    no event of its own, so the verb's patterns may name it (``FOUND * GUILTY``)."""
    if child.dep_ != "ccomp" or child.i < trigger.i or child.pos_ != "ADJ":
        return False
    return not any(c.dep_ in ("aux", "auxpass", "cop", "mark") for c in child.children)


def _copular_complement(child: Token) -> bool:
    """A "that" clause whose verb is "be" ("allowed that X is a safe place"): it says
    what the verb's object is like and holds no event of its own, so its words may
    complete the verb's patterns."""
    return child.dep_ == "ccomp" and child.lemma_.lower() == "be"


def _governing_words(trigger: Token) -> list[Token]:
    """The words before a complement clause in the clause that takes it: in "X is
    inching nearer to accord with Y" or "X indicated it deplored Y", the words that
    qualify the act ("inching nearer", "indicated") belong to the verb above it."""
    head = trigger.head
    if trigger.dep_ not in COMPLEMENTS or head.i == trigger.i or head.pos_ not in ("VERB", "AUX"):
        return []
    found = [head]
    for child in head.children:
        if child.i < trigger.i and child.dep_ not in CLAUSE_BREAKS:
            found.extend(t for t in child.subtree if not _in_other_clause(t, child))
    return [t for t in found if t.i < trigger.i]


def _in_other_clause(token: Token, top: Token) -> bool:
    node = token
    while node.i != top.i:
        if node.dep_ in ("relcl", "ccomp", "advcl", "parataxis"):
            return True
        node = node.head
    return False


HYPHENS = frozenset({"-", "\u2010", "\u2011"})


@dataclass(frozen=True)
class Clause:
    """The words on one side of a trigger, with what matching needs computed once.

    A block can hold a hundred patterns; reading lemmas and walking the parse once
    per clause instead of once per pattern keeps matching off the profile.
    """

    tokens: tuple[Token, ...]
    forms: tuple[tuple[str, ...], ...]
    free: tuple[bool, ...]
    vocabulary: frozenset[str]

    @classmethod
    def of(
        cls, tokens: Sequence[Token], noun: Token | None = None, trigger: Token | None = None
    ) -> Clause:
        """``noun``: the event noun the words follow, whose "of" phrase is its object;
        ``trigger``: the verb itself, whose own object is free even if it is a gerund."""
        hyphens = {t.i for t in tokens if _infix_hyphen(t)}
        kept = [t for t in tokens if t.i not in hyphens]
        forms = tuple(_clause_forms(t, t.i + 1 in hyphens) for t in kept)
        vocabulary = frozenset(word for pair in forms for word in pair)
        free = tuple(
            not in_prep_phrase(t, noun, trigger) or _clause_preposition(t) for t in kept
        )
        return cls(tuple(kept), forms, free, vocabulary)


def _infix_hyphen(token: Token) -> bool:
    """A hyphen spaCy split out of a word ("cease-fire" → cease, -, fire).  It is left
    out of the clause, so that the dictionary's "CEASE FIRE" matches, and the word
    before it also takes the hyphenated form, so that its "CEASE-FIRE" does too."""
    doc, i = token.doc, token.i
    if token.text not in HYPHENS or i == 0 or i + 1 >= len(doc) or token.whitespace_:
        return False
    return not doc[i - 1].whitespace_ and doc[i - 1].is_alpha and doc[i + 1].is_alpha


def _clause_forms(token: Token, hyphen_after: bool) -> tuple[str, ...]:
    forms = token_forms(token)
    if hyphen_after:
        return (*forms, f"{token.lower_}-{token.doc[token.i + 2].lower_}")
    return forms


def _clause_preposition(token: Token) -> bool:
    """A preposition of the clause itself or of its direct object: a pattern may name
    it as a bare word (``* + WITH FLUTES``, ``* THEIR ^ ABOUT +`` for "warned their
    people about X"), and the words after it then come from its phrase."""
    if token.dep_ not in ("prep", "agent", "dative"):
        return False
    head = token.head
    if head.dep_ == "dobj" and head.head.i != head.i:
        head = head.head
    return head.pos_ in ("VERB", "AUX")


def in_prep_phrase(
    token: Token, noun: Token | None = None, trigger: Token | None = None
) -> bool:
    """Whether a clause word sits inside a prepositional phrase of the clause.

    PETRARCH writes words that must be in a prepositional phrase inside ``( )``; a
    bare pattern word is an object or complement, so "said in a press release"
    must not match the pattern ``* RELEASE``.  The "of" phrase of an event ``noun``
    is its object instead: "a suspension of aid" is coded like "suspended aid".  What
    a gerund in such a phrase governs is in the phrase too ("ended mediation after
    extending a visit" ended no visit), unless the gerund is the ``trigger`` itself.
    """
    node = token
    while node.head.i != node.i and node.dep_ not in ("ROOT",):
        if node.dep_ in ("prep", "agent"):
            if node.lower_ == "of" and node.head.lemma_.lower() in CONTAINERS:
                node = node.head  # "a new round of joint exercises": the exercises
                continue
            if node.lower_ == "in" and _amount(node.head):
                node = node.head  # "$33 million in assistance": the assistance
                continue
            return not (noun is not None and node.lower_ == "of" and node.head.i == noun.i)
        if node.head.pos_ in ("VERB", "AUX"):
            gerund = _gerund_above(node.head, trigger)
            if gerund is None:
                return False
            node = gerund  # another gerund's object is in the phrase that gerund is in
            continue
        node = node.head
    return False


def _gerund_above(verb: Token, trigger: Token | None) -> Token | None:
    """The gerund of a prepositional phrase that ``verb`` is or completes ("from
    seeking to push through aid"), unless the trigger comes first on the way up."""
    node = verb
    while node != trigger and node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
    return node if node.dep_ == "pcomp" and node != trigger else None


AMOUNTS = frozenset({"million", "billion", "trillion", "dollar", "euro", "pound", "yuan", "yen"})


def _amount(token: Token) -> bool:
    """A sum of money, which "in" gives what it is in: "$33 million in assistance"."""
    return token.ent_type_ == "MONEY" or token.lemma_.lower() in AMOUNTS


CONTAINERS = frozenset({
    "round", "series", "wave", "spate", "string", "set", "batch", "number", "couple",
    "range", "host", "dozen", "dozens", "hundreds", "thousands", "group", "part",
    "package", "shipment", "consignment", "tranche", "amount", "lot", "worth", "ton",
    "tonne", "kg", "kilogram", "kilo", "litre", "liter", "gallon", "barrel", "some",
    "many", "most", "several", "all", "scores", "handful", "rest", "contingent",
    "detachment", "deployment", "percent", "cent", "half", "third", "bulk", "portion",
    "hour", "day", "week", "month", "team", "mission", "unit", "squad", "slate", "raft",
})  # fmt: skip
"""Nouns that only measure, count or group what their "of" phrase names: "began a round
of talks" began talks, "sent a shipment of arms" sent arms, "handed over $4 million
worth of medicine" handed over medicine, "expelled some of the peacekeepers" expelled
peacekeepers, "a contingent of peacekeepers arrived" is peacekeepers arriving,
"received a mission of observers" received observers, and "launched ten days of war
games" launched war games; "filed a slate of petitions" filed petitions."""


INSERTED_MODIFIERS = 2
"""Modifiers a noun phrase may hold between the words of a ``{...}`` phrase of a
pattern: ``{JOINT EXERCISE}`` is also "joint military exercise".  Words joined by
``_`` outside braces stay adjacent, as in TABARI ("closed" connectors)."""


def _word_at(
    clause: Clause, start: int, words: tuple[str, ...], limit: int, gaps: int = 0
) -> int:
    """Index past ``words`` if they occur in order from ``start``, with at most ``gaps``
    modifiers of the phrase between two of them; else -1."""
    index = start
    for offset, word in enumerate(words):
        if offset and gaps:
            index = _past_modifiers(clause, index, word, min(limit, index + gaps))
        if index >= limit or word not in clause.forms[index]:
            return -1
        index += 1
    return index


def _past_modifiers(clause: Clause, index: int, word: str, end: int) -> int:
    """The index of the next phrase word after the modifiers at ``index``."""
    while index < end and word not in clause.forms[index]:
        token = clause.tokens[index]
        if token.dep_ not in ("amod", "compound") or token.head.i <= token.i:
            break
        index += 1
    return index


def _find_words(
    clause: Clause,
    cursor: int,
    alternatives: tuple[tuple[str, ...], ...],
    free_only: bool = False,
    positions: Sequence[int] | None = None,
    gaps: int = 0,
) -> tuple[int, int] | None:
    candidates = [w for w in alternatives if w and w[0] in clause.vocabulary]
    if not candidates:
        return None
    indices = positions if positions is not None else range(len(clause.tokens))
    limit = len(clause.tokens)
    for index in indices:
        if index < cursor or (free_only and not clause.free[index]):
            continue
        for words in candidates:
            end = _word_at(clause, index, words, limit, gaps)
            if end >= 0:
                return index, end
    return None


def _find_prep(
    clause: Clause, cursor: int, element: Element, used: Sequence[Token] = ()
) -> tuple[int, int] | None:
    if element.prep not in clause.vocabulary:
        return None
    for index in range(cursor, len(clause.tokens)):
        token = clause.tokens[index]
        if token.lower_ != element.prep:
            continue
        if not element.alternatives:
            if time_phrase(token) or not _own_preposition(token, used, clause.tokens):
                continue
            return index, index + 1
        inside = [i for i in range(index + 1, len(clause.tokens))
                  if token.is_ancestor(clause.tokens[i])]
        found = _find_words(clause, index + 1, element.alternatives, positions=inside)
        if found is not None:
            return index, found[1]
    return None


def _own_preposition(
    token: Token, used: Sequence[Token] = (), clause: Sequence[Token] = ()
) -> bool:
    """A bare ``(FROM)`` names a phrase of the verb, of its object or of a word the
    pattern matched ("support those fighting against X": ``&FIGHT (AGAINST)``), not
    one inside another modifier: "returned songbirds captured from traders" or "a
    bookmark, a gift from Eva Braun, was returned" is no return from somewhere; nor is
    the phrase of an open complement's verb the pattern did not name: in "called
    Erdogan to apologize for the incident" the apology is for it, no "call for" (the
    trigger is never in its own ``clause``, so its own phrases stay its own when it is
    itself a complement: "is scheduled to attend a summit on X")."""
    if token.head in used:
        return True
    if token.head.dep_ == "xcomp" and token.head in clause:
        return False
    return token.head.dep_ not in ("acl", "appos")


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def time_phrase(preposition: Token) -> bool:
    """ "Putin called Macron on Tuesday": a phrase that only dates the act is not the
    phrase a bare ``(ON)`` of a pattern names, nor the particle of a phrasal verb
    (``CALL_ON``, "called on X", an appeal)."""
    return any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in preposition.children)


def match_elements(elements: Sequence[Element], clause: Clause) -> tuple[Token, ...] | None:
    """Match elements in order; return the tokens used, or None when one is missing."""
    cursor = 0
    used: list[Token] = []
    after_prep = False
    for element in elements:
        if element.kind in ("source", "target", "skip"):
            continue
        if element.kind == "prep":
            found = _find_prep(clause, cursor, element, used)
            after_prep = True
        else:
            gaps = INSERTED_MODIFIERS if element.kind == "phrase" else 0
            found = _find_words(clause, cursor, element.alternatives, not after_prep, gaps=gaps)
        if found is None:
            return None
        if element.kind == "prep":
            used.extend((clause.tokens[found[0]], clause.tokens[found[1] - 1]))
        else:
            used.extend(clause.tokens[found[0] : found[1]])
            after_prep = after_prep or _clause_preposition(clause.tokens[found[1] - 1])
        cursor = found[1]
    return tuple(used)


def _next_to(verb: Token | None, pattern: VerbPattern, before: Sequence[Token],
             after: Sequence[Token]) -> bool:
    """Whether words joined to ``*`` by ``_`` stand right next to the verb."""
    if verb is None:
        return True
    joined_before, joined_after = pattern.joined
    if joined_before and before and max(t.i for t in before) != verb.i - 1:
        return False
    return not (joined_after and after and min(t.i for t in after) != verb.i + 1)


def best_pattern(
    patterns: Sequence[VerbPattern], before: Clause, after: Clause, compound: bool = False,
    verb: Token | None = None, form: VerbForm | None = None,
) -> PatternMatch | None:
    """The most specific pattern whose words all occur around the trigger.

    A compound (``%``) pattern holds only when ``compound`` says the subject is a
    coordination of phrases; it may then have no words at all (``% * [030:030]``).
    With the ``verb`` given, words joined to ``*`` must be next to it.  With the
    verb's ``form`` given, a pattern the source wrote for another verb of the block
    loses ties to one written for this verb, and may not rest on particles alone:
    "head to" is a journey, "order X to" is not; nor may it say that this verb's clause
    is no event ("``* ELECTION [---]`` # CONTEST" does not silence "protesting election
    results").
    """
    best: PatternMatch | None = None
    best_key: tuple[int, int, int] | None = None  # _tie_key of ``best``, on a tie only
    for pattern in patterns:  # callers pass VerbBlock.patterns_for(...): same result, faster
        if pattern.compound and not compound:
            continue
        foreign = form is not None and not pattern.holds_for(form)
        if foreign and (pattern.particles_only or _no_event(pattern)):
            continue  # "contest an election" is no event; "protest election results" is
        if not pattern.before and not pattern.after and not pattern.compound:
            continue
        used_before = match_elements(pattern.before, before)
        if used_before is None:
            continue
        used_after = match_elements(pattern.after, after)
        if used_after is None:
            continue
        if not _next_to(verb, pattern, used_before, used_after):
            continue
        tokens = used_before + used_after
        score = len({t.i for t in tokens})
        if best is not None and score == best.score:
            if best_key is None:
                best_key = _tie_key(best.pattern, best.tokens, verb, form)
            key = _tie_key(pattern, tokens, verb, form)
            if key > best_key:
                best, best_key = PatternMatch(pattern, tokens, score), key
        elif best is None or score > best.score:
            best, best_key = PatternMatch(pattern, tokens, score), None
    return best


NO_EVENT = (None, "---")


def _no_event(pattern: VerbPattern) -> bool:
    """A ``[---]`` pattern: the verb with these words is no event."""
    return pattern.code in NO_EVENT and pattern.reverse_code in NO_EVENT


def _tie_key(
    pattern: VerbPattern, tokens: Sequence[Token], verb: Token | None, form: VerbForm | None
) -> tuple[int, int, int]:
    """Which of two equally long matches wins: the one written for this verb, then the
    one spelled as written, then the one whose words sit nearer the verb.  "Japan
    halted aid in line with efforts to end the fighting" halted the aid (its object),
    not the fighting of a clause further on."""
    reach = max((abs(t.i - verb.i) for t in tokens), default=0) if verb is not None else 0
    own = form is None or pattern.holds_for(form)
    return int(own), _as_written(pattern, tokens), -reach


def _as_written(pattern: VerbPattern, tokens: Sequence[Token]) -> int:
    """How many matched words the pattern spells as the text does, not only by lemma:
    of two equally long patterns, "- * SANCTIONS [085]" is the one written for "lifted
    sanctions", not "- * SANCTION [0351]" above it in the same block."""
    words = {word for element in (*pattern.before, *pattern.after)
             for alternative in element.alternatives for word in alternative}
    return sum(1 for token in tokens if token.lower_ in words)
