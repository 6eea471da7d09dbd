"""Property tests of the readers: any bytes in any kind of file give articles or ReadErrors.

Whatever a file holds, ``read_inputs`` must yield only :class:`Article` and
:class:`ReadError` items (never raise), every error must have a reason, and every
article's paragraph spans must lie inside its text, in order, without surrounding
whitespace, since every later stage indexes into the text with them.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import ReadFailure
from eventwire.model import Article, ReadError
from eventwire.read import read_inputs
from eventwire.read.feeds import parse_feed
from eventwire.read.screen import screen_article

EXAMPLES = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
SUFFIXES = (".txt", ".html", ".jsonl", ".csv", ".rss", ".txt.gz", ".jsonl.gz", ".csv.gz", ".dat")

PIECES = ("Ministers met in Geneva.", "\n", "\n\n", "\r\n", " ", "LONDON, March 3 (Wire) - ",
          "<html>", "<body>", "<p>", "</p>", "<script>", '{"id": "a", "text": "Talks."}',
          '{"id": 1', "id,text", ",", '"', "<?xml version='1.0'?>", "<rss>", "<item>",
          "<description>", "</item>", "&amp;", "&lol;", "<!DOCTYPE x [<!ENTITY lol 'x'>]>",
          "\ufeff", "\x00", "é", "Москва", "\u2028", "\t", "...")  # fmt: skip


def _valid(item: Article | ReadError) -> None:
    if isinstance(item, ReadError):
        assert item.reason.strip() and item.input
        return
    assert isinstance(item, Article) and item.id
    previous = 0
    for start, end in item.paragraphs:
        assert previous <= start < end <= len(item.text)
        assert not item.text[start].isspace() and not item.text[end - 1].isspace()
        previous = end


def _read(data: bytes, suffix: str) -> list[Article | ReadError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(gzip.compress(data, mtime=0) if suffix.endswith(".gz") else data)
        items = list(read_inputs([str(path)]))
    for item in items:
        _valid(item)
    assert items, "every input gives at least an article or an error"
    return items


_MARKUP = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@EXAMPLES
@given(st.sampled_from(SUFFIXES), st.one_of(st.binary(max_size=300),
                                            _MARKUP.map(lambda t: t.encode("utf-8"))))
def test_any_bytes_in_any_kind_of_file_give_articles_or_errors(suffix: str, data: bytes) -> None:
    _read(data, suffix)


@EXAMPLES
@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "text", "title", "date", "outlet", "url", "x"]),
                    st.one_of(st.none(), st.integers(), st.text(max_size=30), st.booleans(),
                              st.lists(st.integers(), max_size=2)), max_size=6),
    st.text(max_size=30)), max_size=8))  # fmt: skip
def test_records_of_any_shape_in_jsonl_and_gzip(records: list[object]) -> None:
    data = "\n".join(json.dumps(r) for r in records).encode("utf-8")
    plain = _read(data, ".jsonl")
    zipped = _read(data, ".jsonl.gz")
    assert [type(i) for i in plain] == [type(i) for i in zipped]


@EXAMPLES
@given(st.binary(max_size=400), st.integers(0, 400))
def test_truncated_gzip_is_an_error_after_the_records_before_it(data: bytes, cut: int) -> None:
    whole = gzip.compress(b'{"id": "a", "text": "Talks resumed."}\n' + data, mtime=0)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cut.jsonl.gz"
        path.write_bytes(whole[: min(cut, len(whole) - 1)])
        items = list(read_inputs([str(path)]))
    for item in items:
        _valid(item)
    assert isinstance(items[-1], ReadError)


@EXAMPLES
@given(st.text(max_size=2000))
def test_screen_raises_only_read_failure(text: str) -> None:
    try:
        screen_article(text, "fuzz")
    except ReadFailure as failure:
        assert failure.input_name == "fuzz" and failure.reason


@EXAMPLES
@given(st.one_of(st.binary(max_size=300), _MARKUP.map(lambda t: t.encode("utf-8"))))
def test_feed_parser_raises_only_read_failure(data: bytes) -> None:
    try:
        feed = parse_feed(data, "https://example.org/feed")
    except ReadFailure as failure:
        assert failure.reason
    else:
        assert all(entry.key for entry in feed.entries)
