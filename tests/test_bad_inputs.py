"""A corpus of hostile and broken inputs, generated here, through the real ``ingest``.

Every bad input must end as exactly one row of the store's ``errors`` table with a
reason a person understands, every good input of the same run must be stored, and
the exit code must say that some inputs failed.  The corpus is built by the test
(nothing binary is kept in the repository); big inputs are only as big as the limit
they test, and the limits stop them before anything is parsed.
"""

from __future__ import annotations

import codecs
import gzip
import json
import random
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.read import read_inputs
from eventwire.read.screen import MAX_ARTICLE_CHARS, MAX_SENTENCE_CHARS
from eventwire.store import open_store

MB = 1024 * 1024
ARTICLE = "article"
"""What a good input ends as: a stored article (with this id)."""

STORIES = {
    "story": "Ministers agree on grain corridor\n\nANKARA, March 3, 2024 (Example Wire) - "
    "Turkey hosted talks between the foreign ministers of Ukraine and Russia on Sunday, "
    "and the two sides agreed to reopen a shipping corridor for grain, officials said.",
    "utf16": "Border crossing reopens\n\nWARSAW (Example Wire) - Poland reopened a border "
    "crossing with Belarus on Tuesday after a week of protests by truck drivers, the "
    "interior ministry in Warsaw said in a statement.",
    "baddate": "Embassy statement\n\nPARIS, February 30 (Example Wire) - France summoned "
    "the Iranian ambassador on Thursday over the arrest of two French citizens, the "
    "foreign ministry said, and demanded their release.",
    "zipped": "Aid convoy\n\nGENEVA (Example Wire) - The Red Cross sent an aid convoy "
    "to the besieged town after both armies promised a pause in the fighting, a "
    "spokesman for the organisation told reporters in Geneva.",
    "record": "Japan and South Korea signed an agreement on Friday to share military "
    "intelligence about missile launches, the defence ministry in Tokyo said.",
    "row": "Kenya deployed police officers to Haiti on Monday to lead a security "
    "mission backed by the United Nations, the government in Nairobi said.",
    "entry": "The German foreign minister met her Chinese counterpart in Berlin and "
    "criticised Beijing's support for Moscow.",
    "page": "Brazil expelled a diplomat from Venezuela on Wednesday after a dispute "
    "over the border, according to the foreign ministry in Brasilia.",
}

RUSSIAN = (
    "Министр иностранных дел заявил во вторник, что правительство готово продолжить "
    "переговоры с соседними странами, если они выполнят свои обязательства. "
) * 4
FRENCH = (
    "Le gouvernement a annoncé mardi qu'il allait envoyer une délégation à Genève pour "
    "reprendre les discussions avec ses voisins, selon un communiqué publié à Paris. "
) * 4
CHINESE = "外交部发言人周二表示，政府愿意在平等的基础上与邻国继续进行谈判。" * 6
TABLE = "\n".join(f"| {i} | {i * 3.5} | {i * 7} | 2022-01-{i % 28 + 1:02d} |" for i in range(40))
CODE = "\n".join(f"def f{i}(x, y):\n    return x[{i}] + y * {i} - (x // {i + 1})"
                 for i in range(20))  # fmt: skip


def _wire(title: str, body: str) -> str:
    return f"{title}\n\n{body}"


def _html(body: str) -> str:
    head = "<!DOCTYPE html><html><head><title>Diplomat expelled</title></head><body>"
    return f"{head}<article><h1>Diplomat expelled</h1><p>{body}</p></article></body></html>"


def _feed(items: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n{doctype}<rss version="2.0"><channel>'
            f"<title>Example Wire</title>{items}</channel></rss>")  # fmt: skip


LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
              for i in range(1, 10))
    + "]>"
)  # fmt: skip
EXTERNAL = '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'


def _gzip(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), mtime=0)


