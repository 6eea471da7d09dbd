"""The writers: JSONL contract keys and order, GDELT's 61 columns, the readable table."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace

import pytest

from eventwire.codes import code_info
from eventwire.model import (
    ActorMention,
    Article,
    CodedArticle,
    Event,
    Evidence,
    Modality,
    Sentence,
    Speaker,
)
from eventwire.output import (
    CONTRACT_KEYS,
    GDELT_COLUMNS,
    event_to_dict,
    gdelt_row,
    global_event_id,
    write_gdelt,
    write_jsonl,
    write_table,
)
from eventwire.output.table import MIN_EVIDENCE

TITLE = "Ministers meet"
TEXT = (
    "Ministers meet\n\n"
    "Britain's foreign minister urged Moscow to pull back its troops.\n\n"
    "The United Nations did not condemn the\tshelling."
)


def _span(text: str, start_at: int = 0) -> tuple[int, int]:
    start = TEXT.index(text, start_at)
    return (start, start + len(text))


def _mention(code: str, text: str, sentence: int) -> ActorMention:
    return ActorMention(
        code=code, country=code[:3], roles=tuple(code[i:i + 3] for i in range(3, len(code), 3)),
        text=text, span=_span(text), sentence=sentence, rule="test",
    )


def _article(url: str | None = "https://example.org/a") -> Article:
    paragraphs = tuple(
        _span(part) for part in (
            TITLE, "Britain's foreign minister urged Moscow to pull back its troops.",
            "The United Nations did not condemn the\tshelling.",
        )
    )
    return Article(
        id="doc-1", text=TEXT, paragraphs=paragraphs, title=TITLE,
        date=dt.date(2022, 2, 10), url=url, origin="news/a.txt",
    )


def _sentence(index: int, paragraph: int, text: str) -> Sentence:
    return Sentence(index=index, paragraph=paragraph, span=_span(text), text=text)


def _appeal() -> Event:
    text = "Britain's foreign minister urged Moscow to pull back its troops."
    return Event(
        doc_id="doc-1", event_id="e1", sentence=_sentence(1, 1, text),
        date=dt.date(2022, 2, 9),
        source=_mention("GBRGOV", "Britain's foreign minister", 1),
        target=_mention("RUSMIL", "Moscow", 1),
        code=code_info("0256"), modality=Modality(future=True, reported=True),
        evidence=Evidence(text=text, span=_span(text), trigger_text="urged",
                          trigger_span=_span("urged"), rule="verb:URGE"),
        speaker=Speaker(text="Britain's foreign minister",
                        span=_span("Britain's foreign minister"), code="GBRGOV"),
    )


def _denial() -> Event:
    text = "The United Nations did not condemn the\tshelling."
    return Event(
        doc_id="doc-1", event_id="e2", sentence=_sentence(2, 2, text), date=None,
        source=_mention("IGOUNO", "The United Nations", 2), target=None,
        code=code_info("111"), modality=Modality(negated=True),
        evidence=Evidence(text=text, span=_span(text), trigger_text="condemn",
                          trigger_span=_span("condemn"), rule="verb:CONDEMN"),
    )


def _coded() -> CodedArticle:
    article = _article()
    return CodedArticle(article=article, sentences=(), actors=(), events=(_appeal(), _denial()))


def test_contract_keys_are_the_documented_ones_in_order() -> None:
    documented = [
        "doc_id", "event_id", "sentence", "date", "source", "target", "cameo", "cameo_root",
        "cameo_name", "quad_class", "goldstein", "plover", "plover_mode", "negated",
        "hypothetical", "future", "reported", "speaker", "evidence",
        "date_source", "location", "provenance", "voice", "tone", "confidence", "reciprocal",
    ]
    assert list(event_to_dict(_appeal())) == documented == list(CONTRACT_KEYS)


def test_jsonl_round_trip_keeps_order_and_values() -> None:
    out = io.StringIO()
    assert write_jsonl([_appeal(), _denial()], out) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert list(first) == list(CONTRACT_KEYS)
    assert list(first["sentence"]) == ["index", "text", "span"]
    assert list(first["source"]) == ["code", "country", "roles", "text", "span"]
    assert list(first["speaker"]) == ["text", "span", "code"]
    assert list(first["evidence"]) == ["text", "span", "trigger", "rule"]
    assert list(first["evidence"]["trigger"]) == ["text", "span"]
    assert first["date"] == "2022-02-09" and second["date"] is None
    assert first["source"]["roles"] == ["GOV"] and first["target"]["code"] == "RUSMIL"
    start, end = first["evidence"]["trigger"]["span"]
    assert TEXT[start:end] == "urged"
    start, end = first["source"]["span"]
    assert TEXT[start:end] == first["source"]["text"]
    assert (first["cameo"], first["cameo_root"], first["plover"]) == ("0256", "02", "REQUEST")
    assert first["quad_class"] == 1 and isinstance(first["goldstein"], float)
    assert (first["future"], first["reported"], first["negated"]) == (True, True, False)
    assert second["target"] is None and second["speaker"] is None and second["negated"]


def test_jsonl_keeps_non_ascii_text_readable() -> None:
    event = _appeal()
    renamed = Event(**{**event.__dict__, "doc_id": "Kyiv–Київ"})
    out = io.StringIO()
    write_jsonl([renamed], out)
    assert "Київ" in out.getvalue()


def test_gdelt_row_has_61_fields_with_dates_and_actors() -> None:
    article = _article()
    row = gdelt_row(_appeal(), article)
    assert len(row) == len(GDELT_COLUMNS) == 61
    field = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert (field["SQLDATE"], field["MonthYear"], field["Year"]) == ("20220209", "202202", "2022")
    assert field["FractionDate"] == f"{2022 + (2 * 30 + 9) / 365:.4f}"
    assert (field["Actor1Code"], field["Actor1CountryCode"], field["Actor1Type1Code"]) == (
        "GBRGOV", "GBR", "GOV")
    assert field["Actor1Name"] == "BRITAIN'S FOREIGN MINISTER"
    assert (field["Actor2Code"], field["Actor2CountryCode"], field["Actor2Type1Code"]) == (
        "RUSMIL", "RUS", "MIL")
    assert (field["EventCode"], field["EventBaseCode"], field["EventRootCode"]) == (
        "0256", "025", "02")
    assert field["QuadClass"] == "1"
    assert float(field["GoldsteinScale"]) == code_info("0256").goldstein
    assert field["IsRootEvent"] == "1"
    assert field["DATEADDED"] == "20220210000000"
    assert field["SOURCEURL"] == "https://example.org/a"
    assert all(field[name] == "" for name in GDELT_COLUMNS if "Geo_" in name)
    assert int(field["GLOBALEVENTID"]) == global_event_id("doc-1", "e1") > 0


def test_gdelt_row_of_an_igo_without_target() -> None:
    row = dict(zip(GDELT_COLUMNS, gdelt_row(_denial(), _article(url=None)), strict=True))
    assert (row["Actor1CountryCode"], row["Actor1KnownGroupCode"], row["Actor1Type1Code"]) == (
        "", "UNO", "IGO")
    assert row["Actor2Code"] == "" and row["IsRootEvent"] == "0"
    assert row["SQLDATE"] == "20220210"
    assert row["EventBaseCode"] == "111" and row["SOURCEURL"] == "news/a.txt"


def test_gdelt_row_of_actors_of_unknown_country_and_code() -> None:
    """GDELT writes a government of unknown country as GOV and an actor without any
    code by its name alone; CAMEO's placeholder is no known group."""
    unknown = replace(_appeal(), source=_mention("---GOV", "foreign minister", 1),
                      target=_mention("---", "The United Nations", 2))
    row = dict(zip(GDELT_COLUMNS, gdelt_row(unknown, _article()), strict=True))
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1KnownGroupCode"],
            row["Actor1Type1Code"]) == ("GOV", "", "", "GOV")
    assert (row["Actor2Code"], row["Actor2Name"], row["Actor2KnownGroupCode"]) == (
        "", "THE UNITED NATIONS", "")


