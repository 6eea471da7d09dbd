"""One spelling-blind form of words, shared by the dictionaries and the text.

Dictionary phrases are written ``AL-QAEDA``, ``U.S._STATE_DEPARTMENT`` or
``APO'S_REVENGE_HAWKS``, while spaCy splits the same words as ``Al - Qaeda``, ``U.S.``
and ``Apo 's``.  Both sides are reduced here to the same keys: lower case, periods
dropped (``U.S.`` and ``US`` meet), hyphens, slashes, underscores (which some feeds,
like the dictionaries, use to join the words of a name), brackets and quotes dropped, the
possessive ``'s`` kept as a key of its own and a comma kept so that a list in a name
does not match across a clause.  A token that is only a sentence stop keeps ``.`` as
its key, so no phrase can match across it.
"""

from __future__ import annotations

import re

_PIECE = re.compile(r"[^\s_\-‐‑–—/()\[\]{}\"“”,]+|,")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def _clean(piece: str) -> str:
    if piece.strip(".") == "":
        return "."
    return piece.replace(".", "").strip("'")


def word_keys(text: str) -> list[str]:
    """The keys of one dictionary word or one parsed token, in order."""
    keys: list[str] = []
    for piece in _PIECE.findall(text.lower().translate(_APOSTROPHES)):
        if piece == "'s":
            keys.append(piece)
        elif len(piece) > 2 and piece.endswith("'s"):
            keys.extend((_clean(piece[:-2]), "'s"))
        else:
            keys.append(_clean(piece))
    return [key for key in keys if key]


def phrase_words(phrase: str) -> tuple[tuple[str, ...], bool]:
    """Keys of a dictionary phrase and whether its last word may take a suffix.

    ``_`` and blanks both separate words (as in PETRARCH2); a phrase that ends in
    ``_`` is *stopped*: TABARI let an unstopped last word match longer forms, which
    eventwire narrows to plural endings.
    """
    stripped = phrase.strip()
    keys: list[str] = []
    for word in stripped.replace("_", " ").split():
        keys.extend(word_keys(word))
    return tuple(keys), not stripped.endswith("_")


def possessive_forms(phrase: str) -> list[tuple[str, ...]]:
    """Other keys of a phrase whose words end in the plural possessive ``S'``.

    The dictionaries write "DEMOCRATIC_PEOPLES'_REPUBLIC_OF_KOREA" where news writes
    "Democratic People's Republic of Korea": a writer picks either possessive, so a
    word the source marks as possessive also matches its singular possessive form.
    """
    words = phrase.strip().replace("_", " ").split()
    marked = [n for n, word in enumerate(words) if len(word) > 3 and word.upper().endswith("S'")]
    if not marked:
        return []
    keys: list[str] = []
    for n, word in enumerate(words):
        keys.extend(word_keys(word[:-2] + "'s" if n in marked else word))
    return [tuple(keys)]


def display_name(phrase: str) -> str:
    """The phrase as written in the dictionary, without its joining underscores."""
    return " ".join(phrase.replace("_", " ").split())
