"""Lookups in the compiled CAMEO event code table shipped with the package.

The table (``eventwire/data/cameo_codes.tsv``) is made once by
:func:`eventwire.codes.build.build_code_tables`; every derived value (QuadClass,
PentaClass, ACLED type, Goldstein, PLOVER) is already resolved there, including the
fall-back of a code missing from a source to its parent, so a lookup here is a plain
dictionary access and cannot disagree with the documented table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Final

from eventwire.errors import DictionaryError, EventwireError
from eventwire.model import CodeInfo

TABLE_NAME: Final = "cameo_codes.tsv"
COLUMNS: Final = (
    "code", "name", "root", "quad_class", "penta_class", "acled_type",
    "goldstein", "plover", "plover_mode", "note",
)


class UnknownCode(EventwireError, KeyError):
    """A string that is not a CAMEO event code; a ``KeyError`` so ``in``-style code works."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"not a CAMEO event code: {self.code!r}"


@dataclass(frozen=True)
class CodeRow:
    """One row of the compiled table: a CAMEO code and everything derived from it."""

    code: str
    name: str
    root: str
    quad_class: int
    penta_class: str
    acled_type: str | None
    goldstein: float
    plover: str | None
    plover_mode: str | None
    note: str = ""

    def to_fields(self) -> list[str]:
        """The row's TSV fields in :data:`COLUMNS` order (empty for null)."""
        return [
            self.code, self.name, self.root, str(self.quad_class), self.penta_class,
            self.acled_type or "", f"{self.goldstein:g}", self.plover or "",
            self.plover_mode or "", self.note,
        ]

    @classmethod
    def from_fields(cls, fields: list[str]) -> CodeRow:
        """Parse the TSV fields written by :meth:`to_fields`."""
        code, name, root, quad, penta, acled, goldstein, plover, mode, note = fields
        return cls(
            code=code, name=name, root=root, quad_class=int(quad), penta_class=penta,
            acled_type=acled or None, goldstein=float(goldstein), plover=plover or None,
            plover_mode=mode or None, note=note,
        )


def parse_table(text: str, origin: str = TABLE_NAME) -> Mapping[str, CodeRow]:
    """Rows of a compiled table by code; ``#`` lines are the licence header."""
    rows: dict[str, CodeRow] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != COLUMNS:
                raise DictionaryError(origin, number, "unexpected column header")
            header_seen = True
            continue
        if len(fields) != len(COLUMNS):
            raise DictionaryError(origin, number, f"expected {len(COLUMNS)} fields")
        try:
            row = CodeRow.from_fields(fields)
        except ValueError as exc:
            raise DictionaryError(origin, number, str(exc)) from None
        rows[row.code] = row
    return MappingProxyType(rows)


@lru_cache(maxsize=1)
def _table() -> Mapping[str, CodeRow]:
    text = resources.files("eventwire").joinpath("data", TABLE_NAME).read_text("utf-8")
    return parse_table(text)


def code_row(cameo: str) -> CodeRow:
    """The compiled row of ``cameo``; raises :class:`UnknownCode` if there is none."""
    row = _table().get(cameo.strip()) if isinstance(cameo, str) else None
    if row is None:
        raise UnknownCode(str(cameo))
    return row


def is_cameo(code: str) -> bool:
    """Whether ``code`` is a CAMEO event code (root, 3- or 4-digit)."""
    return isinstance(code, str) and code.strip() in _table()


def code_info(cameo: str) -> CodeInfo:
    """Everything the data model keeps about a CAMEO code."""
    row = code_row(cameo)
    return CodeInfo(
        cameo=row.code, root=row.root, name=row.name, quad_class=row.quad_class,
        goldstein=row.goldstein, plover=row.plover, plover_mode=row.plover_mode,
    )


def cameo_name(code: str) -> str:
    """The CAMEO name of ``code`` (GDELT's wording where GDELT has the code)."""
    return code_row(code).name


def quad_class(cameo: str) -> int:
    """GDELT's QuadClass: 1 verbal cooperation ... 4 material conflict."""
    return code_row(cameo).quad_class


def penta_class(cameo: str) -> str:
    """ConfliBERT's PentaClass, e.g. ``statement`` or ``material_conflict``."""
    return code_row(cameo).penta_class


def acled_type(cameo: str) -> str | None:
    """An ACLED-style event type, or ``None`` for events ACLED does not record."""
    return code_row(cameo).acled_type


def all_codes() -> tuple[str, ...]:
    """Every CAMEO code in the table, in code order."""
    return tuple(sorted(_table()))


@lru_cache(maxsize=1)
def code_prefixes() -> frozenset[str]:
    """Every leading part of a CAMEO code (``1``, ``19``, ``190``): valid prefix filters."""
    return frozenset(code[:n] for code in _table() for n in range(1, len(code) + 1))


def is_cameo_prefix(prefix: str) -> bool:
    """Whether some CAMEO code starts with ``prefix``, so a filter on it can match."""
    return isinstance(prefix, str) and prefix in code_prefixes()


@lru_cache(maxsize=1)
def plover_types() -> tuple[str, ...]:
    """The PLOVER event types the code table maps to, sorted."""
    return tuple(sorted({row.plover for row in _table().values() if row.plover}))
