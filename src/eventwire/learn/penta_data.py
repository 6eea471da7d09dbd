"""Training examples for the event-family classifier: sentences with a PentaClass.

Two sources feed it.  Gold sentence files (``gold.penta``) give real news sentences;
only their ``train`` part is read, so held-back figures stay honest.  PLOVER-labelled
stories (CSV with ``text`` and ``label``) add volume: a story's opening sentences say
what it is about, and its PLOVER type maps to a family through the packaged
CAMEO→PLOVER table, so the mapping cannot drift from the codes the coder outputs.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from eventwire.codes import all_codes, code_row
from eventwire.errors import EventwireError
from eventwire.learn.split import Part, in_part

PENTA_CLASSES: Final[tuple[str, ...]] = (
    "statement", "verbal_cooperation", "material_cooperation", "verbal_conflict",
    "material_conflict",
)
"""The five event families, in the gold README's order."""

_SENTENCE_END: Final = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z])")


@dataclass(frozen=True)
class Example:
    """One text and its event family; ``origin`` names where it came from."""

    text: str
    label: str
    origin: str


class TrainingDataError(EventwireError):
    """A training file that cannot be read as the format it should have."""


def family_of_plover() -> Mapping[str, str]:
    """The family each PLOVER type belongs to, by majority over the CAMEO codes mapped
    to it; a type split evenly (REQUEST: appeals are statements, demands conflict) has
    no family and its stories are left out rather than guessed."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for code in all_codes():
        row = code_row(code)
        if row.plover:
            votes[row.plover][row.penta_class] += 1
    families: dict[str, str] = {}
    for plover, counts in votes.items():
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            families[plover] = ranked[0][0]
    return families


def gold_examples(path: Path, part: Part = "train") -> list[Example]:
    """The records of a gold file that carry a ``penta`` class, in ``part`` of the split."""
    examples: list[Example] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                label = record["gold"]["penta"]
                record_id, text = str(record["id"]), str(record["text"])
            except (ValueError, KeyError, TypeError) as exc:
                problem = f"{path}:{number}: not a penta gold record ({exc})"
                raise TrainingDataError(problem) from None
            if label not in PENTA_CLASSES:
                raise TrainingDataError(f"{path}:{number}: unknown class {label!r}")
            if in_part(record_id, part):
                examples.append(Example(text, label, f"{path.name}:{number}"))
    return examples


def first_sentences(text: str, count: int) -> str:
    """The opening ``count`` sentences of a story, split on sentence-final punctuation
    followed by a capital (good enough for generated wire prose, and parser-free)."""
    parts = _SENTENCE_END.split(" ".join(text.split()), maxsplit=count)
    return " ".join(parts[:count]).strip()


def story_examples(path: Path, sentences: int = 1) -> list[Example]:
    """The opening sentences of each labelled story whose PLOVER type has a family."""
    families = family_of_plover()
    examples: list[Example] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"text", "label"} - set(reader.fieldnames or ())
        if missing:
            raise TrainingDataError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for number, row in enumerate(reader, start=2):
            family = families.get((row["label"] or "").strip().upper())
            text = first_sentences(row["text"] or "", sentences)
            if family is not None and text:
                examples.append(Example(text, family, f"{path.name}:{number}"))
    return examples


def label_counts(examples: Iterable[Example]) -> dict[str, int]:
    """How many examples each family has, in :data:`PENTA_CLASSES` order."""
    counts = Counter(e.label for e in examples)
    return {label: counts[label] for label in PENTA_CLASSES}


def deduplicated(examples: Iterable[Example]) -> Iterator[Example]:
    """Examples with a text seen before dropped (generated stories repeat openings)."""
    seen: set[str] = set()
    for example in examples:
        key = example.text.lower()
        if key not in seen:
            seen.add(key)
            yield example
