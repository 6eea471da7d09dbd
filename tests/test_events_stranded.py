"""Repairs of parser misreadings: a preposition left without an object takes back the
phrase after it; a participle with a direct object is active."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.events.arguments import is_passive, verbal_arguments
from eventwire.events.stranded import active_participle, stranded_object

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


def test_a_participle_with_a_direct_object_is_the_noun_s_own_act() -> None:
    """ "The air force carried out strikes" misread as a reduced passive on the noun:
    a passive participle takes no direct object, so this one is active."""
    words = ["The", "force", "carried", "out", "strikes"]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 2, 2],
              deps=["det", "ROOT", "acl", "prt", "dobj"],
              pos=["DET", "NOUN", "VERB", "ADP", "NOUN"], tags=["DT", "NN", "VBN", "RP", "NNS"])
    assert active_participle(doc[2]) and not is_passive(doc[2])
    sources, targets = verbal_arguments(doc[2])
    assert [t.text for t in sources] == ["force"] and [t.text for t in targets] == ["strikes"]
    passive = Doc(Vocab(), words=["soldiers", "killed", "there"], heads=[0, 0, 1],
                  deps=["ROOT", "acl", "advmod"], pos=["NOUN", "VERB", "ADV"],
                  tags=["NNS", "VBN", "RB"])
    assert is_passive(passive[1]), "soldiers killed there: done to them"
