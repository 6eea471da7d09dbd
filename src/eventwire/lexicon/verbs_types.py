"""The compiled form of a PETRARCH2/TABARI verb dictionary.

These objects are what the event matcher reads; they are independent of the text
syntax so that a user's own dictionary, the packaged CAMEO dictionary and a
programmatic one all look the same.  Every entry keeps its source line, so a coded
event can cite the rule that produced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Final, Literal

COMPOUND_MARKER: Final = "%"
PARTICLES: Final = frozenset({
    "to", "from", "with", "on", "in", "into", "for", "out", "up", "down", "off", "over",
    "at", "by", "of", "about", "against", "back", "away", "through", "toward", "towards",
})  # fmt: skip
"""Words that say nothing of an event alone."""
SPELLINGS: Final = (("ise", "ize"), ("yse", "yze"), ("our", "or"))
"""British and American endings of one verb (RECOGNISE, ANALYSE, HONOUR)."""


def spelled_alike(name: str) -> str:
    """One spelling for a verb's British and American forms."""
    for british, american in SPELLINGS:
        if name.endswith(british):
            return name[: -len(british)] + american
    return name


ElementKind = Literal["word", "phrase", "prep", "source", "target", "skip"]


@dataclass(frozen=True)
class Element:
    """One position of a pattern around the verb.

    ``alternatives`` are lowercase word sequences of which any one may fill the
    position: a ``&SYNSET`` gives one per member, ``A_B`` gives ``("a", "b")``.  For
    ``prep`` the alternatives are the objects of the preposition (empty: any object);
    ``source``/``target``/``skip`` (``$``/``+``/``^``) carry no words.
    """

    kind: ElementKind
    alternatives: tuple[tuple[str, ...], ...] = ()
    prep: str | None = None


@dataclass(frozen=True)
class VerbPattern:
    """A ``- words * words [code]`` line.

    Codes are kept as written in the source, including values that are not CAMEO
    codes (``---`` meaning "no event", and test codes such as ``174K``), so that the
    caller decides what is valid.  ``text`` is the pattern without dash, code and
    comment, with runs of blanks collapsed.
    """

    code: str | None
    reverse_code: str | None
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    line: int
    text: str
    origin: str = ""
    """The file the line is in: dictionaries are merged, so lines alone are ambiguous."""
    verbs: tuple[str, ...] = ()
    """The block's verbs (their words, space-joined) the pattern was written for, as the
    source's trailing comment names them (``# LAID_DOWN`` in the LAY block); empty
    when it names none, and the pattern then holds for every verb of the block."""

    def holds_for(self, form: VerbForm) -> bool:
        """Whether the pattern may code a clause of the verb ``form``.  A comment naming
        the British spelling (``# RECOGNISE``) also names the American one the block
        lists beside it (RECOGNIZE), and the other way round."""
        if not self.verbs or form.name in self.verbs:
            return True
        return form.name_alike in self._verbs_alike

    @cached_property
    def _verbs_alike(self) -> frozenset[str]:
        return frozenset(spelled_alike(verb) for verb in self.verbs)

    @cached_property
    def particles_only(self) -> bool:
        """Whether the pattern names nothing but particles (``* TO``, ``* (FROM)``):
        which of those a verb takes is that verb's own, not its synonyms'.  Worked out
        once per pattern, since the matcher asks for every clause."""
        elements = (*self.before, *self.after)
        if any(e.kind == "prep" and e.alternatives for e in elements):
            return False
        return all(
            word in PARTICLES for e in elements for alternative in e.alternatives
            for word in alternative
        )  # fmt: skip

    @property
    def compound(self) -> bool:
        """TABARI's ``%`` before the verb: the pattern holds only when the source is a
        coordination of actors ("A and B agreed"), and the event then runs between them.

        Read off the pattern text, so compiled dictionaries need no extra field.  A ``%``
        after the verb marks a coordinated target, which arguments split anyway.
        """
        words = re.split(r"[\s_]+", self.text)
        star = next((i for i, word in enumerate(words) if "*" in word), len(words))
        return COMPOUND_MARKER in words[:star]

    @property
    def joined(self) -> tuple[bool, bool]:
        """Whether the words just before and just after ``*`` are joined to it by ``_``
        (``RECENTLY_*``): they must then stand next to the verb, as TABARI read them."""
        return "_*" in self.text, "*_" in self.text


