"""The one file form of compiled dictionaries: gzip-compressed JSON with a format tag.

Every compiled dictionary (verbs, actors, agents) is written and read here, so the
byte-for-byte reproducibility of builds and the check of the format tag live in one
place.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from eventwire.errors import DictionaryError


def write_packed(path: Path, document: dict[str, Any]) -> Path:
    """Write ``document`` as gzip JSON; ``mtime=0`` keeps rebuilds byte-identical."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return path


def read_packed(data: bytes, origin: str, form: str) -> dict[str, Any]:
    """The document in ``data``; a file of another format is a :class:`DictionaryError`."""
    try:
        document = json.loads(gzip.decompress(data))
    except (OSError, EOFError, ValueError) as error:
        raise DictionaryError(origin, 0, f"unreadable compiled dictionary: {error}") from error
    if not isinstance(document, dict) or document.get("format") != form:
        raise DictionaryError(origin, 0, f"not a {form} file")
    return document
