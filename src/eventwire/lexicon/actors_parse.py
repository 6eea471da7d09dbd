"""Reading PETRARCH2/TABARI ``.actors`` files into frozen entries.

The format, as the Phoenix files and PETRARCH2's reader use it:

* ``NAME_ [CODE]`` starts an entry; ``+SYNONYM`` lines add names to it;
* codes may follow on their own indented lines, optionally date-limited:
  ``[CODE >YYMMDD]`` (from that day on), ``[CODE <YYMMDD]`` (before it),
  ``[CODE YYMMDD-YYMMDD]`` (from the first day, before the second); dates have six
  digits (``00``-``30`` read as 20YY, later as 19YY) or eight; a lone date means
  "from";
* an entry without any code takes the codes of the next entry that has some (the
  Phoenix files list alternative names of one person that way);
* a ``+`` inside a name separates two synonyms written on one line;
* ``#`` starts a comment anywhere, lines starting with ``<!`` are comments and a
  ``<!--`` without ``-->`` opens a comment that ends on the line holding ``-->``.

Anything else is an error naming the file and line, because a silently skipped line
is a silently missing actor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import DictionaryError
from eventwire.lexicon.actors_words import display_name, phrase_words, possessive_forms

NULL_CODES = frozenset({"---", "+++"})
"""Codes that say "matched, but do not code this" (PETRARCH's null actor)."""

_CODE = r"(?P<code>[A-Za-z][A-Za-z0-9]*(?:/[A-Za-z][A-Za-z0-9]*)*|---|\+\+\+)"
_DAY = r"\d{6}|\d{8}"
_CODE_BODY = re.compile(
    rf"\s*{_CODE}\s*(?:(?P<op>[<>])\s*(?P<bound>{_DAY})"
    rf"|(?P<start>{_DAY})\s*-\s*(?P<end>{_DAY})|(?P<from>{_DAY}))?\s*"
)
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class DatedCode:
    """A code valid on days ``start <= day < end`` (open ends are ``None``)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date) -> bool:
        after_start = self.start is None or day >= self.start
        return after_start and (self.end is None or day < self.end)


@dataclass(frozen=True)
class ActorEntry:
    """One name of an actor with the codes of its dictionary entry.

    ``words`` are matching keys (see :mod:`eventwire.lexicon.actors_words`); ``name``
    is the name as written, ``line`` and ``origin`` say where, and ``stem`` whether
    the source left the last word unstopped (no ``_``), kept for explanation: the
    matcher lets the last word of any name take a plural ending.
    """

    words: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    line: int
    name: str = ""
    origin: str = ""
    stem: bool = False

    def code_on(self, day: dt.date | None) -> str | None:
        """The code for an article of ``day``.

        Date-limited codes are tried in file order and the first that covers the day
        wins (PETRARCH2's rule); a code without dates is the default.  Without a day
        the default is used, or else the most recently started code.  ``None`` means
        the entry does not apply on that day.
        """
        dated = [code for code in self.codes if code.dated]
        if day is not None:
            for code in dated:
                if code.covers(day):
                    return code.code
        for code in self.codes:
            if not code.dated:
                return code.code
        if day is None and dated:
            return max(dated, key=lambda code: code.start or dt.date.min).code
        return None


def parse_day(text: str) -> dt.date:
    """A TABARI date: ``YYMMDD`` (``00``-``30`` are 20YY) or ``YYYYMMDD``."""
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
    else:
        year = int(text[:4])
    return dt.date(year, int(text[-4:-2]), int(text[-2:]))


def parse_code(body: str) -> DatedCode:
    """The inside of one ``[...]`` code; raises ``ValueError`` when malformed."""
    match = _CODE_BODY.fullmatch(body)
    if match is None:
        raise ValueError(f"cannot read code [{body.strip()}]")
    code = match["code"].upper()
    if match["op"] == "<":
        return DatedCode(code, None, parse_day(match["bound"]))
    if match["op"] == ">":
        return DatedCode(code, parse_day(match["bound"]), None)
    if match["start"]:
        return DatedCode(code, parse_day(match["start"]), parse_day(match["end"]))
    if match["from"]:
        return DatedCode(code, parse_day(match["from"]), None)
    return DatedCode(code)


def split_codes(text: str) -> tuple[str, tuple[DatedCode, ...]]:
    """Split ``NAME [CODE] [CODE ...]`` into the name and its codes."""
    first = text.find("[")
    name, rest = (text, "") if first < 0 else (text[:first], text[first:])
    if "]" in name:
        raise ValueError("']' without '['")
    if _BRACKETS.sub("", rest).strip():
        raise ValueError(f"text outside the code brackets: {rest.strip()!r}")
    return name.strip(), tuple(parse_code(body) for body in _BRACKETS.findall(rest))


def content_lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines with comments removed; blank lines are left out."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_comment:
            in_comment = "-->" not in raw
            continue
        if raw.startswith("#"):
            continue
        if raw.startswith("<!"):
            in_comment = "<!--" in raw and "-->" not in raw
            continue
        line = re.sub(r"<!--.*?-->", "", raw.split("#", 1)[0])
        if line.strip():
            yield number, line.rstrip()


@dataclass
class _Pending:
    """Names read but not yet given codes (mutable only while one file is read)."""

    names: list[tuple[str, int]]
    codes: list[DatedCode]


def _entries(pending: _Pending, origin: str) -> list[ActorEntry]:
    codes = tuple(pending.codes)
    found: list[ActorEntry] = []
    for name, line in pending.names:
        words, stem = phrase_words(name)
        for keys in (words, *possessive_forms(name)):
            found.append(ActorEntry(keys, codes, line, display_name(name), origin, stem))
    return found


def _read_line(
    pending: _Pending, line: str, number: int, origin: str, out: list[ActorEntry]
) -> None:
    body = line.strip()
    if body.startswith("["):
        if not pending.names:
            raise ValueError("code line before any actor name")
        pending.codes.extend(split_codes(body)[1])
        return
    synonym = body.startswith("+")
    name, codes = split_codes(body[1:] if synonym else body)
    if synonym and (codes or not pending.names):
        raise ValueError("a synonym needs an entry before it and takes no code")
    names = [part.strip("_ ") + "_" * part.rstrip().endswith("_") for part in name.split("+")]
    if not all(phrase_words(part)[0] for part in names):
        raise ValueError("an actor name without words")
    if not synonym and pending.codes:
        out.extend(_entries(pending, origin))
        pending.names.clear()
        pending.codes.clear()
    pending.names.extend((part, number) for part in names)
    pending.codes.extend(codes)


def parse_actor_text(
    text: str, origin: str, *, path: str | None = None
) -> tuple[ActorEntry, ...]:
    """Entries of an actor dictionary given as text.

    ``origin`` is the source name the entries keep (a file name, so that compiled
    data carries no local paths); errors name ``path`` when given, else ``origin``.
    """
    pending = _Pending([], [])
    out: list[ActorEntry] = []
    for number, line in content_lines(text):
        try:
            _read_line(pending, line, number, origin, out)
        except ValueError as exc:
            raise DictionaryError(path or origin, number, str(exc)) from exc
    if pending.names and not pending.codes:
        raise DictionaryError(path or origin, pending.names[0][1], "actor without a code")
    out.extend(_entries(pending, origin))
    return tuple(out)


def dictionary_text(path: Path) -> str:
    """A dictionary file's text; bytes that are not UTF-8 are a ``DictionaryError`` too."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DictionaryError(str(path), line, f"not UTF-8 text ({error.reason})") from error


def parse_actor_file(path: Path) -> tuple[ActorEntry, ...]:
    """Entries of one ``.actors`` file; the file's name is the entries' origin."""
    return parse_actor_text(dictionary_text(path), path.name, path=str(path))
