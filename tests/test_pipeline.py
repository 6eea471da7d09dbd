"""The pipeline as a whole: what it loads, and when."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from eventwire.enrich import Enricher
from eventwire.enrich.gazetteer import load_gazetteer
from eventwire.enrich.tone import load_tone
from eventwire.learn.actor_spans_refine import SpanRefiner
from eventwire.pipeline import Pipeline


def test_preload_builds_every_lazy_resource_once(coding_pipeline: Pipeline) -> None:
    calls: Counter[str] = Counter()

    def counted(name: str, load):  # type: ignore[no-untyped-def]
        def call():  # type: ignore[no-untyped-def]
            calls[name] += 1
            return load()
        return call

    pipeline = replace(
        coding_pipeline,
        enricher=Enricher(gazetteer=counted("gazetteer", load_gazetteer),
                          tone=counted("tone", load_tone)),
        spans=SpanRefiner(model=counted("spans", lambda: None)),
    )
    pipeline.preload()
    assert calls == {"gazetteer": 1, "tone": 1, "spans": 1}


def test_preload_skips_the_stages_a_pipeline_leaves_out(coding_pipeline: Pipeline) -> None:
    bare = replace(coding_pipeline, enricher=None, spans=None)
    bare.preload()  # nothing to build beyond the actor index and gazetteer: must not fail
    coded = bare.code_text("France invited Germany to talks in Paris.")
    assert coded.events and all(e.location is None for e in coded.events)


def test_an_organisation_no_dictionary_knows_acts_under_its_name(
    coding_pipeline: Pipeline,
) -> None:
    coded = coding_pipeline.code_text(
        "Acme Holdings rejected the health ministry's proposal.")
    assert [(e.source.code, e.source.text, e.code.root) for e in coded.events
            if e.source is not None] == [("---", "Acme Holdings", "12")]
    places = coding_pipeline.code_text("Police fired tear gas at protesters in Harare.")
    assert not [m for m in places.actors if m.text == "Harare" and m.code == "---"]
