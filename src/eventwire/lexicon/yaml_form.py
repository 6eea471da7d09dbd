"""A YAML form for new dictionary entries, easier to write than the legacy syntax.

Documented in ``docs/dictionaries.md``.  One file may hold any of four sections::

    verbs:
      - verb: restore            # the block head and its base form
        forms: [reinstate]       # more synonyms (optional)
        code: "064"              # code of the bare verb (optional; quote codes!)
        patterns:
          - words_after: [ties, with, +]
            code: "064"
    actors:
      - names: [Mordor, Land of Mordor]
        code: MOR
        from: 1995-01-01         # optional date range: from <= day < until
        until: 2001-01-01
    agents:
      - words: [envoy]
        roles: GOV               # "GOV" or "~GOV" goes after the country, "NGO~" before
    discards: [baseball, +golf open]

Entries compile into the same dataclasses as the PETRARCH files (a pattern's
``words_before``/``words_after`` go through the PETRARCH pattern reader, so ``$``
source, ``+`` target, ``^`` skip and ``{...}``/``(...)`` mean what they mean there).
Every problem is a :class:`DictionaryError` naming the file and the entry's line.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DictionaryError
from eventwire.lexicon.actors_parse import ActorEntry, DatedCode
from eventwire.lexicon.actors_words import display_name, phrase_words
from eventwire.lexicon.agents import AgentEntry, regular_plural
from eventwire.lexicon.discards import Discards, parse_discard_text
from eventwire.lexicon.verbs import VerbBlock, VerbDictionary, VerbPattern, stamp_origin
from eventwire.lexicon.verbs_parse import parse_form
from eventwire.lexicon.verbs_pattern import Where, parse_pattern, split_code

LINE = "__line__"
SECTIONS = frozenset({"verbs", "actors", "agents", "discards"})
YAML_SUFFIXES = (".yaml", ".yml")


class _LineLoader(yaml.SafeLoader):  # type: ignore[misc]
    """A safe loader that records the line of every mapping, for error messages."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def is_yaml(path: Path) -> bool:
    """Whether a dictionary file is in the YAML form (by its suffix)."""
    return Path(path).suffix.lower() in YAML_SUFFIXES


def load_document(path: Path) -> dict[str, Any]:
    """The sections of a YAML dictionary file, each entry carrying its line."""
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 0 if mark is None else mark.line + 1
        problem = getattr(error, "problem", None) or str(error)
        raise DictionaryError(str(path), line, f"not valid YAML: {problem}") from error
    except UnicodeDecodeError as error:
        raise DictionaryError(str(path), 0, f"not UTF-8 text ({error.reason})") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DictionaryError(str(path), 1, "expected a mapping of sections")
    unknown = sorted(set(data) - SECTIONS - {LINE})
    if unknown:
        raise DictionaryError(str(path), 1, f"unknown section {unknown[0]!r}")
    return data


def _items(doc: dict[str, Any], section: str, path: Path) -> list[Any]:
    items = doc.get(section) or []
    if not isinstance(items, list):
        raise DictionaryError(str(path), doc.get(LINE, 1), f"'{section}' must be a list")
    return items


def _entry(
    item: Any, path: Path, section: str, keys: frozenset[str]
) -> tuple[Where, dict[str, Any]]:
    if not isinstance(item, dict):
        raise DictionaryError(str(path), 0, f"an entry of '{section}' must be a mapping")
    where = Where(str(path), int(item.get(LINE, 0)))
    unknown = sorted(set(item) - keys - {LINE})
    if unknown:
        raise where.error(f"unknown key {unknown[0]!r} in a '{section}' entry")
    return where, item


def _strings(value: Any, where: Where, key: str) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise where.error(f"'{key}' must be text or a list of texts (quote numbers)")
    return [v.strip() for v in values]


def _code(value: Any, where: Where, key: str = "code") -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise where.error(f"'{key}' must be quoted text, e.g. \"064\" (got {value!r})")
    return value.strip()


_PATTERN_KEYS = frozenset({"words_before", "words_after", "code"})
_VERB_KEYS = frozenset({"verb", "forms", "code", "patterns"})


