"""Reading a PETRARCH2/TABARI verb dictionary file into :mod:`verbs_types` objects.

Lines, after comments (``#`` or TABARI's ``;`` outside ``[...]``, and ``<!-- -->``)
are removed, are one of:

* ``&NAME`` followed by ``+WORD`` lines: a synset (may be defined after its use and
  may contain other synsets);
* ``--- HEAD [code] ---``: a new verb block; ``[---]`` or no code means no default;
* ``- ... * ... [code]``: a pattern of the current block (:mod:`verbs_pattern`);
* ``~ ...``: a PETRARCH2 transformation, which has no place in this model, so it is
  skipped and counted;
* anything else: a synonym of the current block, ``WORD {IRREGULAR FORMS} [code]``,
  where ``+ASK_FOR`` is a multi-word verb (``+`` marks the verb word).

Nothing is dropped silently: what cannot be represented is counted in the returned
``Counter`` and everything else that does not parse raises :class:`DictionaryError`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Final

from eventwire.errors import DictionaryError
from eventwire.lexicon.verbs_pattern import (
    Alternatives,
    UndefinedSynset,
    Where,
    expand_words,
    parse_pattern,
    split_code,
    synset_label,
)
from eventwire.lexicon.verbs_types import VerbBlock, VerbDictionary, VerbForm, VerbPattern

LOG: Final = logging.getLogger("eventwire.lexicon.verbs")
NOT_IN_WORDS: Final = re.compile(r"[(){}\[\]*$&%^~]")
LABEL: Final = re.compile(r"&[A-Za-z0-9_\-]+")
NOTICE_START: Final = re.compile(r"licen[cs]e|copyright|\(c\)", re.IGNORECASE)


def strip_comment(line: str) -> str:
    """Cut at ``#`` or ``;`` outside brackets (a test file has the code ``[###]``)."""
    depth = 0
    for index, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char in "#;" and depth == 0:
            return line[:index]
    return line


def logical_lines(text: str, path: str) -> Iterator[tuple[int, str]]:
    """Non-empty lines with comments removed, with their 1-based numbers."""
    open_at = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if open_at:
            if "-->" not in line:
                continue
            line = line.split("-->", 1)[1]
            open_at = 0
        while "<!--" in line:
            head, rest = line.split("<!--", 1)
            if "-->" not in rest:
                line, open_at = head, number
                break
            line = head + rest.split("-->", 1)[1]
        line = strip_comment(line).strip()
        if line:
            yield number, line
    if open_at:
        raise Where(path, open_at).error("unclosed <!-- comment")


def header_notice(text: str) -> str:
    """The licence part of the leading comment block, verbatim but for ``# ``."""
    header: list[str] = []
    for raw in text.lstrip("\n").split("\n"):
        line = raw.rstrip("\r")
        if line.startswith("#"):
            header.append(line[2:] if line.startswith("# ") else line[1:])
        elif line.startswith("<!--"):
            header.append(line.removeprefix("<!--").removesuffix("-->").strip())
        else:
            break
    for index, line in enumerate(header):
        if NOTICE_START.search(line):
            return "\n".join(header[index:]).rstrip()
    return ""


@dataclass
class _Raw:
    """What the first pass collects: synset members and the ordered other lines."""

    members: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    lines: list[tuple[int, str]] = field(default_factory=list)


def _first_pass(text: str, path: str) -> _Raw:
    raw = _Raw()
    synset: str | None = None
    for number, line in logical_lines(text, path):
        if line.startswith("&"):
            if not LABEL.fullmatch(line):
                raise Where(path, number).error(f"bad synset label {line!r}")
            synset = synset_label(line)
            raw.members.setdefault(synset, [])
        elif line.startswith("+") and synset is not None:
            raw.members[synset].append((number, line[1:]))
        else:
            synset = None
            raw.lines.append((number, line))
    return raw


