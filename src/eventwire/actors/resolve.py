"""In-document resolution: later references take the code of the actor they name.

News names an actor in full once ("UK Foreign Secretary Liz Truss") and then by
surname ("Truss"), by title ("the Foreign Secretary") or by pronoun ("she").  Each
such reference becomes a mention with the code of its antecedent, its own text and
span, and the rule ``coref:<rule of the antecedent>``.  Resolution is conservative:
a surname needs an earlier full name with that surname; a bare title (one without a
name: "President Trump" is not whoever was "the president" before) needs an earlier
mention with a country whose head has a title with the same head word and no other
words;
he/she (him, his, her) take the latest person mention of the same or the previous
sentence, they/them/their the latest plural one, except that a subject pronoun of a
reported clause first takes the reporting verb's subject ("inspectors said they
needed more time").  What cannot be resolved stays as
found (a title keeps its role and no country); pronouns without antecedent are
dropped.  A name no dictionary knows and no earlier mention explains is kept when
the parser's entity recogniser calls it a person or an organisation ("Sajid Mir",
"Acme Holdings"): the events of a union, a firm or a private person are events too,
and naming who acted, code ``---`` (CAMEO's unknown actor), says more than leaving
the side empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from eventwire.actors.compose import Found
from eventwire.codes.actor_parts import UNKNOWN_PART
from eventwire.model import ActorMention, Span

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
UNKNOWN_ACTOR = UNKNOWN_PART
"""The code of an actor the text names but no dictionary knows (CAMEO's null actor)."""
PlaceTest = Callable[[str], bool]
"""Whether a name is a place's (a gazetteer lookup)."""
NAMED_ENTITIES = frozenset({"PERSON", "ORG"})
"""Entity types whose unexplained names still name an actor; places, nationalities
and works do not act."""


@dataclass(frozen=True)
class Reference:
    """A pronoun or a bare person name that may point back to a mention.

    ``kind`` is ``"person"`` (he/she), ``"plural"`` (they), ``"others"`` (a counted
    "two others") or ``"name"``; ``key`` is the lowercased surname of a name.
    """

    kind: str
    key: str
    text: str
    span: Span
    head: int
    sentence: int
    entity: str = ""
    """The parser's entity type of a name (``PERSON``, ``ORG``, ...); empty if none."""
    subject: bool = False
    """Whether the name is its verb's sole active subject, outside a title-case headline."""
    governor: tuple[int, int, int] | None = None
    """For a pronoun subject of a reported clause ("X said they ..."), the reporting
    verb's subject: the offset of its head and the span of its phrase when the phrase
    is plural (else an empty span)."""


def _title_fits(title: tuple[str, ...], earlier: tuple[str, ...]) -> bool:
    return bool(title) and title[-1] == earlier[-1] and set(title) <= set(earlier)


def _by_title(found: Found, history: Sequence[Found]) -> Found | None:
    for earlier in reversed(history):
        if earlier.mention.country is None or earlier.plural != found.plural:
            continue  # "courts in France" are not "the International Criminal Court"
        for title in found.titles:
            if any(_title_fits(title, other) for other in earlier.titles if other):
                return earlier
    return None


def _by_surname(surname: str | None, history: Sequence[Found]) -> Found | None:
    if surname is None:
        return None
    for earlier in reversed(history):
        if earlier.surname == surname and earlier.mention.country is not None:
            return earlier
    return None


def _near(reference: Reference, earlier: Found) -> bool:
    gap = reference.sentence - earlier.mention.sentence
    return 0 <= gap <= 1 and earlier.mention.span[1] <= reference.span[0]


def _by_pronoun(reference: Reference, history: Sequence[Found]) -> Found | None:
    return _by_governor(reference, history) or _latest(reference, history)


def _by_governor(reference: Reference, history: Sequence[Found]) -> Found | None:
    """The subject of the reporting verb a pronoun subject's clause hangs on, when it
    fits: "inspectors said they needed time" tells the inspectors' own need, whatever
    was named in between (the centring readers follow)."""
    if reference.governor is None:
        return None
    head, start, stop = reference.governor
    for earlier in reversed(history):
        inside = earlier.mention.span[0] <= head < earlier.mention.span[1]
        if inside and _near(reference, earlier) and _fits_reference(reference, earlier):
            return earlier
    if reference.kind != "plural":
        return None
    for earlier in reversed(history):  # "UN inspectors said they": the UN's
        if start <= earlier.mention.span[0] and earlier.mention.span[1] <= stop:
            return earlier
    return None


def _latest(reference: Reference, history: Sequence[Found]) -> Found | None:
    for earlier in reversed(history):
        if not _near(reference, earlier):
            if reference.sentence - earlier.mention.sentence > 1:
                return None
            continue
        if _fits_reference(reference, earlier):
            return earlier
    return None


def _fits_reference(reference: Reference, earlier: Found) -> bool:
    """He/she a person, they a plural; "two others" more of the role the same sentence
    just named ("one U.S. soldier"), not a country or a name of its own."""
    if reference.kind == "person":
        return earlier.person
    if reference.kind == "others":
        same = earlier.mention.sentence == reference.sentence
        return same and bool(earlier.mention.roles) and earlier.surname is None
    return earlier.plural


def _coref_rule(antecedent: ActorMention) -> str:
    rule = antecedent.rule
    return rule if rule.startswith("coref:") else f"coref:{rule}"


def borrow(mention: ActorMention, antecedent: ActorMention) -> ActorMention:
    """``mention`` (its own text and place) with the code of ``antecedent``."""
    return replace(
        mention,
        code=antecedent.code,
        country=antecedent.country,
        roles=antecedent.roles,
        rule=_coref_rule(antecedent),
        antecedent=antecedent.antecedent or antecedent.span,
    )


def _resolve_found(found: Found, history: Sequence[Found]) -> Found:
    if not found.resolvable:
        return found
    if found.surname is not None:  # a named person is not whoever held the title before
        antecedent = _by_surname(found.surname, history)
    else:
        antecedent = _by_title(found, history)
    if antecedent is None:
        return found
    mention = borrow(found.mention, antecedent.mention)
    surname = found.surname or antecedent.surname
    return replace(found, mention=mention, surname=surname, person=found.person)


def _resolve_reference(reference: Reference, history: Sequence[Found]) -> Found | None:
    if reference.kind == "name":
        antecedent = _by_surname(reference.key, history)
    else:
        antecedent = _by_pronoun(reference, history)
    if antecedent is None:
        return None
    own = ActorMention(
        antecedent.mention.code, None, (), reference.text, reference.span,
        reference.sentence, "", reference.head,
    )  # fmt: skip
    mention = borrow(own, antecedent.mention)
    if reference.kind == "others":  # of the same kind, but other people: not one actor
        mention = replace(mention, antecedent=None)
    return replace(antecedent, mention=mention)


def _unknown(reference: Reference, is_place: PlaceTest) -> Found | None:
    """A person or organisation named but in no dictionary, as an actor of unknown code;
    its rule names the entity type, the only evidence there is.  A proper name the
    recogniser gave no type is one too when it is its verb's sole active subject
    ("Papandreou agreed to resign"): what acts in news is an actor, and names of rare
    persons are what the recogniser misses most.  An "organisation" the
    gazetteer knows as a place is the recogniser's mistake ("protests spread to
    Harare"), unless written in capitals like an acronym ("the SDF")."""
    if reference.kind != "name":
        return None
    untyped = reference.subject and not reference.entity
    if reference.entity not in NAMED_ENTITIES and not untyped:
        return None
    if reference.entity != "PERSON" and not reference.text.isupper() and is_place(reference.text):
        return None
    rule = "name:subject" if untyped else f"entity:{reference.entity}"
    mention = ActorMention(
        UNKNOWN_ACTOR, None, (), reference.text, reference.span, reference.sentence,
        rule, reference.head,
    )  # fmt: skip
    return Found(mention, person=reference.entity == "PERSON")


def no_place(name: str) -> bool:
    """The place test of a caller without a gazetteer: no name is taken for a place."""
    return False


def resolve_mentions(
    found: Sequence[Found], references: Sequence[Reference], is_place: PlaceTest = no_place
) -> tuple[ActorMention, ...]:
    """Mentions of an article with references resolved, sorted by span.

    Everything is visited in text order, so a reference can only point back, and a
    resolved title or name can itself be the antecedent of a later pronoun.
    ``is_place`` tells names of places from those of actors no dictionary knows.
    """
    items: list[Found | Reference] = [*found, *references]
    items.sort(key=lambda item: item.mention.span if isinstance(item, Found) else item.span)
    history: list[Found] = []
    for item in items:
        if isinstance(item, Found):
            history.append(_resolve_found(item, history))
            continue
        resolved = _resolve_reference(item, history) or _unknown(item, is_place)
        if resolved is not None:
            history.append(resolved)
    history = [_headline_title(found, history) for found in history]
    return tuple(sorted((f.mention for f in history), key=lambda m: (m.span, m.code)))


HEADLINE_SENTENCES = 2
"""Sentences counted as the headline and caption, where a title can point forward."""


def _headline_title(found: Found, history: Sequence[Found]) -> Found:
    """ "Foreign secretary invites Lavrov" in a headline names the person the story
    introduces later ("UK Foreign Secretary Liz Truss"): a headline title that found
    no antecedent takes the first later mention with that title."""
    mention = found.mention
    if mention.country is not None or mention.sentence >= HEADLINE_SENTENCES or not found.titles:
        return found
    for later in history:
        if later.mention.span[0] <= mention.span[1] or later.mention.country is None:
            continue
        if any(_title_fits(t, other) for t in found.titles for other in later.titles if other):
            rule = f"cataphora:{later.mention.rule}"
            return replace(found, mention=replace(borrow(mention, later.mention), rule=rule))
    return found
