"""Parsing: spaCy over the paragraphs of each article, in batches.

Each paragraph becomes its own ``Doc`` so that no sentence can cross a paragraph
break and so that a wire story's title, caption and body are parsed apart.  The docs
of one article are kept together with the character offset of each paragraph, which
is all a later stage needs to turn token positions into spans of ``Article.text``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy
import spacy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from eventwire.errors import ModelNotFound
from eventwire.model import Article, Sentence

MAX_PARAGRAPH_CHARS = 100_000
"""Longer paragraphs are cut at whitespace into pieces: spaCy's memory grows with
the length of a doc, and no real paragraph is this long."""

BATCH_CHARS = 40_000
"""A spaCy batch ends at this many characters even before ``batch_size`` docs: the
parser's memory grows with the words of a batch (about 20 MB per thousand), while
batches longer than a few thousand words parse no faster.  Articles that are one
long paragraph would otherwise make batches of hundreds of thousands of words."""


VERBAL_POS = (VERB, AUX)


def tokens_with_pos(doc: Doc, *tags: int) -> list[Token]:
    """The doc's tokens with one of these part-of-speech ids, in text order, found from
    spaCy's arrays: a scan of every token in Python costs more than the stage's work."""
    found = numpy.flatnonzero(numpy.isin(doc.to_array("POS"), tags))
    return [doc[int(i)] for i in found]


@dataclass(frozen=True)
class ParsedParagraph:
    """One paragraph's parse; ``offset`` maps ``doc`` offsets to article offsets.

    ``text`` is kept because ``doc.text`` rebuilds the text from every token on each
    call, and the later stages ask for it (or its extent) once per event or quotation.
    """

    index: int
    offset: int
    doc: Doc
    first_sentence: int
    text: str

    @property
    def end(self) -> int:
        """The article offset just after the paragraph."""
        return self.offset + len(self.text)

    @cached_property
    def dates(self) -> tuple[Span, ...]:
        """The paragraph's DATE entities (``doc.ents`` builds every span on each call)."""
        return tuple(ent for ent in self.doc.ents if ent.label_ == "DATE")

    @cached_property
    def verbs(self) -> tuple[Token, ...]:
        """The paragraph's verbs and auxiliaries, found once from spaCy's arrays: several
        stages look for speech verbs."""
        return tuple(tokens_with_pos(self.doc, *VERBAL_POS))


@dataclass(frozen=True)
class ParsedArticle:
    """An article with its paragraphs parsed and its sentences numbered."""

    article: Article
    paragraphs: tuple[ParsedParagraph, ...]
    sentences: tuple[Sentence, ...]


def paragraph_at(parsed: ParsedArticle, position: int) -> ParsedParagraph | None:
    """The paragraph whose parse holds an article offset (of a trigger, an actor)."""
    for para in parsed.paragraphs:
        if para.offset <= position < para.end:
            return para
    return None


def token_at(parsed: ParsedArticle, start: int, end: int) -> tuple[ParsedParagraph, Token] | None:
    """The parse token heading the article span ``[start, end)``, with its paragraph."""
    para = paragraph_at(parsed, start)
    if para is None:
        return None
    span = para.doc.char_span(start - para.offset, end - para.offset, alignment_mode="expand")
    return (para, span.root) if span is not None and len(span) else None


REJOIN = "eventwire_rejoin"
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
    "prof", "capt", "maj", "jr", "sr", "adm", "brig", "cpl", "pvt", "hon", "rev",
})  # fmt: skip
APOSTROPHES = frozenset({"’", "'"})


@Language.component(REJOIN)
def rejoin_split_tokens(doc: Doc) -> Doc:
    """Join the pieces of a possessive, an abbreviation or a number that pre-tokenized
    text spaced apart ("Myanmar ’ s", "Mr . Sisi", "30 , 000"), before the tagger sees
    them: split, the parser takes "s" for a verb, "Mr ." for a sentence of its own and
    "000" for a noun.  A joined token keeps its text and the doc its characters, so
    every offset stays that of the input; only its norm, which the model reads, is the
    usual spelling."""
    joins: list[tuple[int, int, str]] = []
    free = 0
    for index in _split_candidates(doc):
        length = _split_length(doc, index) if index >= free else 0
        if length:
            pieces = doc[index : index + length]
            norm = "'s" if length == 2 and pieces[0].text in APOSTROPHES else pieces.text
            joins.append((index, length, norm.replace(" ", "").lower()))
            free = index + length
    if joins:
        words = {doc[first : first + length].text for first, length, _norm in joins}
        with doc.retokenize() as retokenizer:
            for first, length, norm in joins:
                retokenizer.merge(doc[first : first + length], attrs={"NORM": norm})
        for word in words:
            _spell_as_joined(doc, word)
    return doc


def _spell_as_joined(doc: Doc, word: str) -> None:
    """Give a joined token's word the shape, prefix and suffix of its unspaced spelling:
    the tagger reads those besides the norm, and "’ s" (shape "’ x") is still taken for
    a quotation mark, so "Nicaragua ’ s port" was parsed as two objects, the country and
    the port, where "Nicaragua’s port" is one."""
    lexeme, spelled = doc.vocab[word], doc.vocab[word.replace(" ", "")]
    if lexeme.shape_ != spelled.shape_:
        lexeme.shape_, lexeme.prefix_, lexeme.suffix_ = (
            spelled.shape_, spelled.prefix_, spelled.suffix_,
        )


