"""Sentences cut into marked segments for the web page."""

from __future__ import annotations

from eventwire.output.highlight import events_by_sentence, marked_sentences, sentence_segments


def _event(event_id: str, index: int, trigger: tuple[int, int],
           source: tuple[int, int] | None, target: tuple[int, int] | None) -> dict[str, object]:
    return {
        "event_id": event_id,
        "sentence": {"index": index},
        "source": {"code": "AAA", "span": list(source)} if source else None,
        "target": {"code": "BBB", "span": list(target)} if target else None,
        "evidence": {"trigger": {"text": "x", "span": list(trigger)}},
    }


TEXT = "Ruritania warned Freedonia and Ruritania fined Freedonia."
START = 100  # the sentence's offset in its article


def _at(word: str, nth: int = 0) -> tuple[int, int]:
    index = -1
    for _ in range(nth + 1):
        index = TEXT.index(word, index + 1)
    return START + index, START + index + len(word)


def test_segments_rebuild_the_sentence_and_mark_each_role() -> None:
    warned = _event("e1", 0, _at("warned"), _at("Ruritania"), _at("Freedonia"))
    segments = sentence_segments(TEXT, START, [warned])
    assert "".join(s.text for s in segments) == TEXT
    marked = {s.text: s.roles for s in segments if s.roles}
    assert marked == {"Ruritania": ("source",), "warned": ("trigger",),
                      "Freedonia": ("target",)}
    assert all(s.events == ("e1",) for s in segments if s.roles)


def test_shared_words_carry_every_event_and_role() -> None:
    whole = (START, START + len(TEXT))
    first = _event("e1", 0, _at("warned"), _at("Ruritania"), _at("Freedonia"))
    broad = _event("e2", 0, _at("fined"), whole, _at("Freedonia", 1))
    segments = sentence_segments(TEXT, START, [first, broad])
    trigger = next(s for s in segments if s.text == "warned")
    assert trigger.roles == ("trigger", "source")
    assert trigger.events == ("e1", "e2")
    assert "".join(s.text for s in segments) == TEXT


def test_spans_outside_the_sentence_are_clipped_and_missing_parts_skipped() -> None:
    outside = _event("e1", 0, (START - 10, START + 9), None, (0, 5))
    segments = sentence_segments(TEXT, START, [outside])
    assert [(s.text, s.roles) for s in segments][:1] == [("Ruritania", ("trigger",))]
    assert sum(1 for s in segments if s.roles) == 1


def test_events_are_grouped_under_their_sentences() -> None:
    records = [_event("e1", 1, (0, 1), None, None), _event("e2", 0, (0, 1), None, None),
               _event("e3", 1, (0, 1), None, None), {"event_id": "bad"}]
    grouped = events_by_sentence(records)
    assert [r["event_id"] for r in grouped[1]] == ["e1", "e3"]
    sentences = [{"index": 0, "paragraph": 0, "span": [START, START + len(TEXT)], "text": TEXT},
                 {"index": 1, "paragraph": 1, "span": [300, 304], "text": "Calm"}]
    marked = marked_sentences(sentences, records)
    assert [len(m.events) for m in marked] == [1, 2]
    assert marked[1].paragraph == 1
