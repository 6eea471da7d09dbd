"""The curated table of metonyms and of names and roles the Phoenix files lack.

``data/metonyms.tsv`` says which capital or building stands for which government
(``Moscow`` for ``RUSGOV``) and adds the few country and organisation names and the
few role words (agents such as "forces") the Phoenix files miss.  Its header comment
documents every choice; this module only reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.errors import DictionaryError
from eventwire.lexicon.actors_words import phrase_words
from eventwire.lexicon.agents import AgentEntry, regular_plural

METONYMS_NAME = "metonyms.tsv"
METONYM_KINDS = frozenset({"capital", "seat"})
"""Kinds that name a government only when they are not a place in the sentence."""
KINDS = METONYM_KINDS | {"demonym", "alias", "agent"}
_CODE = re.compile(r"[A-Z]{3}(?:[A-Z0-9]{3})*")
_AGENT_CODE = re.compile(r"~(?:[A-Z]{3})+|[A-Z]{3}~")


@dataclass(frozen=True)
class Metonym:
    """A curated name: ``kind`` says whether it is a metonym or a plain name."""

    words: tuple[str, ...]
    code: str
    kind: str
    line: int
    name: str = ""
    origin: str = METONYMS_NAME

    @property
    def metonymic(self) -> bool:
        return self.kind in METONYM_KINDS


def _row(line: str) -> tuple[str, str, str]:
    fields = line.split("\t")
    if len(fields) < 3:
        raise ValueError("a row needs phrase, code and kind separated by tabs")
    phrase, code, kind = (field.strip() for field in fields[:3])
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {sorted(KINDS)}")
    pattern = _AGENT_CODE if kind == "agent" else _CODE
    if pattern.fullmatch(code) is None:
        raise ValueError(f"{code!r} is not a CAMEO code for a row of kind {kind}")
    if not phrase_words(phrase)[0]:
        raise ValueError("a row without a phrase")
    return phrase, code, kind


def read_curated(
    text: str, origin: str = METONYMS_NAME
) -> tuple[tuple[Metonym, ...], tuple[AgentEntry, ...]]:
    """Name rows and agent rows of a curated table; ``#`` lines are comments.

    An agent row gets its regular plural like a Phoenix agent does, unless it is
    written as a plural already ("forces").
    """
    names: list[Metonym] = []
    agents: list[AgentEntry] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            phrase, code, kind = _row(line)
        except ValueError as exc:
            raise DictionaryError(origin, number, str(exc)) from exc
        if kind == "agent":
            forms = (phrase,) if phrase.lower().endswith("s") else (phrase, regular_plural(phrase))
            for form in forms:
                agents.append(AgentEntry(phrase_words(form)[0], code, number, phrase, origin))
        else:
            names.append(Metonym(phrase_words(phrase)[0], code, kind, number, phrase, origin))
    return tuple(names), tuple(agents)
