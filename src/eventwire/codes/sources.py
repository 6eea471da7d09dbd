"""Parsers of the public code tables the CAMEO table is compiled from.

Only the build step uses them: each reads one source format and fails loudly with
the file and line when a line does not fit, so that a changed upstream file is
noticed at build time instead of producing a silently incomplete table.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import DictionaryError

_CODE = re.compile(r"^\d{2,4}$")
_CODEFILE_LABEL = re.compile(r"^LABEL(i?):\s*(\d{2,4})\s*=\s*(.+?)\s*$")
_MANUAL_CODE = re.compile(r"^(?:##\s*)?(\d{2,4}):\s*(.+?)\s*$")
_C2P_ROW = re.compile(r"^(\d{3,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$")
_PHOENIX_COUNTRY = re.compile(r"^[A-Z][A-Z0-9_'.\-]*\s+\[([A-Z]{3})[\] ]")


@dataclass(frozen=True)
class PloverRow:
    """One CAMEO2PLOVER line: the PLOVER type, mode and context of a CAMEO code."""

    plover: str
    mode: str | None
    context: str | None


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def read_tab_table(path: Path) -> dict[str, str]:
    """A GDELT two-column lookup (code TAB value) with a header line, as a dict."""
    table: dict[str, str] = {}
    for number, line in enumerate(_lines(path)[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not _CODE.match(fields[0].strip()):
            raise DictionaryError(str(path), number, "expected 'code<TAB>value'")
        table[fields[0].strip()] = fields[1].strip()
    return table


def read_goldstein(path: Path) -> dict[str, float]:
    """GDELT's Goldstein score of every CAMEO code."""
    scores: dict[str, float] = {}
    for code, value in read_tab_table(path).items():
        try:
            scores[code] = float(value)
        except ValueError:
            raise DictionaryError(str(path), 0, f"{code}: not a number: {value!r}") from None
    return scores


def read_codefile_names(path: Path) -> dict[str, str]:
    """Names from the CAMEO codefile: a ``LABEL`` line wins over an ICEWS ``LABELi``."""
    plain: dict[str, str] = {}
    icews: dict[str, str] = {}
    for line in _lines(path):
        match = _CODEFILE_LABEL.match(line.strip())
        if match:
            target = icews if match.group(1) else plain
            target.setdefault(match.group(2), match.group(3))
    return {**icews, **plain}


def read_manual_names(path: Path) -> dict[str, str]:
    """Code names from the CAMEO manual's event-code chapter (Markdown)."""
    names: dict[str, str] = {}
    for line in _lines(path):
        match = _MANUAL_CODE.match(line.strip())
        if match:
            names.setdefault(match.group(1), match.group(2))
    return names


def _plover_row(path: Path, number: int, body: str) -> PloverRow:
    fields = [part.strip() for part in body.split(",")]
    if not fields[0] or not fields[0].isupper():
        raise DictionaryError(str(path), number, f"no PLOVER type in {body!r}")
    mode = fields[1] if len(fields) > 1 and fields[1] else None
    context = ",".join(fields[2:]).strip() if len(fields) > 2 else ""
    return PloverRow(fields[0], mode, context or None)


def read_cameo2plover(path: Path) -> dict[str, PloverRow]:
    """CAMEO2PLOVER rows by CAMEO code; the first row of a repeated code wins.

    Lines ``03: AGREE`` (two digits) are section headings, not mappings.
    """
    rows: dict[str, PloverRow] = {}
    for number, line in enumerate(_lines(path), start=1):
        match = _C2P_ROW.match(line.strip())
        if match and "," in match.group(2):
            rows.setdefault(match.group(1), _plover_row(path, number, match.group(2)))
    return rows


def read_plover_modes(path: Path) -> dict[str, frozenset[str]]:
    """The modes the PLOVER structured codebook defines for each PLOVER type."""
    modes: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            event = (record.get("event") or "").strip()
            mode = (record.get("mode") or "").strip()
            if event:
                modes.setdefault(event, set())
                if mode:
                    modes[event].add(mode)
    return {event: frozenset(values) for event, values in modes.items()}


def read_country_codes(icews: Path, phoenix_countries: Path | None) -> dict[str, str]:
    """Three-letter CAMEO country codes with a name, from ICEWS and Phoenix.

    ICEWS gives the modern states; Phoenix headwords add historical ones (USR, DDR,
    YUG ...).  Six-letter ICEWS codes are territories of a country and add nothing.
    """
    countries: dict[str, str] = {}
    for line in _lines(icews):
        fields = line.split("\t")
        if len(fields) >= 2 and re.fullmatch(r"[A-Z]{3}", fields[1].strip()):
            countries.setdefault(fields[1].strip(), fields[0].strip())
    if phoenix_countries is not None and phoenix_countries.exists():
        for line in _lines(phoenix_countries):
            match = _PHOENIX_COUNTRY.match(line)
            if match and match.group(1) not in {"IGO", "IMG", "NGO", "MNC"}:
                name = line.split("[")[0].strip().rstrip("_").replace("_", " ").title()
                countries.setdefault(match.group(1), name)
    return countries
