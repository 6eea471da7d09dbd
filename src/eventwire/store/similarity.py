"""Exact and near-duplicate detection of article texts.

Wire stories are syndicated: the same Reuters or TASS text appears in several outlets
with a changed headline, a byline or a trailing sentence.  Counting each copy would
inflate event counts, so new articles are compared with stored ones by MinHash over
word 5-shingles (datasketch), with an LSH index so the check stays sub-linear.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"
"""datasketch's permutation scheme, fixed so stored signatures stay comparable."""
SHINGLE = 5
THRESHOLD = 0.8


def normalize(text: str) -> str:
    """Text as compared: NFKC, case-folded, whitespace collapsed, so re-encoded or
    re-wrapped copies of a file hash the same."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    """SHA-256 of the normalized text: the identity of an article in the store."""
    return hashlib.sha256(normalize(text).encode()).hexdigest()


def _shingles(text: str) -> set[bytes]:
    words = normalize(text).split()
    if len(words) <= SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's permutations for the default seed, drawn once: drawing them is a
    third of the cost of a MinHash, and every article needs two or three (read only)."""
    a, b = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
    return a, b


def signature(text: str) -> bytes:
    """The MinHash signature of a text as bytes, to be stored next to the article."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(list(_shingles(text)))
    return bytes(minhash.hashvalues.astype("<u4").tobytes())


def _minhash(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME,
                   permutations=_permutations())


class NearDuplicateIndex:
    """An LSH index of stored articles: ``match`` names the article a text copies.

    It is rebuilt from stored signatures at the start of every ingest rather than
    persisted, because the store is the single source of truth.
    """

    def __init__(self, stored: Iterable[tuple[str, bytes]] = (), threshold: float = THRESHOLD):
        self._threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}
        for key, blob in stored:
            self.add(key, blob)

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, key: str, blob: bytes) -> None:
        if key in self._hashes:
            return
        minhash = _minhash(blob)
        self._lsh.insert(key, minhash)
        self._hashes[key] = minhash

    def match(self, blob: bytes) -> str | None:
        """The stored article most similar to ``blob`` above the threshold, if any."""
        minhash = _minhash(blob)
        best: tuple[float, str] | None = None
        for key in sorted(str(k) for k in self._lsh.query(minhash)):  # ties: same choice
            similarity = float(minhash.jaccard(self._hashes[str(key)]))
            if similarity >= self._threshold and (best is None or similarity > best[0]):
                best = (similarity, str(key))
        return best[1] if best else None
