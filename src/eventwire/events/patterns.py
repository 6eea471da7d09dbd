"""Matching PETRARCH verb patterns against the parse of one clause.

PETRARCH matched its patterns against the flat words of a Treebank phrase.  Here a
pattern is matched against the words of the trigger's own clause, taken from the
dependency parse: the words after ``*`` must occur, in order, among the clause's
words that follow the trigger (objects, prepositional phrases, open complements),
and the words before ``*`` among those that precede it.  Subordinate clauses and
coordinated verbs are left out, so a pattern cannot borrow a word from another event.
The most specific pattern (most words matched) wins, which is PETRARCH's own rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.lexicon.verbs import Element, VerbPattern

CLAUSE_BREAKS = frozenset(
    {"ccomp", "advcl", "relcl", "parataxis", "conj", "cc", "csubj", "acl", "punct", "mark"}
)
"""Children whose subtrees belong to another clause (or to no clause at all)."""


@dataclass(frozen=True)
class PatternMatch:
    """A pattern that matched, with the tokens it used (for the evidence span)."""

    pattern: VerbPattern
    tokens: tuple[Token, ...]
    score: int


def token_forms(token: Token) -> tuple[str, str]:
    """The two spellings a dictionary word may match: lemma and lowercase text."""
    return token.lemma_.lower(), token.lower_


def clause_tokens(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Tokens of the trigger's clause before and after it, in text order."""
    before: list[Token] = []
    after: list[Token] = []
    for child in trigger.children:
        if child.dep_ in CLAUSE_BREAKS:
            continue
        target = before if child.i < trigger.i else after
        target.extend(t for t in child.subtree if not _in_other_clause(t, child))
    before.sort(key=lambda t: t.i)
    after.sort(key=lambda t: t.i)
    passive = [c for c in trigger.children if c.dep_ in ("nsubjpass", "csubjpass")]
    if passive:
        # "evidence was presented": the object words of the pattern are the subject here
        moved = [t for c in passive for t in c.subtree]
        before = [t for t in before if t not in moved]
        after = moved + after
    return before, after


def _in_other_clause(token: Token, top: Token) -> bool:
    node = token
    while node.i != top.i:
        if node.dep_ in ("relcl", "ccomp", "advcl", "parataxis"):
            return True
        node = node.head
    return False


def _word_at(tokens: Sequence[Token], start: int, words: tuple[str, ...]) -> int:
    """Index past ``words`` if they occur consecutively at ``start``, else -1."""
    if start + len(words) > len(tokens):
        return -1
    for offset, word in enumerate(words):
        if word not in token_forms(tokens[start + offset]):
            return -1
    return start + len(words)


def in_prep_phrase(token: Token) -> bool:
    """Whether a clause word sits inside a prepositional phrase of the clause.

    PETRARCH writes words that must be in a prepositional phrase inside ``( )``; a
    bare pattern word is an object or complement, so "said in a press release"
    must not match the pattern ``* RELEASE``.
    """
    node = token
    while node.head.i != node.i and node.dep_ not in ("ROOT",):
        if node.dep_ in ("prep", "agent"):
            return True
        if node.head.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return False


def _find_words(
    tokens: Sequence[Token],
    cursor: int,
    alternatives: tuple[tuple[str, ...], ...],
    free_only: bool = False,
) -> tuple[int, int] | None:
    for index in range(cursor, len(tokens)):
        if free_only and in_prep_phrase(tokens[index]):
            continue
        for words in alternatives:
            end = _word_at(tokens, index, words)
            if end >= 0:
                return index, end
    return None


def _find_prep(tokens: Sequence[Token], cursor: int, element: Element) -> tuple[int, int] | None:
    for index in range(cursor, len(tokens)):
        token = tokens[index]
        if token.lower_ != element.prep:
            continue
        if not element.alternatives:
            return index, index + 1
        inside = [t for t in tokens[index + 1 :] if token.is_ancestor(t)]
        found = _find_words(inside, 0, element.alternatives)
        if found is not None:
            last = inside[found[1] - 1]
            return index, tokens.index(last) + 1
    return None


def match_elements(
    elements: Sequence[Element], tokens: Sequence[Token]
) -> tuple[Token, ...] | None:
    """Match elements in order; return the tokens used, or None when one is missing."""
    cursor = 0
    used: list[Token] = []
    after_prep = False
    for element in elements:
        if element.kind in ("source", "target", "skip"):
            continue
        if element.kind == "prep":
            found = _find_prep(tokens, cursor, element)
            after_prep = True
        else:
            found = _find_words(tokens, cursor, element.alternatives, not after_prep)
        if found is None:
            return None
        used.extend(tokens[found[0] : found[1]] if element.kind != "prep" else [tokens[found[0]]])
        if element.kind == "prep":
            used.append(tokens[found[1] - 1])
        cursor = found[1]
    return tuple(used)


def best_pattern(
    patterns: Sequence[VerbPattern], before: Sequence[Token], after: Sequence[Token]
) -> PatternMatch | None:
    """The most specific pattern whose words all occur around the trigger."""
    best: PatternMatch | None = None
    for pattern in patterns:
        if not pattern.before and not pattern.after:
            continue
        used_before = match_elements(pattern.before, before)
        if used_before is None:
            continue
        used_after = match_elements(pattern.after, after)
        if used_after is None:
            continue
        tokens = used_before + used_after
        score = len({t.i for t in tokens})
        if best is None or score > best.score:
            best = PatternMatch(pattern, tokens, score)
    return best
