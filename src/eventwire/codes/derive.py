"""The decisions behind the CAMEO code table: classes by root and PLOVER gap fills.

Everything here is a judgement that the source tables do not make for us, kept in one
place so that ``docs/contract.md`` can cite it and a reviewer can change it without
touching the parsers.  The build step applies these rules once; the package reads the
compiled result and never recomputes them.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

QUAD_BY_ROOT: Final = MappingProxyType(
    {f"{root:02d}": quad for quad, roots in (
        (1, range(1, 6)), (2, range(6, 9)), (3, range(9, 14)), (4, range(14, 21))
    ) for root in roots}
)
"""GDELT's QuadClass of each CAMEO root.

GDELT's event codebook names the four classes (1 verbal cooperation, 2 material
cooperation, 3 verbal conflict, 4 material conflict); its coder assigns them by root:
01-05 verbal cooperation (statements and appeals included), 06-08 material
cooperation, 09-13 verbal conflict, 14-20 material conflict (16 "reduce relations"
included).  We follow GDELT exactly so that our QuadClass column can be compared with
GDELT's own.
"""

PENTA_BY_ROOT: Final = MappingProxyType(
    {f"{root:02d}": penta for penta, roots in (
        ("statement", (1, 2)),
        ("verbal_cooperation", (3, 4, 5)),
        ("material_cooperation", (6, 7, 8)),
        ("verbal_conflict", (9, 10, 11, 12, 13, 16)),
        ("material_conflict", (14, 15, 17, 18, 19, 20)),
    ) for root in roots}
)
"""ConfliBERT's PentaClass of each root.

It differs from QuadClass on purpose: statements and appeals (01, 02) get their own
class, and 16 "reduce relations" counts as verbal conflict, as in the ConfliBERT data.
"""

ACLED_BY_PREFIX: Final = MappingProxyType({
    "14": "Protests",
    "145": "Riots",
    "15": "Strategic developments",
    "17": "Strategic developments",
    "175": "Violence against civilians",
    "18": "Violence against civilians",
    "183": "Explosions/Remote violence",
    "19": "Battles",
    "191": "Strategic developments",
    "194": "Explosions/Remote violence",
    "195": "Explosions/Remote violence",
    "20": "Violence against civilians",
    "204": "Explosions/Remote violence",
})
"""An ACLED-style event type by the longest matching CAMEO prefix.

ACLED records only political violence, demonstrations and a few strategic
developments, so verbal and cooperative roots (01-13) and 16 have no type.  Within a
root the closest ACLED type wins: riots (145) are not peaceful protests; bombings
(183), shelling (194), air strikes (195) and weapons of mass destruction (204) are
ACLED's "Explosions/Remote violence"; a blockade (191) is a strategic development;
violent repression (175), unconventional violence (18) and mass killing (20) are
"Violence against civilians"; conventional fighting (19) is "Battles"; posture (15)
and non-violent coercion such as arrests or seizures (17) are "Strategic
developments".  It is a rough guide, not ACLED's coding.
"""

APPEAL_MODES: Final = MappingProxyType({
    "020": None,
    "021": "assist",
    "022": "assist",
    "023": "assist",
    "024": "change",
    "025": "yield",
    "026": "meet",
    "027": "meet",
    "028": "meet",
})
"""PLOVER mode of each CAMEO 02x (appeal) family; every 02x code is ``REQUEST``.

CAMEO2PLOVER has no rows for 02x.  PLOVER's REQUEST covers "all requests, demands,
and orders", appeals included, and the PLOVER codebook's REQUEST modes fit the 02x
families as they fit the matching 10x (demand) families in CAMEO2PLOVER: material
cooperation, diplomatic cooperation and aid (021-023) ``assist``; political reform
(024) ``change``; yielding, release and easing of sanctions (025) ``yield``; meeting,
settling and mediation (026-028) ``meet``.  A 4-digit code takes its family's mode.
"""

STATEMENT_PLOVER: Final = MappingProxyType({"019": "SUPPORT"})
"""The only 01x code (make public statement) given a PLOVER type.

PLOVER deliberately has no statement category, so 010-018 have none (null): declining
comment, pessimistic or optimistic comment, considering a policy option, claiming or
denying responsibility, symbolic acts and empathetic comments are not PLOVER events.
019 "express accord" is the exception: it is verbal approval of a position, which is
exactly PLOVER's SUPPORT ("approve policy, action, or actor"), without a mode.
"""

PLOVER_OVERRIDES: Final = MappingProxyType({
    "1712": ("ASSAULT", "destroy"),
    "1834": ("ASSAULT", "explosives"),
    "1951": ("ASSAULT", "aerial"),
    "1952": ("ASSAULT", "drone"),
    "176": ("COERCE", "cyber"),
    "105": ("REQUEST", "meet"),
    "106": ("REQUEST", "yield"),
    "107": ("REQUEST", "yield"),
    "108": ("REQUEST", "meet"),
})
"""PLOVER (type, mode) for codes CAMEO2PLOVER misses or gives an invalid mode.

1712 "destroy property" is ASSAULT with mode ``seize`` in CAMEO2PLOVER, but ``seize``
is not an ASSAULT mode; the PLOVER codebook's ``destroy`` ("destroy property") is.  The
CAMEO 1.1b3 additions 1834 (location bombing), 1951/1952 (precision-guided and
remotely piloted aerial munitions) and 176 (attack cybernetically) have no
CAMEO2PLOVER row; the PLOVER codebook has modes made for them.

105-108 are numbered differently in CAMEO2PLOVER than in CAMEO 1.1b3 (GDELT's table,
whose names eventwire uses): CAMEO2PLOVER's 106 is "demand meeting", CAMEO's 106 is
"demand withdrawal".  The rows are matched by meaning: 105 demand mediation and 108
demand meeting → ``meet``; 106 demand withdrawal and 107 demand ceasefire → ``yield``.
"""


def parent(code: str) -> str | None:
    """The code one level up (``0251`` -> ``025`` -> ``02``); roots have none."""
    if len(code) == 4:
        return code[:3]
    if len(code) == 3:
        return code[:2]
    return None


def acled_for(code: str) -> str | None:
    """The ACLED-style type of ``code`` by its longest prefix in the table."""
    for size in (4, 3, 2):
        found = ACLED_BY_PREFIX.get(code[:size]) if len(code) >= size else None
        if found is not None:
            return found
    return None


def decided_plover(code: str) -> tuple[str, str | None] | None:
    """The PLOVER (type, mode) this module decides for ``code``, if it decides one.

    Covers the 01x and 02x roots, absent from CAMEO2PLOVER, and the overrides.
    """
    if code in PLOVER_OVERRIDES:
        return PLOVER_OVERRIDES[code]
    if code.startswith("02"):
        family = code[:3] if len(code) >= 3 else "020"
        return ("REQUEST", APPEAL_MODES.get(family))
    if code.startswith("01"):
        plover = STATEMENT_PLOVER.get(code[:3])
        return (plover, None) if plover else None
    return None


def has_decision(code: str) -> bool:
    """Whether this module, not CAMEO2PLOVER, is the authority for ``code``'s PLOVER."""
    return code in PLOVER_OVERRIDES or code.startswith(("01", "02"))
