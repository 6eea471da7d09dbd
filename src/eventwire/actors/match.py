"""Longest dictionary matches over the tokens of a parsed paragraph.

Tokens and dictionary phrases are compared on the keys of
:mod:`eventwire.lexicon.actors_words`.  Inside a sentence the longest phrase wins
at each position, curated names before Phoenix actors before agents when equally long.
The last word may also match through its lemma or, for an actor name, a plural
ending ("Iraqis" for ``+IRAQI_``): TABARI's stop ``_`` forbade longer forms of a
word, and the plural of a demonym names the same actor.  Names (actors and curated
rows) must have a capital letter in the text, so "us", "turkey" or "chad" in lower
case name nobody; agents must end in a noun.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.lexicon.actors import ActorDictionary, ActorEntry, AgentEntry, Entry, Metonym
from eventwire.lexicon.actors_parse import NULL_CODES
from eventwire.lexicon.actors_words import word_keys

NOUNS = frozenset({"NOUN", "PROPN"})
"""An agent must end in a noun: "forces" the verb or "military" the adjective is no actor,
except in the one place where an adjective says who someone is (:func:`describes_subject`)."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Key:
    """A matching key of one token (a token may give several, or none)."""

    text: str
    lemma: str | None
    token: int
    capital: bool
    noun: bool


@dataclass(frozen=True)
class Hit:
    """A dictionary phrase found over tokens ``[start, end)`` of a doc.

    ``code`` is the code the entry gives on the article's day (for an agent its
    ``~`` code); ``None`` for PETRARCH's null code, which matches but codes nothing.
    ``also`` holds the further codes of an entry that names several actors at once
    (``[FRA/DEU]``).
    """

    start: int
    end: int
    entry: Entry
    code: str | None
    titles: tuple[tuple[str, ...], ...] = ()
    """Lemmas of the agent phrases inside the hit ("foreign minister" inside the
    Phoenix name "Russian Foreign Minister Sergey Lavrov"), for title resolution."""
    also: tuple[str, ...] = ()
    note: str = ""
    """How the entry was reached when not by its own words (a surname after a title)."""

    @property
    def rule(self) -> str:
        kind = {ActorEntry: "actor", AgentEntry: "agent", Metonym: "metonym"}[type(self.entry)]
        rule = f"{kind}:{self.entry.origin}:{self.entry.line} {self.entry.name}"
        return f"{rule} ({self.note})" if self.note else rule


@lru_cache(maxsize=1 << 16)
def _word_keys(text: str) -> tuple[str, ...]:
    """:func:`word_keys`, remembered: news repeats its words, and the regex is not free."""
    return tuple(word_keys(text))


TITLE_ABBREVIATIONS: Mapping[str, str] = {
    "gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general",
    "lt.": "lieutenant", "col.": "colonel", "maj.": "major", "capt.": "captain",
    "adm.": "admiral", "sgt.": "sergeant", "cmdr.": "commander", "brig.": "brigadier",
    "amb.": "ambassador", "pres.": "president", "sec.": "secretary", "atty.": "attorney",
    "supt.": "superintendent", "insp.": "inspector",
}  # fmt: skip
"""Abbreviated titles of news style ("Gov. Phil Murphy", "Sen. Mitch McConnell"), read as
the word the dictionaries list when a name follows."""


def _spelled_out(token: Token) -> str | None:
    """A title abbreviation before a name as its full word, else ``None``."""
    full = TITLE_ABBREVIATIONS.get(token.lower_)
    if full is None or token.i + 1 >= len(token.doc):
        return None
    return full if token.doc[token.i + 1].pos_ == "PROPN" else None


def sentence_keys(sentence: Span) -> list[Key]:
    """The keys of a sentence's tokens, punctuation that names may contain left out."""
    keys: list[Key] = []
    for token in sentence:
        spelled = _spelled_out(token)
        texts = _word_keys(spelled or token.text)
        lemma = None
        if spelled is not None:
            lemma = texts[0] if len(texts) == 1 else None
        elif len(texts) == 1:
            lemmas = _word_keys(token.lemma_)
            lemma = lemmas[0] if len(lemmas) == 1 else None
        capital = token.text[:1].isupper()
        noun = token.pos_ in NOUNS or describes_subject(token)
        keys.extend(Key(text, lemma, token.i, capital, noun) for text in texts)
    return keys


