"""The learned source/target span model: training, the shipped weights, and how it
adjusts the dictionary coder's events."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.language import Language

from eventwire.config import Config
from eventwire.evaluate import GoldRecord
from eventwire.learn.actor_spans import LABELS, label_docs, shipped_model
from eventwire.learn.actor_spans_refine import NOTE, SpanRefiner, refine_article
from eventwire.learn.actor_spans_train import (
    TrainSettings,
    score_model,
    to_example,
    train_span_model,
)
from eventwire.model import CodedArticle
from eventwire.pipeline import Pipeline, article_from_text

SIDES = ["The Zemblan navy", "Quor 's border guards", "The Ruritanian cabinet",
         "A Laplandish militia", "The Zemblan parliament", "Quor 's envoy"]
VERBS = ["shelled", "blamed", "welcomed", "raided"]


def _record(n: int, source: str, verb: str, target: str) -> GoldRecord:
    text = f"{source} {verb} {target} on Monday ."
    spans = [{"role": "source", "start": 0, "end": len(source), "text": source},
             {"role": "target", "start": len(source) + len(verb) + 2,
              "end": len(source) + len(verb) + 2 + len(target), "text": target}]
    return GoldRecord(f"toy-{n}", text, None, "conflibert-actors", {"actor_spans": spans})


def _toy_records() -> list[GoldRecord]:
    pairs = [(s, t) for s in SIDES for t in SIDES if s != t]
    return [_record(n, s, VERBS[n % len(VERBS)], t) for n, (s, t) in enumerate(pairs)]


def test_gold_spans_become_whole_token_entities(nlp: Language) -> None:
    record = _record(0, "The Zemblan navy", "shelled", "Quor 's border guards")
    example = to_example(spacy.blank("en"), record)
    entities = [(e.text, e.label_) for e in example.reference.ents]
    assert entities == [("The Zemblan navy", "SOURCE"), ("Quor 's border guards", "TARGET")]


def test_a_few_invented_sentences_teach_the_two_roles() -> None:
    """Which side of the verb a phrase stands on is all there is to learn here; the
    scored sentences pair the phrases in ways training never saw."""
    records = _toy_records()
    unseen = records[::5]
    seen = [r for r in records if r not in unseen]
    untrained = train_span_model(seen, TrainSettings(epochs=0))
    trained = train_span_model(seen, TrainSettings(epochs=20, batch_size=4))
    before = {m.name: m.value for m in score_model(untrained, unseen).metrics}
    after = {m.name: m.value for m in score_model(trained, unseen).metrics}
    assert after["source spans"] >= 0.8 and after["target spans"] >= 0.8
    assert after["all spans"] > before["all spans"] + 0.5


def test_the_shipped_model_marks_a_news_sentence() -> None:
    text = "The Israeli army shelled a village near the border on Monday."
    (spans,) = label_docs(shipped_model(), [text])
    assert {s.label for s in spans} <= set(LABELS)
    sources = [text[s.start:s.end] for s in spans if s.label == "SOURCE"]
    assert any("army" in s for s in sources)
    assert set(shipped_model().get_pipe("ner").labels) >= set(LABELS)  # type: ignore[attr-defined]


def _ruler(*patterns: tuple[str, str]) -> Language:
    """A stand-in span model with fixed answers, so each adjustment can be seen alone."""
    model = spacy.blank("en")
    ruler = model.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": label, "pattern": text} for label, text in patterns])  # type: ignore[attr-defined]
    return model


def _with(pipeline: Pipeline, model: Language, **options: bool) -> Pipeline:
    return replace(pipeline, spans=SpanRefiner(model=lambda: model, **options))


def _sides(coded: CodedArticle) -> list[tuple[str | None, str | None]]:
    return [(e.source.text if e.source else None, e.target.text if e.target else None)
            for e in coded.events]


def test_spans_grow_to_the_models_noun_phrases(coding_pipeline: Pipeline) -> None:
    text = "The Israeli army shelled a village in Gaza on Monday."
    model = _ruler(("SOURCE", "The Israeli army"), ("TARGET", "a village in Gaza"))
    bare = replace(coding_pipeline, spans=None).code_text(text)
    coded = _with(coding_pipeline, model).code_text(text)
    assert _sides(bare) == [("The Israeli army", "a village")]  # the parse's noun phrases
    assert _sides(coded) == [("The Israeli army", "a village in Gaza")]
    event = coded.events[0]
    assert event.source is not None and text[slice(*event.source.span)] == "The Israeli army"
    assert event.source.code == bare.events[0].source.code  # type: ignore[union-attr]
    assert event.code == bare.events[0].code and (NOTE, "actor spans from the span model") in (
        event.extra)


def test_a_span_over_both_sides_is_no_extent(coding_pipeline: Pipeline) -> None:
    model = _ruler(("SOURCE", "Germany praised France"))
    coded = _with(coding_pipeline, model).code_text("Germany praised France.")
    assert _sides(coded) == [("Germany", "France")]


def test_a_swap_needs_both_labels_reversed_and_is_off_by_default(
    coding_pipeline: Pipeline,
) -> None:
    reversed_ = _ruler(("TARGET", "Germany"), ("SOURCE", "France"))
    half = _ruler(("TARGET", "Germany"))
    text = "Germany praised France."
    assert _sides(_with(coding_pipeline, reversed_).code_text(text)) == [("Germany", "France")]
    swapping = _with(coding_pipeline, reversed_, swap=True).code_text(text)
    assert _sides(swapping) == [("France", "Germany")]
    assert swapping.events[0].code.cameo == "051"
    assert _sides(_with(coding_pipeline, half, swap=True).code_text(text)) == [
        ("Germany", "France")]


def test_a_missing_target_is_filled_from_a_resolved_mention(coding_pipeline: Pipeline) -> None:
    text = "Egyptian police opened fire on protesters near the palace."
    coded = replace(coding_pipeline, spans=None).code_text(text)
    (event,) = coded.events
    assert event.target is not None and event.target.code == "EGYOPP"  # the police's people
    without = replace(coded, events=(replace(event, target=None),))
    model = _ruler(("SOURCE", "Egyptian police"), ("TARGET", "protesters near the palace"))
    filled = refine_article(without, SpanRefiner(model=lambda: model))
    target = filled.events[0].target
    assert target is not None and target.code == "---OPP"  # the mention, as resolved
    assert target.text == "protesters near the palace"
    unfilled = refine_article(without, SpanRefiner(model=lambda: model, fill_target=False))
    assert unfilled.events[0].target is None


def test_the_words_said_are_no_target_of_the_saying(coding_pipeline: Pipeline) -> None:
    text = "Germany praised France, a German official said."
    model = _ruler(("TARGET", "France"))
    coded = _with(coding_pipeline, model).code_text(text)
    said = [e for e in coded.events if e.evidence.trigger_text == "said"]
    assert all(e.target is None for e in said)


@pytest.mark.parametrize("on", [True, False])
def test_the_config_switches_the_model(nlp: Language, on: bool) -> None:
    pipeline = Pipeline.from_config(Config(actor_spans=on), nlp=nlp)
    assert (pipeline.spans is not None) is on


def test_a_span_over_the_speaker_is_no_extent(coding_pipeline: Pipeline) -> None:
    text = "Egyptian police opened fire on protesters in Cairo, officials said."
    bare = replace(coding_pipeline, spans=None).code_text(text)
    fire = next(e for e in bare.events if e.evidence.trigger_text == "opened")
    assert fire.speaker is not None and fire.speaker.text == "officials"
    assert fire.target is not None and fire.target.text == "protesters in Cairo"
    greedy = _ruler(("TARGET", "protesters in Cairo, officials"))
    modest = _ruler(("TARGET", "fire on protesters in Cairo"))
    for model, words in ((greedy, "protesters in Cairo"), (modest, "fire on protesters in Cairo")):
        coded = _with(coding_pipeline, model).code_text(text)
        event = next(e for e in coded.events if e.evidence.trigger_text == "opened")
        assert event.target is not None and event.target.text == words


def test_articles_coded_together_get_their_own_sentences_spans(
    coding_pipeline: Pipeline,
) -> None:
    texts = ["The Israeli army shelled a village in Gaza on Monday.",
             "Nothing happened here.\n\nGermany praised France.",
             "The German chancellor met the French president in Paris."]
    model = _ruler(("SOURCE", "The Israeli army"), ("SOURCE", "The German chancellor"),
                   ("TARGET", "the French president"))
    pipeline = _with(coding_pipeline, model)
    alone = [_sides(pipeline.code_text(t)) for t in texts]
    small = replace(pipeline, config=replace(pipeline.config, batch_size=2))
    articles = [article_from_text(t, doc_id=f"a{n}") for n, t in enumerate(texts)]
    together = [_sides(coded) for coded in small.code(articles)]
    assert together == alone
    assert alone[0][0][0] == "The Israeli army" and alone[2][0][0] == "The German chancellor"
