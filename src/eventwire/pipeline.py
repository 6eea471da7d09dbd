"""The pipeline as a readable recipe: read → parse → actors → events.

A :class:`Pipeline` holds the loaded parts (the spaCy pipeline, the actor
dictionary, the event dictionaries and code tables) so that they are loaded once
per process and passed explicitly; nothing is global.  The CLI, the evaluation and
the spaCy components all go through it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from eventwire.actors import find_actors
from eventwire.actors.match import pair_index
from eventwire.codes import code_info, is_cameo
from eventwire.config import Config
from eventwire.enrich import Enricher, enrich_article
from eventwire.enrich.gazetteer import Gazetteer, load_gazetteer
from eventwire.events.coder import Coding, code_events
from eventwire.events.lexicon import EventLexicon
from eventwire.learn.actor_spans_refine import SpanRefiner, refine_articles
from eventwire.learn.penta_model import FamilyModel, packaged_model
from eventwire.learn.penta_rank import score_events
from eventwire.lexicon.actors import ActorDictionary
from eventwire.lexicon.user import actor_dictionary_for, event_lexicon_for
from eventwire.model import Article, CodedArticle
from eventwire.parse import BATCH_CHARS, ParsedArticle, load_pipeline, parse_articles
from eventwire.read import paragraph_spans


@dataclass(frozen=True)
class Pipeline:
    """Everything needed to code articles, loaded once."""

    nlp: Language
    actors: ActorDictionary
    coding: Coding
    config: Config
    enricher: Enricher | None = field(default_factory=Enricher)
    """The context stage (dates, places, tellers, tone); ``None`` leaves events bare."""
    family: FamilyModel | None = None
    """The event-family classifier that orders events and scores their confidence."""
    spans: SpanRefiner | None = None
    """The learned span model's adjustment of actor spans; ``None`` keeps the coder's."""

    @classmethod
    def from_config(
        cls,
        config: Config,
        *,
        nlp: Language | None = None,
        actors: ActorDictionary | None = None,
        lexicon: EventLexicon | None = None,
        family: FamilyModel | None = None,
    ) -> Pipeline:
        """Load the parts named by ``config``; pass parts in to share or replace them.

        The dictionaries are the packaged ones plus the user's files in ``config``
        (or only those, with ``replace_dictionaries``); a bad user file raises
        :class:`~eventwire.errors.DictionaryError` before the parser is loaded.  The
        shipped event-family classifier is loaded when ``config.family_model`` is on
        (:class:`~eventwire.learn.penta_model.ModelMissing` when it is not installed).
        """
        lexicon = lexicon or event_lexicon_for(config)
        actors = actors or actor_dictionary_for(config)
        coding = Coding(lexicon, code_info, is_cameo)
        if config.family_model and family is None:
            family = packaged_model()
        spans = SpanRefiner() if config.actor_spans else None
        return cls(nlp or load_pipeline(config.model), actors, coding, config,
                   family=family if config.family_model else None, spans=spans)

    def preload(self) -> None:
        """Build now what the stages otherwise build on their first article (the
        gazetteer, the actor dictionary's index, the tone lexicon, the span model),
        some 1.5 s in all: a Dask worker then codes its first partition as fast as
        its last, and a long-lived process pays before its first request."""
        pair_index(self.actors)
        self._gazetteer()
        if self.enricher is not None:
            self.enricher.tone()
        if self.spans is not None:
            self.spans.model()

    def is_place(self, name: str) -> bool:
        """Whether the gazetteer knows ``name`` as a place: the actor stage asks it of
        organisation names no dictionary knows, which are often mislabelled places."""
        return self._gazetteer().lookup(name) is not None

    def _gazetteer(self) -> Gazetteer:
        """The context stage's gazetteer, or the shared one when the stage is off."""
        return (self.enricher.gazetteer if self.enricher is not None else load_gazetteer)()

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles lazily, in spaCy batches, keeping input order."""
        coded = self._coded(articles)
        if self.spans is None:
            yield from (article for article, _parsed in coded)
            return
        for batch in _batches(coded, self.config.batch_size):
            yield from refine_articles(batch, self.spans)

    def _coded(self, articles: Iterable[Article]) -> Iterator[tuple[CodedArticle, ParsedArticle]]:
        """The dictionary coder's articles, each with its parse."""
        for parsed in parse_articles(articles, self.nlp, self.config.batch_size):
            date = parsed.article.date or self.config.default_date
            mentions = find_actors(parsed, self.actors, date, self.is_place)
            events = score_events(code_events(parsed, mentions, self.coding), self.family)
            if self.enricher is None:
                yield CodedArticle(parsed.article, parsed.sentences, mentions, events), parsed
            else:
                yield enrich_article(parsed, mentions, events, self.enricher, date), parsed

    def code_text(
        self,
        text: str,
        *,
        doc_id: str = "text",
        date: dt.date | None = None,
        title: str | None = None,
    ) -> CodedArticle:
        """Code one text given as a string (spans index into ``text``)."""
        article = article_from_text(text, doc_id=doc_id, date=date, title=title)
        return next(iter(self.code([article])))


def _batches(
    coded: Iterator[tuple[CodedArticle, ParsedArticle]], size: int
) -> Iterator[list[tuple[CodedArticle, ParsedArticle]]]:
    """Coded articles in groups for the span model, which labels short sentences far
    faster together; a group also ends at the parser's batch length in characters, since
    it keeps its articles' parses alive."""
    batch: list[tuple[CodedArticle, ParsedArticle]] = []
    chars = 0
    for item in coded:
        batch.append(item)
        chars += len(item[0].article.text)
        if len(batch) >= size or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def article_from_text(
    text: str, *, doc_id: str, date: dt.date | None = None, title: str | None = None
) -> Article:
    """An article whose paragraphs are the blank-line separated parts of ``text``."""
    return Article(
        id=doc_id, text=text, paragraphs=tuple(paragraph_spans(text)), title=title, date=date
    )