def _split_candidates(doc: Doc) -> list[int]:
    """Where a spaced-apart word may start: before an "s", "." or "," that follows a
    space.  Found from spaCy's arrays, as most docs have none and a scan of every token
    in Python would cost more than the join."""
    if len(doc) < 2:
        return []
    marks = [doc.vocab.strings[mark] for mark in ("s", ".", ",")]
    rows = doc.to_array([ORTH, SPACY])
    spaced = numpy.isin(rows[1:, 0], marks) & (rows[:-1, 1] == 1)
    return [int(i) for i in numpy.flatnonzero(spaced)]


def _split_length(doc: Doc, index: int) -> int:
    """How many tokens from ``index`` are one word spaced apart (0: none)."""
    token, after = doc[index], doc[index + 1]
    if not token.whitespace_:
        return 0
    if index and token.text in APOSTROPHES and after.lower_ == "s":
        return 2
    if after.text == "." and _abbreviation(token, doc, index):
        return 2
    length = 0
    while token.is_digit and _digit_group(doc, index + length):
        length += 2
    return length + 1 if length else 0


def _digit_group(doc: Doc, index: int) -> bool:
    """ "30 , 000" or "1 . 2": a separator and the digits after it."""
    if index + 2 >= len(doc) or not doc[index].whitespace_:
        return False
    mark, digits = doc[index + 1], doc[index + 2]
    if mark.text not in (",", ".") or not mark.whitespace_ or not digits.is_digit:
        return False
    return mark.text == "." or len(digits.text) == 3


def _abbreviation(token: Token, doc: Doc, index: int) -> bool:
    """A title or an initial followed by a spaced full stop and a capitalised word."""
    if index + 2 >= len(doc) or not doc[index + 2].text[:1].isupper():
        return False
    initial = len(token.text) == 1 and token.text.isupper()
    return initial or token.lower_ in TITLES


def load_pipeline(model: str) -> Language:
    """Load an installed spaCy pipeline by package name or folder path.

    Nothing is downloaded: a pipeline that is not installed is an error that says
    how to install it, because eventwire must run on machines without a network.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        hint = "a folder path" if Path(model).exists() else "an installed package"
        raise ModelNotFound(
            f"cannot load spaCy pipeline {model!r} ({hint}); install the pipeline package "
            "with pip, or pass the path of a pipeline folder"
        ) from exc
    if REJOIN not in nlp.pipe_names:
        nlp.add_pipe(REJOIN, first=True)
    return nlp


def split_long(start: int, end: int, text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[
    tuple[int, int]
]:
    """Cut a span of ``text`` into pieces of at most ``limit`` characters at whitespace."""
    pieces: list[tuple[int, int]] = []
    while end - start > limit:
        cut = text.rfind(" ", start, start + limit)
        cut = cut if cut > start else start + limit
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _paragraph_spans(article: Article) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in article.paragraphs:
        spans.extend(split_long(start, end, article.text))
    return spans


def assemble(article: Article, spans: list[tuple[int, int]], docs: list[Doc]) -> ParsedArticle:
    """Number the sentences of an article's paragraph docs (also for docs parsed elsewhere)."""
    paragraphs: list[ParsedParagraph] = []
    sentences: list[Sentence] = []
    for index, ((offset, end), doc) in enumerate(zip(spans, docs, strict=True)):
        text = article.text[offset:end]  # what was parsed: spaCy keeps every character
        paragraphs.append(ParsedParagraph(index, offset, doc, len(sentences), text))
        for sent in doc.sents:
            sentence_text = text[sent.start_char:sent.end_char]
            if not sentence_text.strip():
                continue
            span = (offset + sent.start_char, offset + sent.end_char)
            sentences.append(Sentence(len(sentences), index, span, sentence_text))
    return ParsedArticle(article, tuple(paragraphs), tuple(sentences))


def batches(texts: Iterable[str], size: int, chars: int = BATCH_CHARS) -> Iterator[list[str]]:
    """Consecutive texts in groups of at most ``size`` texts and about ``chars``
    characters (a single longer text is a batch of its own)."""
    batch: list[str] = []
    total = 0
    for text in texts:
        if batch and (len(batch) >= size or total + len(text) > chars):
            yield batch
            batch, total = [], 0
        batch.append(text)
        total += len(text)
    if batch:
        yield batch


def _parse_batches(nlp: Language, texts: Iterable[str], size: int) -> Iterator[Doc]:
    for batch in batches(texts, max(1, size)):
        yield from nlp.pipe(batch, batch_size=len(batch))


def parse_articles(
    articles: Iterable[Article], nlp: Language, batch_size: int = 128
) -> Iterator[ParsedArticle]:
    """Parse articles lazily, keeping spaCy's batches full across article borders."""
    pending: deque[tuple[Article, list[tuple[int, int]]]] = deque()

    def paragraph_texts() -> Iterator[str]:
        for article in articles:
            spans = _paragraph_spans(article)
            pending.append((article, spans))
            for start, end in spans:
                yield article.text[start:end]

    docs: list[Doc] = []
    for doc in _parse_batches(nlp, paragraph_texts(), batch_size):
        docs.append(doc)
        while pending and len(docs) >= len(pending[0][1]):
            article, spans = pending.popleft()
            yield assemble(article, spans, docs[: len(spans)])
            docs = docs[len(spans) :]
    while pending:  # articles without paragraphs produce no docs
        article, spans = pending.popleft()
        yield assemble(article, spans, docs[: len(spans)])
        docs = docs[len(spans) :]