def describes_subject(token: Token) -> bool:
    """An adjective of a common-noun subject: "official sources said", "the official
    news agency reported".  Who acts is then only told by the adjective, while
    elsewhere ("an official visit", "military aid") it names no one."""
    head = token.head
    return (
        token.pos_ == "ADJ"
        and token.dep_ == "amod"
        and head.pos_ == "NOUN"
        and head.dep_ in SUBJECT_DEPS
    )


def _last_fits(entry: Entry, word: str, key: Key) -> bool:
    if key.text == word or key.lemma == word:
        return True
    return isinstance(entry, ActorEntry) and key.text in (word + "s", word + "es")


def _fits(entry: Entry, keys: Sequence[Key], at: int) -> bool:
    words = entry.words
    if at + len(words) > len(keys):
        return False
    for offset, word in enumerate(words[:-1]):
        if keys[at + offset].text != word:
            return False
    if not _last_fits(entry, words[-1], keys[at + len(words) - 1]):
        return False
    if isinstance(entry, AgentEntry):
        return keys[at + len(words) - 1].noun
    return any(key.capital for key in keys[at : at + len(words)])


def _code(entry: Entry, day: dt.date | None) -> tuple[bool, tuple[str, ...]]:
    """Whether the entry applies on ``day``, and the codes it then gives: none for the
    null code, several for a name of several actors (``[FRA/DEU]``)."""
    if isinstance(entry, ActorEntry):
        code = entry.code_on(day)
        if code is None:
            return False, ()
        return True, () if code in NULL_CODES else tuple(code.split("/"))
    return True, (entry.code,)


def _first_keys(key: Key) -> Iterator[str]:
    yield key.text
    if key.lemma is not None and key.lemma != key.text:
        yield key.lemma
    if key.text.endswith("s"):
        yield key.text[:-1]
        if key.text.endswith("es"):
            yield key.text[:-2]


@dataclass(frozen=True)
class _PairIndex:
    """The dictionary's entries by first *two* words, for :func:`_candidates`.

    ``pairs`` holds phrases of two words or more, ``singles`` one-word phrases; each
    entry comes with its position in ``starting_with(first)``, so candidates can be put
    back in the dictionary's own order (longest first, curated before Phoenix).
    """

    pairs: Mapping[tuple[str, str], tuple[tuple[int, Entry], ...]]
    singles: Mapping[str, tuple[tuple[int, Entry], ...]]


@lru_cache(maxsize=4)
def pair_index(dictionary: ActorDictionary) -> _PairIndex:
    """Built once per dictionary (hashed by identity): a common first word ("minister",
    "national") starts hundreds of phrases, and most are ruled out by the second word."""
    pairs: dict[tuple[str, str], list[tuple[int, Entry]]] = {}
    singles: dict[str, list[tuple[int, Entry]]] = {}
    for first, entries in dictionary.index.items():
        for position, entry in enumerate(entries):
            if len(entry.words) == 1:
                singles.setdefault(first, []).append((position, entry))
            else:
                pairs.setdefault((first, entry.words[1]), []).append((position, entry))
    return _PairIndex(
        {key: tuple(found) for key, found in pairs.items()},
        {key: tuple(found) for key, found in singles.items()},
    )


def _candidates(
    keys: Sequence[Key], at: int, first: str, dictionary: ActorDictionary
) -> list[Entry]:
    """The entries of ``starting_with(first)`` that can fit at key ``at``, in its order.

    Only entries whose second word is a spelling :func:`_last_fits` (or an exact
    middle word) accepts for the next key are kept; :func:`_fits` still decides.
    """
    index = pair_index(dictionary)
    singles = index.singles.get(first, ())
    found: list[tuple[int, Entry]] = []
    if first == keys[at].text and at + 1 < len(keys):
        for second in dict.fromkeys(_first_keys(keys[at + 1])):
            found.extend(index.pairs.get((first, second), ()))
    if found:
        found.extend(singles)
        found.sort(key=lambda pair: pair[0])
        return [entry for _position, entry in found]
    return [entry for _position, entry in singles]


