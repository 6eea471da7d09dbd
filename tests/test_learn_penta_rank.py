"""Ordering and confidence: the classifier reorders the coder's events, never adds any."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from io import StringIO

from spacy.language import Language

from eventwire.codes import code_info
from eventwire.config import Config
from eventwire.learn.penta_model import FamilyModel, packaged_model
from eventwire.learn.penta_rank import (
    Ranking,
    confidence,
    rank_events,
    rule_evidence,
    score_events,
)
from eventwire.model import ActorMention, Event, Evidence, Modality, Sentence
from eventwire.output import write_jsonl
from eventwire.pipeline import Pipeline

TEXT = "Ruritania accused Freedonia and then shelled its border posts."
SENTENCE = Sentence(0, 0, (0, len(TEXT)), TEXT)


def _actor(code: str, word: str) -> ActorMention:
    start = TEXT.index(word)
    return ActorMention(code, code, (), word, (start, start + len(word)), 0, "test")


def _event(cameo: str, trigger: str, *, salience: float = 10.0,
           target: bool = True, modality: Modality | None = None) -> Event:
    start = TEXT.index(trigger)
    span = (start, start + len(trigger))
    return Event(
        doc_id="d", event_id="", sentence=SENTENCE, date=None,
        source=_actor("RUR", "Ruritania"),
        target=_actor("FRE", "Freedonia") if target else None,
        code=code_info(cameo), modality=modality or Modality(),
        evidence=Evidence(trigger, span, trigger, span, "test rule"), salience=salience,
    )


def _probabilities(family: str) -> dict[str, float]:
    others = ("statement", "verbal_cooperation", "material_cooperation", "verbal_conflict",
              "material_conflict")
    return {label: 0.9 if label == family else 0.025 for label in others}


def test_the_model_puts_the_family_it_supports_first() -> None:
    accuse, shell = _event("112", "accused"), _event("190", "shelled", target=False)
    ranked = rank_events([accuse, shell], {0: _probabilities("material_conflict")})
    assert [e.code.cameo for e in ranked] == ["190", "112"]
    assert [e.event_id for e in ranked] == ["d-1", "d-2"]
    ranked = rank_events([accuse, shell], {0: _probabilities("verbal_conflict")})
    assert [e.code.cameo for e in ranked] == ["112", "190"]


def test_without_probabilities_the_rule_order_stays() -> None:
    accuse, shell = _event("112", "accused"), _event("190", "shelled", target=False)
    assert [e.code.cameo for e in rank_events([shell, accuse], {})] == ["112", "190"]
    assert [e.code.cameo for e in score_events([accuse, shell], None)] == ["112", "190"]


def test_a_counted_event_stays_before_a_negated_one_whatever_the_model_says() -> None:
    shell = _event("190", "shelled", modality=Modality(negated=True))
    accuse = _event("112", "accused", target=False)
    ranked = rank_events([shell, accuse], {0: _probabilities("material_conflict")},
                         Ranking(weight=99.0))
    assert ranked[0].code.cameo == "112"


def test_confidence_joins_model_and_rule_evidence() -> None:
    strong = _event("190", "shelled", salience=12.0)
    weak = _event("190", "shelled", salience=1.0, target=False,
                  modality=Modality(hypothetical=True, reported=True))
    assert 0.0 <= rule_evidence(weak) < rule_evidence(strong) <= 1.0
    agree = confidence(strong, _probabilities("material_conflict"))
    disagree = confidence(strong, _probabilities("statement"))
    assert 0.0 <= disagree < agree <= 1.0
    assert confidence(strong, None) == round(rule_evidence(strong), 4)


def test_an_actor_no_dictionary_knows_is_weaker_evidence_than_a_coded_one() -> None:
    coded = _event("190", "shelled")
    unknown = replace(coded, target=_actor("---", "Freedonia"))
    assert rule_evidence(replace(coded, target=None)) < rule_evidence(unknown)
    assert rule_evidence(unknown) < rule_evidence(coded)


@dataclass(frozen=True)
class _Favouring(FamilyModel):
    """A stand-in classifier that is sure of one family, to watch the ranking use it."""

    family: str = "statement"

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        return [_probabilities(self.family) for _ in texts]


def test_pipeline_orders_with_the_model_and_writes_confidence(nlp: Language) -> None:
    text = "Germany accused France of lying and Germany shelled France."
    rule_order = Pipeline.from_config(Config(family_model=False), nlp=nlp).code_text(text)
    roots = {e.code.root for e in rule_order.events}
    assert {"11", "19"} <= roots, [e.code.cameo for e in rule_order.events]
    for family, root in (("material_conflict", "19"), ("verbal_conflict", "11")):
        favouring = _Favouring(nlp, family)
        pipeline = Pipeline.from_config(Config(), nlp=nlp, family=favouring)
        coded = pipeline.code_text(text)
        assert coded.events[0].code.root == root
        assert len(coded.events) == len(rule_order.events)  # reordered, never invented
    out = StringIO()
    write_jsonl(coded.events, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all(0.0 <= r["confidence"] <= 1.0 for r in records)
    assert all(0.0 <= (e.confidence or -1) <= 1.0 for e in rule_order.events)


def test_the_default_pipeline_uses_the_shipped_model(coding_pipeline: Pipeline) -> None:
    assert coding_pipeline.family is packaged_model()
    coded = coding_pipeline.code_text("Norway shelled Swedish border posts.")
    assert coded.events and all(e.confidence is not None for e in coded.events)


