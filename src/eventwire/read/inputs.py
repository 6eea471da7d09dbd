"""``read_inputs``: every input the user named → articles and read errors, streamed.

Bad input never raises: a missing path, an empty or binary file, undecodable bytes,
a folder with nothing to read or a broken record each become a
:class:`~eventwire.model.ReadError` in the stream, in input order, and reading goes
on.  Articles come out as soon as they are read, so a large corpus is coded while it
is being read.

Article ids are unique within a run: file stems are disambiguated up front (see
:mod:`eventwire.read.sources`) and a later record whose id was already used becomes a
``ReadError``, since ids join events to gold annotations.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from eventwire.errors import ReadFailure
from eventwire.model import Article, ReadError
from eventwire.read.decode import (
    MAX_INPUT_BYTES,
    decode_bytes,
    os_reason,
    read_limited,
    read_stream,
)
from eventwire.read.feed_file import feed_articles
from eventwire.read.html import html_article, looks_like_html
from eventwire.read.layout import Dating
from eventwire.read.records import read_csv_file, read_jsonl_file, read_jsonl_text
from eventwire.read.sources import Source, expand_sources, sniff_kind
from eventwire.read.text import text_article


def read_inputs(
    inputs: Sequence[str],
    *,
    default_date: dt.date | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[Article | ReadError]:
    """Read files, folders, glob patterns and ``-`` (``stdin``, else ``sys.stdin``).

    ``default_date`` dates articles that carry no date and completes dateline dates
    written without a year; ``max_bytes`` caps each whole-read input.
    """
    origins: dict[str, str] = {}
    for source in expand_sources(inputs):
        if isinstance(source, ReadError):
            yield source
            continue
        items = read_source(source, default_date=default_date, stdin=stdin, max_bytes=max_bytes)
        for item in items:
            yield _unique(item, origins)


def _unique(item: Article | ReadError, origins: dict[str, str]) -> Article | ReadError:
    if isinstance(item, ReadError):
        return item
    origin = item.origin or item.id
    if item.id in origins:
        return ReadError(origin, f"duplicate id {item.id!r} (already read from {origins[item.id]})")
    origins[item.id] = origin
    return item


def read_source(
    source: Source,
    *,
    default_date: dt.date | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[Article | ReadError]:
    """Read one expanded source; a failure of the whole source ends it as one error."""
    try:
        if source.path is None:
            text = read_stream(stdin if stdin is not None else sys.stdin, source.name, max_bytes)
            yield from _from_text(text, source, Dating(default_date, default_date))
        else:
            yield from _from_file(source, source.path, default_date, max_bytes)
    except ReadFailure as exc:
        yield ReadError(exc.input_name, exc.reason)
    except OSError as exc:
        yield ReadError(source.name, os_reason(exc))


_NAME_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def name_date(name: str) -> dt.date | None:
    """A date written in a file's name (``tass-2022-02-10.txt``, ``20220210-wire.txt``).

    Archives name files by the day they were published, and a name survives copying
    where a modification time does not, so it is the better year for a dateline's
    ``February 10``."""
    for match in _NAME_DATE.finditer(name):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:  # February 30
            continue
    return None


def _mtime_date(path: Path) -> dt.date | None:
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime)
    except (OSError, OverflowError, ValueError):
        return None


def _from_file(
    source: Source, path: Path, default_date: dt.date | None, max_bytes: int
) -> Iterator[Article | ReadError]:
    """Records files stream; text and HTML files are read whole (under the limit)."""
    dating = Dating(default_date, default_date or name_date(path.name) or _mtime_date(path))
    if source.kind == "jsonl":
        yield from read_jsonl_file(path, source.name, dating, max_bytes)
    elif source.kind == "csv":
        yield from read_csv_file(path, source.name, dating, max_bytes)
    elif source.kind == "feed":  # bytes: the XML declaration names the encoding
        data = read_limited(path, source.name, max_bytes)
        yield from feed_articles(data, name=source.name, doc_id=source.doc_id, dating=dating)
    else:
        text = decode_bytes(read_limited(path, source.name, max_bytes), source.name)
        yield from _from_text(text, source, dating)


def _from_text(text: str, source: Source, dating: Dating) -> Iterator[Article | ReadError]:
    """A decoded whole input; its kind by extension, else by its content."""
    kind = source.kind or sniff_kind(text)
    if kind == "text" and looks_like_html(text):
        kind = "html"
    if kind == "html":
        yield html_article(text, doc_id=source.doc_id, origin=source.name, dating=dating)
    elif kind == "jsonl":
        yield from read_jsonl_text(text, source.name, dating)
    elif kind == "feed":
        yield from feed_articles(text, name=source.name, doc_id=source.doc_id, dating=dating)
    else:
        yield text_article(text, doc_id=source.doc_id, origin=source.name, dating=dating)
