"""Watching sources: poll RSS/Atom feeds and folders, ingest what is new, round after round.

A watcher runs unattended for days, so one bad source must never stop it: a feed or
page that cannot be fetched or parsed is recorded in the store's errors (stage
``watch``) and, since nothing about it is marked as handled, tried again next round.
What has been handled is kept in the store (``watch_seen``), not in memory, so a
restarted watcher carries on where it stopped; articles go through
:func:`~eventwire.ingest.ingest_articles`, so the content-hash skip makes even an
entry handled twice (a kill between storing and marking) a no-op.

Feeds come from the network, so they are treated as hostile: only ``http``,
``https`` and ``file`` URLs are fetched (redirects only to ``http``/``https``),
every body is capped in size and time, XML is parsed with :mod:`defusedxml` (entity
definitions and external entities refused, never expanded), and an entry's link is
followed only over ``http``/``https`` (also ``file`` when the feed itself is local),
so a remote feed cannot make the watcher read local files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from http.client import HTTPException, HTTPMessage
from pathlib import Path
from typing import IO, Literal
from urllib.error import HTTPError, URLError
from urllib.parse import unquote, urlsplit

from trafilatura.utils import decode_file

from eventwire import __version__
from eventwire.errors import ReadFailure
from eventwire.ingest import IngestSummary, Progress, ingest_articles
from eventwire.model import Article, ReadError
from eventwire.pipeline import Pipeline
from eventwire.read import (
    Dating,
    Metadata,
    expand_sources,
    html_article,
    layout_article,
    looks_like_html,
    read_source,
    text_article,
)
from eventwire.read.decode import (
    SNIFF_BYTES,
    decode_bytes,
    looks_binary,
    os_reason,
    read_limited,
    too_large,
)
from eventwire.read.feeds import Feed, FeedEntry, parse_feed
from eventwire.store.base import EventStore

Fetch = Callable[[str], bytes]
"""Fetches a URL's body; raises (``ReadFailure`` preferably) when it cannot."""

MAX_FETCH_BYTES = 10 * 1024 * 1024
"""Largest feed or page accepted; news pages and feeds are far smaller."""

FETCH_TIMEOUT = 30.0
"""Seconds one fetch may take in all (connecting and reading), not per socket read."""

USER_AGENT = f"eventwire/{__version__} (news event coder; feed watcher)"
FETCH_SCHEMES = frozenset({"http", "https", "file"})
_WEB_SCHEMES = frozenset({"http", "https"})
_CHUNK = 64 * 1024


