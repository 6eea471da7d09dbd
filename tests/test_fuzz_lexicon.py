"""Property tests of the dictionary compiler: malformed files raise DictionaryError only.

A user's dictionary file is hand-edited, so every way of getting it wrong must stop the
run with ``FILE:LINE: problem`` (a :class:`DictionaryError` whose line is in the file),
never a ``KeyError`` or ``UnicodeDecodeError`` from deep inside the parser.  Inputs are
built from the syntax's own pieces (so that they get past the first line often) and
from arbitrary text and bytes; every file kind goes through the same entry points as
``--verbs``/``--actors``/``--agents``/``--discards``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import DictionaryError
from eventwire.lexicon.user import read_actors, read_agents, read_discards, read_verbs

EXAMPLES = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip

READERS: dict[str, Callable[[Path], Any]] = {
    "verbs": read_verbs,
    "actors": read_actors,
    "agents": read_agents,
    "discards": lambda path: read_discards([path]),
}

ACTOR_PIECES = ("MORDOR", "_", "LAND_OF_MORDOR", " ", "[MOR]", "[MORGOV 19950101-20010101]",
                "[MORGOV >20010101]", "[", "]", "+", "\n", "#", "#comment", "-", "<", ">",
                "1995", "0101", "~", ";", "é", "\t", "{", "}")  # fmt: skip
AGENT_PIECES = ("ENVOY", "_", "MINISTER", " ", "[~GOV]", "[NGO~]", "[GOV]", "{", "}", "!",
                "!x!", "!minist! = MINISTER, MINISTRY", "=", ",", "~", "[", "]", "\n", "#",
                "é")  # fmt: skip
DISCARD_PIECES = ("BASEBALL", "+", "GOLF", "_", "OPEN", " ", "\n", "#", "~", "[", "]", "$", "é",
                  "<!--", "-->", ";")  # fmt: skip
VERB_PIECES = ("--- RESTORE [064] ---", "RESTORE", "- ", "+", "$", "^", "_", "TIES", "WITH",
               "[064]", "[---]", "{", "}", "(", ")", "&TIES", "&TIES\n+BOND\n", "\n", "#", ";",
               "<!--", "-->", "~", "é", "\t", ":")  # fmt: skip


def _text_from(pieces: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


def _check(kind: str, suffix: str, data: bytes) -> None:
    """Reading the file either works or raises DictionaryError naming it and a line in it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"user{suffix}"
        path.write_bytes(data)
        try:
            READERS[kind](path)
        except DictionaryError as error:
            assert error.path == str(path)
            lines = data.decode("utf-8", errors="replace").splitlines()
            assert 0 <= error.line <= max(len(lines), 1)
            assert str(error).startswith(f"{path}:{error.line}: ")


@EXAMPLES
@given(st.sampled_from(["actors", "agents", "discards", "verbs"]), st.data())
def test_petrarch_syntax_raises_only_dictionary_error(kind: str, data: st.DataObject) -> None:
    pieces = {"actors": ACTOR_PIECES, "agents": AGENT_PIECES, "discards": DISCARD_PIECES,
              "verbs": VERB_PIECES}[kind]  # fmt: skip
    text = data.draw(st.one_of(_text_from(pieces), st.text(max_size=200)))
    _check(kind, ".txt", text.encode("utf-8"))


@EXAMPLES
@given(st.sampled_from(sorted(READERS)), st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_dictionary_error(kind: str, data: bytes) -> None:
    _check(kind, ".txt", data)
    _check(kind, ".yaml", data)


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 99999), st.text(max_size=12),
                     st.sampled_from(["064", "MOR", "~GOV", "1995-01-01", "+", "$", "[x]"]),
                     st.dates())  # fmt: skip
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(["verb", "forms", "code", "patterns", "words_after",
                                     "words_before", "names", "from", "until", "words",
                                     "roles", "other"]), inner, max_size=4),
), max_leaves=12)  # fmt: skip


@EXAMPLES
@given(st.dictionaries(st.sampled_from(["verbs", "actors", "agents", "discards", "extra"]),
                       _VALUES, max_size=3))  # fmt: skip
def test_yaml_form_of_any_shape_raises_only_dictionary_error(document: dict[str, Any]) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    for kind in READERS:
        _check(kind, ".yaml", text.encode("utf-8"))
