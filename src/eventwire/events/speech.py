"""Reported speech and quotations: who is speaking when an event is coded.

News rarely states an event in its own voice; it reports that someone said it.  Two
forms matter: indirect speech ("Truss said that Russia needed to withdraw"), where
the speaker is the subject of the reporting verb above the event, and quotations
("'...,' it said."), where the speaker is named once by an attribution outside the
quote marks and covers every sentence inside them.  A pronoun speaker ("it said")
takes the most recent named, non-personal speaker of the article, which is how wires
refer back to a press release or a ministry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.symbols import AUX, VERB
from spacy.tokens import Token

from eventwire.events.modality import REPORTING_VERBS
from eventwire.model import Speaker
from eventwire.parse import ParsedParagraph

QUOTE_PAIRS = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
NOT_SPEAKERS = frozenset({"that", "this", "which", "what", "there"})
"""Subjects of "that said", "this means" and the like, which name no speaker."""
VERBAL = frozenset({VERB, AUX})
"""Part-of-speech ids of verbs, compared as ids: the cheap test goes first in token scans."""
_OPENERS = re.compile('["\u201c\u00ab]')


@dataclass(frozen=True)
class Quote:
    """A quoted stretch of a paragraph (doc offsets) and who the text says said it."""

    start: int
    end: int
    speaker: Speaker | None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, quote marks included; unclosed quotes run on."""
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        opener = _OPENERS.search(text, position)
        if opener is None:
            return spans
        closer = QUOTE_PAIRS[opener.group()]
        end = text.find(closer, opener.end())
        end = len(text) if end < 0 else end + 1
        spans.append((opener.start(), end))
        position = end


def inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _subject_phrase(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def speaker_from_verb(verb: Token, offset: int) -> Speaker | None:
    """The subject of a reporting verb as a speaker (article offsets)."""
    subject = _subject_phrase(verb)
    if subject is None or subject.lower_ in NOT_SPEAKERS:
        return None
    left, right = subject.left_edge, subject.right_edge
    start, end = left.idx, right.idx + len(right.text)
    # the span's own text, not a slice of doc.text, which spaCy rebuilds token by token
    text = verb.doc[left.i : right.i + 1].text
    return Speaker(text=text, span=(offset + start, offset + end))


def _reporting_verbs(
    verbs: Sequence[Token], spans: Sequence[tuple[int, int]]
) -> list[Token]:
    """The reporting verbs of a paragraph outside its quotes, found once per paragraph."""
    return [
        token for token in verbs
        if token.lemma_.lower() in REPORTING_VERBS
        and not inside(spans, token.idx, token.idx + len(token.text))
    ]  # fmt: skip


def _attribution(verbs: Sequence[Token], length: int, quote: tuple[int, int]) -> Token | None:
    """The reporting verb outside quotes that is nearest after (else before) a quote;
    ``length`` is the paragraph's length in characters."""
    best: Token | None = None
    best_distance = length + 1
    for token in verbs:
        after = token.idx >= quote[1]
        distance = token.idx - quote[1] if after else (quote[0] - token.idx) * 2
        if 0 <= distance < best_distance:
            best, best_distance = token, distance
    return best


def find_quotes(para: ParsedParagraph) -> list[Quote]:
    """Quotations of one paragraph with their attributed speakers."""
    text, offset = para.text, para.offset
    spans = quote_spans(text)
    quotes: list[Quote] = []
    verbs = _reporting_verbs(para.verbs, spans) if spans else []
    for span in spans:
        if span[1] - span[0] < 12:  # scare quotes around a word or two are not speech
            continue
        verb = _attribution(verbs, len(text), span)
        speaker = speaker_from_verb(verb, offset) if verb is not None else None
        quotes.append(Quote(span[0], span[1], speaker))
    return quotes


def reporting_verb(
    token: Token, relations: tuple[str, ...] = ("ccomp", "parataxis")
) -> Token | None:
    """The reporting verb whose complement holds ``token`` ("said that ..."), if any."""
    node = token
    while node.head.i != node.i:
        parent = node.head
        if node.dep_ in relations and parent.lemma_.lower() in REPORTING_VERBS:
            return parent
        node = parent
    return None


def reporting_speaker(token: Token, offset: int) -> Speaker | None:
    """The speaker of indirect speech governing ``token``, if any."""
    verb = reporting_verb(token, ("ccomp", "parataxis", "xcomp"))
    return speaker_from_verb(verb, offset) if verb is not None else None


def is_pronoun(speaker: Speaker) -> bool:
    return speaker.text.lower() in PRONOUNS