@dataclass(frozen=True)
class VerbForm:
    """A synonym line of a block: the verb's base words and its irregular forms."""

    words: tuple[str, ...]
    inflections: tuple[str, ...]
    code: str | None
    line: int
    origin: str = ""
    verb_at: int = 0
    """Which of ``words`` is the verb (PETRARCH marks it ``+``: ``WIRE_+TAP``); the
    words before it must stand right before the verb in the text."""

    @cached_property
    def name(self) -> str:
        """The form's words, space-joined: how pattern comments name it."""
        return " ".join(self.words)

    @cached_property
    def name_alike(self) -> str:
        """The name in the one spelling of :func:`spelled_alike`, worked out once: the
        matcher asks for it whenever a pattern's comment names another verb."""
        return spelled_alike(self.name)


@dataclass(frozen=True)
class VerbBlock:
    """A ``--- HEAD [code] ---`` block: synonymous verbs sharing their patterns.

    ``default_code`` is ``None`` for ``[---]`` (the bare verb codes nothing).  A
    header code written as a pair, e.g. VISIT ``[042:043]``, is split like a pattern
    code: ``default_reverse_code`` holds the target→source half.
    """

    head: str
    default_code: str | None
    forms: tuple[VerbForm, ...]
    patterns: tuple[VerbPattern, ...]
    line: int
    default_reverse_code: str | None = None

    def patterns_for(
        self, before: frozenset[str], after: frozenset[str]
    ) -> tuple[VerbPattern, ...]:
        """The patterns (in block order) that may match a clause with the words
        ``before`` and ``after`` the verb: each is kept when its anchor element (see
        :func:`anchor_words`) has a word there, so a block of a hundred patterns is
        not tried pattern by pattern for every verb."""
        always, index = self._pattern_index
        found = set(always)
        for side, words in (("before", before), ("after", after)):
            for word in words:
                found.update(index.get((side, word), ()))
        return tuple(self.patterns[i] for i in sorted(found))

    @cached_property
    def _pattern_index(self) -> tuple[tuple[int, ...], dict[tuple[str, str], tuple[int, ...]]]:
        always: list[int] = []
        index: dict[tuple[str, str], list[int]] = {}
        for number, pattern in enumerate(self.patterns):
            anchor = _anchor(pattern)
            if anchor is None:
                always.append(number)
                continue
            side, words = anchor
            for word in words:
                index.setdefault((side, word), []).append(number)
        return tuple(always), {key: tuple(numbers) for key, numbers in index.items()}


def anchor_words(element: Element) -> frozenset[str] | None:
    """Words of which a clause must hold one for ``element`` to match (``None``: no
    such condition): a preposition's own word, or the first word of an alternative."""
    if element.kind in ("source", "target", "skip"):
        return None
    if element.kind == "prep":
        return frozenset({element.prep}) if element.prep else frozenset()
    return frozenset(words[0] for words in element.alternatives if words)


def _anchor(pattern: VerbPattern) -> tuple[str, frozenset[str]] | None:
    """The first element of a pattern with a word condition, and its side."""
    for side, elements in (("after", pattern.after), ("before", pattern.before)):
        for element in elements:
            words = anchor_words(element)
            if words is not None:
                return side, words
    return None


@dataclass(frozen=True)
class VerbDictionary:
    """All blocks of one or more verb files, with their origin and licence notice."""

    blocks: tuple[VerbBlock, ...]
    origin: str
    notice: str

    def lookup(self, lemma: str) -> tuple[tuple[VerbBlock, VerbForm], ...]:
        """Every (block, form) whose form starts with ``lemma`` (or an irregular form does)."""
        return self._index.get(lemma.strip().lower(), ())

    @cached_property
    def _index(self) -> dict[str, tuple[tuple[VerbBlock, VerbForm], ...]]:
        # cached_property writes to the instance __dict__ directly, so it works on a
        # frozen dataclass and the index is built once, on the first lookup.
        index: dict[str, list[tuple[VerbBlock, VerbForm]]] = {}
        for block in self.blocks:
            for form in block.forms:
                for key in _form_keys(form):
                    index.setdefault(key, []).append((block, form))
        return {key: tuple(entries) for key, entries in index.items()}


def _form_keys(form: VerbForm) -> list[str]:
    """A form is looked up by its verb word, in its base and irregular forms."""
    keys = [form.words[form.verb_at]] if form.words else []
    for inflection in form.inflections:
        words = inflection.split(" ")
        verb = words[min(form.verb_at, len(words) - 1)]
        if verb and verb not in keys:
            keys.append(verb)
    return keys
