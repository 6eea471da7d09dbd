"""HTML pages: main text without boilerplate, metadata, sniffing, pages without text."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from eventwire.model import Article, ReadError
from eventwire.read import looks_like_html, read_inputs

PARAGRAPHS = [
    "The foreign ministers of two neighbouring states met on Thursday to revive a border "
    "accord that had been stalled for most of the year.",
    "Officials on both sides described the talks as constructive and said a further round "
    "would follow in June, according to a joint statement issued afterwards.",
    "Neither minister answered questions from reporters, but aides said a draft could be "
    "ready before the summer recess begins in the capital.",
]


def _page(title: str = "Ministers revive border accord", date: str | None = "2023-05-04") -> str:
    meta = f'<meta name="date" content="{date}">' if date else ""
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    body = body.replace("<p>The foreign", "<p>GENEVA (Example Wire) — The foreign", 1)
    return f"""<!DOCTYPE html>
<html><head><title>{title} | Example News</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Example News">
{meta}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World section</a></li>
<li><a href="/subscribe">Subscribe today for unlimited access</a></li></ul></nav>
<article><h1>{title}</h1>
{body}
</article>
<footer><p>Copyright Example News. All rights reserved. Read our privacy policy.</p></footer>
</body></html>"""


def _items(path: Path, **kwargs: dt.date) -> list[Article | ReadError]:
    return list(read_inputs([str(path)], **kwargs))  # type: ignore[arg-type]


def test_main_text_is_extracted_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "accord.html"
    path.write_text(_page(), encoding="utf-8")
    (article,) = _items(path)
    assert isinstance(article, Article)
    assert article.id == "accord" and article.origin == str(path)
    assert article.title == "Ministers revive border accord"
    assert article.date == dt.date(2023, 5, 4)
    assert article.outlet == "Example News"
    assert [article.text[s:e] for s, e in article.paragraphs] == [article.title, *PARAGRAPHS]
    assert article.text.startswith(article.title + "\n\n")
    assert article.text.count(article.title) == 1
    for boilerplate in ("Subscribe", "World section", "privacy policy", "Copyright"):
        assert boilerplate not in article.text
    assert article.dateline is not None and article.dateline.outlet == "Example Wire"


def test_page_without_date_takes_the_default(tmp_path: Path) -> None:
    path = tmp_path / "nodate.htm"
    path.write_text(_page(date=None), encoding="utf-8")
    (article,) = _items(path, default_date=dt.date(2020, 7, 7))
    assert isinstance(article, Article) and article.date == dt.date(2020, 7, 7)


def test_html_is_sniffed_in_other_files_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "saved.txt").write_text(_page(), encoding="utf-8")
    (tmp_path / "saved.page").write_text(_page(), encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "saved.txt"), str(tmp_path / "saved.page")]))
    assert [i.title for i in items if isinstance(i, Article)] == [
        "Ministers revive border accord"
    ] * 2
    (from_stdin,) = list(read_inputs(["-"], stdin=io.StringIO(_page())))
    assert isinstance(from_stdin, Article) and from_stdin.paragraphs[1:]
    assert from_stdin.id == "stdin"


def test_page_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title><script>a;</script></head><body></body></html>")
    (error,) = _items(path)
    assert isinstance(error, ReadError) and error.input == str(path)
    assert error.reason == "no article text found in the HTML page"


def test_looks_like_html() -> None:
    assert looks_like_html("  <!doctype html><html></html>")
    assert looks_like_html("<?xml version='1.0'?>\n<!-- saved --><html lang='en'>")
    assert not looks_like_html("A story that mentions <html> tags in its body.")
