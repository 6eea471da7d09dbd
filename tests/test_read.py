"""Text files, sources (folders, globs, stdin) and bad input, through ``read_inputs``."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pytest

from eventwire.model import Article, ReadError
from eventwire.read import MAX_INPUT_BYTES, paragraph_spans, read_inputs

WIRE = (
    "Ministers agree to resume border talks\n"
    "\n"
    "Photo: the delegations\n"
    "\n"
    "LONDON, March 9./Example Wire/: The two ministers agreed on Tuesday to resume talks.\n"
    "\n"
    "  A spokesman said the next round would be held in Vienna.  \n"
    "\n"
    "\n"
    "Neither side gave a date.\n"
)
WIRE_PARAGRAPHS = [
    "Ministers agree to resume border talks",
    "Photo: the delegations",
    "The two ministers agreed on Tuesday to resume talks.",
    "A spokesman said the next round would be held in Vienna.",
    "Neither side gave a date.",
]


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def _read(
    *inputs: str | Path,
    default_date: dt.date | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> list[Article | ReadError]:
    names = [str(i) for i in inputs]
    return list(read_inputs(names, default_date=default_date, stdin=stdin, max_bytes=max_bytes))


def _one(*inputs: str | Path, **kwargs: Any) -> Article:
    items = _read(*inputs, **kwargs)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def _error(*inputs: str | Path, **kwargs: Any) -> ReadError:
    items = _read(*inputs, **kwargs)
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    return items[0]


def _texts(article: Article) -> list[str]:
    return [article.text[s:e] for s, e in article.paragraphs]


def test_wire_story_layout(tmp_path: Path) -> None:
    path = _write(tmp_path / "talks-2021.txt", WIRE)
    article = _one(path, default_date=dt.date(2021, 12, 1))
    assert article.text == WIRE
    assert article.id == "talks-2021" and article.origin == str(path)
    assert article.title == "Ministers agree to resume border talks"
    assert _texts(article) == WIRE_PARAGRAPHS
    assert article.dateline is not None
    start, end = article.dateline.span
    assert article.text[start:end] == "LONDON, March 9./Example Wire/:"
    assert article.dateline.date == dt.date(2021, 3, 9) and article.dateline.year_assumed
    assert article.date == dt.date(2021, 3, 9)
    assert article.outlet == "Example Wire"


def test_crlf_is_kept_and_offsets_still_match(tmp_path: Path) -> None:
    path = _write(tmp_path / "crlf.txt", WIRE.replace("\n", "\r\n"))
    article = _one(path)
    assert "\r\n" in article.text
    assert _texts(article) == WIRE_PARAGRAPHS
    assert article.title == WIRE_PARAGRAPHS[0]


def test_plain_text_without_blank_lines_splits_on_lines(tmp_path: Path) -> None:
    text = "Rebels seized the airport.\nThe army withdrew.\n\n"
    article = _one(_write(tmp_path / "plain.txt", text))
    assert article.title is None and article.dateline is None and article.date is None
    assert _texts(article) == ["Rebels seized the airport.", "The army withdrew."]


def test_title_body_with_single_line_paragraphs(tmp_path: Path) -> None:
    text = "Short title\n\nFirst line of the body.\nSecond line of the body.\n"
    article = _one(_write(tmp_path / "lines.txt", text))
    assert article.title == "Short title"
    assert _texts(article) == ["Short title", "First line of the body.", "Second line of the body."]


def test_long_first_line_is_not_a_title(tmp_path: Path) -> None:
    first = "The council " + "met again and " * 30 + "adjourned."
    article = _one(_write(tmp_path / "long.txt", f"{first}\n\nA second paragraph.\n"))
    assert article.title is None
    assert _texts(article) == [first, "A second paragraph."]


def test_dateline_year_from_mtime_but_mtime_is_not_the_date(tmp_path: Path) -> None:
    with_dateline = _write(tmp_path / "a.txt", "Title\n\nPARIS, Nov 2 (AFP) - Talks ended.\n")
    without = _write(tmp_path / "b.txt", "Title\n\nTalks ended.\n")
    stamp = dt.datetime(2019, 3, 15, 12, 0).timestamp()
    for path in (with_dateline, without):
        os.utime(path, (stamp, stamp))
    first, second = _read(with_dateline, without)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.date == dt.date(2018, 11, 2)
    assert first.dateline is not None and first.dateline.year_assumed
    assert second.date is None


def test_dateline_year_from_a_date_in_the_file_name_before_mtime(tmp_path: Path) -> None:
    named = _write(tmp_path / "wire-2016-11-05.txt", "Title\n\nPARIS, Nov 2 (AFP) - Talks ended.\n")
    compact = _write(tmp_path / "20140105_wire.txt", "Title\n\nPARIS, Dec 30 (AFP) - Talks.\n")
    impossible = _write(tmp_path / "wire-2016-02-30.txt", "Title\n\nPARIS, Nov 2 (AFP) - Talks.\n")
    stamp = dt.datetime(2019, 3, 15, 12, 0).timestamp()
    for path in (named, compact, impossible):
        os.utime(path, (stamp, stamp))
    first, second, third = _read(named, compact, impossible)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert isinstance(third, Article)
    assert first.date == dt.date(2016, 11, 2)
    assert second.date == dt.date(2013, 12, 30)
    assert third.date == dt.date(2018, 11, 2), "an impossible name date falls back to mtime"


def test_default_date_dates_articles_without_dateline(tmp_path: Path) -> None:
    path = _write(tmp_path / "b.txt", "Title\n\nTalks ended.\n")
    article = _one(path, default_date=dt.date(2020, 1, 2))
    assert article.date == dt.date(2020, 1, 2)


def test_impossible_dateline_date_falls_back_to_default(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.txt", "Title\n\nLONDON, February 30 (PA) - Talks ended.\n")
    article = _one(path, default_date=dt.date(2020, 5, 5))
    assert article.dateline is not None and article.dateline.date is None
    assert article.date == dt.date(2020, 5, 5)
    assert _texts(article) == ["Title", "Talks ended."]


def test_dateline_alone_in_its_paragraph_leaves_no_empty_paragraph(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.txt", "Title\n\nMOSCOW, June 1 (Reuters) -\n\nTalks ended.\n")
    article = _one(path)
    assert _texts(article) == ["Title", "Talks ended."]


def test_boms_are_decoded(tmp_path: Path) -> None:
    text = "Überschrift\n\nKYIV — Die Gespräche endeten.\n"
    for name, data in [
        ("utf8bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("utf16.txt", text.encode("utf-16")),
        ("utf32.txt", text.encode("utf-32")),
    ]:
        article = _one(_write(tmp_path / name, data))
        assert article.text == text
        assert _texts(article) == ["Überschrift", "Die Gespräche endeten."]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t \n", "empty file (only whitespace)"),
        (b"abc\x00\x01\x02def" * 10, "binary file"),
        (bytes(range(1, 32)) * 20, "binary file"),
        (b"Caf\xe9 au lait\n", "not UTF-8 text (invalid byte 0xe9 at offset 3)"),
        (b"\xff\xfeA\x00\x00\xd8", "not UTF-16 text"),
    ],
)
def test_bad_files_become_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    path = _write(tmp_path / "bad.txt", content)
    error = _error(path)
    assert error.input == str(path)
    assert error.reason.startswith(reason)


def test_missing_path_and_unmatched_glob(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.txt").reason == "no such file or directory"
    assert _error(tmp_path / "*.nothing").reason == "no files match the pattern"


def test_too_large(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "word " * 100)
    error = _error(path, max_bytes=100)
    assert error.reason == "too large (500 bytes > 100 bytes limit)"


def test_errors_do_not_stop_the_run(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", "A plain sentence.\n")
    empty = _write(tmp_path / "empty.txt", "")
    items = _read(tmp_path / "missing.txt", empty, good)
    assert [type(i).__name__ for i in items] == ["ReadError", "ReadError", "Article"]


def test_folder_is_walked_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "b.txt", "Second file.\n")
    _write(root / "a" / "z.text", "Nested file.\n")
    _write(root / ".hidden.txt", "Hidden file.\n")
    _write(root / ".git" / "c.txt", "Hidden folder.\n")
    _write(root / "notes.md", "Unknown extension.\n")
    items = _read(root)
    assert [i.id for i in items if isinstance(i, Article)] == ["z", "b"]


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path / "only" / "readme.md", "Not an article.\n")
    assert _error(tmp_path / "only").reason.startswith("no readable files in the folder")


def test_glob_and_duplicate_paths_are_read_once(tmp_path: Path) -> None:
    _write(tmp_path / "x" / "one.txt", "One.\n")
    _write(tmp_path / "x" / "two.txt", "Two.\n")
    items = _read(tmp_path / "x" / "*.txt", tmp_path / "x", tmp_path / "x" / "one.txt")
    assert [i.id for i in items if isinstance(i, Article)] == ["one", "two"]


def test_clashing_stems_get_parent_folders(tmp_path: Path) -> None:
    _write(tmp_path / "2022" / "report.txt", "One.\n")
    _write(tmp_path / "2023" / "report.txt", "Two.\n")
    _write(tmp_path / "2023" / "other.txt", "Three.\n")
    items = _read(tmp_path / "2022", tmp_path / "2023")
    ids = [i.id for i in items if isinstance(i, Article)]
    assert ids == ["2022/report", "other", "2023/report"]


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    article = _one(_write(tmp_path / "story.dat", "Title\n\nBody text here.\n"))
    assert article.title == "Title"
    records = _read(_write(tmp_path / "recs.out", '{"id": "r1", "text": "Hello there."}\n'))
    assert [i.id for i in records if isinstance(i, Article)] == ["r1"]


def test_stdin_text_and_bytes() -> None:
    text = "Title\n\nWASHINGTON (AP) — Senators met.\n"
    from_text = _one("-", stdin=io.StringIO(text))
    assert from_text.id == "stdin" and from_text.origin == "-"
    assert from_text.text == text and _texts(from_text) == ["Title", "Senators met."]
    from_bytes = _one("-", stdin=io.BytesIO(b"\xef\xbb\xbf" + text.encode()))
    assert from_bytes.text == text


def test_stdin_jsonl_is_sniffed() -> None:
    data = '{"id": "a", "text": "First."}\n\n{"id": "b", "text": "Second."}\n'
    items = _read("-", stdin=io.StringIO(data))
    found = [(i.id, i.origin) for i in items if isinstance(i, Article)]
    assert found == [("a", "-:1"), ("b", "-:3")]


def test_stdin_bad_input() -> None:
    assert _error("-", stdin=io.StringIO("")).reason == "empty input"
    assert _error("-", stdin=io.BytesIO(b"Caf\xe9 ouvert")).reason.startswith("not UTF-8")
    items = _read("-", "-", stdin=io.StringIO("Some text.\n"))
    assert isinstance(items[0], Article) and isinstance(items[1], ReadError)


def test_paragraph_spans_trims_and_indexes() -> None:
    text = "  One.\n\n\n Two\nstill two. \n \nThree."
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two\nstill two.", "Three."]
    assert paragraph_spans("") == () and paragraph_spans(" \n \n") == ()