class _Synsets(Mapping[str, Alternatives]):
    """Synsets resolved on first use, so order of definition and nesting do not matter."""

    def __init__(
        self, members: dict[str, list[tuple[int, str]]], path: str, dropped: Counter[str]
    ) -> None:
        self._members = members
        self._path = path
        self._dropped = dropped
        self._done: dict[str, Alternatives] = {}
        self._active: list[str] = []

    def __contains__(self, label: object) -> bool:
        return label in self._members

    def __iter__(self) -> Iterator[str]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)

    def __getitem__(self, label: str) -> Alternatives:
        if label in self._done:
            return self._done[label]
        lines = self._members[label]
        if label in self._active:
            line = lines[0][0] if lines else 0
            raise Where(self._path, line).error(f"synset &{label} contains itself")
        self._active.append(label)
        found: dict[tuple[str, ...], None] = {}
        for number, text in lines:
            where = Where(self._path, number)
            parts = [part for part in re.split(r"[\s_]+", text) if part]
            if not parts or any(NOT_IN_WORDS.search(part.removeprefix("&")) for part in parts):
                raise where.error(f"bad synonym {text.strip()!r} in &{label}")
            try:
                found.update(dict.fromkeys(expand_words(parts, self, where, False)))
            except UndefinedSynset as error:
                self._skip(error, "synonyms naming an undefined synset")
        self._active.pop()
        self._done[label] = tuple(found)
        return self._done[label]

    def _skip(self, error: DictionaryError, what: str) -> None:
        LOG.warning("%s (skipped)", error)
        self._dropped[what] += 1

    def skip_pattern(self, error: UndefinedSynset) -> None:
        self._skip(error, "patterns naming an undefined synset")

    def resolve_all(self) -> int:
        """Resolve unused synsets too, so that a broken one is still reported.

        Returns the number of members of all synsets, nested ones expanded.
        """
        return sum(len(self[label]) for label in self._members)


def parse_form(text: str, where: Where) -> VerbForm:
    """``+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]`` → words, inflections, code."""
    code: str | None = None
    if "[" in text or "]" in text:
        open_at = text.find("[")
        if open_at < 0 or not text.endswith("]") or text.count("[") + text.count("]") != 2:
            raise where.error("unclosed '[' or text after the [code]")
        text, code = text[:open_at].strip(), text[open_at + 1 : -1].strip() or None
    inflections: tuple[str, ...] = ()
    if "{" in text or "}" in text:
        open_at, close_at = text.find("{"), text.find("}")
        if open_at < 0 or close_at < open_at or text.count("{") + text.count("}") != 2:
            raise where.error("unclosed '{' in a verb line")
        if text[close_at + 1 :].strip():
            raise where.error("text after the irregular forms")
        inflections = _inflections(text[open_at + 1 : close_at], where)
        text = text[:open_at]
    raw = [w for w in re.split(r"[\s_]+", text) if w.lstrip("+")]
    words = tuple(w.lstrip("+").lower() for w in raw)
    if not words or any(NOT_IN_WORDS.search(word) or "+" in word for word in words):
        raise where.error(f"not a verb: {text.strip()!r}")
    verb_at = next((i for i, w in enumerate(raw) if w.startswith("+")), 0)
    return VerbForm(words, inflections, code, where.line, verb_at=verb_at)


def _inflections(text: str, where: Where) -> tuple[str, ...]:
    forms: list[str] = []
    for item in re.split(r"[\s,]+", text):
        form = " ".join(item.replace("+", "").replace("_", " ").lower().split())
        if NOT_IN_WORDS.search(form):
            raise where.error(f"bad irregular form {item!r}")
        if form and form not in forms:
            forms.append(form)
    return tuple(forms)


