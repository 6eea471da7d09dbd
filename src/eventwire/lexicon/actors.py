"""The actor dictionary: Phoenix actors and agents, curated metonyms, one lookup index.

Sources are parsed by :mod:`eventwire.lexicon.actors_parse` and
:mod:`eventwire.lexicon.agents`, compiled by :func:`build_default` into gzip JSON in
the package's ``data`` folder (with the MIT notice of the Open Event Data Alliance),
and loaded once per process by :func:`default_actor_dictionary`.  The index keys
every phrase by its first word so that a token finds its candidates in one lookup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.codes.actor_parts import REGION_CODES, known_countries
from eventwire.errors import DictionaryError
from eventwire.lexicon.actors_metonyms import METONYMS_NAME, Metonym, read_curated
from eventwire.lexicon.actors_parse import (
    ActorEntry,
    DatedCode,
    parse_actor_file,
    parse_actor_text,
)
from eventwire.lexicon.agents import (
    AgentEntry,
    dump_agents,
    load_agents,
    parse_agent_file,
    parse_agent_text,
)
from eventwire.lexicon.packed import read_packed, write_packed

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "AgentEntry",
    "DatedCode",
    "Entry",
    "Metonym",
    "build_default",
    "default_actor_dictionary",
    "dictionary_from_files",
    "dump_actors",
    "load_actors",
    "parse_actor_file",
    "parse_actor_text",
    "parse_agent_file",
    "parse_agent_text",
    "read_curated",
]

Entry = ActorEntry | AgentEntry | Metonym
ACTORS_NAME = "actors.json.gz"
AGENTS_NAME = "agents.json.gz"
ACTORS_FORMAT = "eventwire-actors/1"
ACTOR_SOURCES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_SOURCE = "Phoenix.agents.txt"

PHOENIX_NOTICE = """\
Compiled by eventwire from the Phoenix actor and agent dictionaries of PETRARCH2
(Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt, Phoenix.agents.txt).

The MIT License (MIT)

Copyright (c) 2014 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""

SOURCE_FIXES: tuple[tuple[str, str, str], ...] = (
    # (file, text in the source, replacement): typos the strict reader rejects.
    ("Phoenix.Countries.actors.txt", "[ARMUNR 9008223-911221]", "[ARMUNR 900823-911221]"),
    ("Phoenix.Countries.actors.txt", "[GBRGOV >201005011]", "[GBRGOV >20100511]"),
    ("Phoenix.Countries.actors.txt", "[IRQOCC 1920030320-", "[IRQOCC 20030320-"),
    ("Phoenix.Countries.actors.txt", "[SDNSSDAUT 1920050709-", "[SDNSSDAUT 20050709-"),
    ("Phoenix.Countries.actors.txt", "+FAEROYENE]_", "+FAEROYENE_"),
    ("Phoenix.International.actors.txt", "[KORGOVBUS 2004017-", "[KORGOVBUS 20040117-"),
    ("Phoenix.International.actors.txt", "\nSource: MNC.MLH.actors", "\n# Source: MNC.MLH.actors"),
    ("Phoenix.International.actors.txt", "[MNCMED]\tNewspapers", "[MNCMED]\t# Newspapers"),
    ("Phoenix.International.actors.txt", "[MNCHLH]\tOther", "[MNCHLH]\t# Other"),
    ("Phoenix.International.actors.txt", "[MNCNLD] Antilles", "[MNCNLD] # Antilles"),
    ("Phoenix.agents.txt", "[~ENV}", "[~ENV]"),
    ("Phoenix.agents.txt", "\nISLAMIC_EXTREMIST\n", "\n# ISLAMIC_EXTREMIST (no code)\n"),
)
"""Corrections of the public sources, applied only by :func:`build_default`.

Each date is the one the neighbouring lines imply (Armenia's 23 Aug 1990 declaration,
Cameron's 11 May 2010 start, Ban Ki-moon's 17 Jan 2004 appointment; the ``19`` before
an eight-digit date is a doubled century); junk after a code becomes a comment.
"""

_PRIORITY = {Metonym: 0, ActorEntry: 1, AgentEntry: 2}


def _index(entries: Iterable[Entry]) -> dict[str, tuple[Entry, ...]]:
    """Entries by first word, longest first; curated, then actors, then agents."""
    table: dict[str, list[Entry]] = {}
    for entry in entries:
        table.setdefault(entry.words[0], []).append(entry)
    return {
        key: tuple(sorted(found, key=lambda e: (-len(e.words), _PRIORITY[type(e)])))
        for key, found in table.items()
    }


