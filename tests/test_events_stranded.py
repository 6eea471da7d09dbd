"""A preposition the parser left without an object takes back the phrase after it."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.events.stranded import stranded_object

OBJECTS = frozenset({"pobj", "pcomp"})


def _doc(object_dep: str, clause_dep: str) -> Doc:
    """ "Chile granted asylum to three officers hiding there", parsed as the small
    model may: "officers" the subject of the clause "hiding", "to" without an object."""
    words = ["Chile", "granted", "asylum", "to", "three", "officers", "hiding", "there"]
    heads = [1, 1, 1, 1, 5, 6, 1, 6]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nummod", object_dep, clause_dep, "advmod"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "NUM", "NOUN", "VERB", "ADV"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_the_subject_of_a_following_clause_is_the_stranded_object() -> None:
    doc = _doc("nsubj", "advcl")
    assert [t.text for t in stranded_object(doc[3], OBJECTS)] == ["officers"]


def test_a_preposition_with_its_own_object_or_a_subject_elsewhere_takes_none() -> None:
    doc = _doc("nsubj", "conj")  # a coordinated clause of its own: its own subject
    assert stranded_object(doc[3], OBJECTS) == []
    words = ["Chile", "granted", "asylum", "to", "officers"]
    with_object = Doc(Vocab(), words=words, heads=[1, 1, 1, 1, 3],
                      deps=["nsubj", "ROOT", "dobj", "prep", "pobj"],
                      pos=["PROPN", "VERB", "NOUN", "ADP", "NOUN"])
    assert stranded_object(with_object[3], OBJECTS) == []
