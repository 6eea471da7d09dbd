"""Text files: a wire story (title line, blank line, body) or plain text.

``Article.text`` is the decoded file exactly as stored (byte order mark removed,
newlines untouched), so every span indexes into what is on disk.  The title is the
first line only when the file has the title layout; otherwise it is ``None``.

The article's date comes from the dateline, else from ``--date``.  A file's
modification time is *not* a publication date (copies and downloads change it), so it
is only the reference that completes a dateline date written without a year.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.model import Article
from eventwire.read.decode import decode_bytes, read_limited
from eventwire.read.layout import Dating, Metadata, layout_article


def text_article(text: str, *, doc_id: str, origin: str, dating: Dating) -> Article:
    """An article from already decoded text (a file's or standard input's)."""
    return layout_article(
        text, doc_id=doc_id, origin=origin, meta=Metadata(), dating=dating, detect_title=True
    )


def read_text_file(
    path: Path, name: str, *, doc_id: str, dating: Dating, max_bytes: int
) -> Article:
    """Read, decode and lay out one text file; raises ``ReadFailure`` or ``OSError``."""
    text = decode_bytes(read_limited(path, name, max_bytes), name)
    return text_article(text, doc_id=doc_id, origin=name, dating=dating)
