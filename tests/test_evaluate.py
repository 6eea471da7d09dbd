"""Scorers of eventwire.evaluate on small hand-made gold records and predictions.

Every expected figure below was counted by hand from the records in the test, so a
change to a scoring rule shows up as a failing count, not only as a different ratio.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eventwire.errors import GoldFormatError
from eventwire.evaluate import (
    GoldRecord,
    Report,
    dataset_kind,
    format_report,
    load_gold,
    penta_class,
    score,
)
from eventwire.evaluate.location import resolve, touches

Event = dict[str, object]


def rec(rid: str, text: str, dataset: str, gold: dict[str, object]) -> GoldRecord:
    return GoldRecord(id=rid, text=text, date=None, dataset=dataset, gold=gold)


def actor(code: str, country: str | None = None, roles: tuple[str, ...] = (),
          span: tuple[int, int] = (0, 0)) -> dict[str, object]:
    return {"code": code, "country": country, "roles": list(roles), "text": "",
            "span": list(span)}


def event(cameo: str = "010", *, plover: str | None = None,
          source: dict[str, object] | None = None, target: dict[str, object] | None = None,
          negated: bool = False, hypothetical: bool = False,
          trigger: tuple[int, int] = (0, 0), **extra: object) -> Event:
    return {
        "doc_id": "d", "event_id": "e", "source": source, "target": target,
        "cameo": cameo, "cameo_root": cameo[:2], "plover": plover,
        "negated": negated, "hypothetical": hypothetical,
        "evidence": {"text": "", "span": [0, 0],
                     "trigger": {"text": "", "span": list(trigger)}, "rule": "test-rule"},
        **extra,
    }


def counts(report: Report, name: str) -> tuple[int, int, int]:
    metric = report.metric(name)
    return metric.tp, metric.fp, metric.fn


def causes(report: Report) -> Counter[str]:
    return Counter(case.cause for case in report.errors)


# --- loading -----------------------------------------------------------------------


def _line(rid: str, **changes: object) -> str:
    data: dict[str, object] = {"id": rid, "text": "Ruritania protested.", "date": "2021-03-04",
                               "dataset": "conflibert-penta", "gold": {"penta": "statement"}}
    data.update(changes)
    return json.dumps(data)


def test_load_gold_reads_records_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(_line("a") + "\n\n" + _line("b", date=None) + "\n", encoding="utf-8")
    records = load_gold(path)
    assert [r.id for r in records] == ["a", "b"]
    assert records[0].date is not None and records[0].date.isoformat() == "2021-03-04"
    assert records[1].date is None
    assert records[0].gold["penta"] == "statement"
    assert dataset_kind(records) == "conflibert-penta"


@pytest.mark.parametrize("bad", [
    "{not json",
    _line("c", gold={"penta": "chatter"}),
    _line("c", date="yesterday"),
    _line("c", dataset="plover-gsr", gold={"events": [{"plover": "AGREE", "source": "X"}]}),
    _line("c", dataset="event-location", gold={"trigger": {"start": 5, "end": 2}}),
    json.dumps(["a", "list"]),
])
def test_load_gold_names_path_and_line_of_a_bad_record(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([_line("a"), _line("b"), bad]) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=rf"{path}:3: "):
        load_gold(path)


def test_load_gold_renames_a_repeated_id(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([_line("a"), _line("a")]) + "\n", encoding="utf-8")
    assert [r.id for r in load_gold(path)] == ["a", "a@2"]


def test_dataset_kind_rejects_mixed_and_unknown_sets() -> None:
    penta = rec("a", "x", "conflibert-penta", {"penta": "statement"})
    with pytest.raises(GoldFormatError):
        dataset_kind([penta, rec("b", "x", "event-location", {})])
    with pytest.raises(GoldFormatError):
        dataset_kind([rec("b", "x", "tweets", {})])
    with pytest.raises(GoldFormatError):
        dataset_kind([])
    with pytest.raises(GoldFormatError):
        score("tweets", [penta], {})


# --- plover-gsr --------------------------------------------------------------------


def _pl(kind: str, sources: list[tuple[str, str | None]],
        targets: list[tuple[str, str | None]]) -> dict[str, object]:
    def side(pairs: list[tuple[str, str | None]]) -> list[dict[str, object]]:
        return [{"code": code, "sector": sector, "text": code} for code, sector in pairs]

    return {"events": [{"plover": kind, "source": side(sources), "target": side(targets),
                        "mode": None, "trigger": "", "location": None}]}


PLOVER_RECORDS = [
    rec("p1", "Leaders of Ruritania and Freedonia agreed to share the river.", "plover-gsr",
        _pl("AGREE", [("RUR", "GOV"), ("FRE", None)], [])),
    rec("p2", "Ruritanian troops shelled a Freedonian village.", "plover-gsr",
        _pl("ASSAULT", [("RUR", "MIL")], [("FRE", "CVL")])),
    rec("p3", "Ruritania accused Freedonia of spying.", "plover-gsr",
        _pl("ACCUSE", [("RUR", None)], [("FRE", None)])),
]

PLOVER_PREDICTIONS: dict[str, list[Event]] = {
    "p1": [
        event("030", plover="AGREE", source=actor("RURGOV", "RUR", ("GOV",))),
        event("030", plover="AGREE", source=actor("RURGOV", "RUR", ("GOV",))),  # repeat
        event("040", plover="CONSULT", source=actor("FRE", "FRE"), negated=True),
    ],
    "p2": [
        # no country field: the first three letters of the code stand in
        event("190", plover="ASSAULT", source=actor("RURMIL", None, ("MIL",)),
              target=actor("FREGOV", "FRE", ("GOV",))),
        event("170", plover="COERCE", source=actor("RUR", "RUR"), target=actor("FRE", "FRE")),
    ],
    "p3": [
        event("112", plover="ACCUSE", source=actor("FRE", "FRE"), target=actor("RUR", "RUR")),
        event("130", plover="THREATEN", source=actor("RUR", "RUR"), hypothetical=True),
    ],
}


def test_plover_type_and_dyad_counts() -> None:
    report = score("plover-gsr", PLOVER_RECORDS, PLOVER_PREDICTIONS)
    # types: p1 AGREE once despite the repeat, the negated CONSULT is ignored;
    # p2 ASSAULT right, COERCE extra; p3 ACCUSE right, hypothetical THREATEN ignored
    assert counts(report, "type") == (3, 1, 0)
    metric = report.metric("type")
    assert metric.precision == pytest.approx(0.75)
    assert metric.recall == pytest.approx(1.0)
    assert metric.f1 == pytest.approx(6 / 7)
    # dyads: p1 (RUR AGREE -) hit, (FRE AGREE -) missed; p2 ASSAULT hit, COERCE extra;
    # p3 gold RUR->FRE missed, coded FRE->RUR extra
    assert counts(report, "dyad") == (2, 2, 2)
    # sectors: p1 source GOV=GOV; p2 source MIL=MIL, target CVL vs GOV
    sector = report.metric("sector agreement")
    assert (sector.correct, sector.total) == (2, 3)
    assert causes(report) == Counter(
        {"missed actor": 1, "spurious event": 1, "wrong direction": 1})


def test_plover_missing_target_is_a_dash_on_both_sides() -> None:
    record = rec("p", "Freedonia withdrew.", "plover-gsr", _pl("RETREAT", [("FRE", None)], []))
    with_target = event("080", plover="RETREAT", source=actor("FRE", "FRE"),
                        target=actor("RUR", "RUR"))
    without = event("080", plover="RETREAT", source=actor("FRE", "FRE"))
    assert counts(score("plover-gsr", [record], {"p": [without]}), "dyad") == (1, 0, 0)
    report = score("plover-gsr", [record], {"p": [with_target]})
    assert counts(report, "dyad") == (0, 1, 1)
    assert counts(report, "type") == (1, 0, 0)
    assert causes(report) == Counter({"wrong actor": 1})


def test_plover_reciprocal_events_have_both_sides_as_actors() -> None:
    # the PLOVER codebook: both parties of a reciprocal meeting are actors, no recipient
    record = rec("p", "Freedonia and Ruritania met.", "plover-gsr",
                 _pl("CONSULT", [("FRE", None), ("RUR", None)], []))
    fre, rur = actor("FRE", "FRE"), actor("RUR", "RUR")
    pair = [event("040", plover="CONSULT", source=fre, target=rur, reciprocal=True),
            event("040", plover="CONSULT", source=rur, target=fre, reciprocal=True)]
    assert counts(score("plover-gsr", [record], {"p": pair}), "dyad") == (2, 0, 0)
    one_way = [{**e, "reciprocal": False} for e in pair]
    assert counts(score("plover-gsr", [record], {"p": one_way}), "dyad") == (0, 2, 2)


def test_plover_error_causes_without_a_counted_match() -> None:
    records = [rec(rid, "Ruritania rejected the offer.", "plover-gsr",
                   _pl("REJECT", [("RUR", None)], [("FRE", None)])) for rid in "abc"]
    rur, fre = actor("RUR", "RUR"), actor("FRE", "FRE")
    predictions: dict[str, list[Event]] = {
        "a": [],
        "b": [event("120", plover="REJECT", negated=True, source=rur, target=fre)],
        "c": [event("040", plover="CONSULT", source=rur, target=fre)],
    }
    report = score("plover-gsr", records, predictions)
    assert causes(report) == Counter(
        {"no event found": 1, "modality": 1, "wrong code family": 1})
    assert counts(report, "type") == (0, 1, 3)
    listed = {case.record_id: case for case in report.errors}
    assert "rule=test-rule" in listed["b"].coded and "negated" in listed["b"].coded
    assert listed["a"].coded == "(nothing)"
    assert "REJECT" in listed["c"].expected


# --- petrarch2-gsr -----------------------------------------------------------------


def _pe(*events: tuple[str, list[str], list[str]]) -> dict[str, object]:
    return {"events": [{"cameo": code, "source": [{"code": s} for s in src],
                        "target": [{"code": t} for t in tgt]} for code, src, tgt in events]}


def test_petrarch_triples_at_three_levels() -> None:
    records = [
        rec("a", "The US president urged China to talk.", "petrarch2-gsr",
            _pe(("042", ["USAGOV"], ["CHN"]))),
        rec("b", "Troops were shelled near the Russian border.", "petrarch2-gsr",
            _pe(("190", [], ["RUSMIL"]))),
    ]
    predictions = {
        "a": [event("043", source=actor("USAGOV", "USA"), target=actor("CHN", "CHN"))],
        "b": [event("190", target=actor("RUSGOV", "RUS")),
              event("190", target=actor("RUSMIL", "RUS"), negated=True)],
    }
    report = score("petrarch2-gsr", records, predictions)
    assert counts(report, "triple (full codes)") == (0, 2, 2)
    assert counts(report, "triple (root, full actors)") == (1, 1, 1)
    assert counts(report, "triple (root, country actors)") == (2, 0, 0)
    assert causes(report) == Counter({"wrong code": 1, "wrong actor": 1})


def test_petrarch_expands_actor_lists_and_sees_direction() -> None:
    record = rec("a", "Brazil and Chile want closer ties with Peru.", "petrarch2-gsr",
                 _pe(("031", ["BRA", "CHL"], ["PER"])))
    predictions = {"a": [
        event("031", source=actor("BRA", "BRA"), target=actor("PER", "PER")),
        event("031", source=actor("PER", "PER"), target=actor("CHL", "CHL")),
        event("031", source=actor("PER", "PER"), target=actor("CHL", "CHL")),  # repeat
    ]}
    report = score("petrarch2-gsr", [record], predictions)
    assert counts(report, "triple (full codes)") == (1, 1, 1)
    assert causes(report) == Counter({"wrong direction": 1})


# --- conflibert-penta --------------------------------------------------------------


@pytest.mark.parametrize(("root", "expected"), [
    *[(f"{n:02d}", "statement") for n in (1, 2)],
    *[(f"{n:02d}", "verbal_cooperation") for n in (3, 4, 5)],
    *[(f"{n:02d}", "material_cooperation") for n in (6, 7, 8)],
    *[(f"{n:02d}", "verbal_conflict") for n in (9, 10, 11, 12, 13, 16)],
    *[(f"{n:02d}", "material_conflict") for n in (14, 15, 17, 18, 19, 20)],
    ("00", None), ("21", None), ("", None), (None, None),
])
def test_penta_class_of_every_root(root: str | None, expected: str | None) -> None:
    assert penta_class(root) == expected


def test_penta_scores_the_first_counted_event() -> None:
    gold = ["statement", "material_conflict", "verbal_conflict", "material_cooperation",
            "verbal_conflict"]
    records = [rec(f"r{i}", "Some sentence.", "conflibert-penta", {"penta": g})
               for i, g in enumerate(gold)]
    predictions = {
        "r0": [event("190", hypothetical=True), event("010"), event("190")],
        "r1": [event("036"), event("190")],  # order matters: the first event is primary
        "r2": [],
        "r3": [event("070", negated=True)],
        "r4": [event("160")],
    }
    report = score("conflibert-penta", records, predictions)
    accuracy = report.metric("penta accuracy")
    assert (accuracy.correct, accuracy.total) == (2, 5)
    assert accuracy.value == pytest.approx(0.4)
    found = report.metric("primary event found")
    assert (found.correct, found.total) == (3, 5)
    assert causes(report) == Counter(
        {"wrong code family": 1, "no event found": 1, "modality": 1})


# --- conflibert-actors -------------------------------------------------------------

ACTOR_TEXT = "Ruritanian police arrested two Freedonian journalists near the border ."


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _gold_span(text: str, role: str, words: str) -> dict[str, object]:
    start, end = _span(text, words)
    return {"role": role, "start": start, "end": end, "text": words}


def _with(role: str, text: str, words: str, *, negated: bool = False) -> Event:
    found = actor("X", span=_span(text, words))
    return event("111", source=found if role == "source" else None,
                 target=found if role == "target" else None, negated=negated)


def test_actor_spans_by_token_jaccard() -> None:
    record = rec("a", ACTOR_TEXT, "conflibert-actors", {"actor_spans": [
        _gold_span(ACTOR_TEXT, "source", "Ruritanian police"),
        _gold_span(ACTOR_TEXT, "target", "two Freedonian journalists"),
    ]})
    predictions = {"a": [
        _with("source", ACTOR_TEXT, "police"),  # 1 of 2 tokens: Jaccard 0.5, a match
        _with("source", ACTOR_TEXT, "police"),  # the same span again counts once
        _with("target", ACTOR_TEXT, "Freedonian journalists near the border"),  # 2/6
        _with("target", ACTOR_TEXT, "two Freedonian journalists", negated=True),
    ]}
    report = score("conflibert-actors", [record], predictions)
    assert counts(report, "source spans") == (1, 0, 0)
    assert counts(report, "target spans") == (0, 1, 1)
    assert counts(report, "all spans") == (1, 1, 1)
    # the right target only on a negated event
    assert causes(report) == Counter({"modality": 1, "wrong actor": 1})


def test_actor_span_cutting_a_token_counts_that_token() -> None:
    record = rec("a", ACTOR_TEXT, "conflibert-actors",
                 {"actor_spans": [_gold_span(ACTOR_TEXT, "source", "Ruritanian police")]})
    start, end = _span(ACTOR_TEXT, "Ruritanian police")
    cut = event("111", source=actor("X", span=(start + 3, end - 2)))
    assert counts(score("conflibert-actors", [record], {"a": [cut]}), "source spans") == (
        1, 0, 0)


def test_a_gold_span_is_matched_at_most_once() -> None:
    record = rec("a", ACTOR_TEXT, "conflibert-actors",
                 {"actor_spans": [_gold_span(ACTOR_TEXT, "source", "Ruritanian police")]})
    predictions = {"a": [_with("source", ACTOR_TEXT, "Ruritanian police"),
                         _with("source", ACTOR_TEXT, "Ruritanian")]}
    assert counts(score("conflibert-actors", [record], predictions), "source spans") == (
        1, 1, 0)


def test_reciprocal_gold_spans_match_either_role() -> None:
    text = "Ruritania and Freedonia held talks in Geneva ."
    record = rec("a", text, "conflibert-actors", {"actor_spans": [
        _gold_span(text, "reciprocal", "Ruritania"), _gold_span(text, "reciprocal", "Freedonia"),
    ]})
    both = {"a": [event("040", source=actor("RUR", span=_span(text, "Ruritania")),
                        target=actor("FRE", span=_span(text, "Freedonia")))]}
    report = score("conflibert-actors", [record], both)
    assert counts(report, "source spans") == (1, 0, 0)
    assert counts(report, "target spans") == (1, 0, 0)
    # Freedonia found in neither role is a miss in both; Ruritania as source is no
    # target miss
    one = {"a": [_with("source", text, "Ruritania")]}
    report = score("conflibert-actors", [record], one)
    assert counts(report, "source spans") == (1, 0, 1)
    assert counts(report, "target spans") == (0, 0, 1)
    assert counts(report, "all spans") == (1, 0, 1)


def test_actor_in_the_wrong_role_is_a_wrong_direction() -> None:
    record = rec("a", ACTOR_TEXT, "conflibert-actors",
                 {"actor_spans": [_gold_span(ACTOR_TEXT, "source", "Ruritanian police")]})
    report = score("conflibert-actors", [record],
                   {"a": [_with("target", ACTOR_TEXT, "Ruritanian police")]})
    assert counts(report, "source spans") == (0, 0, 1)
    assert counts(report, "target spans") == (0, 1, 0)
    assert causes(report) == Counter({"wrong direction": 1})


# --- event-location ----------------------------------------------------------------

LOC_TEXT = "Rebels attacked a convoy near Lakeside on Monday."


def _loc_gold(*places: dict[str, object]) -> dict[str, object]:
    start, end = _span(LOC_TEXT, "attacked")
    return {"trigger": {"start": start, "end": end, "text": "attacked"},
            "locations": list(places)}


def _place(words: str, span: tuple[int, int] | None = None) -> dict[str, object]:
    start, end = span or _span(LOC_TEXT, words)
    return {"start": start, "end": end, "text": words}


def _located(trigger_words: str, location: object = None, *,
             hypothetical: bool = False) -> Event:
    return event("190", trigger=_span(LOC_TEXT, trigger_words), location=location,
                 hypothetical=hypothetical)


def test_event_location_accuracy() -> None:
    lakeside = _span(LOC_TEXT, "Lakeside")
    in_text = {"text": "Lakeside", "span": list(lakeside), "source": "text"}
    near = {"text": "near Lakeside", "span": list(_span(LOC_TEXT, "near Lakeside")),
            "source": "text"}
    start = lakeside[0]
    records = [
        rec("a", LOC_TEXT, "event-location", _loc_gold(_place("Lakeside"))),
        rec("b", LOC_TEXT, "event-location", _loc_gold()),
        rec("c", LOC_TEXT, "event-location", _loc_gold()),
        rec("d", LOC_TEXT, "event-location", _loc_gold(_place("Lakeside", (5, 5)))),
        rec("e", LOC_TEXT, "event-location", _loc_gold(_place("Lakeside", (start, start)))),
        rec("f", LOC_TEXT, "event-location", _loc_gold(_place("Lakeside"))),
        rec("g", LOC_TEXT, "event-location", _loc_gold(_place("Lakeside"))),
    ]
    no_location = event("190", trigger=_span(LOC_TEXT, "attacked"))  # no "location" key
    predictions = {
        # the first counted event at the trigger is judged, not the first event
        "a": [_located("Rebels"), _located("attacked", hypothetical=True),
              _located("attacked a convoy", near)],
        "b": [_located("attacked", {"text": "Gaza", "source": "dateline"})],
        "c": [_located("attacked", in_text)],
        "d": [_located("attacked", in_text)],  # broken empty span found by its text
        "e": [_located("attacked", in_text)],  # empty span at the place's start
        "f": [_located("convoy", in_text)],  # no event at the trigger
        "g": [no_location],
    }
    report = score("event-location", records, predictions)
    accuracy = report.metric("location accuracy")
    assert (accuracy.correct, accuracy.total) == (4, 7)
    found = report.metric("event at gold trigger")
    assert (found.correct, found.total) == (6, 7)
    placed = report.metric("location accuracy, gold place")
    assert (placed.correct, placed.total) == (3, 5)
    unplaced = report.metric("location accuracy, no gold place")
    assert (unplaced.correct, unplaced.total) == (1, 2)
    assert causes(report) == Counter({"wrong location": 2, "no event found": 1})


def test_span_overlap_and_resolution_rules() -> None:
    assert touches((0, 5), (4, 9)) and not touches((0, 5), (5, 9))
    assert touches((3, 3), (0, 5)) and not touches((5, 5), (0, 5))
    assert resolve("in Lakeside", (3, 11), "Lakeside") == [(3, 11)]
    assert resolve("in Lakeside", (3, 3), "Lakeside") == [(3, 11)]
    assert resolve("Lakeside or Lakeside", (1, 1), "Lakeside") == [(0, 8), (12, 20)]
    assert resolve("in Lakeside", (1, 1), "Hillside") == []


# --- printing ----------------------------------------------------------------------


def test_format_report_prints_metrics_and_errors_by_cause() -> None:
    report = score("plover-gsr", PLOVER_RECORDS, PLOVER_PREDICTIONS)
    text = format_report(report)
    assert text.startswith("plover-gsr: 3 records")
    type_line = next(line for line in text.splitlines() if line.startswith("type"))
    assert type_line.split() == ["type", "0.750", "1.000", "0.857", "3", "1", "0"]
    assert "sector agreement" in text and "0.667" in text
    assert "errors" not in text
    detailed = format_report(report, errors=True)
    assert "errors: 3" in detailed
    assert "== wrong direction (1)" in detailed
    assert "[p3] Ruritania accused Freedonia of spying." in detailed
    assert "expected: ACCUSE RUR -> FRE" in detailed