def test_global_event_id_is_stable_and_distinct() -> None:
    assert global_event_id("d", "e1") == global_event_id("d", "e1")
    assert global_event_id("d", "e1") != global_event_id("d", "e2")
    assert global_event_id("d1", "e") != global_event_id("d", "1e")
    assert 0 < global_event_id("x", "y") < 2**63


def test_write_gdelt_leaves_out_uncounted_events_unless_asked() -> None:
    out = io.StringIO()
    assert write_gdelt([_coded()], out) == 1
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 and len(lines[0].split("\t")) == 61
    out = io.StringIO()
    assert write_gdelt([_coded()], out, include_uncounted=True) == 2
    assert all(len(line.split("\t")) == 61 for line in out.getvalue().splitlines())


def test_table_shows_codes_flags_and_triggers() -> None:
    out = io.StringIO()
    assert write_table([_coded()], out) == 2
    text = out.getvalue()
    lines = text.splitlines()
    assert lines[0].startswith("== doc-1 | 2022-02-10 | Ministers meet | 2 events")
    assert "GBRGOV → RUSMIL" in text and "IGOUNO → —" in text
    assert "0256" in text and "111" in text and "REQUEST/yield" in text
    assert "--FR-" in text and "N----" in text
    assert "urged" in text and "condemn" in text
    assert all(len(line) <= 150 for line in lines)
    assert "\t" not in text


def test_table_marks_an_act_done_together() -> None:
    mutual = replace(_appeal(), reciprocal=True)
    out = io.StringIO()
    write_table([replace(_coded(), events=(mutual,))], out)
    assert "--FRM" in out.getvalue()


@pytest.mark.parametrize("width", [60, 120, 150, 400])
def test_table_cuts_evidence_to_width(width: int) -> None:
    out = io.StringIO()
    write_table([_coded()], out, width=width)
    lines = out.getvalue().splitlines()
    fixed = lines[1].index("evidence")
    assert all(len(line) <= max(width, fixed + MIN_EVIDENCE) for line in lines)
    evidence = [line[fixed:] for line in lines[2:]]
    if width >= fixed + len(_appeal().evidence.text):
        assert evidence[0] == _appeal().evidence.text
    else:
        assert evidence[0].endswith("…") and _appeal().evidence.text.startswith(evidence[0][:-1])


def test_table_of_an_article_without_events() -> None:
    out = io.StringIO()
    empty = CodedArticle(article=_article(), sentences=(), actors=(), events=())
    assert write_table([empty], out) == 0
    assert out.getvalue().splitlines() == ["== doc-1 | 2022-02-10 | Ministers meet | 0 events"]