@dataclass(frozen=True, eq=False)
class ActorDictionary:
    """Everything the actor stage looks words up in, with its notice and sources.

    Compared and hashed by identity: it is one loaded resource, and hashing tens of
    thousands of entries (say, as an ``lru_cache`` key) would cost more than a lookup.
    """

    actors: tuple[ActorEntry, ...]
    agents: tuple[AgentEntry, ...]
    metonyms: tuple[Metonym, ...] = ()
    notice: str = ""
    origin: tuple[str, ...] = ()
    index: Mapping[str, tuple[Entry, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        entries: list[Entry] = [*self.metonyms, *self.actors, *self.agents]
        object.__setattr__(self, "index", _index(entries))

    def starting_with(self, key: str) -> tuple[Entry, ...]:
        """Candidate entries whose first word is ``key``, longest first."""
        return self.index.get(key, ())


def _day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _code_row(code: DatedCode) -> list[str | None]:
    start = None if code.start is None else code.start.isoformat()
    return [code.code, start, None if code.end is None else code.end.isoformat()]


def dump_actors(entries: Sequence[ActorEntry], path: Path, *, notice: str) -> Path:
    """Write actor entries as gzip JSON; identical code lists are stored once."""
    sources = sorted({entry.origin for entry in entries})
    where = {source: index for index, source in enumerate(sources)}
    code_sets: dict[tuple[DatedCode, ...], int] = {}
    rows = []
    for e in entries:
        codes = code_sets.setdefault(e.codes, len(code_sets))
        rows.append([" ".join(e.words), e.name, e.line, int(e.stem), codes, where[e.origin]])
    document: dict[str, Any] = {
        "format": ACTORS_FORMAT,
        "notice": notice,
        "sources": sources,
        "codes": [[_code_row(code) for code in codes] for codes in code_sets],
        "actors": rows,
    }
    return write_packed(path, document)


def load_actors(data: bytes, origin: str) -> tuple[tuple[ActorEntry, ...], str]:
    """Actor entries and notice from the bytes of a file written by :func:`dump_actors`."""
    document = read_packed(data, origin, ACTORS_FORMAT)
    code_sets = [
        tuple(DatedCode(code, _day(start), _day(end)) for code, start, end in codes)
        for codes in document["codes"]
    ]
    sources = document["sources"]
    entries = tuple(
        ActorEntry(tuple(words.split(" ")), code_sets[codes], line, name, sources[src], bool(stem))
        for words, name, line, stem, codes, src in document["actors"]
    )
    return entries, str(document["notice"])


def _fixed_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    for name, wrong, right in SOURCE_FIXES:
        if name == path.name:
            if wrong not in text:
                raise DictionaryError(str(path), 0, f"expected typo {wrong!r} not found")
            text = text.replace(wrong, right)
    return text


def build_default(lexicons_dir: Path, out_dir: Path) -> list[Path]:
    """Compile the Phoenix actor and agent files under ``lexicons_dir/phoenix``."""
    phoenix = lexicons_dir / "phoenix"
    actors: list[ActorEntry] = []
    for name in ACTOR_SOURCES:
        path = phoenix / name
        actors.extend(parse_actor_text(_fixed_text(path), name, path=str(path)))
    agent_path = phoenix / AGENT_SOURCE
    agents = parse_agent_text(_fixed_text(agent_path), AGENT_SOURCE, path=str(agent_path))
    out_dir.mkdir(parents=True, exist_ok=True)
    return [
        dump_actors(actors, out_dir / ACTORS_NAME, notice=PHOENIX_NOTICE),
        dump_agents(agents, out_dir / AGENTS_NAME, notice=PHOENIX_NOTICE),
    ]


def dictionary_from_files(
    actor_files: Sequence[Path], agent_files: Sequence[Path], metonyms: Sequence[Metonym] = ()
) -> ActorDictionary:
    """A dictionary read straight from ``.actors``/``.agents`` files (no fixes applied)."""
    actors = [entry for path in actor_files for entry in parse_actor_file(path)]
    agents = [entry for path in agent_files for entry in parse_agent_file(path)]
    names = tuple(path.name for path in [*actor_files, *agent_files])
    return ActorDictionary(tuple(actors), tuple(agents), tuple(metonyms), "", names)


def _data(name: str) -> bytes:
    return resources.files("eventwire").joinpath("data", name).read_bytes()


SUPPLEMENT_NAME = "actors_supplement.txt"
"""eventwire's own actor entries in PETRARCH syntax: leaders and bodies newer than the
Phoenix files; read at load time and tried before Phoenix entries of the same length."""


@lru_cache(maxsize=1)
def default_actor_dictionary() -> ActorDictionary:
    """The packaged dictionary (Phoenix actors and agents plus curated names)."""
    actors, notice = load_actors(_data(ACTORS_NAME), ACTORS_NAME)
    supplement = parse_actor_text(_data(SUPPLEMENT_NAME).decode("utf-8"), SUPPLEMENT_NAME)
    agents, _ = load_agents(_data(AGENTS_NAME), AGENTS_NAME)
    metonyms, curated_agents = read_curated(_data(METONYMS_NAME).decode("utf-8"))
    sources = (*ACTOR_SOURCES, AGENT_SOURCE, METONYMS_NAME, SUPPLEMENT_NAME)
    return ActorDictionary(
        supplement + national_groups(actors), curated_agents + agents, metonyms, notice,
        sources,
    )


REGIONAL = REGION_CODES | {"INT"}
"""Code prefixes of a region or of no place ("international") rather than a country."""


def national_groups(entries: Sequence[ActorEntry]) -> tuple[ActorEntry, ...]:
    """Entries whose name begins with a country's own name or adjective take that
    country where the source codes them by region only: Phoenix gives "Palestinian
    Islamic Jihad" MEAREB and "Egyptian Islamic Jihad" INTREB, though each names the
    country it belongs to ("PSEREB", "EGYREB"), as "Hamas" is PSEREBHMS."""
    countries = known_countries()
    one_word: dict[str, str] = {}
    for entry in entries:
        codes = {code.code for code in entry.codes}
        if len(entry.words) == 1 and len(codes) == 1 and next(iter(codes)) in countries:
            one_word.setdefault(entry.words[0], next(iter(codes)))
    return tuple(_of_nation(entry, one_word) for entry in entries)


def _of_nation(entry: ActorEntry, one_word: Mapping[str, str]) -> ActorEntry:
    country = one_word.get(entry.words[0]) if len(entry.words) > 1 else None
    if country is None or not all(_regional_role(code.code) for code in entry.codes):
        return entry
    codes = tuple(replace(code, code=country + code.code[3:]) for code in entry.codes)
    return replace(entry, codes=codes)


def _regional_role(code: str) -> bool:
    """A region's group with a role ("MEAREB"), not a bare region or a person's code."""
    return len(code) > 3 and code[:3] in REGIONAL
