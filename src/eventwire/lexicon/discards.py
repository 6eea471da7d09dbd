"""PETRARCH2 discard lists: phrases that mark text not worth coding.

The format (``Phoenix.discards.txt``): one phrase a line; ``#`` starts a comment; a
leading ``+`` makes it a *story* discard (the whole article is dropped: sports pages,
obituaries), otherwise a *sentence* discard (only the sentence holding it).  Words
are separated by blanks or ``_``; a phrase ending in ``_`` is stopped, otherwise its
last word may take a plural ending, as for actor names.  Matching is on the same
spelling-blind keys as the actor dictionary, so ``U.S.`` and ``US`` meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from eventwire.errors import DictionaryError
from eventwire.lexicon.actors_parse import content_lines
from eventwire.lexicon.actors_words import phrase_words, word_keys

_FORBIDDEN = re.compile(r"[\[\]{}<>~$*%^]")
_PLURAL_ENDINGS = ("", "s", "es")


@dataclass(frozen=True)
class DiscardPhrase:
    """One discard line: its keys, whether the last word is stopped, and its place."""

    words: tuple[str, ...]
    stopped: bool
    story: bool
    line: int
    origin: str = ""

    def found_in(self, keys: tuple[str, ...]) -> bool:
        """Whether the phrase occurs as a run of ``keys`` (keys of a text)."""
        return any(self.found_at(keys, start) for start in range(len(keys)))

    def found_at(self, keys: tuple[str, ...], start: int) -> bool:
        """Whether the phrase occurs in ``keys`` beginning at ``start``."""
        size = len(self.words)
        if start + size > len(keys):
            return False
        inner = keys[start : start + size - 1] == self.words[:-1]
        return inner and self._last(keys[start + size - 1])

    def first_keys(self) -> tuple[str, ...]:
        """The text keys this phrase can begin with (a lone word may be plural)."""
        if len(self.words) > 1 or self.stopped:
            return (self.words[0],)
        return tuple(self.words[0] + ending for ending in _PLURAL_ENDINGS)

    def _last(self, key: str) -> bool:
        last = self.words[-1]
        if self.stopped:
            return key == last
        return any(key == last + ending for ending in _PLURAL_ENDINGS)


@dataclass(frozen=True)
class Discards:
    """The discard phrases of one or more files; empty means nothing is discarded."""

    phrases: tuple[DiscardPhrase, ...] = ()

    def sentence_discard(self, text: str) -> DiscardPhrase | None:
        """The first phrase (of either kind) that makes a sentence uncodable."""
        return self._first(text, story_only=False)

    def story_discard(self, text: str) -> DiscardPhrase | None:
        """The first story-level phrase that makes a whole article uncodable."""
        return self._first(text, story_only=True)

    def _first(self, text: str, *, story_only: bool) -> DiscardPhrase | None:
        if not self.phrases:
            return None
        keys = text_keys(text)
        for start, key in enumerate(keys):
            for phrase in self._by_first.get(key, ()):
                if (phrase.story or not story_only) and phrase.found_at(keys, start):
                    return phrase
        return None

    @cached_property
    def _by_first(self) -> dict[str, tuple[DiscardPhrase, ...]]:
        # Built on first use (cached_property writes to the instance __dict__, which
        # a frozen dataclass allows); a sentence then costs one lookup per word.
        table: dict[str, list[DiscardPhrase]] = {}
        for phrase in self.phrases:
            for key in phrase.first_keys():
                table.setdefault(key, []).append(phrase)
        return {key: tuple(found) for key, found in table.items()}

    def __add__(self, other: Discards) -> Discards:
        return Discards(self.phrases + other.phrases)


def text_keys(text: str) -> tuple[str, ...]:
    """The matching keys of running text, word by word."""
    return tuple(key for word in text.split() for key in word_keys(word))


def _phrase(line: str, number: int, origin: str) -> DiscardPhrase:
    body = line.strip()
    story = body.startswith("+")
    body = body[1:].strip() if story else body
    if _FORBIDDEN.search(body):
        raise ValueError(f"unexpected character in a discard phrase: {body!r}")
    words, unstopped = phrase_words(body)
    if not words or words == (".",):
        raise ValueError("a discard line without words")
    return DiscardPhrase(words, not unstopped, story, number, origin)


def parse_discard_text(text: str, origin: str, *, path: str | None = None) -> Discards:
    """Read discard text; errors name ``path`` (or ``origin``) and the line."""
    phrases: list[DiscardPhrase] = []
    for number, line in content_lines(text):
        try:
            phrases.append(_phrase(line, number, origin))
        except ValueError as exc:
            raise DictionaryError(path or origin, number, str(exc)) from exc
    return Discards(tuple(phrases))


def parse_discard_file(path: Path) -> Discards:
    """Read one discard file; its name becomes the origin of each phrase."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DictionaryError(str(path), 0, f"not UTF-8 text ({error.reason})") from error
    return parse_discard_text(text, Path(path).name, path=str(path))
