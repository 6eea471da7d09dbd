"""Coding a gold file the way its README says: each record as its own document.

Kept apart from the scorers in :mod:`eventwire.evaluate`, which only compare JSONL
event records, so that the metrics printed by ``eventwire eval`` are by construction
the metrics of the JSONL output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from eventwire.evaluate import GoldRecord
from eventwire.model import Article
from eventwire.output import event_to_dict
from eventwire.pipeline import Pipeline


def _record_article(record: GoldRecord) -> Article:
    text = record.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    paragraphs = ((start, end),) if end > start else ()
    return Article(id=record.id, text=text, paragraphs=paragraphs, date=record.date)


def code_gold(
    pipeline: Pipeline, records: Sequence[GoldRecord], events_out: Path | None = None
) -> Mapping[str, list[Mapping[str, object]]]:
    """The JSONL event records of every gold record, keyed by record id."""
    predictions: dict[str, list[Mapping[str, object]]] = {r.id: [] for r in records}
    articles: Iterator[Article] = (_record_article(r) for r in records)
    out = events_out.open("w", encoding="utf-8") if events_out else None
    try:
        for coded in pipeline.code(articles):
            for event in coded.events:
                record = event_to_dict(event)
                predictions[coded.article.id].append(record)
                if out is not None:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is not None:
            out.close()
    return predictions
