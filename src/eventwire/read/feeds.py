"""RSS 2.0, RSS 1.0 and Atom feeds: the entries a watcher should fetch.

Feeds come from the network and are treated as hostile: XML is parsed with
:mod:`defusedxml`, so entity definitions and external entities are refused and never
expanded (no "billion laughs", no reading of local files through an entity).
"""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

from eventwire.errors import ReadFailure
from eventwire.read.layout import iso_date

_ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed; ``key`` (guid/id, else link) tells whether it was seen."""

    key: str
    link: str | None
    title: str | None
    published: dt.date | None
    text: str | None
    """The entry's own content or summary as plain text, used when the page gives none."""


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(data: bytes | str, base: str) -> Feed:
    """An RSS (2.0 or 1.0) or Atom feed; relative links are resolved against ``base``.

    Raises ``ReadFailure`` for XML that is broken, defines entities (refused, never
    expanded, so a "billion laughs" costs nothing) or is not a feed.
    """
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                 forbid_external=True)
    except DefusedXmlException as exc:
        raise ReadFailure(base, f"unsafe XML refused, nothing expanded ({_unsafe(exc)})") from None
    except ParseError as exc:
        raise ReadFailure(base, f"not well-formed XML ({exc})") from None
    kind = _local(root.tag)
    if kind == "feed":
        items = [e for e in root if _local(e.tag) == "entry"]
        return Feed(_text(_child(root, "title")), _entries(items, base, _atom_entry))
    channel = _child(root, "channel")
    if kind == "rss" and channel is not None:
        items = [e for e in channel if _local(e.tag) == "item"]
    elif kind == "RDF":
        items = [e for e in root if _local(e.tag) == "item"]
    else:
        raise ReadFailure(base, f"not an RSS or Atom feed (root element <{kind}>)")
    title = _text(_child(channel, "title")) if channel is not None else None
    return Feed(title, _entries(items, base, _rss_entry))


def _unsafe(exc: DefusedXmlException) -> str:
    """``defines the entity 'lol'`` or ``an external entity 'x' pointing to file:///…``."""
    name = getattr(exc, "name", None)
    system = getattr(exc, "sysid", None)
    if isinstance(exc, EntitiesForbidden) and system:
        return f"an external entity {name!r} pointing to {system}"
    if isinstance(exc, EntitiesForbidden):
        return f"defines the entity {name!r}; entity expansion is disabled"
    if isinstance(exc, ExternalReferenceForbidden):
        return f"an external reference to {system or exc}"
    return str(exc)


def _entries(items: list[Element], base: str,
             make: Callable[[Element, str], FeedEntry | None]) -> tuple[FeedEntry, ...]:
    return tuple(entry for item in items if (entry := make(item, base)) is not None)


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _child(element: Element | None, *names: str) -> Element | None:
    """The first child with one of the local ``names``, trying the names in order."""
    if element is None:
        return None
    for name in names:
        for child in element:
            if _local(child.tag) == name:
                return child
    return None


def _text(element: Element | None) -> str | None:
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def _rss_entry(item: Element, base: str) -> FeedEntry | None:
    link = _text(_child(item, "link"))
    body = _child(item, "encoded", "description")
    return _entry(
        key=_text(_child(item, "guid")),
        link=urljoin(base, link) if link else None,
        title=_text(_child(item, "title")),
        published=_text(_child(item, "pubDate", "date")),
        text=_html_text(body.text) if body is not None and body.text else None,
    )


def _atom_entry(item: Element, base: str) -> FeedEntry | None:
    links = [e for e in item if e.tag == f"{_ATOM}link" and e.get("href")]
    page = next((e for e in links if e.get("rel", "alternate") == "alternate"), None)
    href = page.get("href") if page is not None else None
    return _entry(
        key=_text(_child(item, "id")),
        link=urljoin(base, href) if href else None,
        title=_text(_child(item, "title")),
        published=_text(_child(item, "published", "updated")),
        text=_atom_text(_child(item, "content", "summary")),
    )


def _atom_text(element: Element | None) -> str | None:
    if element is None:
        return None
    if element.get("type") == "xhtml":
        return _tidy("".join(_xhtml_parts(element)))
    if element.get("type") == "html":
        return _html_text(element.text or "")
    return _html_text("".join(element.itertext()))


def _entry(*, key: str | None, link: str | None, title: str | None, published: str | None,
           text: str | None) -> FeedEntry | None:
    """An entry identified by its id, else its link, else its title and date; else none."""
    identity = key or link or (f"title:{title}|{published}" if title else None)
    if identity is None:
        return None
    return FeedEntry(identity, link, title, _feed_date(published), text)


def _feed_date(value: str | None) -> dt.date | None:
    """RFC 822 (RSS) or RFC 3339 (Atom, Dublin Core) date; the calendar date as written."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return iso_date(value)


class _PlainText(HTMLParser):
    """Feed summaries are HTML fragments; keep their words, one block per line."""

    BLOCKS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                         "blockquote", "tr", "section", "article"})
    _SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _xhtml_parts(element: Element) -> Iterator[str]:
    """Atom's inline XHTML: the text of the elements, a line break around blocks."""
    block = _local(element.tag) in _PlainText.BLOCKS
    if block:
        yield "\n"
    yield element.text or ""
    for child in element:
        yield from _xhtml_parts(child)
        yield child.tail or ""
    if block:
        yield "\n"


def _html_text(fragment: str) -> str | None:
    parser = _PlainText()
    parser.feed(fragment)
    parser.close()
    return _tidy("".join(parser.parts))


def _tidy(text: str) -> str | None:
    """Whitespace collapsed within lines, empty lines dropped: one paragraph per line."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line) or None


