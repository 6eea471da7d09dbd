"""PETRARCH2/TABARI verb dictionaries: parse, merge, store and load.

The packaged default is PETRARCH2's ``CAMEO.2.0.txt`` (MIT, (c) 2015 Open Event Data
Alliance), compiled by :func:`build_default` into ``data/verbs.json.gz`` so that
users never need the source file and loading takes a fraction of a second.  Users'
own files in the same syntax are read with :func:`parse_verb_file` and added with
:func:`merge`.  The syntax itself is described in :mod:`verbs_parse` and
:mod:`verbs_pattern`.

Codes are kept as written, including ones that are not CAMEO codes (``---`` on a
pattern means "no event"; the PETRARCH2 unit-test file has ``174K``, ``+++``, ...):
checking them against the code table is the caller's business.  Source constructs
that have no place in this model (``~`` transformations, a second code in a block
header) are counted, logged and, for the default
dictionary, recorded in the compiled file under ``dropped``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from eventwire.errors import DictionaryError
from eventwire.lexicon.packed import read_packed, write_packed
from eventwire.lexicon.verbs_parse import compile_text
from eventwire.lexicon.verbs_types import (
    Element,
    ElementKind,
    VerbBlock,
    VerbDictionary,
    VerbForm,
    VerbPattern,
)

__all__ = [
    "DEFAULT_NAME",
    "Element",
    "ElementKind",
    "VerbBlock",
    "VerbDictionary",
    "VerbForm",
    "VerbPattern",
    "build_default",
    "default_verbs",
    "dump_verbs",
    "load_verbs",
    "merge",
    "parse_verb_file",
    "parse_verb_text",
]

LOG: Final = logging.getLogger(__name__)
DEFAULT_NAME: Final = "verbs.json.gz"
SOURCE: Final = ("phoenix", "CAMEO.2.0.txt")
FORMAT: Final = "eventwire-verbs/1"
KINDS: Final[dict[str, ElementKind]] = {
    "word": "word",
    "phrase": "phrase",
    "prep": "prep",
    "source": "source",
    "target": "target",
    "skip": "skip",
}


def _log_dropped(origin: str, dropped: Mapping[str, int]) -> None:
    for what, count in sorted(dropped.items()):
        if count:
            LOG.info("%s: skipped %d %s", origin, count, what)


def parse_verb_text(text: str, origin: str) -> VerbDictionary:
    """Parse dictionary text; errors name ``origin`` as the file."""
    result, dropped = compile_text(text, origin, origin)
    _log_dropped(origin, dropped)
    return stamp_origin(result)


def stamp_origin(dictionary: VerbDictionary) -> VerbDictionary:
    """Give every form and pattern the dictionary's origin unless it has its own."""
    name = dictionary.origin

    def block(b: VerbBlock) -> VerbBlock:
        forms = tuple(f if f.origin else replace(f, origin=name) for f in b.forms)
        patterns = tuple(p if p.origin else replace(p, origin=name) for p in b.patterns)
        return replace(b, forms=forms, patterns=patterns)

    return replace(dictionary, blocks=tuple(block(b) for b in dictionary.blocks))


