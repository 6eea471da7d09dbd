"""Compile the CAMEO event code table (and the CAMEO country list) from public sources.

Run through ``tools/build_dictionaries.py``.  The sources sit in
``lexicons/codebooks`` (and ``lexicons/phoenix`` for historical country codes); the
output is committed package data, so users and tests never need the sources.  The
compiled table carries the notices of its sources, and because its PLOVER columns are
derived from CAMEO2PLOVER it is itself licensed CC BY-SA 4.0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from eventwire.codes import derive
from eventwire.codes.actor_parts import COUNTRY_TABLE_NAME
from eventwire.codes.sources import (
    PloverRow,
    read_cameo2plover,
    read_codefile_names,
    read_country_codes,
    read_goldstein,
    read_manual_names,
    read_plover_modes,
    read_tab_table,
)
from eventwire.codes.tables import COLUMNS, TABLE_NAME, CodeRow
from eventwire.errors import DictionaryError

HEADER: Final = """\
# eventwire CAMEO event code table, compiled by eventwire.codes.build. Do not edit by hand.
#
# Code names: GDELT's CAMEO.eventcodes.txt (GDELT Project, free use with citation),
#   else CAMEO_codefile.txt (CAMEO codelist 0.7b5 with ICEWS labels; MIT, Open Event
#   Data Alliance), else the CAMEO manual 1.1b3 chapter 6 (Schrodt & Gerner; cited).
# Goldstein: GDELT's CAMEO.goldsteinscale.txt (GDELT Project, free use with citation);
#   a code GDELT does not score takes its parent's score (see note).
# quad_class: GDELT's QuadClass by root; penta_class: ConfliBERT PentaClass by root;
#   acled_type: eventwire's ACLED-style type (eventwire.codes.derive, docs/contract.md).
# plover, plover_mode: derived from CAMEO2PLOVER in the PLOVER manual, Draft 0.8
#   (17 September 2021, ed. Philip Schrodt), licensed CC BY-SA 4.0
#   (https://creativecommons.org/licenses/by-sa/4.0/); modes checked against the PLOVER
#   structured codebook (NGEC, MIT).  Rows for 01x/02x and the overrides named in
#   the note column are eventwire's decisions, documented in docs/contract.md.
#
# LICENCE OF THIS TABLE: because it adapts CAMEO2PLOVER, this table is distributed
# under CC BY-SA 4.0, (c) its PLOVER authors and eventwire contributors.
"""

COUNTRY_HEADER: Final = """\
# eventwire CAMEO country codes, compiled by eventwire.codes.build. Do not edit by hand.
# From ICEWS-countrynames.txt (text_to_CAMEO, MIT) and the headwords of
# Phoenix.Countries.actors.txt (MIT, (c) 2014 Open Event Data Alliance).
"""


@dataclass(frozen=True)
class _Sources:
    """The parsed source tables one build works from."""

    names: Mapping[str, str]
    goldstein: Mapping[str, float]
    c2p: Mapping[str, PloverRow]
    modes: Mapping[str, frozenset[str]]


def _read_sources(codebooks: Path) -> _Sources:
    gdelt = read_tab_table(codebooks / "CAMEO.eventcodes.txt")
    codefile = read_codefile_names(codebooks / "CAMEO_codefile.txt")
    manual = read_manual_names(codebooks / "CAMEO.Manual.1.1b3.chapter_6_cameo_event_codes.md")
    names = {**codefile, **gdelt}
    for code, name in sorted(manual.items(), key=lambda item: len(item[0])):
        parent = derive.parent(code)
        if code not in names and parent is not None and parent in names:
            names[code] = name
    return _Sources(
        names=names,
        goldstein=read_goldstein(codebooks / "CAMEO.goldsteinscale.txt"),
        c2p=read_cameo2plover(codebooks / "CAMEO2PLOVER-2021.txt"),
        modes=read_plover_modes(codebooks / "PLOVER_structured_codebook.csv"),
    )


def _goldstein(code: str, sources: _Sources) -> tuple[float, str]:
    """The Goldstein score of ``code`` and, when inherited, where it came from."""
    current: str | None = code
    while current is not None:
        if current in sources.goldstein:
            note = "" if current == code else f"goldstein from {current}"
            return sources.goldstein[current], note
        current = derive.parent(current)
    raise DictionaryError("CAMEO.goldsteinscale.txt", 0, f"no score for {code} or its parents")


def _checked(code: str, row: PloverRow, sources: _Sources) -> tuple[str, str | None, str]:
    """A CAMEO2PLOVER row with a mode the PLOVER codebook does not define dropped."""
    if row.plover not in sources.modes:
        raise DictionaryError("CAMEO2PLOVER-2021.txt", 0, f"{code}: unknown type {row.plover}")
    if row.mode is not None and row.mode not in sources.modes[row.plover]:
        return row.plover, None, f"mode {row.mode!r} is not a PLOVER {row.plover} mode"
    return row.plover, row.mode, ""


def _plover(code: str, sources: _Sources) -> tuple[str | None, str | None, str]:
    """PLOVER (type, mode, note) of ``code``: decision, CAMEO2PLOVER row, or parent's."""
    if derive.has_decision(code):
        decided = derive.decided_plover(code)
        if decided is None:
            return None, None, "no PLOVER statement type"
        return decided[0], decided[1], "plover by eventwire decision"
    if code in sources.c2p:
        return _checked(code, sources.c2p[code], sources)
    if len(code) == 2 and code + "0" in sources.c2p:
        plover, mode, note = _checked(code, sources.c2p[code + "0"], sources)
        return plover, mode, "; ".join(filter(None, [f"plover from {code}0", note]))
    up = derive.parent(code)
    if up is None:
        return None, None, "no PLOVER row"
    inherited, inherited_mode, _ = _plover(up, sources)
    return inherited, inherited_mode, f"plover from {up}"


