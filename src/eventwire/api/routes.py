"""The ``/v1`` endpoints and ``/healthz``: typed parameters in, library calls, models out.

Query handlers are plain functions, which FastAPI runs on worker threads; coding
handlers wait on the service's coding thread, so a long coding call never stalls the
event loop nor holds a worker thread while it queues.  No endpoint takes SQL: filters are
typed parameters that the store binds.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from eventwire.api import schemas
from eventwire.api.filters import (
    ACTOR_PATTERN,
    CAMEO_PATTERN,
    CURSOR_PATTERN,
    DATE_PATTERN,
    as_date,
    decode_cursor,
    encode_cursor,
    event_filter,
)
from eventwire.api.service import Service, coded_body, stored_body
from eventwire.codes import code_prefixes, plover_types
from eventwire.store import EventFilter

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": schemas.Error, "description": text} for status, text in (
        (400, "Body is not JSON in UTF-8"), (404, "Not found"), (413, "Request body too large"),
        (422, "Invalid input: wrong type, unknown code, out of range"),
    )
}
router = APIRouter(responses=_ERRORS)


async def service(request: Request) -> Service:
    """The app's service (async: a dependency this cheap needs no worker thread)."""
    found: Service = request.app.state.service
    return found


ServiceDep = Annotated[Service, Depends(service)]
ActorCode = Annotated[str | None, Query(pattern=ACTOR_PATTERN, max_length=30,
                                       description="Code prefix (RUS, RUSGOV)")]


async def filters(
    start: Annotated[str | None, Query(alias="from", pattern=DATE_PATTERN,
                                       json_schema_extra={"format": "date"},
                                       description="First date (YYYY-MM-DD)")] = None,
    end: Annotated[str | None, Query(alias="to", pattern=DATE_PATTERN,
                                     json_schema_extra={"format": "date"},
                                     description="Last date (YYYY-MM-DD)")] = None,
    actor: ActorCode = None,
    source: ActorCode = None,
    target: ActorCode = None,
    cameo: Annotated[str | None, Query(pattern=CAMEO_PATTERN,
                                       json_schema_extra={"enum": sorted(code_prefixes())},
                                       description="CAMEO code prefix (19 takes 190-196)")] = None,
    plover: Annotated[str | None, Query(json_schema_extra={"enum": list(plover_types())},
                                        description="PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="GDELT QuadClass")] = None,
    text: Annotated[str | None, Query(max_length=200,
                                      description="Words in the evidence or sentence")] = None,
    counted: Annotated[bool, Query(description="Only events neither negated nor "
                                               "hypothetical")] = False,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description=(
        "Only events with at least this confidence (0-1)"))] = None,
) -> EventFilter:
    """The store's event filter from the query string (an unknown code is a 422)."""
    return event_filter(start=as_date("from", start), end=as_date("to", end), actor=actor,
                        source=source, target=target, cameo=cameo, plover=plover,
                        quad_class=quad_class, text=text, counted=counted,
                        min_confidence=min_confidence)


FilterDep = Annotated[EventFilter, Depends(filters)]


@router.get("/healthz", response_model=schemas.Health, tags=["service"])
def healthz(svc: ServiceDep) -> dict[str, object]:
    """Liveness and what the store holds."""
    stats = svc.read(lambda store: store.stats())
    return {"status": "ok", "version": version("eventwire"), "articles": stats.articles,
            "events": stats.events}


@router.post("/v1/code", response_model=schemas.Coded, tags=["coding"])
async def code(body: schemas.CodeIn, svc: ServiceDep) -> dict[str, object]:
    """Code one article; events follow the JSONL contract.  Stored only with ``store``."""
    article = svc.article(body.model_dump(mode="json", exclude={"store"}))
    if not body.store:
        return coded_body(await svc.on_coder(svc.code, article))
    stored = await svc.on_coder(svc.ingest, article)
    view = await run_in_threadpool(svc.read, lambda store: store.article(stored.article_id))
    if view is None or stored.status == "near_duplicate":
        return {**coded_body(await svc.on_coder(svc.code, article)),
                "article_id": stored.article_id, "status": stored.status}
    return stored_body(view, stored)


@router.post("/v1/articles", response_model=schemas.Ingested, status_code=201,
             tags=["store"])
async def ingest(body: schemas.ArticleIn, svc: ServiceDep) -> dict[str, object]:
    """Code and store one article, as ``eventwire ingest`` does (duplicates are skipped)."""
    stored = await svc.on_coder(svc.ingest, svc.article(body.model_dump(mode="json")))
    return {"article_id": stored.article_id, "status": stored.status, "events": stored.events}


@router.get("/v1/events", response_model=schemas.EventPage, tags=["store"])
def events(
    svc: ServiceDep,
    where: FilterDep,
    limit: Annotated[int, Query(ge=1, le=schemas.MAX_PAGE)] = 50,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN,
                                        description="next_cursor of the previous page")] = None,
) -> dict[str, object]:
    """Stored events matching the filters, in article then salience order, a page at a time."""
    after = decode_cursor(cursor)
    rows, key = svc.read(lambda store: store.events_page(where, after=after, limit=limit))
    return {"events": rows, "next_cursor": encode_cursor(key)}


DyadCode = Annotated[str, Path(pattern=ACTOR_PATTERN, max_length=30,
                               description="Actor code prefix")]


@router.get("/v1/dyads/{a}/{b}/timeline", response_model=schemas.Timeline, tags=["store"])
def timeline(
    a: DyadCode,
    b: DyadCode,
    svc: ServiceDep,
    where: FilterDep,
    bucket: Literal["day", "week", "month"] = "week",
    one_way: Annotated[bool, Query(description="Only a → b, not both directions")] = False,
) -> dict[str, object]:
    """Counted events between two actors per bucket: counts by QuadClass and Goldstein."""
    rows = svc.read(lambda store: store.dyad_timeline(
        a, b, bucket=bucket, both_directions=not one_way, filters=where))
    return {"source": a.upper(), "target": b.upper(), "bucket": bucket,
            "both_directions": not one_way, "buckets": rows}


@router.get("/v1/actors/top", response_model=schemas.TopActors, tags=["store"])
def top_actors(
    svc: ServiceDep,
    where: FilterDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, object]:
    """The actors in most counted events, as source or target."""
    return {"actors": svc.read(lambda store: store.top_actors(where, limit=limit))}


@router.get("/v1/articles/{article_id}", response_model=schemas.StoredArticle, tags=["store"])
def article(
    article_id: Annotated[int, Path(ge=1, le=2**62)], svc: ServiceDep
) -> dict[str, object]:
    """A stored article: text rebuilt from its sentences, the sentences, and its events."""
    view = svc.read(lambda store: store.article(article_id))
    if view is None:
        raise HTTPException(404, f"no article {article_id} in the store")
    return view
