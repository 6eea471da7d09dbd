"""One fixed split of every training file into a part to learn from and a part held back.

The split is a hash of the record id, not a shuffle: training, ``eventwire eval --part``
and anyone re-running either later see the same held-back records without a stored list,
and a record keeps its side of the split when a file grows or is reordered.
"""

from __future__ import annotations

import hashlib
from typing import Literal

HELD_BACK_SHARE = 0.2
"""The share of each training file kept for validation."""

Part = Literal["all", "train", "held-back"]
PARTS: tuple[Part, ...] = ("all", "train", "held-back")


def is_held_back(record_id: str, share: float = HELD_BACK_SHARE) -> bool:
    """Whether a record belongs to the validation part of its file."""
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"held-back share must be between 0 and 1, not {share}")
    digest = hashlib.sha256(record_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def in_part(record_id: str, part: Part, share: float = HELD_BACK_SHARE) -> bool:
    """Whether a record belongs to ``part`` (``all`` holds every record)."""
    if part == "all":
        return True
    return is_held_back(record_id, share) == (part == "held-back")
