"""Reading one pattern line (``- words * words [code]``) into elements.

The syntax is PETRARCH2's (see ``PETRreader.read_verb_dictionary``):

* ``*`` is the verb; words before it are matched before the verb, words after it after.
* A bare word is a head noun; ``A_B`` joins words that must be consecutive; a trailing
  ``_`` (TABARI's "exact word") is dropped.  ``A/B`` offers alternatives (a TABARI
  habit the CAMEO file still uses, e.g. ``(IN FAVOUR/FAVOR)``).
* ``{A B}`` is a noun phrase; ``(P X Y)`` a prepositional phrase with preposition P and
  object words X Y (``(TO)`` has no object).  ``(TO/FOR X)`` becomes two patterns.
* ``&NAME`` stands for every member of a synset, also inside ``A_&NAME`` and ``{}``.
* ``$`` marks the source, ``+`` the target, ``^`` a skipped word.  ``%`` (TABARI's
  compound actor) has no element kind: it stays in the pattern text, which is where
  :attr:`VerbPattern.compound` reads it.
* ``[a]``, ``[a:b]`` and ``[:b]`` give the source→target and target→source codes.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from eventwire.errors import DictionaryError
from eventwire.lexicon.verbs_types import COMPOUND_MARKER, Element, ElementKind, VerbPattern

Alternatives = tuple[tuple[str, ...], ...]
Synsets = Mapping[str, Alternatives]

MARKERS: Final[dict[str, ElementKind]] = {"$": "source", "+": "target", "^": "skip"}
COMPOUND: Final = COMPOUND_MARKER
MAX_ALTERNATIVES: Final = 20_000
"""A guard against a line whose synsets multiply into an absurd number of readings."""


@dataclass(frozen=True)
class _Token:
    kind: str  # "bare", "phrase" ({...}) or "group" ((...))
    text: str
    inner: tuple[_Token, ...] = ()


class UndefinedSynset(DictionaryError):
    """A ``&NAME`` that no ``&NAME`` line defines.

    PETRARCH2 ignores such a pattern (its reader warns "Undefined synset"), and the
    CAMEO file has two (``&WEATHER``, ``&DEMONSTRATION``), so the file parser skips
    and counts them instead of failing.
    """


@dataclass(frozen=True)
class Where:
    """A place in a source file, so every problem can name file and line."""

    path: str
    line: int

    def error(self, problem: str) -> DictionaryError:
        return DictionaryError(self.path, self.line, problem)

    def undefined(self, name: str) -> UndefinedSynset:
        return UndefinedSynset(self.path, self.line, f"undefined synset {name}")


def split_code(text: str, where: Where) -> tuple[str | None, str | None]:
    """``"042:043"`` → ``("042", "043")``; ``":173"`` → ``(None, "173")``."""
    text = text.strip()
    if not text:
        raise where.error("empty code []")
    if ":" not in text:
        return text, None
    code, reverse = (part.strip() or None for part in text.split(":", 1))
    return code, reverse


def synset_label(text: str) -> str:
    """Labels are compared without ``&``, case and the "no plural" ``_`` suffix."""
    return text.lstrip("&").rstrip("_").upper()


def expand_words(
    parts: Sequence[str], synsets: Synsets, where: Where, slashes: bool
) -> Alternatives:
    """All word sequences spelt by ``parts`` (already split on blanks and ``_``)."""
    pieces: list[Alternatives] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if part.startswith("&"):
            end, members = _longest_synset(parts, index, synsets, where)
            pieces.append(members)
            index = end
            continue
        words = part.split("/") if slashes else [part]
        if any(not word for word in words):
            raise where.error(f"empty alternative in {part!r}")
        pieces.append(tuple((word.lower(),) for word in words))
        index += 1
    return _concatenate(pieces, where)


def _longest_synset(
    parts: Sequence[str], start: int, synsets: Synsets, where: Where
) -> tuple[int, Alternatives]:
    # Labels may contain "_" (&FIGHT_OF_WORDS) while "_" also joins words
    # (FIGHTER_&AIRCRAFT), so the longest defined label wins.
    for end in range(len(parts), start, -1):
        label = synset_label("_".join(parts[start:end]))
        if label in synsets:
            return end, synsets[label]
    raise where.undefined(parts[start])


def _concatenate(pieces: Sequence[Alternatives], where: Where) -> Alternatives:
    total = 1
    for piece in pieces:
        total *= len(piece)
    if total > MAX_ALTERNATIVES:
        raise where.error(f"{total} alternatives: too many combinations of synsets")
    combos = itertools.product(*pieces)
    return tuple(tuple(word for seq in combo for word in seq) for combo in combos)


def _tokenize(text: str, where: Where, closing: str = "") -> tuple[tuple[_Token, ...], int]:
    """Split on blanks, keeping ``{...}`` and ``(...)`` as tokens; returns tokens, end."""
    tokens: list[_Token] = []
    bare = ""
    index = 0
    while index < len(text):
        char = text[index]
        if bare and (char in "(){}" or char.isspace()):
            tokens.append(_Token("bare", bare))
            bare = ""
        if char == closing:
            return tuple(tokens), index + 1
        if char in ")}":
            raise where.error(f"unmatched {char!r}")
        if char == "(":
            if closing:
                raise where.error("nested '(' or '(' inside '{'")
            inner, used = _tokenize(text[index + 1 :], where, ")")
            tokens.append(_Token("group", text[index : index + 1 + used], inner))
            index += used + 1
            continue
        if char == "{":
            if closing == "}":
                raise where.error("nested '{'")
            inner, used = _tokenize(text[index + 1 :], where, "}")
            tokens.append(_Token("phrase", text[index : index + 1 + used], inner))
            index += used + 1
            continue
        if not char.isspace():
            bare += char
        index += 1
    if closing:
        raise where.error("unclosed '('" if closing == ")" else "unclosed '{'")
    if bare:
        tokens.append(_Token("bare", bare))
    return tuple(tokens), index


Variants = tuple[tuple[Element | str, ...], ...]
"""The readings of one token: each a run of elements, with ``"*"`` for the verb."""


def _bare_items(text: str, ctx: _Context) -> list[Element | str]:
    """A bare token: ``*``, markers and ``_``-joined words, in the order written."""
    items: list[Element | str] = []
    for position, chunk in enumerate(text.split("*")):
        if position:
            items.append("*")
        run: list[str] = []
        for part in [*chunk.split("_"), ""]:
            if part and part not in MARKERS and part != COMPOUND:
                run.append(part)
                continue
            if run:
                items.append(Element("word", expand_words(run, ctx.synsets, ctx.where, True)))
                run = []
            if part in MARKERS:
                items.append(Element(MARKERS[part]))
    return items


def _phrase_words(token: _Token, ctx: _Context) -> Alternatives:
    parts = [part for inner in token.inner for part in _parts(inner, ctx)]
    if not parts:
        raise ctx.where.error("empty {}")
    if any(part in MARKERS or part == COMPOUND or "*" in part for part in parts):
        raise ctx.where.error(f"marker inside {token.text}")
    return expand_words(parts, ctx.synsets, ctx.where, True)


def _parts(token: _Token, ctx: _Context) -> list[str]:
    if token.kind != "bare":
        raise ctx.where.error(f"unexpected {token.text} inside a phrase")
    return [part for part in token.text.split("_") if part]


def _group_variants(token: _Token, ctx: _Context) -> Variants:
    """``(P X Y $)``: one prep element per preposition alternative, markers after it."""
    if not token.inner or token.inner[0].kind != "bare":
        raise ctx.where.error(f"prepositional phrase {token.text} has no preposition")
    prep_parts = _parts(token.inner[0], ctx)
    if not prep_parts or any(p in MARKERS or p == COMPOUND or "*" in p for p in prep_parts):
        raise ctx.where.error(f"prepositional phrase {token.text} has no preposition")
    preps = expand_words(prep_parts, ctx.synsets, ctx.where, True)
    pieces: list[Alternatives] = []
    markers: list[Element | str] = []
    for inner in token.inner[1:]:
        if inner.kind == "phrase":
            pieces.append(_phrase_words(inner, ctx))
            continue
        for item in _bare_items(inner.text, ctx):
            if isinstance(item, str):
                raise ctx.where.error(f"'*' inside {token.text}")
            if item.kind == "word":
                pieces.append(item.alternatives)
            else:
                markers.append(item)
    objects = _concatenate(pieces, ctx.where) if pieces else ()
    return tuple((Element("prep", objects, " ".join(prep)), *markers) for prep in preps)


@dataclass(frozen=True)
class _Context:
    synsets: Synsets
    where: Where
    dropped: Counter[str]


def _token_variants(token: _Token, ctx: _Context) -> Variants:
    if token.kind == "group":
        return _group_variants(token, ctx)
    if token.kind == "phrase":
        return ((Element("phrase", _phrase_words(token, ctx)),),)
    return (tuple(_bare_items(token.text, ctx)),)


def _take_code(body: str, where: Where) -> tuple[str, str]:
    """Split ``words [code]`` into the words and the code text."""
    stripped = body.rstrip()
    open_at = stripped.rfind("[")
    if open_at < 0:
        if "]" in stripped:
            raise where.error("unmatched ']'")
        raise where.error("pattern has no [code]")
    if not stripped.endswith("]"):
        raise where.error("unclosed '[' or text after the [code]")
    words, code = stripped[:open_at], stripped[open_at + 1 : -1]
    if "[" in words or "]" in words or "[" in code:
        raise where.error("more than one [code] in a pattern")
    return words, code


def _drop_echo(words: str, dropped: Counter[str]) -> str:
    """Drop text glued to ``[code]`` that repeats the end of the pattern.

    ``CAMEO.2.0.txt`` has two such editing slips (``(WITH VISIT)   VISIT)[042:043]``);
    PETRARCH2 reads them into a garbled code.  Only an exact repeat is removed, so
    other unbalanced brackets are still errors.
    """
    found = re.fullmatch(r"(.*\s)(\S+)", words, re.DOTALL)
    if found is None or not found.group(1).rstrip().endswith(found.group(2)):
        return words
    dropped["repeated text before [code] (pattern kept)"] += 1
    return found.group(1)


def parse_pattern(
    body: str, synsets: Synsets, where: Where, dropped: Counter[str]
) -> tuple[VerbPattern, ...]:
    """Read the text after the leading ``-`` (comment already removed).

    Returns more than one pattern only when a preposition offers alternatives.
    """
    words, code_text = _take_code(body, where)
    if words and not words[-1].isspace():
        words = _drop_echo(words, dropped)
    code, reverse = split_code(code_text, where)
    ctx = _Context(synsets, where, dropped)
    tokens, _ = _tokenize(words, where)
    per_token = [_token_variants(token, ctx) for token in tokens]
    if math.prod(len(variants) for variants in per_token) > MAX_ALTERNATIVES:
        raise where.error("too many alternative prepositions")
    text = " ".join(words.split())
    patterns: list[VerbPattern] = []
    for choice in itertools.product(*per_token):
        items = [item for run in choice for item in run]
        stars = [i for i, item in enumerate(items) if item == "*"]
        if len(stars) != 1:
            raise where.error("pattern has no '*'" if not stars else "more than one '*'")
        before = tuple(item for item in items[: stars[0]] if isinstance(item, Element))
        after = tuple(item for item in items[stars[0] + 1 :] if isinstance(item, Element))
        patterns.append(VerbPattern(code, reverse, before, after, where.line, text))
    return tuple(patterns)
