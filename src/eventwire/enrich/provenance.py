"""Provenance and voice: who asserts each sentence and each event.

Every chain starts with the outlet.  A sentence in quotation marks adds whoever the
quotation is attributed to (an organization and the document it spoke through, or a
person); reported speech ("X said that ...") adds the reporting subject; speech
reported inside a quotation adds its own speaker after the quotation's.  A sentence
that nobody but the outlet asserts has ``voice: outlet``: that is the outlet's own
reporting or commentary, which users may want to keep apart from what it quotes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.enrich.quotes import (
    Chain,
    QuoteSpan,
    TellerMemory,
    is_speech_verb,
    paragraph_quotes,
    teller_chain,
)
from eventwire.events.speech import reporting_verb
from eventwire.model import (
    ActorMention,
    Article,
    ProvenanceLink,
    Sentence,
    SentenceContext,
    Span,
    Speaker,
)
from eventwire.parse import ParsedArticle, ParsedParagraph

OUTLET = "outlet"
QUOTED = "quoted"
REPORTED = "reported"


@dataclass(frozen=True)
class Voice:
    """How one event or sentence is told: voice, chain (outlet first), speaker."""

    voice: str
    provenance: tuple[ProvenanceLink, ...]
    speaker: Speaker | None = None


def outlet_link(article: Article) -> ProvenanceLink:
    """The outermost teller: the outlet from metadata or dateline, else unnamed."""
    name = article.outlet or (article.dateline.outlet if article.dateline else None)
    return ProvenanceLink(OUTLET, name or "", None, None)


def speaker_of(chain: Chain) -> Speaker | None:
    """The innermost person or organization of a chain (else its document) as a speaker."""
    tellers = [link for link in chain if link.kind != OUTLET and link.span is not None]
    named = [link for link in tellers if link.kind != "document"] or tellers
    if not named:
        return None
    link = named[-1]
    assert link.span is not None
    return Speaker(text=link.text, span=link.span, code=link.code)


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass(frozen=True)
class ArticleVoices:
    """The tellers of one article, resolved in reading order."""

    outlet: ProvenanceLink
    verbs: dict[tuple[int, int], Chain]
    """Chains of speech verbs, keyed by (paragraph, token index)."""
    verb_spans: tuple[tuple[Span, Chain], ...]
    quotes: tuple[QuoteSpan, ...]

    def _voice(self, voice: str, chain: Chain) -> Voice:
        full = (self.outlet, *chain)
        return Voice(voice, full, speaker_of(full))

    def _quote_at(self, position: int) -> QuoteSpan | None:
        return next((q for q in self.quotes if q.span[0] <= position < q.span[1]), None)

    def for_trigger(self, para: ParsedParagraph, token: Token) -> Voice:
        """The voice of the event whose trigger is ``token``."""
        position = para.offset + token.idx
        verb = reporting_verb(token, ("ccomp", "parataxis", "xcomp"))
        inner = self.verbs.get((para.index, verb.i), ()) if verb is not None else ()
        quote = self._quote_at(position)
        if quote is not None:
            within = verb is not None and self._quote_at(para.offset + verb.idx) is quote
            return self._voice(QUOTED, quote.chain + (inner if within else ()))
        if inner:
            return self._voice(REPORTED, inner)
        own = self.verbs.get((para.index, token.i), ())
        if own:
            return self._voice(REPORTED, own)
        return self._voice(OUTLET, ())

    def for_sentence(self, sentence: Sentence) -> Voice:
        """The voice of a sentence: quoted when mostly inside a quotation."""
        span = sentence.span
        length = max(1, span[1] - span[0])
        for quote in self.quotes:
            if 2 * _overlap(quote.span, span) >= length:
                inner = next((c for s, c in self.verb_spans
                              if span[0] <= s[0] < span[1] and quote.span[0] <= s[0] < quote.span[1]
                              and c), ())
                return self._voice(QUOTED, quote.chain + inner)
        for verb_span, chain in self.verb_spans:
            if span[0] <= verb_span[0] < span[1] and chain and not self._quote_at(verb_span[0]):
                return self._voice(REPORTED, chain)
        for quote in self.quotes:
            if _overlap(quote.span, span) and quote.chain:
                return self._voice(REPORTED, quote.chain)
        return self._voice(OUTLET, ())

    def sentence_contexts(
        self, sentences: Sequence[Sentence], tones: Mapping[int, float]
    ) -> tuple[SentenceContext, ...]:
        """Each sentence's voice, with its tone from ``tones`` (by sentence index)."""
        contexts = []
        for sentence in sentences:
            voice = self.for_sentence(sentence)
            contexts.append(SentenceContext(sentence.index, voice.voice, voice.provenance,
                                            tones[sentence.index]))
        return tuple(contexts)


def article_voices(parsed: ParsedArticle, mentions: Sequence[ActorMention]) -> ArticleVoices:
    """Resolve every speech verb and quotation of the article, in reading order."""
    memory = TellerMemory(mentions=tuple(mentions))
    verbs: dict[tuple[int, int], Chain] = {}
    spans: list[tuple[Span, Chain]] = []
    quotes: list[QuoteSpan] = []
    for para in parsed.paragraphs:
        local: dict[int, Chain] = {}
        for token in para.verbs:
            if is_speech_verb(token):
                chain = teller_chain(token, para.offset, memory)
                local[token.i] = chain
                start = para.offset + token.idx
                spans.append(((start, start + len(token.text)), chain))
        quotes.extend(paragraph_quotes(para, memory, local))
        verbs.update({(para.index, i): chain for i, chain in local.items()})
    return ArticleVoices(outlet_link(parsed.article), verbs, tuple(spans), tuple(quotes))
