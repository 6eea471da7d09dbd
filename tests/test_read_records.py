"""JSONL and CSV records: good records, each kind of bad record, line numbers, streaming."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import Article, ReadError
from eventwire.read import Dating, read_inputs, read_jsonl_text

BODY = "BERLIN, May 4 (Example) - The chancellor met union leaders.\n\nNo deal was reached."


def _items(path: Path, **kwargs: dt.date | int) -> list[Article | ReadError]:
    return list(read_inputs([str(path)], **kwargs))  # type: ignore[arg-type]


def _by_origin(items: list[Article | ReadError]) -> dict[str, Article | ReadError]:
    return {i.input if isinstance(i, ReadError) else str(i.origin): i for i in items}


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_good_and_bad_records(tmp_path: Path) -> None:
    good = {"id": "g1", "text": BODY, "date": "2021-05-04T09:30:00Z", "outlet": "Wire", "x": [1]}
    lines = [
        json.dumps(good),
        json.dumps({"id": "g2", "text": "Short text.", "date": None, "title": "A title"}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "g3"}),
        json.dumps({"text": "No id here."}),
        json.dumps({"id": ["a"], "text": "List id."}),
        json.dumps({"id": "g4", "text": "   "}),
        json.dumps({"id": "g5", "text": "Fine.", "title": 7}),
        json.dumps({"id": "g6", "text": "Fine.", "date": "last week"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"id": 42, "text": "Numeric id."}),
    ]
    path = _jsonl(tmp_path / "recs.jsonl", lines)
    found = _by_origin(_items(path))
    first = found[f"{path}:1"]
    assert isinstance(first, Article)
    assert first.text == BODY and first.id == "g1" and first.outlet == "Wire"
    assert first.date == dt.date(2021, 5, 4)
    assert first.dateline is not None and first.dateline.date == dt.date(2021, 5, 4)
    assert [first.text[s:e] for s, e in first.paragraphs] == [
        "The chancellor met union leaders.",
        "No deal was reached.",
    ]
    second = found[f"{path}:2"]
    assert isinstance(second, Article) and second.date is None and second.title == "A title"
    reasons = {key: item.reason for key, item in found.items() if isinstance(item, ReadError)}
    assert reasons[f"{path}:3"].startswith("not valid JSON")
    assert reasons[f"{path}:4"] == "missing text"
    assert reasons[f"{path}:5"] == "missing id"
    assert reasons[f"{path}:6"] == "id must be a string or an integer, not array"
    assert reasons[f"{path}:7"] == "empty text"
    assert reasons[f"{path}:8"] == "title must be a string or null, not number"
    assert reasons[f"{path}:9"].startswith("date 'last week' is not")
    assert reasons[f"{path}:10"] == "record is a JSON array, not an object"
    last = found[f"{path}:12"]
    assert isinstance(last, Article) and last.id == "42"
    assert len(found) == 11


def test_record_date_beats_dateline_and_completes_its_year(tmp_path: Path) -> None:
    record = {"id": "r", "text": "PARIS, December 30 (AFP) - Talks ended.", "date": "2022-01-03"}
    article = _items(_jsonl(tmp_path / "r.jsonl", [json.dumps(record)]))[0]
    assert isinstance(article, Article) and article.dateline is not None
    assert article.dateline.date == dt.date(2021, 12, 30) and article.dateline.year_assumed
    assert article.date == dt.date(2022, 1, 3)


def test_duplicate_ids_are_errors(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "same", "text": t}) for t in ("One.", "Two.")]
    items = _items(_jsonl(tmp_path / "dup.jsonl", lines))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], ReadError) and items[1].reason.startswith("duplicate id 'same'")


def test_jsonl_bad_bytes_on_one_line_only(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    data = b"\n".join(
        [
            b'{"id": "a", "text": "Good."}',
            b'{"id": "b", "text": "Caf\xe9."}',
            b'{"id": "c", "text": "Fine."}',
        ]
    )
    path.write_bytes(data)
    items = _items(path)
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "Article"]
    error = items[1]
    assert isinstance(error, ReadError) and error.input == f"{path}:2"
    offset = data.index(b"\xe9")
    assert error.reason == f"not UTF-8 text (invalid byte 0xe9 at offset {offset})"


def test_jsonl_oversized_record_is_skipped(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": "word " * 100})
    path = _jsonl(tmp_path / "big.jsonl", [big, json.dumps({"id": "s", "text": "Small."})])
    items = _items(path, max_bytes=200)
    assert isinstance(items[0], ReadError) and items[0].reason.startswith("record too large")
    assert isinstance(items[1], Article) and items[1].origin == f"{path}:2"


def test_jsonl_utf16_and_bom(tmp_path: Path) -> None:
    line = json.dumps({"id": "u", "text": "Überall."}, ensure_ascii=False) + "\n"
    (tmp_path / "a.jsonl").write_bytes(line.encode("utf-16"))
    (tmp_path / "b.ndjson").write_bytes(b"\xef\xbb\xbf" + line.replace('"u"', '"v"').encode())
    items = list(read_inputs([str(tmp_path)]))
    assert [(i.id, i.text) for i in items if isinstance(i, Article)] == [
        ("u", "Überall."),
        ("v", "Überall."),
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"\n\n  \n", "empty file (no records)"), (b"\x00\x01" * 50, "binary")],
)
def test_bad_records_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    items = _items(path)
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert items[0].reason.startswith(reason)


def test_csv_records(tmp_path: Path) -> None:
    path = tmp_path / "recs.csv"
    path.write_text(
        "id,title,text,date,extra\n"
        'c1,Talks,"Line one.\n\nLine two, with a comma.",2020-02-02,x\n'
        "c2,,,2020-02-03,\n"
        ",,No id.,,\n"
        "\n"
        "c3,,Plain.,,\n"
        "c4,,Bad date.,02/03/2020,\n",
        encoding="utf-8",
    )
    found = _by_origin(_items(path))
    first = found[f"{path}:2"]
    assert isinstance(first, Article) and first.title == "Talks"
    assert first.text == "Line one.\n\nLine two, with a comma."
    paragraphs = [first.text[s:e] for s, e in first.paragraphs]
    assert paragraphs == ["Line one.", "Line two, with a comma."]
    assert first.date == dt.date(2020, 2, 2)
    reasons = {k: v.reason for k, v in found.items() if isinstance(v, ReadError)}
    assert reasons[f"{path}:5"] == "missing text"
    assert reasons[f"{path}:6"] == "missing id"
    third = found[f"{path}:8"]
    assert isinstance(third, Article) and third.id == "c3" and third.title is None
    assert reasons[f"{path}:9"].startswith("date '02/03/2020' is not")
    assert len(found) == 5


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text("id,body\n1,Something.\n", encoding="utf-8")
    items = _items(path)
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert items[0].reason.startswith("CSV header has no text column")


def test_csv_with_utf8_bom_header(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfid,text\nb1,Hello.\n")
    items = _items(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["b1"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_jsonl_reader_never_raises_on_text(text: str) -> None:
    for item in read_jsonl_text(text, "-", Dating()):
        assert isinstance(item, Article | ReadError)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "id": _JSON | st.text(max_size=10),
            "text": _JSON | st.text(max_size=200),
            "date": _JSON | st.dates().map(str),
            "title": _JSON,
        },
    )
)
def test_jsonl_reader_never_raises_on_records(record: dict[str, object]) -> None:
    items = list(read_jsonl_text(json.dumps(record), "-", Dating(dt.date(2020, 1, 1))))
    assert len(items) == 1
    item = items[0]
    if isinstance(item, Article):
        assert item.text == record["text"]
        for start, end in item.paragraphs:
            assert item.text[start:end] == item.text[start:end].strip() != ""