# --- fetching -------------------------------------------------------------------------


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only: a feed must not redirect us to ftp or a file."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in _WEB_SCHEMES:
            raise ReadFailure(req.full_url, f"redirect to a non-web URL refused ({newurl})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(
    url: str,
    *,
    timeout: float = FETCH_TIMEOUT,
    max_bytes: int = MAX_FETCH_BYTES,
    user_agent: str = USER_AGENT,
) -> bytes:
    """The body at ``url`` (http, https or file); raises ``ReadFailure`` with a reason."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in FETCH_SCHEMES:
        raise ReadFailure(url, f"unsupported URL scheme {scheme!r} (http, https, file only)")
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})
    opener = urllib.request.build_opener(_WebOnlyRedirects())
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise too_large(url, int(declared), max_bytes)
            return _read_capped(response, url, max_bytes, deadline, timeout)
    except HTTPError as exc:
        exc.close()
        raise ReadFailure(url, f"HTTP error {exc.code} {exc.reason}") from None
    except URLError as exc:
        raise ReadFailure(url, _network_reason(exc.reason, timeout)) from None
    except (OSError, ValueError, HTTPException) as exc:
        raise ReadFailure(url, _network_reason(exc, timeout)) from None


def _read_capped(response: IO[bytes], url: str, max_bytes: int, deadline: float,
                 timeout: float) -> bytes:
    """Read in chunks so a huge or slowly dripped body is cut off, not waited for."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise too_large(url, size, max_bytes)
        if time.monotonic() > deadline:
            raise ReadFailure(url, f"timed out after {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _network_reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, BaseException):
        text = str(reason) or type(reason).__name__
        return f"network error ({text})"
    return f"network error ({reason})"


# --- rounds ---------------------------------------------------------------------------

SourceKind = Literal["url", "file", "folder"]


@dataclass(frozen=True)
class WatchRound:
    """What one polling round did.

    ``new_entries`` counts feed entries and folder files handled for the first time;
    ``failed`` the sources and pages that failed (recorded, tried again next round).
    """

    sources: int
    new_entries: int
    failed: int
    ingest: IngestSummary
    elapsed: float


class _Round:
    """The mutable state of one round, kept out of module scope."""

    def __init__(self, store: EventStore, fetch: Fetch, max_bytes: int,
                 default_date: dt.date | None) -> None:
        self.store = store
        self.fetch = fetch
        self.max_bytes = max_bytes
        self.default_date = default_date
        self.marks: dict[str, list[str]] = {}
        self.new_entries = 0
        self.failed = 0

    def fail(self, name: str, exc: Exception) -> None:
        self.store.record_error(name, "watch", _reason(exc))
        self.failed += 1

    def handled(self, source: str, key: str) -> None:
        self.marks.setdefault(source, []).append(key)
        self.new_entries += 1

    def get(self, url: str) -> bytes:
        """Fetch through the injected fetcher, holding it to the size cap too."""
        data = self.fetch(url)
        if len(data) > self.max_bytes:
            raise too_large(url, len(data), self.max_bytes)
        return data


def _reason(exc: Exception) -> str:
    if isinstance(exc, ReadFailure):
        return exc.reason
    if isinstance(exc, OSError):
        return os_reason(exc)
    return f"{type(exc).__name__}: {exc}"


def watch_round(
    sources: Sequence[str],
    pipeline: Pipeline,
    store: EventStore,
    *,
    fetch: Fetch = fetch_url,
    max_bytes: int = MAX_FETCH_BYTES,
    progress: Progress | None = None,
) -> WatchRound:
    """Poll every source once and ingest what it has that was not handled before.

    A source is an http(s)/file feed URL, a local feed file, or a folder (its files
    are handled once per path, modification time and size).  Entries are marked as
    handled only after the round's articles are stored.
    """
    started = time.monotonic()
    run = _Round(store, fetch, max_bytes, pipeline.config.default_date)
    summary = ingest_articles(_round_items(sources, run), pipeline, store, progress=progress)
    for source, keys in run.marks.items():
        store.mark_seen(source, keys)
    return WatchRound(len(sources), run.new_entries, run.failed, summary,
                      time.monotonic() - started)


def _round_items(sources: Sequence[str], run: _Round) -> Iterator[Article | ReadError]:
    for source in sources:
        try:
            kind, key = _classify(source)
        except (ReadFailure, OSError) as exc:
            run.fail(source, exc)
            continue
        if kind == "folder":
            yield from _folder_items(source, key, run)
        else:
            yield from _feed_items(source, key, kind, run)


def _classify(source: str) -> tuple[SourceKind, str]:
    """The kind of a source and the name its handled entries are kept under."""
    if "://" in source:
        scheme = urlsplit(source).scheme.lower()
        if scheme not in FETCH_SCHEMES:
            raise ReadFailure(source, f"unsupported URL scheme {scheme!r} (http, https, file only)")
        return "url", source
    path = Path(source)
    return ("folder" if path.is_dir() else "file"), str(path.resolve())


def _folder_items(folder: str, key: str, run: _Round) -> Iterator[Article | ReadError]:
    """Files not handled in this version (path, mtime, size); a changed file is re-read."""
    seen = run.store.seen_entries(key)
    for source in expand_sources([folder]):
        if isinstance(source, ReadError) or source.path is None:
            continue  # an empty folder is one waiting for files, not an error
        try:
            stat = source.path.stat()
        except OSError:
            continue  # removed since the folder was listed
        file_key = f"{source.path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}"
        if file_key in seen:
            continue
        yield from read_source(source, default_date=run.default_date)
        run.handled(key, file_key)


def _load_feed(source: str, kind: SourceKind, run: _Round) -> Feed:
    if kind == "file":
        path = Path(source)
        return parse_feed(read_limited(path, source, run.max_bytes), path.resolve().as_uri())
    return parse_feed(run.get(source), source)


def _feed_items(source: str, key: str, kind: SourceKind,
                run: _Round) -> Iterator[Article | ReadError]:
    try:
        feed = _load_feed(source, kind, run)
    except Exception as exc:  # any broken feed is recorded; the round goes on
        run.fail(source, exc)
        return
    local = kind == "file" or urlsplit(source).scheme.lower() == "file"
    seen = run.store.seen_entries(key)
    for entry in feed.entries:
        if entry.key in seen:
            continue
        seen.add(entry.key)
        try:
            item = _entry_item(entry, feed, local, run)
        except Exception as exc:  # a page that fails is recorded and retried next round
            run.fail(entry.link or entry.key, exc)
            continue
        yield item
        run.handled(key, entry.key)


def _entry_item(entry: FeedEntry, feed: Feed, local: bool, run: _Round) -> Article | ReadError:
    """The entry's page as an article, else its own text (when the page gives less).

    Raises when the page cannot be fetched, so that the entry is tried again.
    """
    origin = entry.link or entry.key
    doc_id = _doc_id(entry)
    date = entry.published or run.default_date
    dating = Dating(date, date)
    article = None
    if entry.link is not None and _followable(entry.link, local):
        article = _page_article(run.get(entry.link), doc_id, origin, dating)
    if article is not None and len(entry.text or "") > _body_chars(article):
        article = None  # a paywall or script page: the feed carries more of the story
    if article is None:
        article = _summary_article(entry, doc_id, origin, dating)
    if article is None:
        return ReadError(origin, "no article text on the page or in the feed entry")
    return replace(article, url=article.url or entry.link, title=article.title or entry.title,
                   outlet=article.outlet or feed.title)


def _body_chars(article: Article) -> int:
    return len(article.text) - len(article.title or "")


def _followable(link: str, local_feed: bool) -> bool:
    scheme = urlsplit(link).scheme.lower()
    return scheme in _WEB_SCHEMES or (local_feed and scheme == "file")


def _doc_id(entry: FeedEntry) -> str:
    """Readable (the link's last path part) and unique (a hash of the entry's key)."""
    digest = hashlib.sha256(entry.key.encode("utf-8")).hexdigest()[:10]
    stem = Path(unquote(urlsplit(entry.link).path)).stem if entry.link else ""
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", stem).strip("-")[:48]
    return f"{slug}-{digest}" if slug else digest


def _page_article(data: bytes, doc_id: str, origin: str, dating: Dating) -> Article | None:
    """The page's main text, or None when it has none (then the entry's text is used)."""
    text = _page_text(data, origin)
    if text is None:
        return None
    try:
        if looks_like_html(text) or text.lstrip().startswith("<"):
            return html_article(text, doc_id=doc_id, origin=origin, dating=dating)
        return text_article(text, doc_id=doc_id, origin=origin, dating=dating)
    except ReadFailure:
        return None


def _page_text(data: bytes, origin: str) -> str | None:
    """UTF-8 as the readers want it; else the page's declared charset (legacy sites)."""
    try:
        return decode_bytes(data, origin)
    except ReadFailure:
        if not data.strip() or looks_binary(data[:SNIFF_BYTES]):
            return None
    text = decode_file(data)
    return text if isinstance(text, str) and text.strip() else None


def _summary_article(entry: FeedEntry, doc_id: str, origin: str,
                     dating: Dating) -> Article | None:
    if entry.text is None:
        return None
    full = entry.text if entry.title is None else f"{entry.title}\n\n{entry.text}"
    meta = Metadata(title=entry.title, url=entry.link)
    return layout_article(full, doc_id=doc_id, origin=origin, meta=meta, dating=dating,
                          detect_title=entry.title is not None, max_title_chars=None)


def watch(
    sources: Sequence[str],
    pipeline: Pipeline,
    store: EventStore,
    every: float,
    rounds: int | None = None,
    *,
    fetch: Fetch = fetch_url,
    sleep: Callable[[float], None] = time.sleep,
    on_round: Callable[[int, WatchRound], None] | None = None,
) -> int:
    """Run a round every ``every`` seconds (start to start), ``rounds`` times or forever.

    ``on_round`` gets the round number (from 1) and its result; returns rounds run.
    """
    if every < 0:
        raise ValueError("the interval between rounds must not be negative")
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        result = watch_round(sources, pipeline, store, fetch=fetch)
        done += 1
        if on_round is not None:
            on_round(done, result)
        if rounds is not None and done >= rounds:
            break
        sleep(max(0.0, every - (time.monotonic() - started)))
    return done