def best_hit(
    keys: Sequence[Key], at: int, dictionary: ActorDictionary, day: dt.date | None
) -> tuple[Hit, int] | None:
    """The longest entry that starts at key ``at``, with the number of keys it spans."""
    best: tuple[int, int, bool, Entry, tuple[str, ...]] | None = None
    for first in dict.fromkeys(_first_keys(keys[at])):
        for entry in _candidates(keys, at, first, dictionary):
            if best is not None and len(entry.words) < best[0]:
                break
            if not _fits(entry, keys, at):
                continue
            applies, codes = _code(entry, day)
            rank = (len(entry.words), -_rank(entry), _in_office(entry, day))
            if applies and (best is None or rank > best[:3]):
                best = (*rank, entry, codes)
    if best is None:
        return None
    width, _, _, entry, codes = best
    start, end = keys[at].token, keys[at + width - 1].token + 1
    return Hit(start, end, entry, codes[0] if codes else None, also=codes[1:]), width


def _in_office(entry: Entry, day: dt.date | None) -> bool:
    """Whether a dated code of the entry covers ``day``: of two people listed under one
    name ("President Bush"), the one holding an office that day is meant, not the
    other one's undated default."""
    if day is None or not isinstance(entry, ActorEntry):
        return False
    return any(code.dated and code.covers(day) for code in entry.codes)


def _rank(entry: Entry) -> int:
    return {Metonym: 0, ActorEntry: 1, AgentEntry: 2}[type(entry)]


def _lemmas(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(token.lemma_.lower() for token in doc[start:end] if not token.is_punct)


def titles_within(
    doc: Doc, keys: Sequence[Key], start: int, end: int, dictionary: ActorDictionary
) -> tuple[tuple[str, ...], ...]:
    """Lemmas of every agent phrase found among ``keys[start:end]``."""
    found: list[tuple[str, ...]] = []
    for at in range(start, end):
        for entry in _candidates(keys, at, keys[at].text, dictionary):
            width = len(entry.words)
            if isinstance(entry, AgentEntry) and at + width <= end and _fits(entry, keys, at):
                found.append(_lemmas(doc, keys[at].token, keys[at + width - 1].token + 1))
                break
    return tuple(dict.fromkeys(found))


def match_sentence(sentence: Span, dictionary: ActorDictionary, day: dt.date | None) -> list[Hit]:
    """Non-overlapping longest matches, left to right."""
    keys = sentence_keys(sentence)
    doc = sentence.doc
    hits: list[Hit] = []
    at = 0
    while at < len(keys):
        found = best_hit(keys, at, dictionary, day)
        if found is None:
            at += 1
            continue
        hit, width = found
        if stance_toward(doc, hit.start):
            at += width
            continue
        titles: tuple[tuple[str, ...], ...]
        if isinstance(hit.entry, AgentEntry):
            titles = (_lemmas(doc, hit.start, hit.end),)
        else:
            titles = titles_within(doc, keys, at, at + width, dictionary)
        hits.append(replace(hit, titles=titles))
        at += width
    return hits


STANCE_PREFIXES = frozenset({"pro", "anti"})
"""Prefixes that make a name the object of a stance: "the pro-Iranian Hizbollah" is
no Iranian group, "anti-government protesters" are no government."""


def stance_toward(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows "pro-" or "anti-", so it tells what its
    phrase is for or against, not who the phrase is (dictionary phrases that begin
    with the prefix, "anti-government activists", start before it and still match)."""
    if start < 2 or doc[start - 1].text != "-":
        return False
    prefix = doc[start - 2]
    return prefix.lower_ in STANCE_PREFIXES and prefix.idx + len(prefix.text) == doc[start - 1].idx


def match_doc(doc: Doc, dictionary: ActorDictionary, day: dt.date | None) -> list[Hit]:
    """All matches of a doc, sentence by sentence so none crosses a sentence end."""
    return [hit for sent in doc.sents for hit in match_sentence(sent, dictionary, day)]
