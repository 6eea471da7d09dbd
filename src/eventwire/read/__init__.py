"""The read stage: every input kind → :class:`~eventwire.model.Article` or ``ReadError``.

:func:`read_inputs` is the entry point; the per-kind readers live in their own
modules (``text``, ``records``, ``html``, ``feed_file``; ``gz`` decompresses any of
them), sharing the paragraph, title and dateline rules of
:mod:`eventwire.read.layout`, the decoding rules of :mod:`eventwire.read.decode` and
the limits of :mod:`eventwire.read.screen` (see docs/reliability.md).
"""

from eventwire.read.dateline import parse_dateline
from eventwire.read.decode import MAX_INPUT_BYTES, decode_bytes
from eventwire.read.html import html_article, looks_like_html
from eventwire.read.inputs import read_inputs, read_source
from eventwire.read.layout import Dating, Metadata, layout_article, paragraph_spans, split_title
from eventwire.read.records import read_csv_file, read_jsonl_file, read_jsonl_text, record_article
from eventwire.read.sources import Source, expand_sources, sniff_kind
from eventwire.read.text import read_text_file, text_article

__all__ = [
    "MAX_INPUT_BYTES",
    "Dating",
    "Metadata",
    "Source",
    "decode_bytes",
    "expand_sources",
    "html_article",
    "layout_article",
    "looks_like_html",
    "paragraph_spans",
    "parse_dateline",
    "read_csv_file",
    "read_inputs",
    "read_jsonl_file",
    "read_jsonl_text",
    "read_source",
    "read_text_file",
    "record_article",
    "sniff_kind",
    "split_title",
    "text_article",
]
