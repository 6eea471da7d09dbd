"""Watching: feeds (local files and a 127.0.0.1 server), folders, failures, the CLI."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from spacy.language import Language

from eventwire import cli_watch
from eventwire.config import Config
from eventwire.errors import ReadFailure
from eventwire.pipeline import Pipeline
from eventwire.store import DuckDBStore, open_store
from eventwire.watch import WatchRound, fetch_url, parse_feed, watch, watch_round

STORIES = {
    "attack": ("Troops attack near Kharkiv",
               "Russian troops attacked Ukrainian positions near Kharkiv on Monday, the "
               "defence ministry in Kyiv said in a statement.",
               "The British government condemned Russia and said it would send more weapons "
               "to Ukraine."),
    "talks": ("Talks in Warsaw",
              "Officials in Warsaw said Poland would host talks between the two sides next "
              "month, according to a statement from the foreign ministry.",
              "The German chancellor met the French president in Paris on Tuesday."),
    "aid": ("Aid for Kenya",
            "The Japanese government pledged new aid to Kenya after floods, the embassy in "
            "Nairobi said on Wednesday.",
            "The Kenyan president thanked Japan for its support."),
    "visit": ("Minister visits Cairo",
              "The Indian foreign minister visited Egypt on Thursday and praised the Egyptian "
              "government for its mediation.",
              "Both sides agreed to meet again in the autumn."),
}


def _page(name: str) -> bytes:
    title, *paragraphs = STORIES[name]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>"
            f"Home</a></nav><article><h1>{title}</h1>\n{body}</article>"
            f"<footer>Footer</footer></body></html>").encode()


@dataclass
class Site:
    """Routes of the local server: path -> (status, body); requests are counted."""

    base: str
    routes: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    delay: dict[str, float] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site_ref: list[Site]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = 5

        def do_GET(self) -> None:
            site = site_ref[0]
            site.hits[self.path] += 1
            status, body = site.routes.get(self.path, (404, b"not found"))
            if status in (301, 302):
                self.send_response(status)
                self.send_header("Location", body.decode())
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            time.sleep(site.delay.get(self.path, 0.0))
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture()
def site() -> Iterator[Site]:
    ref: list[Site] = []
    server = HTTPServer(("127.0.0.1", 0), _handler(ref))
    ref.append(Site(f"http://127.0.0.1:{server.server_address[1]}"))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield ref[0]
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def pipeline(nlp: Language) -> Pipeline:
    return Pipeline.from_config(Config(batch_size=4), nlp=nlp)


def _rss(items: list[dict[str, str]], title: str = "Test Wire") -> bytes:
    def item(fields: dict[str, str]) -> str:
        return "<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in fields.items()) + "</item>"

    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{title}</title>{''.join(item(i) for i in items)}</channel></rss>").encode()


def _rss_item(site: Site, name: str) -> dict[str, str]:
    return {"title": STORIES[name][0], "link": site.url(f"/news/{name}.html"),
            "guid": f"urn:test:{name}", "pubDate": "Mon, 07 Mar 2022 09:30:00 +0000"}


def _serve(site: Site, *names: str) -> None:
    for name in names:
        site.routes[f"/news/{name}.html"] = (200, _page(name))


def test_rss_file_rounds_ingest_new_entries_once(pipeline: Pipeline, site: Site,
                                                 tmp_path: Path) -> None:
    _serve(site, "attack", "talks", "aid")
    feed = tmp_path / "wire.xml"
    feed.write_bytes(_rss([_rss_item(site, "attack"), _rss_item(site, "talks")]))
    with open_store(tmp_path / "db.duckdb") as store:
        first = watch_round([str(feed)], pipeline, store)
        assert (first.new_entries, first.failed, first.ingest.new) == (2, 0, 2)
        assert first.ingest.events == store.stats().events > 0
        rows = {str(r["url"]): r for r in store.articles()}
        assert set(rows) == {site.url("/news/attack.html"), site.url("/news/talks.html")}
        attack = rows[site.url("/news/attack.html")]
        assert attack["title"] == STORIES["attack"][0]
        assert attack["pub_date"] == dt.date(2022, 3, 7)  # the page has none; the feed's
        stats = store.stats()
        second = watch_round([str(feed)], pipeline, store)
        assert (second.new_entries, second.ingest.read, second.ingest.new) == (0, 0, 0)
        assert store.stats() == stats
        assert site.hits["/news/attack.html"] == 1  # handled entries are not fetched again
        feed.write_bytes(_rss([_rss_item(site, n) for n in ("aid", "attack", "talks")]))
        third = watch_round([str(feed)], pipeline, store)
        assert (third.new_entries, third.ingest.new) == (1, 1)
        assert site.hits["/news/aid.html"] == 1 and site.hits["/news/talks.html"] == 1
        assert store.stats().articles == 3 and store.errors() == []


def _atom(site: Site) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><id>tag:test,2022:visit</id><title>{STORIES["visit"][0]}</title>
  <link rel="alternate" href="/news/visit.html"/><updated>2022-03-10T08:00:00Z</updated></entry>
<entry><id>tag:test,2022:aid</id><title>{STORIES["aid"][0]}</title>
  <link href="/news/blank.html"/><published>2022-03-09T08:00:00+02:00</published>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{STORIES["aid"][1]}</p>
  <p>{STORIES["aid"][2]}</p></div></content></entry>
<entry><id>tag:test,2022:talks</id><title>{STORIES["talks"][0]}</title>
  <summary type="html">&lt;p&gt;{STORIES["talks"][1]}&lt;/p&gt;</summary></entry>
</feed>""".encode()


