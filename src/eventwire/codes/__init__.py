"""CAMEO event codes and what they map to: names, QuadClass, Goldstein, PLOVER, classes.

Lookups read the compiled package table once (see :mod:`eventwire.codes.tables`);
:mod:`eventwire.codes.build` compiles that table from the public sources.
"""

from eventwire.codes.actor_parts import ActorParts, split_actor_code
from eventwire.codes.tables import (
    CodeRow,
    UnknownCode,
    acled_type,
    all_codes,
    cameo_name,
    code_info,
    code_prefixes,
    code_row,
    is_cameo,
    is_cameo_prefix,
    penta_class,
    plover_types,
    quad_class,
)

__all__ = [
    "ActorParts",
    "CodeRow",
    "UnknownCode",
    "acled_type",
    "all_codes",
    "cameo_name",
    "code_info",
    "code_prefixes",
    "code_row",
    "is_cameo",
    "is_cameo_prefix",
    "penta_class",
    "plover_types",
    "quad_class",
    "split_actor_code",
]
