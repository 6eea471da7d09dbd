"""The actor stage: every actor mention of a parsed article, resolved and explained.

Per paragraph: dictionary hits (:mod:`eventwire.actors.match`, and a listed surname
after a title, :mod:`eventwire.actors.surnames`), grouped into one
mention per noun phrase (:mod:`eventwire.actors.compose`), person names in apposition
to a mention ("Sergey Lavrov, Russia's foreign minister"), then pronouns and bare
names as references; across the article, references and bare titles are resolved
(:mod:`eventwire.actors.resolve`).  spaCy's entities only delimit names; codes come
from the dictionaries alone (a person or organisation they do not know is kept with
CAMEO's unknown code ``---``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

import numpy
from spacy.attrs import ENT_TYPE, POS
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from eventwire.actors.compose import Found, Place, build_found, group_hits
from eventwire.actors.match import match_doc
from eventwire.actors.of_country import of_country
from eventwire.actors.resolve import (
    NAMED_ENTITIES,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    PlaceTest,
    Reference,
    no_place,
    resolve_mentions,
)
from eventwire.actors.surnames import titled_surnames
from eventwire.events.modality import REPORTING_VERBS
from eventwire.lexicon.actors import ActorDictionary
from eventwire.model import ActorMention
from eventwire.parse import ParsedArticle, tokens_with_pos


def sentence_numbers(doc: Doc, first: int) -> tuple[int, ...]:
    """Article sentence index of each token, numbered as :mod:`eventwire.parse` does."""
    numbers = [first] * len(doc)
    index = first
    for sent in doc.sents:
        if not sent.text.strip():
            for token in sent:
                numbers[token.i] = max(first, index - 1)
            continue
        for token in sent:
            numbers[token.i] = index
        index += 1
    return tuple(numbers)


NAME_STARTS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM"})
"""Parts of speech a name may begin with ("The Moscow Times", "Indian Medical ...")."""


SUBJECT_DEPS = frozenset({"nsubj"})
"""The agent's place: a passive subject is as often a thing done to ("Operation Ganga
was launched")."""


def _sole_subject(token: Token) -> bool:
    """The verb's only subject: a second one is the parser's misreading of a name
    inside the other ("the official news agency WFNA said")."""
    if token.dep_ not in SUBJECT_DEPS:
        return False
    return not any(c.dep_ in SUBJECT_DEPS and c.i != token.i for c in token.head.children)


TITLE_CASE_SHARE = 0.7


