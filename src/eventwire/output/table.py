"""A fixed-width table of events for people reading a terminal.

Not a data format: widths cut long values, so anything a program reads should use
JSONL or GDELT.  Each article gets a heading line (id, date, title) and one row per
event, so the table stays readable when it is written article by article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, TextIO

from eventwire.model import ActorMention, CodedArticle, Event

MIN_EVIDENCE: Final = 20


@dataclass(frozen=True)
class _Column:
    title: str
    width: int


_COLUMNS: Final = (
    _Column("sent", 4),
    _Column("source → target", 23),
    _Column("cameo", 5),
    _Column("name", 26),
    _Column("plover", 17),
    _Column("flags", 5),
    _Column("conf", 4),
    _Column("trigger", 12),
)
_FLAG_LETTERS: Final = "NHFRM"


def cut(text: str, width: int) -> str:
    """``text`` on one line, shortened with an ellipsis to at most ``width`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def flags(event: Event) -> str:
    """Modality and reciprocity as five letters, ``-`` when off: Negated, Hypothetical,
    Future, Reported, and M for an act done together (``reciprocal``), so that the two
    rows of one mutual act read as one act, as on the web page."""
    modality = event.modality
    on = (modality.negated, modality.hypothetical, modality.future, modality.reported,
          event.reciprocal)
    return "".join(letter if flag else "-" for letter, flag in zip(_FLAG_LETTERS, on, strict=True))


def _actor(actor: ActorMention | None) -> str:
    return actor.code if actor is not None else "—"


def _cells(e: Event) -> list[str]:
    plover = e.code.plover or ""
    if plover and e.code.plover_mode:
        plover = f"{plover}/{e.code.plover_mode}"
    return [
        str(e.sentence.index),
        f"{_actor(e.source)} → {_actor(e.target)}",
        e.code.cameo,
        e.code.name,
        plover or "-",
        flags(e),
        f"{e.confidence:.2f}" if e.confidence is not None else "-",
        e.evidence.trigger_text,
    ]


def _line(cells: list[str], evidence: str, width: int) -> str:
    fixed = [cut(cell, col.width).ljust(col.width) for cell, col in zip(cells, _COLUMNS,
                                                                          strict=True)]
    used = sum(col.width + 1 for col in _COLUMNS)
    return (" ".join(fixed) + " " + cut(evidence, max(width - used, MIN_EVIDENCE))).rstrip()


def _heading(coded: CodedArticle, width: int) -> str:
    article = coded.article
    parts = [article.id, article.date.isoformat() if article.date else "undated"]
    if article.title:
        parts.append(article.title)
    count = len(coded.events)
    parts.append(f"{count} event{'s' if count != 1 else ''}")
    return cut("== " + " | ".join(parts), width)


def write_table(coded: Iterable[CodedArticle], out: TextIO, width: int = 150) -> int:
    """Write a heading per article and a row per event; return the number of events.

    ``width`` is the line length the evidence column is cut to fit; the fixed columns
    and at least :data:`MIN_EVIDENCE` characters of evidence are always shown, so a
    width below about 120 gives longer lines.
    """
    written = 0
    for article in coded:
        out.write(_heading(article, width) + "\n")
        if not article.events:
            continue
        out.write(_line([col.title for col in _COLUMNS], "evidence", width) + "\n")
        for event in article.events:
            out.write(_line(_cells(event), event.evidence.text, width) + "\n")
            written += 1
    return written
