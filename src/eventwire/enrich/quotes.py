"""Who is speaking: tellers of quotations and of reported speech, resolved to actors.

The event stage's :mod:`eventwire.events.speech` finds quotations and the reporting
verb that attributes each.  This module turns the words that name a speaker into a
*teller chain*: "the Foreign Office said in a press release" is the organization and
then its document; a later "the release said" or "it said" goes back to that chain;
"he said" goes back to the last person who spoke.  A short quotation inside a clause
("X branded it an 'empty and groundless' escalation") belongs to the subject of the
verb it hangs from.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from spacy.tokens import Doc, Token

from eventwire.events.modality import REPORTING_VERBS
from eventwire.events.speech import NOT_SPEAKERS, VERBAL, find_quotes, inside, quote_spans
from eventwire.model import ActorMention, ProvenanceLink, Span
from eventwire.parse import ParsedParagraph

DOCUMENT_WORDS: Final = frozenset({
    "release", "statement", "report", "document", "communique", "communiqué", "letter",
    "memo", "announcement", "bulletin", "declaration", "resolution", "decree", "readout",
    "transcript", "interview", "notice", "post", "tweet", "message", "article", "editorial",
    "website", "site", "paper", "briefing", "filing", "complaint", "indictment", "ruling",
})  # fmt: skip
PERSON_WORDS: Final = frozenset({
    "secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "president",
    "premier", "chancellor", "ambassador", "envoy", "official", "officer", "leader",
    "commander", "general", "chief", "head", "governor", "mayor", "senator", "lawmaker",
    "diplomat", "adviser", "advisor", "aide", "analyst", "witness", "resident", "source",
    "king", "queen", "prince", "pope", "director", "chairman", "chairwoman", "prosecutor",
})  # fmt: skip
SPEECH_LEMMAS: Final = REPORTING_VERBS | frozenset({
    "brand", "call", "describe", "label", "term", "dismiss", "quote", "tell",
})  # fmt: skip
PERSON_PRONOUNS: Final = frozenset({"he", "she", "him", "her", "i"})
THING_PRONOUNS: Final = frozenset({"it", "they", "we"})

Chain = tuple[ProvenanceLink, ...]


@dataclass(frozen=True)
class QuoteSpan:
    """A direct quotation (article offsets) and the chain of who said it."""

    span: Span
    chain: Chain


@dataclass
class TellerMemory:
    """The last organization, document and person chains, for "it" and "the release".

    Lives for one article, while its paragraphs are read in order.
    """

    thing: Chain = ()
    person: Chain = ()
    document: Chain = ()
    mentions: Sequence[ActorMention] = field(default=())

    def code_in(self, span: Span) -> str | None:
        """The code of the actor named in ``span``; one with a country wins over "---GOV"."""
        inside = [m for m in self.mentions if span[0] <= m.span[0] and m.span[1] <= span[1]]
        inside.sort(key=lambda m: (m.country is None, -(m.span[1] - m.span[0])))
        return inside[0].code if inside else None

    def remember(self, chain: Chain) -> Chain:
        if chain:
            kinds = {link.kind for link in chain}
            if "document" in kinds:
                self.document = chain
            if chain[-1].kind == "person":
                self.person = chain
            else:
                self.thing = chain
        return chain


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, taking it from the first conjunct ("he denied and warned")."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _kind(head: Token) -> str:
    lemma = head.lemma_.lower()
    if lemma in DOCUMENT_WORDS:
        return "document"
    if head.ent_type_ == "PERSON" or lemma in PERSON_WORDS or head.lower_ in PERSON_PRONOUNS:
        return "person"
    return "organization"


def _document_of(verb: Token, offset: int, memory: TellerMemory, code: str | None) -> Chain:
    """ "said *in a press release*": the document an organization spoke through."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "through"):
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in DOCUMENT_WORDS:
                left = noun.left_edge
                start, end = left.idx, noun.idx + len(noun.text)
                text = verb.doc[left.i : noun.i + 1].text
                return (ProvenanceLink("document", text, code, (offset + start, offset + end)),)
    return ()


def teller_chain(verb: Token, offset: int, memory: TellerMemory) -> Chain:
    """The chain of who speaks through ``verb``'s subject; resolves pronouns and "the release"."""
    subject = _subject(verb)
    if subject is None or subject.lower_ in NOT_SPEAKERS:
        return ()
    lower = subject.lower_
    if lower in PERSON_PRONOUNS:
        return memory.person
    if lower in THING_PRONOUNS:
        return memory.thing
    kind = _kind(subject)
    if kind == "document" and memory.document and any(
        c.lower_ in ("the", "this") for c in subject.children
    ):
        return memory.remember(memory.document)
    left, right = subject.left_edge, subject.right_edge
    start, end = left.idx, right.idx + len(right.text)
    span = (offset + start, offset + end)
    link = ProvenanceLink(kind, verb.doc[left.i : right.i + 1].text, memory.code_in(span), span)
    return memory.remember((link, *_document_of(verb, offset, memory, link.code)))


def _fragment_governor(doc: Doc, start: int, end: int) -> Token | None:
    """The verb outside a quotation that the quoted words hang from, if any."""
    span = doc.char_span(start, end, alignment_mode="expand")
    for token in doc if span is None else span:
        if not start < token.idx < end:
            continue
        node = token
        while node.head.i != node.i and start <= node.head.idx < end:
            node = node.head
        head = node.head
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") and not start <= head.idx < end:
                return head
            if head.head.i == head.i:
                return None
            head = head.head
        return None
    return None


def paragraph_quotes(
    para: ParsedParagraph, memory: TellerMemory, verb_chains: dict[int, Chain]
) -> list[QuoteSpan]:
    """The paragraph's quotations with their chains.

    ``verb_chains`` holds the chains of the paragraph's speech verbs outside quotes,
    already resolved in text order; a verb not among them is resolved now.
    """
    found: list[QuoteSpan] = []
    doc, offset = para.doc, para.offset
    spans = quote_spans(para.text)
    quotes = find_quotes(para)
    outside = [t for t in para.verbs if is_speech_verb(t)
               and not inside(spans, t.idx, t.idx + len(t.text))] if quotes else []
    for quote in quotes:
        verb = _attribution_verb(doc, quote.start, quote.end, outside)
        chain: Chain = ()
        if verb is not None:
            chain = verb_chains.get(verb.i) or teller_chain(verb, offset, memory)
        found.append(QuoteSpan((offset + quote.start, offset + quote.end), chain))
    return found


def is_speech_verb(token: Token) -> bool:
    return token.pos in VERBAL and token.lemma_.lower() in SPEECH_LEMMAS


def _attribution_verb(doc: Doc, start: int, end: int, outside: Sequence[Token]) -> Token | None:
    """The speech verb a quotation belongs to: the verb it is part of, else the
    nearest of the paragraph's speech verbs ``outside`` quotes after it (else before it)."""
    sentence_start = doc.char_span(start, end, alignment_mode="expand")
    governor = _fragment_governor(doc, start, end)
    if governor is not None and sentence_start is not None:
        sent = sentence_start[0].sent
        if sent.start_char < start and _subject(governor) is not None:
            return governor
    best: Token | None = None
    best_distance = sys.maxsize
    for token in outside:
        after = token.idx >= end
        distance = token.idx - end if after else (start - token.idx) * 2
        if 0 <= distance < best_distance:
            best, best_distance = token, distance
    return best
