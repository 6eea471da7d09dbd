"""Bytes → text, refusing anything that is not clearly text.

News text reaches us from scrapers, exports and pipes, so a wrong input must give a
reason a person can act on ("not UTF-8 text (invalid byte 0xe9 at offset 12)") rather
than a traceback or silently garbled characters.  Accepted encodings are UTF-8 (with
or without a byte order mark) and UTF-16/UTF-32 *with* a byte order mark; guessing
legacy code pages would silently change the text that every span indexes into.

Decoding keeps the text exactly as stored apart from removing the byte order mark:
newlines are *not* normalised (``\\r\\n`` stays ``\\r\\n``), so spans index into the
characters of the file.  Every function here raises :class:`ReadFailure`; the caller
turns it into a :class:`~eventwire.model.ReadError`.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path
from typing import BinaryIO, TextIO

from eventwire.errors import ReadFailure
from eventwire.read.gz import is_gzip, open_binary

MAX_INPUT_BYTES = 10 * 1024 * 1024
"""Largest file (or standard input) read whole, and largest JSONL record; records files
are streamed, so only each record is capped.  News pages and articles are far smaller."""

SNIFF_BYTES = 8192
"""How much of the start of an input decides whether it is binary."""

_MB = 1024 * 1024
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b\x08")
_BINARY_RATIO = 0.10
_REPLACEMENT_RATIO = 0.20

# UTF-32 LE must be tried before UTF-16 LE: its mark starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def bom_encoding(head: bytes) -> tuple[str, int, str] | None:
    """The codec named by a byte order mark, how many bytes to skip, and a label.

    UTF-16/32 codecs consume their own mark, so only UTF-8 asks for a skip.
    """
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return codec, (len(bom) if codec == "utf-8" else 0), label
    return None


def limit_text(limit: int) -> str:
    """``10 MB limit`` (or bytes when the limit is below a megabyte)."""
    return f"{limit} bytes limit" if limit < _MB else f"{limit / _MB:g} MB limit"


def size_text(size: int, limit: int) -> str:
    """``63.2 MB > 10 MB limit`` (or bytes when the limit is below a megabyte)."""
    if limit < _MB:
        return f"{size} bytes > {limit_text(limit)}"
    return f"{size / _MB:.1f} MB > {limit_text(limit)}"


def too_large(name: str, size: int, limit: int) -> ReadFailure:
    return ReadFailure(name, f"too large ({size_text(size, limit)})")


def looks_binary(sample: bytes) -> bool:
    """Whether bytes without a byte order mark are data rather than text.

    A NUL byte never occurs in UTF-8 text; otherwise many control bytes or many
    undecodable bytes mean data (a Latin-1 text has only a few undecodable bytes and
    is reported as a decoding problem instead, which tells the user how to fix it).
    """
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if (b < 0x20 or b == 0x7F) and chr(b) not in _TEXT_CONTROLS)
    if controls / len(sample) > _BINARY_RATIO:
        return True
    decoded = sample.decode("utf-8", errors="replace")
    return decoded.count("\ufffd") / max(len(decoded), 1) > _REPLACEMENT_RATIO


def _mostly_controls(text: str) -> bool:
    sample = text[:SNIFF_BYTES]
    controls = sum(
        1 for c in sample if c not in _TEXT_CONTROLS and unicodedata.category(c) == "Cc"
    )
    return bool(sample) and controls / len(sample) > _BINARY_RATIO


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a whole input; refuse empty, binary and undecodable data."""
    if not data:
        raise ReadFailure(name, "empty file")
    found = bom_encoding(data[:4])
    if found is None and looks_binary(data[:SNIFF_BYTES]):
        raise ReadFailure(name, "binary file")
    if found is None and b"\x00" in data:
        raise ReadFailure(name, "binary file (contains NUL bytes)")
    codec, skip, label = found or ("utf-8", 0, "UTF-8")
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadFailure(name, decode_reason(exc, label, skip)) from None
    if _mostly_controls(text):
        raise ReadFailure(name, "binary file")
    if not text.strip():
        raise ReadFailure(name, "empty file (only whitespace)")
    return text


def decode_reason(exc: UnicodeDecodeError, label: str, skip: int | None = 0) -> str:
    """``not UTF-8 text (invalid byte 0xff at offset 12)``, offsets counted in the input.

    ``skip`` is where the decoded bytes start in the input; ``None`` when that is not
    known (a decoding stream), and then no offset is given rather than a wrong one.
    """
    bad = exc.object[exc.start : exc.start + 1]
    where = "" if skip is None else f" at offset {exc.start + skip}"
    if not bad or exc.reason == "unexpected end of data":
        return f"not {label} text (truncated character{where})"
    return f"not {label} text (invalid byte 0x{bad[0]:02x}{where})"


def os_reason(exc: OSError) -> str:
    """A short lower-case reason for an operating-system error, without the path."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    reason = exc.strerror or str(exc) or type(exc).__name__
    return reason[:1].lower() + reason[1:]


def read_limited(path: Path, name: str, max_bytes: int) -> bytes:
    """Read a whole file, refusing it before reading when it is over the limit.

    A ``.gz`` file is decompressed and capped on its decompressed size.
    """
    if is_gzip(path):
        with open_binary(path, name) as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ReadFailure(name, f"too large uncompressed (over the {limit_text(max_bytes)})")
        return data
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(name, size, max_bytes)
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(name, len(data), max_bytes)
    return data


def read_stream(stream: TextIO | BinaryIO, name: str, max_bytes: int) -> str:
    """Read standard input (text or bytes) whole, under the same rules as a file.

    A text stream with an underlying byte buffer (``sys.stdin``) is read as bytes so
    that decoding follows these rules rather than the locale's.
    """
    source = getattr(stream, "buffer", stream)
    data: str | bytes = source.read(max_bytes + 1)
    if isinstance(data, bytes):
        if len(data) > max_bytes:
            raise too_large(name, len(data), max_bytes)
        return decode_bytes(data, name)
    if len(data) > max_bytes:
        raise too_large(name, len(data), max_bytes)
    if not data:
        raise ReadFailure(name, "empty input")
    if "\x00" in data or _mostly_controls(data):
        raise ReadFailure(name, "binary data")
    if not data.strip():
        raise ReadFailure(name, "empty input (only whitespace)")
    return data
