"""Gzip-compressed inputs (``story.txt.gz``, ``corpus.jsonl.gz``), read as streams.

Corpora are often shipped compressed, and decompressing them to disk first doubles
the space they need.  A ``.gz`` file is read through a decompressing stream under the
same rules as the file inside it: whole-read kinds (text, HTML) are capped on their
*decompressed* size, so a small "gzip bomb" cannot fill memory, and records files are
streamed record by record.  The kind is the extension under ``.gz``
(``.jsonl.gz`` → JSONL); without one, the decompressed content is sniffed.

Damage is an input problem, not a crash: a truncated file (a download cut short), a
corrupt one or a file that is not gzip at all raises :class:`ReadFailure` naming the
input, also in the middle of a records file, where the records before the damage have
been read already and are kept.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, cast

from eventwire.errors import ReadFailure

GZIP_SUFFIX = ".gz"


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == GZIP_SUFFIX


def inner_path(path: Path) -> Path:
    """The name of the file inside: ``a/story.txt.gz`` → ``a/story.txt``."""
    return path.with_suffix("") if is_gzip(path) else path


class _GzipInput(gzip.GzipFile):
    """A gzip stream whose damage surfaces as ``ReadFailure`` (see the module notes)."""

    def __init__(self, path: Path, name: str) -> None:
        super().__init__(filename=path, mode="rb")
        self.input_name = name

    @contextmanager
    def _damage(self) -> Iterator[None]:
        try:
            yield
        except EOFError:
            raise ReadFailure(
                self.input_name, "truncated gzip file (the compressed data ends early)"
            ) from None
        except gzip.BadGzipFile:
            raise ReadFailure(self.input_name, "not a gzip file (no gzip signature)") from None
        except zlib.error as exc:
            raise ReadFailure(self.input_name, f"damaged gzip data ({exc})") from None

    def read(self, size: int | None = -1) -> bytes:
        with self._damage():
            return super().read(size)

    def read1(self, size: int = -1) -> bytes:
        with self._damage():
            return super().read1(size)

    def peek(self, n: int) -> bytes:
        with self._damage():
            return super().peek(n)

    def readline(self, size: int | None = -1) -> bytes:
        with self._damage():
            return super().readline(size)


def open_binary(path: Path, name: str) -> BinaryIO:
    """The file's bytes, decompressed when it is a ``.gz`` file; a context manager."""
    if is_gzip(path):
        return cast(BinaryIO, _GzipInput(path, name))
    return path.open("rb")