def _title_case(sentence: Span) -> bool:
    """A headline in title case ("WEF Insider Reveals How ..."), where the tagger calls
    every word a proper noun and a subject's name proves nothing."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    capitals = sum(t.text[0].isupper() for t in words)
    return len(words) >= 3 and capitals >= TITLE_CASE_SHARE * len(words)


def _covered(found: Iterable[Found]) -> set[int]:
    return {i for item in found for i in range(item.tokens[0], item.tokens[1])}


def _name_span(token: Token) -> Span:
    """The name of a person or organisation a token ends or belongs to (its entity,
    else its PROPN run).  An entity's leading words that cannot begin a name are left
    out: the recogniser reads "Later Truss" as one organisation."""
    doc = token.doc
    if token.ent_type_ in NAMED_ENTITIES:
        # the entity read off the IOB tags: doc.ents would build every entity of the doc
        first, last = token.i, token.i + 1
        while doc[first].ent_iob_ == "I" and first > 0:
            first -= 1
        while last < len(doc) and doc[last].ent_iob_ == "I":
            last += 1
        while first < token.i and doc[first].pos_ not in NAME_STARTS:
            first += 1
        return doc[first:last]
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].head == token:
        start -= 1
    return token.doc[start : token.i + 1]


def _apposed_name(head: Token) -> Token | None:
    """A proper name in apposition with a mention's head, either way round.

    It is taken as a person's name when NER says so, or when the mention is a person
    (a title) and NER gives the name no other type."""
    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return head.head
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    return None


def _appositions(doc: Doc, found: list[Found], place: Place) -> list[Found]:
    """Names in apposition become mentions of their own, and give their surname."""
    covered = _covered(found)
    out: list[Found] = []
    for item in found:
        name = _apposed_name(doc[item.tokens[2]])
        if name is None or name.i in covered or item.mention.country is None:
            out.append(item)
            continue
        if name.ent_type_ != "PERSON" and not (item.person and name.ent_type_ == ""):
            out.append(item)
            continue
        span = _name_span(name)
        start = place.offset + span.start_char
        mention = replace(
            item.mention, text=span.text, span=(start, place.offset + span.end_char),
            rule=f"appos:{item.mention.rule}", head=place.offset + name.idx,
            sentence=place.sentence_of[name.i],
        )  # fmt: skip
        surname = name.lower_
        out.append(replace(item, surname=item.surname or surname))
        tokens = (span.start, span.end, name.i)
        out.append(Found(mention, item.titles, surname, True, False, tokens))
        covered.update(range(span.start, span.end))
    return out


def _acronym(token: Token) -> bool:
    """ "The FLN claimed responsibility", "ICE returned the paintings": the tagger often
    calls an organisation's acronym a common noun, and the recogniser may give it an
    organisation's type or none; a word in capitals that is its verb's sole subject
    is a name all the same.  Only as a subject is it taken for one ("the country's
    COVID-19 recovery" names none), and not when the recogniser gives it another type
    (a place, a product)."""
    return (
        token.pos_ == "NOUN" and token.ent_type_ in NAMED_ENTITIES | {""}
        and len(token.text) > 1 and token.text.isalpha() and token.text.isupper()
        and _sole_subject(token)
    )


def _acronyms(doc: Doc) -> list[Token]:
    """The doc's acronyms (:func:`_acronym`), found among its common nouns in capitals
    from spaCy's arrays: most docs have none."""
    rows = doc.to_array([POS, ENT_TYPE])
    types = [doc.vocab.strings[label] for label in NAMED_ENTITIES] + [0]
    found = numpy.flatnonzero((rows[:, 0] == NOUN) & numpy.isin(rows[:, 1], types))
    return [doc[int(i)] for i in found if doc[int(i)].is_upper and _acronym(doc[int(i)])]


def _name_end(token: Token) -> bool:
    """Whether a token ends a proper name.  Any proper noun counts, whatever its entity
    type: NER often misses or mislabels a bare surname, and a name only becomes a
    mention when an earlier mention of a person has that surname."""
    if token.pos_ != "PROPN" and not _acronym(token):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is None or following.pos_ != "PROPN" or following.ent_iob_ == "B"


def _pronoun_kind(token: Token) -> str:
    if token.pos_ != "PRON":
        return ""
    if token.lower_ in PERSON_PRONOUNS:
        return "person"
    return "plural" if token.lower_ in PLURAL_PRONOUNS else ""


def _counted_others(doc: Doc, covered: set[int]) -> list[Token]:
    """ "killed one soldier and wounded two others": a counted "others" is more of the
    kind just named, so it refers back as a pronoun does (a bare "and others" says too
    little of whom)."""
    return [
        t for t in doc
        if t.lower_ == "others" and t.i not in covered
        and any(c.dep_ == "nummod" for c in t.children)
    ]


def _governing_subject(pronoun: Token) -> Token | None:
    """The subject of the reporting verb whose clause a subject pronoun opens: "X said
    they would ..." reports X's own plans.  Other clauses carry no such default
    ("rebels killed soldiers after they refused to surrender": the soldiers refused),
    so they are left to the latest fitting mention."""
    if pronoun.dep_ != "nsubj":
        return None  # "X said Y was freed when he ...": whom it befell, not X
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    if clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    found = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found[0] if len(found) == 1 and found[0].i < pronoun.i else None


def _governor(pronoun: Token, offset: int) -> tuple[int, int, int] | None:
    """The governing subject's head offset, and its phrase's span when plural."""
    subject = _governing_subject(pronoun)
    if subject is None:
        return None
    head = offset + subject.idx
    if subject.tag_ not in ("NNS", "NNPS"):
        return head, head, head
    words = list(subject.subtree)
    return head, offset + words[0].idx, offset + words[-1].idx + len(words[-1])


def _references(doc: Doc, covered: set[int], place: Place) -> list[Reference]:
    found: list[Reference] = []
    pronouns = tokens_with_pos(doc, PRON)  # only pronouns and proper nouns can refer
    names = sorted(tokens_with_pos(doc, PROPN) + _acronyms(doc), key=lambda t: t.i)
    for token in pronouns:
        if token.i in covered:
            continue
        kind = _pronoun_kind(token)
        if kind:
            span = (place.offset + token.idx, place.offset + token.idx + len(token))
            sentence = place.sentence_of[token.i]
            found.append(Reference(
                kind, token.lower_, token.text, span, span[0], sentence,
                governor=_governor(token, place.offset),
            ))
    for token in _counted_others(doc, covered):
        span = (place.offset + token.idx, place.offset + token.idx + len(token))
        found.append(Reference("others", "others", token.text, span, span[0],
                               place.sentence_of[token.i]))
    for token in names:
        if _name_end(token) and token.i not in covered:
            span_of = _name_span(token)
            if covered.intersection(range(span_of.start, span_of.end)):
                continue
            span = (place.offset + span_of.start_char, place.offset + span_of.end_char)
            sentence = place.sentence_of[token.i]
            head = place.offset + token.idx
            subject = _sole_subject(token) and not _title_case(token.sent)
            found.append(Reference(
                "name", token.lower_, span_of.text, span, head, sentence, token.ent_type_,
                subject,
            ))
    return found


def scan_doc(
    doc: Doc, dictionary: ActorDictionary, day: dt.date | None, place: Place
) -> tuple[list[Found], list[Reference]]:
    """Mentions and references of one paragraph's doc, before resolution."""
    found: list[Found] = []
    matched = titled_surnames(doc, match_doc(doc, dictionary, day), dictionary, day)
    for head, hits in group_hits(doc, matched):
        item = build_found(doc, head, hits, place)
        if item is not None:
            found.append(item)
    found = _appositions(doc, found, place)
    found = of_country(doc, found)
    return found, _references(doc, _covered(found), place)


def find_in_doc(
    doc: Doc, dictionary: ActorDictionary, day: dt.date | None = None
) -> tuple[ActorMention, ...]:
    """Mentions of a single doc, spans relative to the doc (for the spaCy component)."""
    place = Place(0, sentence_numbers(doc, 0))
    found, references = scan_doc(doc, dictionary, day, place)
    return resolve_mentions(found, references)


def find_actors(
    parsed: ParsedArticle, dictionary: ActorDictionary, date: dt.date | None,
    is_place: PlaceTest = no_place,
) -> tuple[ActorMention, ...]:
    """Every actor mention of an article, sorted by span.

    ``date`` chooses among date-limited dictionary codes (a minister's term); without
    it each entry's default code is used.  ``is_place`` (a gazetteer lookup) keeps
    place names the entity recogniser takes for organisations from becoming actors.
    """
    found: list[Found] = []
    references: list[Reference] = []
    for paragraph in parsed.paragraphs:
        place = Place(paragraph.offset, sentence_numbers(paragraph.doc, paragraph.first_sentence))
        more, refs = scan_doc(paragraph.doc, dictionary, date, place)
        found.extend(more)
        references.extend(refs)
    return resolve_mentions(found, references, is_place)