def _row(code: str, sources: _Sources) -> CodeRow:
    root = code[:2]
    if root not in derive.QUAD_BY_ROOT:
        raise DictionaryError("CAMEO.eventcodes.txt", 0, f"{code}: root {root} is not 01-20")
    goldstein, gold_note = _goldstein(code, sources)
    plover, mode, plover_note = _plover(code, sources)
    return CodeRow(
        code=code, name=sources.names[code], root=root,
        quad_class=derive.QUAD_BY_ROOT[root], penta_class=derive.PENTA_BY_ROOT[root],
        acled_type=derive.acled_for(code), goldstein=goldstein, plover=plover,
        plover_mode=mode, note="; ".join(filter(None, [gold_note, plover_note])),
    )


def compile_rows(codebooks: Path) -> list[CodeRow]:
    """Every CAMEO code of the sources with its derived values, in code order."""
    sources = _read_sources(codebooks)
    return [_row(code, sources) for code in sorted(sources.names)]


def _write_countries(lexicons_dir: Path, out_dir: Path) -> Path:
    countries = read_country_codes(
        lexicons_dir / "codebooks" / "ICEWS-countrynames.txt",
        lexicons_dir / "phoenix" / "Phoenix.Countries.actors.txt",
    )
    lines = [f"{code}\t{name}" for code, name in sorted(countries.items())]
    path = out_dir / COUNTRY_TABLE_NAME
    path.write_text(COUNTRY_HEADER + "code\tname\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def build_code_tables(lexicons_dir: Path, out_dir: Path) -> Path:
    """Write ``cameo_codes.tsv`` (and ``cameo_countries.tsv``) into ``out_dir``.

    Returns the path of the event code table; the country list beside it is used to
    split actor codes into GDELT's country / group / type columns.
    """
    rows = compile_rows(lexicons_dir / "codebooks")
    out_dir.mkdir(parents=True, exist_ok=True)
    body = ["\t".join(COLUMNS)] + ["\t".join(row.to_fields()) for row in rows]
    path = out_dir / TABLE_NAME
    path.write_text(HEADER + "\n".join(body) + "\n", encoding="utf-8")
    _write_countries(lexicons_dir, out_dir)
    return path
