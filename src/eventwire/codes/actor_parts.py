"""Splitting a CAMEO actor code into the parts GDELT gives their own columns.

A CAMEO actor code is a run of three-letter parts (``GBRGOV``, ``IGOUNO``,
``IMGSEAMUSJMA``).  GDELT reports the country, a known group (an IGO, NGO or armed
group code), ethnicity, up to two religions and up to three type/role codes.  Which
part is which depends on the part itself, so this module keeps the lists from the CAMEO
manual (chapter 3, tables 3.1-3.3) and the compiled list of country codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

COUNTRY_TABLE_NAME: Final = "cameo_countries.tsv"

INTERNATIONAL: Final = frozenset({"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"})
"""CAMEO's generic international codes (manual table 3.2); GDELT reports them as types."""

TYPE_CODES: Final = INTERNATIONAL | frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG",
    "MED", "REF", "MOD", "RAD", "PTY", "REL", "PKO",
})
"""Role codes (manual table 3.1, plus PTY, REL and the peacekeeping PKO)."""

RELIGION_CODES: Final = frozenset({
    "ALE", "BAH", "BUD", "CHR", "CON", "CTH", "DRZ", "HIN", "JAN", "JEW", "MOS", "MUS",
    "ORT", "PRO", "SFI", "SHI", "SIK", "SUN", "TAO", "ZRO",
})
"""Religion codes as CAMEO and the Phoenix dictionaries use them (MOS and MUS both)."""

UNKNOWN_PART: Final = "---"
"""CAMEO's placeholder for a part the text does not give (``---GOV``: a government,
country unknown; ``---``: an actor no dictionary knows); it fills no GDELT column."""

REGION_CODES: Final = frozenset({
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR",
    "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF",
    "WST",
})
"""International region codes (manual table 3.3); GDELT puts them in CountryCode."""


@dataclass(frozen=True)
class ActorParts:
    """The parts of one actor code, one field per GDELT actor column."""

    country: str | None = None
    known_group: str | None = None
    ethnic: str | None = None
    religions: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    """The three-letter CAMEO country codes compiled into the package."""
    text = resources.files("eventwire").joinpath("data", COUNTRY_TABLE_NAME).read_text("utf-8")
    rows = (line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#")
    return frozenset(code for code in rows if len(code) == 3 and code != "code")


def _is_place(part: str) -> bool:
    return part in REGION_CODES or part in known_countries()


def split_actor_code(code: str) -> ActorParts:
    """Assign each part of ``code`` to GDELT's country, group, religion or type slot.

    A country or region may open the code, or follow a generic international code
    (``MNCUSA``); role codes are types wherever they stand; any other part is the known
    group (the first one; later ones have no GDELT column).  Ethnic codes are not
    distinguished from group codes (no ethnic list is shipped), so ``ethnic`` stays
    empty.
    """
    parts = [code[i:i + 3].upper() for i in range(0, len(code) - len(code) % 3, 3)]
    parts = [part for part in parts if part != UNKNOWN_PART]
    country: str | None = None
    group: str | None = None
    religions: list[str] = []
    types: list[str] = []
    for index, part in enumerate(parts):
        may_be_place = index == 0 or (index == 1 and parts[0] in INTERNATIONAL)
        if may_be_place and country is None and _is_place(part):
            country = part
        elif part in TYPE_CODES:
            types.append(part)
        elif part in RELIGION_CODES:
            religions.append(part)
        elif group is None:
            group = part
    return ActorParts(
        country=country, known_group=group, religions=tuple(religions[:2]),
        types=tuple(types[:3]),
    )
