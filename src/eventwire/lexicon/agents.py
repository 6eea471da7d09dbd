"""Reading PETRARCH2 ``.agents`` files: the titles and groups that give actor roles.

An agent line is ``PHRASE {PLURAL} [~CODE]``.  ``~GOV`` adds ``GOV`` after the
country code it is attached to (``RUS`` + ``~GOV`` is ``RUSGOV``); ``NGO~`` puts its
code before it.  Regular plurals are made for every phrase (``{ALT}`` gives an
irregular one, ``{}`` none), and a substitution set ``!PERSON! = MAN, MEN, ...``
expands every phrase holding ``!PERSON!`` once per member, without further plurals.
The TABARI stem ``MINIST`` left at the end of 29 Phoenix phrases (``DEFENCE_MINIST``)
is read as the ``!MINIST!`` set: minister(s), ministry, ministries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import DictionaryError
from eventwire.lexicon.actors_parse import content_lines, dictionary_text
from eventwire.lexicon.actors_words import display_name, phrase_words
from eventwire.lexicon.packed import read_packed, write_packed

AGENTS_FORMAT = "eventwire-agents/1"

_MARKER_SET = re.compile(r"\s*!(?P<name>[A-Za-z0-9_]+)!\s*=\s*(?P<items>.*)")
_MARKER = re.compile(r"!([A-Za-z0-9_]+)!")
_CODE = re.compile(r"~[A-Z0-9]+|[A-Z0-9]+~")
_MINIST_STEM = re.compile(r"MINISTR?$", re.IGNORECASE)
_AGENT = re.compile(
    r"(?P<phrase>[^\[\]{}]*?)\s*(?:\{(?P<plural>[^{}\[\]]*)\})?\s*\[(?P<code>[^\[\]]*)\]\s*"
)


@dataclass(frozen=True)
class AgentEntry:
    """One agent phrase (each plural and substitution is an entry of its own)."""

    words: tuple[str, ...]
    code: str
    line: int
    name: str = ""
    origin: str = ""

    @property
    def roles(self) -> str:
        """The code without its ``~``: the role letters to attach."""
        return self.code.strip("~")

    @property
    def prefix(self) -> bool:
        """Whether the roles go before the actor code (``NGO~``) rather than after."""
        return self.code.endswith("~")


def regular_plural(phrase: str) -> str:
    """English regular plural of the last word of a dictionary phrase."""
    stem = phrase.rstrip("_ ")
    upper = stem.upper()
    if upper.endswith("Y") and upper[-2:-1] not in ("A", "E", "I", "O", "U"):
        return stem[:-1] + "IES"
    if upper.endswith(("S", "X", "Z", "CH", "SH")):
        return stem + "ES"
    return stem + "S"


def _forms(phrase: str, plural: str | None, sets: dict[str, list[str]]) -> list[str]:
    stem = _MINIST_STEM.search(phrase)
    if stem is not None:
        base = phrase[: stem.start()]
        return [base + form for form in ("MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES")]
    marker = _MARKER.search(phrase)
    if marker is not None:
        if marker[1] not in sets:
            raise ValueError(f"substitution set !{marker[1]}! is not defined")
        forms: list[str] = []
        for item in sets[marker[1]]:
            forms.extend(_forms(phrase.replace(marker[0], item, 1), "", sets))
        return forms
    if plural is None:
        return [phrase, regular_plural(phrase)]
    return [phrase, plural] if plural.strip() else [phrase]


def _read_agent(body: str, sets: dict[str, list[str]]) -> tuple[str, str, list[str]]:
    match = _AGENT.fullmatch(body)
    if match is None:
        raise ValueError("an agent line needs PHRASE [~CODE] (codes are required)")
    code = re.sub(r"\s+", "", match["code"]).upper()
    if _CODE.fullmatch(code) is None:
        raise ValueError(f"agent code [{match['code']}] needs one '~' before or after it")
    phrase = match["phrase"].strip()
    if not phrase_words(_MARKER.sub("x", phrase))[0]:
        raise ValueError("an agent without words")
    return phrase, code, _forms(phrase, match["plural"], sets)


def parse_agent_text(
    text: str, origin: str, *, path: str | None = None
) -> tuple[AgentEntry, ...]:
    """Entries of an agent dictionary given as text (see ``parse_actor_text``)."""
    sets: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for number, line in content_lines(text):
        try:
            marker_set = _MARKER_SET.fullmatch(line)
            if marker_set is not None:
                items = [item.strip() for item in marker_set["items"].split(",")]
                if not all(items):
                    raise ValueError("empty member in a substitution set")
                sets[marker_set["name"]] = items
                continue
            phrase, code, forms = _read_agent(line.strip(), sets)
        except ValueError as exc:
            raise DictionaryError(path or origin, number, str(exc)) from exc
        name = display_name(phrase)
        for form in forms:
            out.append(AgentEntry(phrase_words(form)[0], code, number, name, origin))
    return tuple(out)


def parse_agent_file(path: Path) -> tuple[AgentEntry, ...]:
    """Entries of one ``.agents`` file; the file's name is the entries' origin."""
    return parse_agent_text(dictionary_text(path), path.name, path=str(path))


def dump_agents(entries: Sequence[AgentEntry], path: Path, *, notice: str) -> Path:
    """Write agents as gzip JSON carrying the notice of their sources."""
    sources = sorted({entry.origin for entry in entries})
    where = {source: index for index, source in enumerate(sources)}
    rows = [
        [" ".join(e.words), e.code, e.line, e.name, where[e.origin]] for e in entries
    ]
    document: dict[str, Any] = {
        "format": AGENTS_FORMAT, "notice": notice, "sources": sources, "agents": rows,
    }
    return write_packed(path, document)


def load_agents(data: bytes, origin: str) -> tuple[tuple[AgentEntry, ...], str]:
    """Agents and notice from the bytes of a file written by :func:`dump_agents`."""
    document = read_packed(data, origin, AGENTS_FORMAT)
    sources = document["sources"]
    entries = tuple(
        AgentEntry(tuple(words.split(" ")), code, line, name, sources[source])
        for words, code, line, name, source in document["agents"]
    )
    return entries, str(document["notice"])