def _noise(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def _jsonl() -> bytes:
    good = json.dumps({"id": "record", "text": STORIES["record"], "date": "2024-03-08"})
    lines = [
        good,
        '{"id": "r2", "text": "Unclosed',  # broken JSON
        '{"id": "r3", "text": 42}',  # wrong type
        '{"id": ["r4"], "text": "An id that is a list."}',
        '{"id": "r5", "text": "A date that is not one.", "date": "yesterday"}',
        '["r6", "an array, not an object"]',
        '{"id": "r7"}',  # no text
        '{"id": "record", "text": "The same id again, with different words in it."}',
        "[" * 100_000 + "]" * 100_000,  # nesting deep enough to break a recursive parser
    ]
    data = "\n".join(lines).encode("utf-8") + b"\n"
    return data + b'{"id": "r10", "text": "caf\xe9"}\n'  # one line in Latin-1


def _csv_stray_quote() -> bytes:
    return (f'id,text\nrow,"{STORIES["row"]}"\n'
            'c2,"The ministry said" it would respond\n').encode()  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One input of the corpus: its file name, its bytes and what it must end as.

    ``ends_as`` is :data:`ARTICLE` (stored, with ``article_id``) or words of the
    error reason; ``where`` is the error's input relative to the corpus folder when it
    is not the file itself (a record ``:LINE``, a feed entry ``#N``).
    """

    kind: str
    name: str
    content: Callable[[], bytes]
    ends_as: str
    where: str = ""
    article_id: str = ""


def _text(value: str) -> Callable[[], bytes]:
    return lambda: value.encode("utf-8")


def _raw(value: bytes) -> Callable[[], bytes]:
    return lambda: value


CASES = (
    Case("good wire story", "story.txt", _text(STORIES["story"]), ARTICLE, article_id="story"),
    Case("UTF-16 with byte order mark", "utf16.txt",
         lambda: codecs.BOM_UTF16_LE + STORIES["utf16"].encode("utf-16-le"), ARTICLE,
         article_id="utf16"),
    Case("dateline with an impossible date", "baddate.txt", _text(STORIES["baddate"]),
         ARTICLE, article_id="baddate"),
    Case("gzip-compressed story", "zipped.txt.gz", lambda: _gzip(STORIES["zipped"]), ARTICLE,
         article_id="zipped"),
    Case("HTML page", "page.html", _text(_html(STORIES["page"])), ARTICLE, article_id="page"),
    Case("empty file", "empty.txt", _raw(b""), "empty file"),
    Case("whitespace only", "blank.txt", _text(" \n\t\r\n  \n"), "only whitespace"),
    Case("byte order mark only", "bomonly.txt", _raw(codecs.BOM_UTF8), "only whitespace"),
    Case("binary data", "noise.txt", lambda: _noise(4096), "binary file"),
    Case("NUL byte after 8 KB of text", "late_nul.txt",
         _text("Officials met. " * 1000 + "\x00"), "contains NUL bytes"),
    Case("terminal control codes", "controls.txt", _text("\x1b[31m\x07\x01\x02\x03" * 300),
         "binary file"),
    Case("Latin-1, not UTF-8", "latin1.txt",
         _raw("Le ministre a déclaré la paix.".encode("latin-1")), "not UTF-8 text"),
    Case("mixed UTF-8 and Latin-1", "mixed.txt",
         _raw("Ministers met in Zürich. ".encode() + "Then in Genève.".encode("latin-1")),
         "invalid byte 0xe8"),
    Case("UTF-8 cut inside a character", "cutchar.txt", _raw("Talks in Łódź".encode()[:-1]),
         "truncated character"),
    Case("UTF-16 without byte order mark", "utf16nobom.txt",
         _raw("Talks resumed on Monday.".encode("utf-16-le")), "binary file"),
    Case("20 MB article", "huge.txt", _text("Talks went on. " * (20 * MB // 15)),
         "too large (20.0 MB > 10 MB limit)"),
    Case("one 5 MB line", "oneline.txt", _text("talks, " * (5 * MB // 7)),
         f"> {MAX_ARTICLE_CHARS:,} limit"),
    Case("extremely long sentence", "endless.txt",
         _text("The minister said that " + "the talks and " * (MAX_SENTENCE_CHARS // 10)),
         "without a full stop or line break"),
    Case("text without sentences: a table", "table.txt", _text(TABLE), "no prose to code"),
    Case("text without sentences: code", "code.txt", _text(CODE), "no prose to code"),
    Case("Russian text", "russian.txt", _text(RUSSIAN), "not English text (mostly Cyrillic"),
    Case("French text", "french.txt", _text(FRENCH), "not English text (few English words)"),
    Case("Chinese text", "chinese.txt", _text(CHINESE), "not English text (mostly CJK"),
    Case("HTML with scripts only", "scripts.html",
         _text("<html><head><script>var a = 1;</script></head><body><script>"
               "document.write('x')</script><noscript></noscript></body></html>"),
         "no article text found"),
    Case("deeply nested HTML", "nested.html",
         _text("<html><body>" + "<div>" * 50_000 + "Hidden." + "</div>" * 50_000
               + "</body></html>"), "no article text found"),
    Case("feed with entity expansion (billion laughs)", "laughs.rss",
         _text(_feed("<item><title>&lol9;</title><description>x</description></item>",
                     LAUGHS)), "entity expansion is disabled"),
    Case("feed with an external entity", "external.rss",
         _text(_feed("<item><title>&secret;</title><description>x</description></item>",
                     EXTERNAL)), "external entity 'secret' pointing to file:///etc/passwd"),
    Case("feed that is not well-formed", "broken.rss", _text(_feed("<item><title>x</item>")),
         "not well-formed XML"),
    Case("feed entry with its text", "feed.rss",
         _text(_feed(f"<item><title>Ministers meet</title><description>{STORIES['entry']}"
                     "</description></item><item><title>Only a link</title>"
                     "<link>https://example.org/b</link></item>")), ARTICLE,
         article_id="feed-1"),
    Case("feed entry without text", "feed.rss", _raw(b""), "without text of its own",
         where="feed.rss#2"),
    Case("truncated gzip", "cut.txt.gz", lambda: _gzip(STORIES["story"] * 20)[:200],
         "truncated gzip file"),
    Case("file named .gz that is not gzip", "fake.txt.gz", _text(STORIES["story"]),
         "not a gzip file"),
    Case("gzip bomb", "bomb.txt.gz", lambda: _gzip(" " * (11 * MB)),
         "too large uncompressed"),
    Case("JSONL good record", "records.jsonl", _jsonl, ARTICLE, article_id="record"),
    Case("JSONL broken line", "records.jsonl", _raw(b""), "not valid JSON",
         where="records.jsonl:2"),
    Case("JSONL text of the wrong type", "records.jsonl", _raw(b""),
         "text must be a string, not number", where="records.jsonl:3"),
    Case("JSONL id of the wrong type", "records.jsonl", _raw(b""),
         "id must be a string or an integer, not array", where="records.jsonl:4"),
    Case("JSONL unreadable date", "records.jsonl", _raw(b""), "date 'yesterday'",
         where="records.jsonl:5"),
    Case("JSONL array instead of object", "records.jsonl", _raw(b""), "not an object",
         where="records.jsonl:6"),
    Case("JSONL record without text", "records.jsonl", _raw(b""), "missing text",
         where="records.jsonl:7"),
    Case("JSONL duplicate id", "records.jsonl", _raw(b""), "duplicate id 'record'",
         where="records.jsonl:8"),
    Case("JSONL nested 100,000 deep", "records.jsonl", _raw(b""), "not valid JSON",
         where="records.jsonl:9"),
    Case("JSONL line not UTF-8", "records.jsonl", _raw(b""), "not UTF-8 text",
         where="records.jsonl:10"),
    Case("JSONL record with a 5 MB text", "bigrecord.jsonl",
         _text(json.dumps({"id": "big", "text": "Talks went on. " * (5 * MB // 15)}) + "\n"),
         f"> {MAX_ARTICLE_CHARS:,} limit", where="bigrecord.jsonl:1"),
    Case("CSV with unbalanced quotes", "unbalanced.csv",
         _text('id,text\nc1,"Germany invited France.\nc2,France accepted.\n'),
         "unbalanced \" quote", where="unbalanced.csv:2"),
    Case("CSV good row", "stray.csv", _csv_stray_quote, ARTICLE, article_id="row"),
    Case("CSV quote inside a field", "stray.csv", _raw(b""), "text after a closing quote",
         where="stray.csv:3"),
    Case("CSV without a text column", "notext.csv", _text("id,body\n1,Talks.\n"),
         "has no text column"),
    Case("CSV field over the csv module's limit", "wide.csv",
         _text('id,text\nw1,"' + "talks " * 30_000 + '"\n'), "a field longer than",
         where="wide.csv:2"),
)


def _corpus(folder: Path) -> list[Case]:
    folder.mkdir()
    for case in CASES:
        data = case.content()
        if data or not (folder / case.name).exists():
            (folder / case.name).write_bytes(data)
    (folder / "empty-folder").mkdir()
    return list(CASES)


EXTRA = {  # inputs named on the command line rather than found in the folder
    "missing.txt": "no such file or directory",
    "*.nothing": "no files match the pattern",
    "empty-folder": "no readable files in the folder",
}


def _relative(name: str, folder: Path) -> str:
    return name.removeprefix(str(folder) + "/")


def test_every_bad_input_is_one_error_row_and_good_inputs_are_stored(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    cases = _corpus(folder)
    db = tmp_path / "store.duckdb"
    extra = [str(folder / name) for name in EXTRA]
    result = CliRunner().invoke(
        main, ["ingest", str(folder), *extra, "--db", str(db), "--date", "2024-05-01"]
    )
    assert result.exit_code == 1, result.output  # some inputs failed, the rest stored
    with open_store(db) as store:
        errors = {_relative(str(e["input"]), folder): e for e in store.errors()}
        articles = {str(a["doc_id"]): a for a in store.articles()}
    expected_errors = {c.where or c.name: c.ends_as for c in cases if c.ends_as != ARTICLE}
    expected_errors.update(EXTRA)
    assert sorted(errors) == sorted(expected_errors)
    for where, words in expected_errors.items():
        assert words in str(errors[where]["reason"]), where
        assert errors[where]["stage"] == "read"
    assert sorted(articles) == sorted(c.article_id for c in cases if c.ends_as == ARTICLE)
    assert all(a["status"] == "coded" for a in articles.values())
    assert str(articles["baddate"]["pub_date"]) == "2024-05-01"  # impossible date: --date
    assert articles["feed-1"]["outlet"] == "Example Wire"


def test_a_run_of_bad_inputs_only_exits_2_and_a_rerun_adds_no_rows(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(_noise(512))
    db = tmp_path / "store.duckdb"
    for _ in range(2):
        result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
        assert result.exit_code == 2, result.output
    with open_store(db) as store:
        assert len(store.errors()) == 2 and store.stats().articles == 0


def test_big_inputs_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    """The 20 MB file, the 5 MB line and the gzip bomb never sit in memory whole twice."""
    folder = tmp_path / "big"
    folder.mkdir()
    names = ("huge.txt", "oneline.txt", "bomb.txt.gz", "bigrecord.jsonl")
    for case in CASES:
        if case.name in names:
            (folder / case.name).write_bytes(case.content())
    tracemalloc.start()
    try:
        items = list(read_inputs([str(folder)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(items) == len(names) and not any(hasattr(i, "text") for i in items)
    assert peak < 40 * MB  # the largest whole read is 10 MB + its decoded text


@pytest.mark.parametrize("case", [c for c in CASES if c.ends_as != ARTICLE and not c.where],
                         ids=lambda c: c.kind)
def test_each_bad_file_alone_is_refused_with_its_reason(case: Case, tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.content())
    items = list(read_inputs([str(path)]))
    assert len(items) == 1
    assert case.ends_as in str(getattr(items[0], "reason", "")), items[0]
