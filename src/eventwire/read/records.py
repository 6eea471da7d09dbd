"""JSONL and CSV records: one article per record, streamed.

A record has ``id`` and ``text`` and may have ``title``, ``date`` (``YYYY-MM-DD`` or an
ISO datetime, whose calendar date is used; null or empty means unknown), ``outlet`` and
``url``; other fields are ignored.  ``Article.text`` is the record's ``text`` exactly,
so spans index into it; its paragraphs and dateline follow the same rules as a text
file, but the title only ever comes from the ``title`` field.  The article date is the
record's ``date``, else the dateline's, else ``--date``.

A bad record (broken JSON, missing or empty ``id`` or ``text``, a field of the wrong
type, an unreadable date) becomes a ``ReadError`` named ``path:LINE`` and reading goes
on with the next record: one broken line must not cost a corpus.  The id is required
because it is the join key of evaluation.

Files are read record by record, never whole: a records file has no total size limit,
but one JSONL line may not exceed the per-input limit.  CSV fields are limited by
Python's ``csv`` module (131072 characters per field); a longer field is reported as a
bad record.  CSV is read strictly: an unbalanced quote is reported (with the line where
the broken record starts) instead of silently swallowing the records after it into one
text.  UTF-16/32 records files (rare) are decoded whole, under the size limit.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from eventwire.errors import ReadFailure
from eventwire.model import Article, ReadError
from eventwire.read.decode import (
    SNIFF_BYTES,
    bom_encoding,
    decode_bytes,
    decode_reason,
    looks_binary,
    read_limited,
    size_text,
)
from eventwire.read.gz import open_binary
from eventwire.read.layout import Dating, Metadata, iso_date, layout_article

REQUIRED_COLUMNS = ("id", "text")
_OPTIONAL = ("title", "outlet", "url")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else type(value).__name__


def _record_id(value: object, where: str) -> str:
    if value is None:
        raise ReadFailure(where, "missing id")
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ReadFailure(where, f"id must be a string or an integer, not {_json_type(value)}")
    doc_id = str(value)
    if not doc_id.strip():
        raise ReadFailure(where, "empty id")
    return doc_id


def _record_text(value: object, where: str) -> str:
    if value is None:
        raise ReadFailure(where, "missing text")
    if not isinstance(value, str):
        raise ReadFailure(where, f"text must be a string, not {_json_type(value)}")
    if not value.strip():
        raise ReadFailure(where, "empty text")
    return value


def _optional_string(record: dict[str, object], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReadFailure(where, f"{key} must be a string or null, not {_json_type(value)}")
    return value.strip() or None


def _metadata(record: dict[str, object], where: str) -> Metadata:
    strings = {key: _optional_string(record, key, where) for key in _OPTIONAL}
    raw_date = _optional_string(record, "date", where)
    date = iso_date(raw_date) if raw_date else None
    if raw_date and date is None:
        raise ReadFailure(where, f"date {raw_date!r} is not YYYY-MM-DD or an ISO datetime")
    return Metadata(title=strings["title"], date=date, outlet=strings["outlet"], url=strings["url"])


def record_article(record: object, where: str, dating: Dating) -> Article | ReadError:
    """Check one decoded record and lay it out as an article, or say what is wrong."""
    if not isinstance(record, dict):
        return ReadError(where, f"record is a JSON {_json_type(record)}, not an object")
    try:
        doc_id = _record_id(record.get("id"), where)
        text = _record_text(record.get("text"), where)
        meta = _metadata(record, where)
        reference = meta.date or dating.year_reference
        return layout_article(
            text,
            doc_id=doc_id,
            origin=where,
            meta=meta,
            dating=Dating(dating.default_date, reference),
            detect_title=False,
        )
    except ReadFailure as exc:
        return ReadError(exc.input_name, exc.reason)


def _json_record(line: str, where: str, dating: Dating) -> Article | ReadError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"not valid JSON ({exc.msg.removesuffix(' at')} at column "
                                f"{exc.colno})")
    except (ValueError, RecursionError) as exc:
        return ReadError(where, f"not valid JSON ({type(exc).__name__})")
    return record_article(record, where, dating)


def read_jsonl_text(text: str, name: str, dating: Dating) -> Iterator[Article | ReadError]:
    """Records from JSON lines already decoded (standard input, sniffed files).

    Lines are split at ``\\n`` only: JSON strings may hold a raw U+2028, which
    ``str.splitlines`` would wrongly treat as a line break.
    """
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        if line.strip():
            yield _json_record(line, f"{name}:{number}", dating)


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, int, bytes | None]]:
    """(line number, byte offset, line) with ``None`` for a line over the limit."""
    number, offset = 0, handle.tell()
    while line := handle.readline(max_bytes + 1):
        number += 1
        start = offset
        offset += len(line)
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(SNIFF_BYTES * 128)) and not rest.endswith(b"\n"):
                offset += len(rest)
            offset += len(rest)
            yield number, start, None
        else:
            yield number, start, line


def _jsonl_stream(
    handle: BinaryIO, name: str, dating: Dating, max_bytes: int
) -> Iterator[Article | ReadError]:
    records = 0
    for number, offset, raw in _lines(handle, max_bytes):
        where = f"{name}:{number}"
        if raw is None:
            yield ReadError(where, f"record too large ({size_text(max_bytes + 1, max_bytes)})")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield ReadError(where, decode_reason(exc, "UTF-8", offset))
            continue
        if line.strip():
            records += 1
            yield _json_record(line, where, dating)
    if records == 0:
        raise ReadFailure(name, "empty file (no records)")


def _sniff(path: Path, name: str) -> tuple[str, int, str] | None:
    """The byte order mark of a records file, after refusing empty and binary files."""
    with open_binary(path, name) as handle:
        head = handle.read(SNIFF_BYTES)
    if not head:
        raise ReadFailure(name, "empty file")
    found = bom_encoding(head[:4])
    if found is None and looks_binary(head):
        raise ReadFailure(name, "binary file")
    return found


def read_jsonl_file(
    path: Path, name: str, dating: Dating, max_bytes: int
) -> Iterator[Article | ReadError]:
    """Stream a JSONL file; raises ``ReadFailure``/``OSError`` only for the whole file."""
    found = _sniff(path, name)
    if found is not None and found[0] != "utf-8":
        text = decode_bytes(read_limited(path, name, max_bytes), name)
        yield from read_jsonl_text(text, name, dating)
        return
    with open_binary(path, name) as handle:
        handle.seek(found[1] if found else 0)
        yield from _jsonl_stream(handle, name, dating, max_bytes)


def _columns(header: list[str], name: str) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        columns.setdefault(title.strip().lstrip("\ufeff").lower(), index)
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        found = ", ".join(repr(h) for h in header[:10]) or "nothing"
        raise ReadFailure(name, f"CSV header has no {' or '.join(missing)} column (found {found})")
    return columns


def _csv_record(row: list[str], columns: dict[str, int]) -> dict[str, object]:
    """Empty cells are absent values, as a CSV cannot say null."""
    return {key: row[i] for key, i in columns.items() if i < len(row) and row[i].strip()}


class _CsvReader(Protocol):
    """What ``csv.reader`` returns, as far as this module uses it."""

    @property
    def line_num(self) -> int: ...

    def __next__(self) -> list[str]: ...


def _csv_rows(reader: _CsvReader, name: str) -> Iterator[tuple[str, list[str] | ReadError]]:
    """(``path:LINE`` of the row's first line, row or error); stops at a decoding error."""
    previous = reader.line_num
    while True:
        where = f"{name}:{previous + 1}"
        try:
            row: list[str] | ReadError = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row = ReadError(where, f"bad CSV record ({_csv_problem(exc)})")
        except UnicodeDecodeError as exc:
            label = "UTF-8" if exc.encoding.startswith("utf-8") else exc.encoding.upper()
            reason = decode_reason(exc, label, None)
            yield where, ReadError(where, f"{reason}; rest of file skipped")
            return
        if reader.line_num == previous:  # an error that consumed nothing: do not spin
            return
        previous = reader.line_num
        yield where, row


_CSV_PROBLEMS = (
    ("unexpected end of data", "a quoted field is never closed: unbalanced \" quote"),
    ("expected after", "text after a closing quote: a \" inside a field must be written \"\""),
    ("field larger than field limit", f"a field longer than {csv.field_size_limit():,} characters"),
)


def _csv_problem(exc: csv.Error) -> str:
    """The csv module's message in words a person who edits the file understands."""
    message = str(exc)
    return next((plain for key, plain in _CSV_PROBLEMS if key in message), message)


def read_csv_file(
    path: Path, name: str, dating: Dating, max_bytes: int
) -> Iterator[Article | ReadError]:
    """Stream a CSV file with a header row naming at least ``id`` and ``text``."""
    del max_bytes  # rows are bounded by the csv module's field limit instead
    found = _sniff(path, name)
    codec = "utf-8-sig" if found is None or found[0] == "utf-8" else found[0]
    records = 0
    raw = open_binary(path, name)
    with io.TextIOWrapper(raw, encoding=codec, errors="strict", newline="") as stream:
        reader = csv.reader(stream, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise ReadFailure(name, "empty file") from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ReadFailure(name, f"unreadable CSV header ({exc})") from None
        columns = _columns(header, name)
        for where, row in _csv_rows(reader, name):
            if isinstance(row, ReadError):
                records += 1  # reported already: the file needs no second error
                yield row
            elif any(cell.strip() for cell in row):
                records += 1
                yield record_article(_csv_record(row, columns), where, dating)
    if records == 0:
        raise ReadFailure(name, "no records after the CSV header")