def parse_header(text: str, where: Where, dropped: Counter[str]) -> VerbBlock:
    """``---  VISIT   [042:043]  ---`` → an empty block with its default codes."""
    inner = text[3:].strip().rstrip("-").strip()
    head, _, rest = inner.partition("[")
    head = " ".join(head.lower().split()).rstrip("_")
    if not head or NOT_IN_WORDS.search(head):
        raise where.error(f"bad block header {text!r}")
    codes: list[str] = []
    rest = "[" + rest if rest else ""
    while rest:
        close_at = rest.find("]")
        if not rest.startswith("[") or close_at < 0:
            raise where.error("unclosed '[' or text after the block code")
        codes.append(rest[1:close_at])
        rest = rest[close_at + 1 :].strip().rstrip("-").strip()
    if len(codes) > 1:
        dropped["extra codes in block headers"] += len(codes) - 1
    code, reverse = (None, None) if not codes else split_code(codes[0], where)
    if code == "---":
        code = None
    return VerbBlock(head, code, (), (), where.line, reverse)


def pattern_comments(text: str) -> dict[int, str]:
    """The trailing comment of each pattern line, by line number.

    TABARI's dictionaries were merged into PETRARCH's synonym blocks with each pattern
    tagged by the verb it was written for (``- * TO [030]  # HEAD`` in the block of
    ORDER, COMMAND and HEAD): heading to a place is no order.
    """
    found: dict[int, str] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if line.lstrip().startswith("-") and not line.lstrip().startswith("---"):
            comment = line[len(strip_comment(line)) :].lstrip("#;").strip()
            if comment:
                found[number] = comment
    return found


def _owners(comment: str, forms: list[VerbForm]) -> tuple[str, ...]:
    """The block's verbs a pattern comment names ("SEND , DEPLOY"; "LAID_DOWN" names
    LAY by its first word's irregular form); none when it names no verb of the block."""
    owners: set[str] = set()
    for name in re.split(r"[\s,]+", comment):
        phrase = " ".join(name.replace("_", " ").replace("+", "").lower().split())
        if not phrase or NOT_IN_WORDS.search(phrase):
            continue
        exact = [f for f in forms if phrase == f.name or phrase in f.inflections]
        stems = _stems(phrase.split()[0])
        loose = [f for f in forms if stems & {f.words[f.verb_at], *f.inflections}]
        owners.update(f.name for f in exact or loose)
    return tuple(sorted(owners))


def _stems(word: str) -> set[str]:
    """The word and the regular stems it may be inflected from: a comment says whose
    pattern it is in the form its text had ("# CALLED_OFF" is CALL_OFF's)."""
    stems = {word}
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            stems |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.add(stem[:-1])  # "stopped" → "stop"
    return stems


@dataclass
class _Block:
    header: VerbBlock
    forms: list[VerbForm] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)

    def freeze(self, comments: Mapping[int, str]) -> VerbBlock:
        h = self.header
        patterns = tuple(
            replace(p, verbs=_owners(comments[p.line], self.forms)) if p.line in comments else p
            for p in self.patterns
        )
        return VerbBlock(
            h.head, h.default_code, tuple(self.forms), patterns, h.line, h.default_reverse_code
        )


def compile_text(text: str, origin: str, path: str) -> tuple[VerbDictionary, Counter[str]]:
    """Parse a whole file; ``path`` names it in errors, ``origin`` in the result."""
    raw = _first_pass(text, path)
    dropped: Counter[str] = Counter()
    synsets = _Synsets(raw.members, path, dropped)
    blocks: list[_Block] = []
    for number, line in raw.lines:
        where = Where(path, number)
        if line.startswith("---"):
            blocks.append(_Block(parse_header(line, where, dropped)))
        elif line.startswith("~"):
            dropped["transformation lines (~)"] += 1
        elif not blocks:
            raise where.error("pattern or verb before the first '--- HEAD [code] ---' line")
        elif line.startswith("-"):
            try:
                blocks[-1].patterns.extend(parse_pattern(line[1:], synsets, where, dropped))
            except UndefinedSynset as error:
                synsets.skip_pattern(error)
        else:
            blocks[-1].forms.append(parse_form(line, where))
    synsets.resolve_all()
    comments = pattern_comments(text)
    frozen = tuple(b.freeze(comments) for b in blocks)
    result = VerbDictionary(frozen, origin, header_notice(text))
    return result, dropped