def _source_text(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DictionaryError(str(path), 0, f"not UTF-8 text ({error.reason})") from error


def _read_source(path: str | Path) -> tuple[VerbDictionary, Counter[str]]:
    result, dropped = compile_text(_source_text(path), Path(path).name, str(path))
    return stamp_origin(result), dropped


def parse_verb_file(path: str | Path) -> VerbDictionary:
    """Parse a dictionary file; its name becomes the dictionary's origin."""
    result, dropped = _read_source(path)
    _log_dropped(str(path), dropped)
    return result


def _join(values: list[str], separator: str) -> str:
    return separator.join(dict.fromkeys(value for value in values if value))


def _combine(old: VerbBlock, new: VerbBlock) -> VerbBlock:
    """``new`` adds its forms and patterns to ``old``; its own default code wins."""
    forms = old.forms + tuple(form for form in new.forms if form not in old.forms)
    own = new.default_code is not None or new.default_reverse_code is not None
    code, reverse = (
        (new.default_code, new.default_reverse_code)
        if own
        else (old.default_code, old.default_reverse_code)
    )
    return VerbBlock(old.head, code, forms, old.patterns + new.patterns, old.line, reverse)


def merge(*dicts: VerbDictionary) -> VerbDictionary:
    """Later dictionaries add to earlier ones.

    A block whose head an earlier dictionary already has is folded into that block
    (new forms and patterns appended, a non-``---`` default code replaces the old
    one); other blocks are appended.  Line numbers stay those of each entry's own file.
    """
    blocks: list[VerbBlock] = []
    by_head: dict[str, int] = {}
    for dictionary in dicts:
        earlier = dict(by_head)
        for block in dictionary.blocks:
            if block.head in earlier:
                index = earlier[block.head]
                blocks[index] = _combine(blocks[index], block)
            else:
                by_head[block.head] = len(blocks)
                blocks.append(block)
    origin = _join([d.origin for d in dicts], " + ")
    return VerbDictionary(tuple(blocks), origin, _join([d.notice for d in dicts], "\n\n"))


class _Table:
    """Alternative sets stored once and referred to by index (synsets repeat a lot)."""

    def __init__(self) -> None:
        self.index: dict[tuple[tuple[str, ...], ...], int] = {}

    def element(self, element: Element) -> list[Any]:
        ref = self.index.setdefault(element.alternatives, len(self.index))
        return [element.kind, ref, element.prep]

    def pattern(self, p: VerbPattern) -> list[Any]:
        before = [self.element(e) for e in p.before]
        after = [self.element(e) for e in p.after]
        row = [p.code, p.reverse_code, before, after, p.line, p.text]
        return [*row, list(p.verbs)] if p.verbs else row


def _form_json(form: VerbForm) -> list[Any]:
    """A form as a row; the verb's position only when it is not the first word, so
    dictionaries without such forms compile as before."""
    row: list[Any] = [list(form.words), list(form.inflections), form.code, form.line]
    return [*row, form.verb_at] if form.verb_at else row


def _form(raw: list[Any]) -> VerbForm:
    words, inflections, code, line, *rest = raw
    return VerbForm(tuple(words), tuple(inflections), code, line, verb_at=rest[0] if rest else 0)


def _block_json(block: VerbBlock, table: _Table) -> list[Any]:
    forms = [_form_json(f) for f in block.forms]
    patterns = [table.pattern(p) for p in block.patterns]
    return [block.head, block.default_code, block.default_reverse_code, block.line, forms, patterns]


def dump_verbs(d: VerbDictionary, path: Path, *, dropped: Mapping[str, int] | None = None) -> None:
    """Write gzip JSON; byte-identical for the same dictionary (gzip mtime is 0)."""
    table = _Table()
    blocks = [_block_json(block, table) for block in d.blocks]
    data: dict[str, Any] = {
        "format": FORMAT,
        "origin": d.origin,
        "notice": d.notice,
        "dropped": dict(sorted((dropped or {}).items())),
        "alternatives": [[list(alt) for alt in alts] for alts in table.index],
        "blocks": blocks,
    }
    write_packed(path, data)


def _element(raw: list[Any], alternatives: list[tuple[tuple[str, ...], ...]]) -> Element:
    kind, ref, prep = raw
    return Element(KINDS[kind], alternatives[ref], prep)


def _pattern(raw: list[Any], alternatives: list[tuple[tuple[str, ...], ...]]) -> VerbPattern:
    code, reverse, before, after, line, text, *verbs = raw
    return VerbPattern(
        code,
        reverse,
        tuple(_element(e, alternatives) for e in before),
        tuple(_element(e, alternatives) for e in after),
        line,
        text,
        verbs=tuple(verbs[0]) if verbs else (),
    )


def _block(raw: list[Any], alternatives: list[tuple[tuple[str, ...], ...]]) -> VerbBlock:
    head, code, reverse, line, forms, patterns = raw
    return VerbBlock(
        head,
        code,
        tuple(_form(f) for f in forms),
        tuple(_pattern(p, alternatives) for p in patterns),
        line,
        reverse,
    )


def _from_bytes(data: bytes, name: str) -> VerbDictionary:
    raw = read_packed(data, name, FORMAT)
    try:
        alternatives = [tuple(tuple(alt) for alt in alts) for alts in raw["alternatives"]]
        blocks = tuple(_block(b, alternatives) for b in raw["blocks"])
        return stamp_origin(VerbDictionary(blocks, raw["origin"], raw["notice"]))
    except (
        OSError,
        EOFError,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
    ) as error:
        raise DictionaryError(name, 0, f"unreadable compiled dictionary: {error}") from error


def load_verbs(path: Path) -> VerbDictionary:
    """Read a file written by :func:`dump_verbs`."""
    return _from_bytes(Path(path).read_bytes(), str(path))


@lru_cache(maxsize=1)
def default_verbs() -> VerbDictionary:
    """The packaged CAMEO verb dictionary, loaded once."""
    data = resources.files("eventwire").joinpath("data", DEFAULT_NAME).read_bytes()
    return _from_bytes(data, f"eventwire/data/{DEFAULT_NAME}")


SOURCE_FIXES: Final[tuple[tuple[str, str], ...]] = (
    ("- * AID                                               [1311]        # WEIGH",
     "- * AID                                               [014]         # WEIGH"),
    ("- * &REFUGEE                                          [0333]        # ACCEPT",
     "- * &REFUGEE                                          [075]         # ACCEPT"),
    ("- * &PKO                                              [0334:038]    # DEPLOY",
     "- * &PKO                                              [074]         # DEPLOY"),
    ("- * &PKO                                              [0334]        # SEND",
     "- * &PKO                                              [074]         # SEND"),
    ("---  DIE   [190]  ---", "---  DIE   [---]  ---"),
    ("- * DIPLOMATS                                         [174]         # EXPEL",
     "- * DIPLOMATS                                         [161]         # EXPEL"),
    ("---  SUE   [173]  ---", "---  SUE   [115]  ---"),
    ("- * (IN  COURT)                                       [173]         # SUE",
     "- * (IN  COURT)                                       [115]         # SUE"),
    ("- * (FOR)                                             [173]         # SUE",
     "- * (FOR)                                             [115]         # SUE"),
    ("- * PILOTS                                            [0312]        # TRAIN",
     "- * PILOTS                                            [072]         # TRAIN"),
    ("BRAVE \nCONFRONT  \nCONTACT \nENCOUNTER \nFACE  # sha  8/17/93",
     "BRAVE [---]\nCONFRONT  \nCONTACT \nENCOUNTER [---]\nFACE [---]  # sha  8/17/93"),
    ("---  INFLUENCE   [050]  ---\nAFFECT \nIMPACT ",
     "---  INFLUENCE   [050]  ---\nAFFECT [---]\nIMPACT [---]"),
)
"""Corrections of the public source, applied only by :func:`build_default`.

CONSIDER * AID ("is weighing sending aid") was coded 1311, a threat to cut aid, while
the block's other deliberations (CONSIDER * DEPLOYMENT, * SANCTION, * PLAN) are 014,
consider a policy option, as the CAMEO manual defines it.  ACCEPT * &REFUGEE was
coded 0333, an intent to provide humanitarian aid, for the act of taking refugees in,
which the manual codes 075 (grant asylum).  SEND * &PKO and DEPLOY * &PKO were coded as
intents to provide peacekeeping (0334, one with a reverse 038, an intent to accept
mediation) for the act itself, 074 (provide military protection or peacekeeping); the
block's own DEPLOY * PEACEKEEPERS already says 074.  DIE's default coded every death
as an assault by the one who died ("the actor died at 83 in Mumbai": 190); a death is an
event only by the block's patterns, which name the clash, bombing or custody it
happened in.  Expelling diplomats was 174 (deport individuals) in the plural and 161
(reduce diplomatic relations) in the singular (DEPORT * DIPLOMAT); both are now 161.
SUE and its patterns were 173 (arrest, detain or charge with legal action), the
state's act against a suspect, for suing, which the manual codes 115 (bring lawsuit
against), as the dictionary itself codes FILE * LAWSUIT.  TRAIN * PILOTS was 0312, an
intent to cooperate militarily, for training done, which is military aid (072) as
training soldiers and forces is.  FACE, BRAVE and ENCOUNTER took MEET_PEOPLE's default
(040, consult): "Kenya faces new sanctions" and "faced a series of attacks" were
meetings; what one faces is an event only by the block's patterns (FACE * CRITICISM,
* CHARGE, * TRIAL, read in reverse).  AFFECT and IMPACT took INFLUENCE's (050,
diplomatic cooperation): "the war has impacted farmers" was cooperation.
"""


def _fixed_source(path: Path) -> str:
    text = _source_text(path)
    for wrong, right in SOURCE_FIXES:
        if wrong not in text:
            raise DictionaryError(str(path), 0, f"expected source line not found: {wrong!r}")
        text = text.replace(wrong, right)
    return text


def build_default(lexicons_dir: Path, out_dir: Path) -> Path:
    """Compile ``lexicons/phoenix/CAMEO.2.0.txt`` into ``out_dir/verbs.json.gz``."""
    source = Path(lexicons_dir).joinpath(*SOURCE)
    result, dropped = compile_text(_fixed_source(source), source.name, str(source))
    dictionary = stamp_origin(result)
    _log_dropped(source.name, dropped)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / DEFAULT_NAME
    dump_verbs(dictionary, target, dropped=dropped)
    return target
