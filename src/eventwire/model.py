"""The frozen data model that every stage of the pipeline exchanges.

Stages never pass dicts to each other: a reader makes an :class:`Article`, the parser
splits it into :class:`Sentence` objects, the actor stage finds :class:`ActorMention`
objects and the event stage builds :class:`Event` objects that keep their evidence.
Everything is immutable so a stage cannot change what an earlier stage decided, and
every span is a ``(start, end)`` pair of character offsets into ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Span = tuple[int, int]
"""``[start, end)`` character offsets into the text of the article."""


@dataclass(frozen=True)
class Dateline:
    """The wire-service prefix of a story, e.g. ``LONDON, February 10./TASS/:``.

    ``date`` is ``None`` when the dateline has no date; ``year_assumed`` says the
    year did not come from the dateline itself but from metadata or ``--date``.
    """

    place: str | None
    date: dt.date | None
    outlet: str | None
    span: Span
    year_assumed: bool = False


@dataclass(frozen=True)
class Article:
    """One document as read, before any language processing.

    ``paragraphs`` are the spans of ``text`` that the parser codes; sentences never
    cross them.  A dateline prefix is left out of its paragraph so that the place
    name is not read as the subject of the first sentence.
    """

    id: str
    text: str
    paragraphs: tuple[Span, ...]
    title: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    dateline: Dateline | None = None
    origin: str | None = None
    """Where the article came from: a path, ``path:line`` for records, or ``-``."""


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read; recorded, never raised through a batch."""

    input: str
    reason: str
    stage: str = "read"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, located by its span in the article text."""

    index: int
    paragraph: int
    span: Span
    text: str


@dataclass(frozen=True)
class ActorMention:
    """A place in the text that names a CAMEO actor.

    ``code`` is the full code (country or IGO followed by role codes, e.g.
    ``GBRGOV``); ``country`` is the first part alone and ``roles`` the rest split into
    three-letter codes.  ``rule`` says which dictionary entry or resolution step gave
    the code, so every actor of an event can be explained.
    """

    code: str
    country: str | None
    roles: tuple[str, ...]
    text: str
    span: Span
    sentence: int
    rule: str
    head: int | None = None
    """Character offset of the mention's head token; links it to the parse."""
    also: tuple[str, ...] = ()
    """Further full codes when the name stands for several actors at once (a
    dictionary entry ``[FRA/DEU]``): each takes part in the mention's events."""
    antecedent: Span | None = None
    """For a reference resolved to an earlier mention ("he", a surname, a bare title):
    where the actor it points to is named, so an event can show who, not "he"."""


@dataclass(frozen=True)
class Speaker:
    """Who said the words an event was coded from, when the text says so."""

    text: str
    span: Span
    code: str | None = None


@dataclass(frozen=True)
class Location:
    """Where an event took place, with coordinates when the gazetteer knows the name.

    ``source`` is ``"text"`` when the event's own clause names the place (``span``
    points at it) and ``"dateline"`` when the story's dateline is all there is.
    ``country`` is the ISO 3166 alpha-3 code (CAMEO's country codes are the same for
    states).  ``kind`` (``country``, ``state``, ``city``, ``place``), ``fips`` (the
    FIPS 10-4 country code), ``adm1`` and ``feature_id`` are what GDELT's geography
    columns need.
    """

    name: str
    text: str
    span: Span | None
    source: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str = "place"
    fips: str | None = None
    adm1: str | None = None
    feature_id: str | None = None


@dataclass(frozen=True)
class ProvenanceLink:
    """One teller in the chain of who reports whom, outermost (the outlet) first.

    ``kind`` is ``outlet``, ``document``, ``organization`` or ``person``; ``code`` is
    the CAMEO actor code of the teller (for a document, of whoever issued it).
    """

    kind: str
    text: str
    code: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class SentenceContext:
    """Who asserts a sentence and how it reads: the sentence-level provenance.

    ``voice`` is ``outlet`` (asserted by the outlet alone), ``quoted`` (inside
    quotation marks) or ``reported`` (attributed speech without quotation marks).
    """

    sentence: int
    voice: str
    provenance: tuple[ProvenanceLink, ...]
    tone: float


@dataclass(frozen=True)
class Evidence:
    """What in the text produced an event: the words, the trigger and the rule."""

    text: str
    span: Span
    trigger_text: str
    trigger_span: Span
    rule: str


@dataclass(frozen=True)
class Modality:
    """Whether an event happened as stated; only events neither negated nor
    hypothetical should be counted."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    reported: bool = False

    @property
    def counted(self) -> bool:
        return not (self.negated or self.hypothetical)


@dataclass(frozen=True)
class CodeInfo:
    """Everything derived from a CAMEO event code by table lookup."""

    cameo: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class Event:
    """A coded event with everything an analyst needs to check it."""

    doc_id: str
    event_id: str
    sentence: Sentence
    date: dt.date | None
    source: ActorMention | None
    target: ActorMention | None
    code: CodeInfo
    modality: Modality
    evidence: Evidence
    speaker: Speaker | None = None
    salience: float = 0.0
    extra: tuple[tuple[str, str], ...] = field(default=())
    """Free-form (key, value) notes kept for explanation, e.g. why a code was chosen."""
    date_source: str = "article"
    """``text`` when the event's clause dates it, ``article`` when ``date`` is the article's."""
    location: Location | None = None
    provenance: tuple[ProvenanceLink, ...] = ()
    voice: str = "outlet"
    tone: float | None = None
    """GDELT-scale tone (-100..+100) of the event's sentence; ``None`` before enrichment."""
    confidence: float | None = None
    """How likely the event is coded right, in [0, 1]: the event-family classifier's
    probability of its family joined with its rule evidence; ``None`` before scoring."""
    reciprocal: bool = False
    """One of the two readings of an act two sides do together ("Israel and Lebanon
    renewed negotiations", "A telephoned B"): CAMEO codes it both ways, so counting
    acts means counting such a pair once, and PLOVER codes both sides as actors with
    no recipient."""

    @property
    def counted(self) -> bool:
        return self.modality.counted


@dataclass(frozen=True)
class CodedArticle:
    """An article with its sentences, actor mentions and events, most salient first."""

    article: Article
    sentences: tuple[Sentence, ...]
    actors: tuple[ActorMention, ...]
    events: tuple[Event, ...]
    contexts: tuple[SentenceContext, ...] = ()
    """Voice, provenance and tone of each sentence, in sentence order (after enrichment)."""
    tone: float | None = None
    """GDELT-scale tone (-100..+100) of the whole article."""
