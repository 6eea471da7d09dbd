"""One stored article as an analyst reads it: metadata, text, sentences and events.

The store keeps each sentence with its span but not the article's full text, so the
text is laid out again from the sentences: each sentence at its own offsets and the
gaps between them (datelines, paragraph breaks) as blanks, which keeps every stored
span valid against the rebuilt text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import duckdb

from eventwire.store.base import Row
from eventwire.store.queries import contract_record, fetch_rows

_ARTICLE_COLUMNS: Final = (
    "id, doc_id, content_hash, title, outlet, url, origin, pub_date, dateline_place, status, "
    "duplicate_of, ingested_at"
)


def rebuild_text(sentences: Sequence[Row]) -> str:
    """Sentences laid at their ``start`` offsets; a paragraph change leaves a blank line."""
    parts: list[str] = []
    position = 0
    paragraph: object = None
    for sentence in sorted(sentences, key=lambda s: int(str(s["start"]))):
        start, text = int(str(sentence["start"])), str(sentence["text"])
        gap = start - position
        if gap > 0:
            new_paragraph = paragraph is not None and sentence["paragraph"] != paragraph
            breaks = "\n\n" if new_paragraph and gap >= 2 else ""
            parts.append(" " * (gap - len(breaks)) + breaks)
        parts.append(text)
        position = start + len(text)
        paragraph = sentence["paragraph"]
    return "".join(parts)


def article_id_for_hash(conn: duckdb.DuckDBPyConnection, content_hash: str) -> int | None:
    """The id of the stored article with this content hash, if any."""
    rows = conn.execute("SELECT id FROM articles WHERE content_hash = ?", [content_hash])
    found = rows.fetchall()
    return int(found[0][0]) if found else None


def article_view(conn: duckdb.DuckDBPyConnection, article_id: int) -> Row | None:
    """The article ``article_id`` with ``text``, ``sentences`` and ``events``; None if absent.

    ``sentences`` are ``{index, paragraph, span, text}``; ``events`` are contract records
    in salience order.  A near-duplicate has neither: its original holds them.
    """
    found = fetch_rows(conn, f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?",
                       [int(article_id)])
    if not found:
        return None
    article = found[0]
    sentence_rows = fetch_rows(
        conn, 'SELECT idx, paragraph, "start", "end", text FROM sentences '
        "WHERE article_id = ? ORDER BY idx", [int(article_id)])
    event_rows = fetch_rows(conn, "SELECT e.* FROM events e WHERE e.article_id = ? "
                            "ORDER BY e.rank", [int(article_id)])
    article["text"] = rebuild_text(sentence_rows)
    article["sentences"] = [
        {"index": s["idx"], "paragraph": s["paragraph"], "span": [s["start"], s["end"]],
         "text": s["text"]} for s in sentence_rows
    ]
    article["events"] = [contract_record(row) for row in event_rows]
    return article