def test_atom_feed_over_http_with_summary_fallbacks(pipeline: Pipeline, site: Site,
                                                    tmp_path: Path) -> None:
    _serve(site, "visit")
    site.routes["/news/blank.html"] = (200, b"<!DOCTYPE html><html><body><nav>Menu</nav>"
                                            b"</body></html>")
    site.routes["/feed.atom"] = (200, _atom(site))
    with open_store(tmp_path / "db.duckdb") as store:
        result = watch_round([site.url("/feed.atom")], pipeline, store)
        assert (result.new_entries, result.failed, result.ingest.new) == (3, 0, 3)
        rows = {str(r["title"]): r for r in store.articles()}
        assert rows[STORIES["visit"][0]]["url"] == site.url("/news/visit.html")
        assert rows[STORIES["aid"][0]]["pub_date"] == dt.date(2022, 3, 9)
        assert rows[STORIES["talks"][0]]["outlet"] == "Atom Wire"
        evidence = " ".join(str(e["sentence"]) for e in store.events())
        assert "Japanese government" in evidence  # from the entry's content, page was blank
        assert watch_round([site.url("/feed.atom")], pipeline, store).ingest.read == 0


def test_failing_sources_are_recorded_and_retried(pipeline: Pipeline, site: Site,
                                                  tmp_path: Path) -> None:
    _serve(site, "attack")
    site.routes["/down.xml"] = (500, b"oops")
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<rss><channel><item><title>cut off")
    bomb = tmp_path / "bomb.xml"
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{entities}]>'
                    "<rss><channel><item><title>&lol9;</title><description>&lol9;"
                    "</description></item></channel></rss>")
    good = tmp_path / "good.xml"
    good.write_bytes(_rss([_rss_item(site, "attack"), _rss_item(site, "talks")]))  # 404 page
    sources = [site.url("/down.xml"), str(broken), str(bomb), str(good), "ftp://x/feed"]
    with open_store(tmp_path / "db.duckdb") as store:
        started = time.monotonic()
        first = watch_round(sources, pipeline, store)
        assert time.monotonic() - started < 10
        assert (first.failed, first.new_entries, first.ingest.new) == (5, 1, 1)
        reasons = {Path(str(e["input"])).name: str(e["reason"]) for e in store.errors()}
        assert {e["stage"] for e in store.errors()} == {"watch"}
        assert reasons["down.xml"].startswith("HTTP error 500")
        assert "not well-formed" in reasons["broken.xml"]
        assert "unsafe XML" in reasons["bomb.xml"] and "lollol" not in reasons["bomb.xml"]
        assert reasons["talks.html"].startswith("HTTP error 404")
        assert "scheme 'ftp'" in reasons["feed"]
        second = watch_round(sources, pipeline, store)  # failures are tried again...
        assert (second.failed, second.new_entries) == (5, 0)
        assert site.hits["/down.xml"] == 2 and site.hits["/news/talks.html"] == 2
        assert len(store.errors()) == 5  # ...and recorded once
        site.routes["/down.xml"] = (200, _rss([_rss_item(site, "aid")]))
        _serve(site, "talks", "aid")
        third = watch_round(sources, pipeline, store)
        assert (third.failed, third.new_entries, third.ingest.new) == (3, 2, 2)
        assert store.stats().articles == 3


def test_folder_source_reads_new_and_changed_files(pipeline: Pipeline, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "attack.txt").write_text("\n\n".join(STORIES["attack"]), encoding="utf-8")
    with open_store(tmp_path / "db.duckdb") as store:
        empty = watch_round([str(tmp_path / "nothing")], pipeline, store)
        assert empty.failed == 1 and store.errors()[0]["stage"] == "watch"
        first = watch_round([str(folder)], pipeline, store)
        assert (first.new_entries, first.ingest.new) == (1, 1)
        assert watch_round([str(folder)], pipeline, store).ingest.read == 0
        (folder / "talks.txt").write_text("\n\n".join(STORIES["talks"]), encoding="utf-8")
        second = watch_round([str(folder)], pipeline, store)
        assert (second.new_entries, second.ingest.new) == (1, 1)
        edited = folder / "attack.txt"
        edited.write_text("\n\n".join(STORIES["visit"]), encoding="utf-8")
        third = watch_round([str(folder)], pipeline, store)
        assert (third.new_entries, third.ingest.new) == (1, 1)
        assert store.stats().articles == 3


