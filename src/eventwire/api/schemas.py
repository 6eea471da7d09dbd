"""Typed request and response bodies of the HTTP API (they are also its OpenAPI schema).

Event bodies mirror the JSONL contract (``docs/contract.md``) key for key.  They allow
extra keys, so a field added to the contract reaches clients without an API change.
Requests forbid unknown keys, so a misspelt field is an error rather than ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

MAX_TEXT_CHARS = 100_000
"""Longest article text accepted (about 15,000 words); longer ones belong in ``ingest``."""

MAX_PAGE = 500
"""Most events one page of ``GET /v1/events`` returns."""


def _unicode(value: str) -> str:
    """Lone surrogates can come through JSON escapes but cannot be parsed or stored."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text holds invalid Unicode (a lone surrogate escape)") from None
    return value


def _utc(value: dt.datetime) -> dt.datetime:
    """The store keeps UTC without a zone; say so, as RFC 3339 date-times must."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _real_date(value: str) -> str:
    dt.date.fromisoformat(value)  # the pattern lets 2024-13-45 through
    return value


Text = Annotated[str, AfterValidator(_unicode)]
IsoDate = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                               json_schema_extra={"format": "date"},
                               description="YYYY-MM-DD (a number is not read as a timestamp)"),
                    AfterValidator(_real_date)]
UtcTime = Annotated[dt.datetime, AfterValidator(_utc)]
Span = Annotated[list[int], Field(min_length=2, max_length=2,
                                  description="[start, end) character offsets into the text")]


class ArticleIn(BaseModel):
    """An article to code or ingest; ``date`` dates its events and gives datelines a year."""

    model_config = ConfigDict(extra="forbid")

    text: Annotated[Text, Field(min_length=1, max_length=MAX_TEXT_CHARS,
                                description="The article (a blank one has no events)")]
    title: Annotated[Text, Field(max_length=1000)] | None = None
    date: IsoDate | None = None
    outlet: Annotated[Text, Field(max_length=300)] | None = None
    url: Annotated[Text, Field(max_length=2000)] | None = None
    id: Annotated[Text, Field(min_length=1, max_length=200,
                              description="Document id (default: from the text)")] | None = None


class CodeIn(ArticleIn):
    """``store`` also keeps the article and its events, as ``POST /v1/articles`` does."""

    store: bool = False


class SentenceRef(BaseModel):
    index: int
    text: str
    span: Span


class Sentence(SentenceRef):
    paragraph: int


class Actor(BaseModel):
    model_config = ConfigDict(extra="allow")

    code: str
    country: str | None
    roles: list[str]
    text: str
    span: Span


class Speaker(BaseModel):
    model_config = ConfigDict(extra="allow")

    text: str
    span: Span
    code: str | None


class Trigger(BaseModel):
    text: str
    span: Span


class Evidence(BaseModel):
    model_config = ConfigDict(extra="allow")

    text: str
    span: Span
    trigger: Trigger
    rule: str


class Event(BaseModel):
    """One event of the JSONL contract."""

    model_config = ConfigDict(extra="allow")

    doc_id: str
    event_id: str
    sentence: SentenceRef
    date: str | None = Field(description="YYYY-MM-DD, or null when undated")
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    cameo_name: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    negated: bool
    hypothetical: bool
    future: bool
    reported: bool
    speaker: Speaker | None
    evidence: Evidence
    date_source: str = "article"
    location: dict[str, Any] | None = None
    provenance: list[dict[str, Any]] = Field(default_factory=list)
    voice: str = "outlet"
    tone: float | None = None
    confidence: float | None = Field(
        default=None, ge=0, le=1,
        description="How likely the event is coded right (classifier and rule evidence)")
    reciprocal: bool = Field(
        default=False,
        description="One of the two events of an act two sides do together (count once)")


class StoredEvent(Event):
    """A contract event with the store's keys: its article and its cross-article cluster."""

    article_id: int
    cluster_id: int | None


IngestStatus = Literal["new", "duplicate", "near_duplicate"]


class Coded(BaseModel):
    """A coded article: its sentences and events; ``article_id`` when it was stored."""

    doc_id: str
    title: str | None
    date: dt.date | None
    sentences: list[Sentence]
    events: list[Event]
    article_id: int | None = None
    status: IngestStatus | None = None


class Ingested(BaseModel):
    """``duplicate``: the same text was stored before (its id is given); ``near_duplicate``:
    a syndicated copy of a stored story, kept as an article row without events."""

    article_id: int
    status: IngestStatus
    events: int


class EventPage(BaseModel):
    """Pass ``next_cursor`` as ``cursor`` for the next page; null on the last page."""

    events: list[StoredEvent]
    next_cursor: str | None


class TimelineBucket(BaseModel):
    bucket: dt.date
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_sum: float
    goldstein_mean: float


class Timeline(BaseModel):
    source: str
    target: str
    bucket: Literal["day", "week", "month"]
    both_directions: bool
    buckets: list[TimelineBucket]


class TopActor(BaseModel):
    actor: str
    events: int
    as_source: int
    as_target: int


class TopActors(BaseModel):
    actors: list[TopActor]


class StoredArticle(BaseModel):
    """A stored article.  ``text`` is rebuilt from its sentences at their offsets (the
    store keeps sentences, not the whole text), so every span indexes into it."""

    id: int
    doc_id: str
    title: str | None
    outlet: str | None
    url: str | None
    origin: str | None
    pub_date: dt.date | None
    dateline_place: str | None
    status: str
    duplicate_of: str | None
    ingested_at: UtcTime
    text: str
    sentences: list[Sentence]
    events: list[StoredEvent]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    articles: int
    events: int


class Problem(BaseModel):
    field: str
    problem: str


class Error(BaseModel):
    """Every 4xx/5xx body: a stable ``error`` code, a sentence for people, the bad fields."""

    error: str
    message: str
    problems: list[Problem] = []
