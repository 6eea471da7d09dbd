"""From a decoded text to an :class:`Article`: paragraphs, title and dateline.

Every reader ends here so that a text file, a JSONL record and an HTML page are cut
into paragraphs by the same rules:

* paragraphs are separated by blank lines (lines holding only whitespace); a text
  without any blank line is split at every line break instead, since one-paragraph-
  per-line is the other common layout.  Spans are trimmed of surrounding whitespace
  and empty paragraphs are dropped.  Line breaks are ``\\n``, ``\\r\\n`` and ``\\r``;
  the text itself is never rewritten, so spans index into it as read;
* a *title layout* is a first line, a blank line, then a body: the line is the title
  and paragraph 0, and the body is split by the rule above on its own (a body whose
  paragraphs are single lines still splits);
* a dateline is looked for at the start of the first three body paragraphs (a photo
  caption line may sit between the title and the dateline) and cut off the front of
  the first paragraph that has one.

Every article is screened first (:mod:`eventwire.read.screen`): a text too long, without
prose or not in English raises ``ReadFailure`` here, before anything parses it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from eventwire.model import Article, Dateline, Span
from eventwire.read.dateline import parse_dateline
from eventwire.read.screen import screen_article

MAX_TITLE_CHARS = 300
"""A longer first line is a paragraph, not a title."""

DATELINE_PARAGRAPHS = 3
"""How many body paragraphs may precede the one that carries the dateline, plus one."""

_NEWLINE = re.compile(r"\r\n|\r|\n")
_BLANK_RUN = re.compile(r"(?:\r\n|\r|\n)(?:[^\S\r\n]*(?:\r\n|\r|\n))+")


@dataclass(frozen=True)
class Metadata:
    """What a record or page says about itself, apart from its text."""

    title: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Dating:
    """The two dates a reader knows: the user's ``--date`` and the year reference."""

    default_date: dt.date | None = None
    year_reference: dt.date | None = None


def trim(text: str, start: int, end: int) -> Span | None:
    """``(start, end)`` without surrounding whitespace, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _split(text: str, separator: re.Pattern[str], start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    position = start
    for match in separator.finditer(text, start, end):
        span = trim(text, position, match.start())
        if span is not None:
            spans.append(span)
        position = match.end()
    last = trim(text, position, end)
    if last is not None:
        spans.append(last)
    return spans


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Spans of the non-empty paragraphs of ``text[start:end]`` (see the module notes)."""
    region = trim(text, start, len(text) if end is None else end)
    if region is None:
        return ()
    separator = _BLANK_RUN if _BLANK_RUN.search(text, *region) else _NEWLINE
    return tuple(_split(text, separator, *region))


def split_title(text: str, max_chars: int | None = MAX_TITLE_CHARS) -> tuple[Span, int] | None:
    """The title line's span and where the body starts, when ``text`` has that layout."""
    first = trim(text, 0, len(text))
    if first is None:
        return None
    newline = _NEWLINE.search(text, first[0])
    if newline is None:
        return None
    blank = _BLANK_RUN.match(text, newline.start())
    title = trim(text, first[0], newline.start())
    if blank is None or title is None or trim(text, blank.end(), len(text)) is None:
        return None
    if max_chars is not None and title[1] - title[0] > max_chars:
        return None
    return title, blank.end()


def find_dateline(
    text: str, spans: list[Span], first: int, reference: dt.date | None
) -> tuple[list[Span], Dateline | None]:
    """Cut the first dateline among the first body paragraphs; spans into ``text``."""
    for index in range(first, min(first + DATELINE_PARAGRAPHS, len(spans))):
        start, end = spans[index]
        dateline, offset = parse_dateline(text[start:end], reference)
        if dateline is None:
            continue
        moved = replace(dateline, span=(start + dateline.span[0], start + dateline.span[1]))
        rest = trim(text, start + offset, end)
        return spans[:index] + ([rest] if rest else []) + spans[index + 1 :], moved
    return spans, None


def layout_article(
    text: str,
    *,
    doc_id: str,
    origin: str,
    meta: Metadata,
    dating: Dating,
    detect_title: bool,
    max_title_chars: int | None = MAX_TITLE_CHARS,
) -> Article:
    """An article whose paragraphs, title and dateline follow the module's rules.

    The date is the metadata date, else the dateline date, else ``--date``: a date
    the source states beats one inferred from the text, and the year reference (e.g. a
    file's modification time) is never used as the article's date by itself.
    Raises ``ReadFailure`` for a text the screen refuses.
    """
    screen_article(text, origin)
    head = split_title(text, max_title_chars) if detect_title else None
    spans = [head[0]] if head else []
    spans.extend(paragraph_spans(text, head[1] if head else 0))
    spans, dateline = find_dateline(text, spans, 1 if head else 0, dating.year_reference)
    title = meta.title
    if title is None and head is not None:
        title = text[head[0][0] : head[0][1]]
    date = meta.date or (dateline.date if dateline else None) or dating.default_date
    return Article(
        id=doc_id,
        text=text,
        paragraphs=tuple(spans),
        title=title,
        date=date,
        outlet=meta.outlet or (dateline.outlet if dateline else None),
        url=meta.url,
        dateline=dateline,
        origin=origin,
    )


def iso_date(value: str) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` or an ISO datetime (its calendar date); else None."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None