def test_remote_feed_cannot_make_the_watcher_read_local_files(pipeline: Pipeline, site: Site,
                                                              tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<html><body><p>The secret agent met the minister.</p></body></html>")
    item = {"title": "Local", "link": secret.as_uri(), "guid": "local",
            "description": STORIES["visit"][1]}
    site.routes["/feed.xml"] = (200, _rss([item]))
    site.routes["/hop"] = (302, secret.as_uri().encode())
    with open_store(tmp_path / "db.duckdb") as store:
        result = watch_round([site.url("/feed.xml")], pipeline, store)
        assert result.ingest.new == 1
        assert not any("secret" in str(e["sentence"]) for e in store.events())
    site.routes["/ftp"] = (302, b"ftp://127.0.0.1/feed.xml")
    site.routes["/moved"] = (302, site.url("/feed.xml").encode())
    assert fetch_url(site.url("/moved")) == site.routes["/feed.xml"][1]
    for path in ("/hop", "/ftp"):
        with pytest.raises(ReadFailure, match=r"(?i)redirect"):
            fetch_url(site.url(path))


def test_fetch_limits(site: Site, tmp_path: Path) -> None:
    site.routes["/big"] = (200, b"x" * 5000)
    site.routes["/slow"] = (200, b"late")
    site.delay["/slow"] = 1.5
    assert fetch_url(site.url("/big"), max_bytes=5000) == b"x" * 5000
    with pytest.raises(ReadFailure, match="too large"):
        fetch_url(site.url("/big"), max_bytes=4999)
    with pytest.raises(ReadFailure, match="timed out"):
        fetch_url(site.url("/slow"), timeout=0.3)
    with pytest.raises(ReadFailure, match="scheme"):
        fetch_url("ftp://127.0.0.1/feed.xml")
    local = tmp_path / "f.xml"
    local.write_bytes(b"<rss/>")
    assert fetch_url(local.as_uri()) == b"<rss/>"


def test_parse_feed_entries_and_refusals() -> None:
    feed = parse_feed(b"""<rss version="2.0"><channel><title>W</title>
        <item><title>One</title><link>/a/one.html</link>
          <pubDate>Tue, 01 Mar 2022 23:30:00 -0500</pubDate>
          <description>&lt;p&gt;Para &amp;amp; one&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</description>
        </item>
        <item><description>no link, no id, no title</description></item>
        </channel></rss>""", "http://example.test/feeds/rss.xml")
    assert len(feed.entries) == 1
    entry = feed.entries[0]
    assert entry.key == entry.link == "http://example.test/a/one.html"
    assert (entry.published, entry.text) == (dt.date(2022, 3, 1), "Para & one\nTwo")
    with pytest.raises(ReadFailure, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body/></html>", "page")
    with pytest.raises(ReadFailure, match="unsafe XML"):
        parse_feed(b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><rss>&e;</rss>', "x")


def test_watch_loops_with_the_interval(pipeline: Pipeline, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "aid.txt").write_text("\n\n".join(STORIES["aid"]), encoding="utf-8")
    sleeps: list[float] = []
    results: list[tuple[int, WatchRound]] = []
    with open_store(":memory:") as store:
        done = watch([str(folder)], pipeline, store, 60.0, 3, sleep=sleeps.append,
                     on_round=lambda n, r: results.append((n, r)))
    assert done == 3 and [n for n, _ in results] == [1, 2, 3]
    assert [r.ingest.new for _, r in results] == [1, 0, 0]
    assert len(sleeps) == 2 and all(50.0 < s <= 60.0 for s in sleeps)


def test_cli_watch(pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_watch, "pipeline_for", lambda _config: pipeline)
    group = click.Group(commands=[cli_watch.watch])
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "talks.txt").write_text("\n\n".join(STORIES["talks"]), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    args = ["watch", str(folder), "--every", "0.01s", "--rounds", "2", "--db", str(db)]
    result = CliRunner().invoke(group, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2 and "round 1:" in lines[0] and "new 1," in lines[0]
    assert "round 2:" in lines[1] and "new 0," in lines[1]
    with DuckDBStore(db) as store:
        assert store.stats().articles == 1
    bad = CliRunner().invoke(group, ["watch", str(folder), "--every", "soon"])
    assert bad.exit_code == 2 and "duration" in bad.output


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("2h", 7200),
                                               ("1.5m", 90), ("45", 45), ("1d", 86400)])
def test_parse_duration(text: str, seconds: float) -> None:
    assert cli_watch.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "0s", "-5m", "10 minutes", "5x"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        cli_watch.parse_duration(text)
