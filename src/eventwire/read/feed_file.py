"""A saved RSS/Atom feed read as articles: one per entry that carries its own text.

``eventwire watch`` follows a feed's links and fetches the pages; reading is offline,
so a feed *file* given to ``code`` or ``ingest`` yields the text each entry holds
(``content:encoded``, ``description``, Atom ``content`` or ``summary``), under its
title.  An entry without text becomes a ``ReadError`` that points to ``watch``.

The XML goes through :func:`~eventwire.read.feeds.parse_feed`, which refuses entity
definitions and external entities without expanding them, so a "billion laughs"
feed or one that names a local file is one clear error and costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from eventwire.errors import ReadFailure
from eventwire.model import Article, ReadError
from eventwire.read.feeds import FeedEntry, parse_feed
from eventwire.read.layout import Dating, Metadata, layout_article

_XML_START = ("<?xml", "<!doctype", "<rss", "<feed", "<rdf:rdf")


def looks_like_feed(text: str) -> bool:
    """Whether decoded text starts as XML (HTML and XHTML are told apart before this)."""
    return text.lstrip("\ufeff \t\r\n")[:9].lower().startswith(_XML_START)


def feed_articles(
    data: bytes | str, *, name: str, doc_id: str, dating: Dating
) -> Iterator[Article | ReadError]:
    """The entries of a feed as articles; raises ``ReadFailure`` for an unusable feed.

    Entries are numbered from 1 in document order: ``NAME#3`` names the third entry in
    errors, and ``DOC_ID-3`` is its article id.
    """
    feed = parse_feed(data, name)
    if not feed.entries:
        raise ReadFailure(name, "feed without entries")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{name}#{number}"
        try:
            yield _entry_article(entry, where, f"{doc_id}-{number}", feed.title, dating)
        except ReadFailure as exc:
            yield ReadError(exc.input_name, exc.reason)


def _entry_article(
    entry: FeedEntry, where: str, doc_id: str, outlet: str | None, dating: Dating
) -> Article:
    if entry.text is None:
        raise ReadFailure(
            where, "feed entry without text of its own (eventwire watch fetches its page)"
        )
    full = entry.text if entry.title is None else f"{entry.title}\n\n{entry.text}"
    meta = Metadata(title=entry.title, date=entry.published, outlet=outlet, url=entry.link)
    return layout_article(
        full,
        doc_id=doc_id,
        origin=where,
        meta=meta,
        dating=Dating(dating.default_date, entry.published or dating.year_reference),
        detect_title=entry.title is not None,
        max_title_chars=None,
    )
