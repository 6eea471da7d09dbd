"""HTML pages: the article's main text, extracted with trafilatura, offline.

A saved page is mostly navigation, adverts and footers; coding those would invent
events, so only the main text is kept, with trafilatura's precision setting (a short
line lost costs less than a menu coded as events).  The page is never fetched again
and no URL is followed: trafilatura gets the markup only.  ``Article.text`` is built as
the title line, a blank line and the extracted body (one paragraph per line), so the
layout rules of text files apply to it unchanged.  The date comes from the page metadata
(``extensive_search`` is off so that a date mentioned in the body is not taken for
the publication date), else from a dateline, else from ``--date``.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from eventwire.errors import ReadFailure
from eventwire.model import Article
from eventwire.read.layout import Dating, Metadata, iso_date, layout_article

_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML page (its start, not a tag somewhere inside)."""
    return _HTML_START.match(text[:4096]) is not None


def _extract(html: str, name: str) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            include_tables=False,
            include_images=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # a parser bug on odd markup must not end the batch
        raise ReadFailure(name, f"HTML extraction failed ({type(exc).__name__}: {exc})") from None


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _body_lines(text: str, title: str | None) -> list[str]:
    """The extracted paragraphs, without a leading copy of the title (the page's h1)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title is not None and " ".join(lines[0].split()) == title:
        lines = lines[1:]
    return lines


def html_article(html: str, *, doc_id: str, origin: str, dating: Dating) -> Article:
    """Extract the main text of a page; raises ``ReadFailure`` when there is none."""
    document = _extract(html, origin)
    text = getattr(document, "text", None)
    title = _one_line(getattr(document, "title", None))
    body = _body_lines(text, title) if isinstance(text, str) else []
    if not body:
        raise ReadFailure(origin, "no article text found in the HTML page")
    raw_date = getattr(document, "date", None)
    meta = Metadata(
        title=title,
        date=iso_date(raw_date) if isinstance(raw_date, str) else None,
        outlet=_one_line(getattr(document, "sitename", None)),
        url=_one_line(getattr(document, "url", None)),
    )
    full = "\n".join(body) if title is None else f"{title}\n\n" + "\n".join(body)
    return layout_article(
        full,
        doc_id=doc_id,
        origin=origin,
        meta=meta,
        dating=Dating(dating.default_date, meta.date or dating.year_reference),
        detect_title=title is not None,
        max_title_chars=None,
    )