def _pattern(item: Any, path: Path) -> tuple[VerbPattern, ...]:
    where, entry = _entry(item, path, "patterns", _PATTERN_KEYS)
    code = _code(entry.get("code"), where)
    if code is None:
        raise where.error("a pattern needs a 'code'")
    before = " ".join(_strings(entry.get("words_before"), where, "words_before"))
    after = " ".join(_strings(entry.get("words_after"), where, "words_after"))
    if not before and not after:
        raise where.error("a pattern needs 'words_before' or 'words_after'")
    body = f"{before} * {after} [{code}]"
    return parse_pattern(body, {}, where, Counter())


def _verb_block(item: Any, path: Path) -> VerbBlock:
    where, entry = _entry(item, path, "verbs", _VERB_KEYS)
    heads = _strings(entry.get("verb"), where, "verb")
    if len(heads) != 1:
        raise where.error("a verb entry needs one 'verb'")
    forms = tuple(parse_form(text, where) for text in [*heads, *_strings(
        entry.get("forms"), where, "forms")])
    code, reverse = (None, None)
    raw_code = _code(entry.get("code"), where)
    if raw_code is not None:
        code, reverse = split_code(raw_code, where)
    patterns = entry.get("patterns") or []
    if not isinstance(patterns, list):
        raise where.error("'patterns' must be a list")
    compiled = tuple(p for item in patterns for p in _pattern(item, path))
    head = " ".join(forms[0].words)
    return VerbBlock(head, None if code == "---" else code, forms, compiled, where.line, reverse)


def yaml_verbs(path: Path) -> VerbDictionary:
    """The ``verbs`` section of a YAML file as a verb dictionary."""
    doc = load_document(path)
    blocks = tuple(_verb_block(item, path) for item in _items(doc, "verbs", path))
    return stamp_origin(VerbDictionary(blocks, Path(path).name, ""))


def _day(value: Any, where: Where, key: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise where.error(f"'{key}' is not a YYYY-MM-DD date: {value!r}") from error


_ACTOR_KEYS = frozenset({"names", "code", "from", "until"})


def _actor_entries(item: Any, path: Path) -> list[ActorEntry]:
    where, entry = _entry(item, path, "actors", _ACTOR_KEYS)
    names = _strings(entry.get("names"), where, "names")
    code = _code(entry.get("code"), where)
    if not names or not code:
        raise where.error("an actor needs 'names' and a 'code'")
    start, end = _day(entry.get("from"), where, "from"), _day(entry.get("until"), where, "until")
    if start is not None and end is not None and end <= start:
        raise where.error("'until' must come after 'from'")
    codes = (DatedCode(code, start, end),)
    out = []
    for name in names:
        words = phrase_words(name)[0]
        out.append(ActorEntry(words, codes, where.line, display_name(name), path.name, False))
    return out


def yaml_actors(path: Path) -> tuple[ActorEntry, ...]:
    """The ``actors`` section of a YAML file as actor entries (names are whole words)."""
    doc = load_document(path)
    return tuple(e for item in _items(doc, "actors", path) for e in _actor_entries(item, path))


_AGENT_KEYS = frozenset({"words", "roles", "plural"})


def _agent_entries(item: Any, path: Path) -> list[AgentEntry]:
    where, entry = _entry(item, path, "agents", _AGENT_KEYS)
    words = _strings(entry.get("words"), where, "words")
    roles = _code(entry.get("roles"), where, "roles")
    if not words or not roles or not roles.strip("~").isalnum():
        raise where.error("an agent needs 'words' and 'roles' such as GOV, ~GOV or NGO~")
    code = roles if "~" in roles else f"~{roles}"
    plural = entry.get("plural", True)
    out = []
    for phrase in words:
        forms = [phrase, regular_plural(phrase)] if plural is True else [phrase]
        for form in forms:
            keys = phrase_words(form)[0]
            out.append(AgentEntry(keys, code.upper(), where.line, display_name(phrase), path.name))
    return out


def yaml_agents(path: Path) -> tuple[AgentEntry, ...]:
    """The ``agents`` section of a YAML file as agent entries (regular plurals added)."""
    doc = load_document(path)
    return tuple(e for item in _items(doc, "agents", path) for e in _agent_entries(item, path))


def yaml_discards(path: Path) -> Discards:
    """The ``discards`` section: phrases, ``+`` in front for story-level ones."""
    doc = load_document(path)
    items = _items(doc, "discards", path)
    where = Where(str(path), int(doc.get(LINE, 1)))
    lines = _strings(items, where, "discards")
    return parse_discard_text("\n".join(lines), path.name, path=str(path))
