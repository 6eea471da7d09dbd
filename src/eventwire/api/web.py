"""The server-rendered pages: code an article, explore events, a dyad timeline, an article.

Pages are plain HTML forms over the same service as the JSON API, so they work
without JavaScript except the timeline chart, whose small script ships in the package.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any, cast
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import ValidationError
from starlette.templating import Jinja2Templates

from eventwire.api import schemas
from eventwire.api.filters import (
    BadInput,
    actor_prefix,
    decode_cursor,
    encode_cursor,
    filter_from_form,
)
from eventwire.api.routes import service
from eventwire.api.service import Service, coded_body
from eventwire.codes import plover_types
from eventwire.output.highlight import marked_sentences
from eventwire.store import Bucket

_SHOWN_KEYS = frozenset({
    "doc_id", "event_id", "sentence", "date", "source", "target", "cameo", "cameo_root",
    "cameo_name", "quad_class", "goldstein", "plover", "plover_mode", "negated",
    "hypothetical", "future", "reported", "speaker", "evidence", "article_id", "cluster_id",
    "confidence", "reciprocal",
})
"""Keys the event card shows in its own places; any other key is listed as it comes."""
_FLAGS = (("negated", "N"), ("hypothetical", "H"), ("future", "F"), ("reported", "R"),
          ("reciprocal", "M"))
_PAGE = 50

router = APIRouter(include_in_schema=False)
ServiceDep = Annotated[Service, Depends(service)]


def flags(event: Mapping[str, object]) -> list[tuple[str, str]]:
    """(letter, name) of each modality flag an event has."""
    return [(letter, name) for name, letter in _FLAGS if event.get(name)]


def extra_fields(event: Mapping[str, object]) -> list[tuple[str, str]]:
    """Fields the card has no place for (date source, location, tone...), as they come."""
    return [(key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
            for key, value in event.items() if key not in _SHOWN_KEYS and value is not None]


def templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("eventwire.web", "templates"),
                      autoescape=select_autoescape(default=True))
    env.globals.update(flags=flags, extra_fields=extra_fields, plover_types=plover_types())
    return Jinja2Templates(env=env)


def _render(request: Request, name: str, context: dict[str, Any],
            status: int = 200) -> HTMLResponse:
    pages: Jinja2Templates = request.app.state.templates
    return pages.TemplateResponse(request, name, context, status_code=status)


@router.get("/", response_class=HTMLResponse)
def code_page(request: Request) -> HTMLResponse:
    return _render(request, "code.html", {"form": {}, "coded": None, "errors": []})


@router.post("/", response_class=HTMLResponse)
async def code_form(request: Request, svc: ServiceDep) -> HTMLResponse:
    """Code the pasted article and show it marked up beside its events."""
    raw = (await request.body()).decode("utf-8", errors="replace")
    form = {k: v for k, v in parse_qsl(raw, keep_blank_values=True) if k in
            {"text", "title", "date"}}
    fields = {k: v for k, v in form.items() if v.strip()}
    try:
        body = schemas.ArticleIn.model_validate(fields)
    except ValidationError as exc:
        errors = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        return _render(request, "code.html", {"form": form, "coded": None, "errors": errors},
                       status=422)
    article = svc.article(body.model_dump(mode="json"))
    coded = coded_body(await svc.on_coder(svc.code, article))
    marked = marked_sentences(_list(coded["sentences"]), _list(coded["events"]))
    return _render(request, "code.html", {"form": form, "coded": coded, "marked": marked,
                                          "errors": []})


def _list(value: object) -> list[Mapping[str, object]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, svc: ServiceDep) -> HTMLResponse:
    """The events explorer: filters, one page of events, a link to the next page."""
    form = dict(request.query_params)
    try:
        where = filter_from_form(form)
        after = decode_cursor(form.get("cursor"))
    except BadInput as exc:
        return _render(request, "events.html", {"form": form, "events": [], "next": None,
                                                "errors": [str(exc)]}, status=422)
    rows, key = svc.read(lambda store: store.events_page(where, after=after, limit=_PAGE))
    cursor = encode_cursor(key)
    following = None
    if cursor:
        following = "/events?" + urlencode({**{k: v for k, v in form.items() if v},
                                            "cursor": cursor})
    return _render(request, "events.html", {"form": form, "events": rows, "next": following,
                                            "errors": []})


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, svc: ServiceDep) -> HTMLResponse:
    """Counts per QuadClass and mean Goldstein over time for any two actor codes."""
    form = dict(request.query_params)
    a, b = form.get("a", "").strip(), form.get("b", "").strip()
    bucket = form.get("bucket", "week")
    context: dict[str, Any] = {"form": form, "rows": None, "errors": []}
    if not (a and b):
        return _render(request, "timeline.html", context)
    try:
        if bucket not in ("day", "week", "month"):
            raise BadInput("bucket", "day, week or month")
        source, target = actor_prefix("a", a) or a, actor_prefix("b", b) or b
        where = filter_from_form({k: v for k, v in form.items() if k in {"from", "to"}})
    except BadInput as exc:
        context["errors"] = [str(exc)]
        return _render(request, "timeline.html", context, status=422)
    rows = svc.read(lambda store: store.dyad_timeline(
        source, target, bucket=cast(Bucket, bucket), both_directions=True, filters=where))
    data = [{**row, "bucket": str(row["bucket"])} for row in rows]
    context.update(rows=data, chart=json.dumps(data), a=a.upper(), b=b.upper())
    return _render(request, "timeline.html", context)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: Annotated[int, Path(ge=1, le=2**62)], svc: ServiceDep
) -> HTMLResponse:
    """A stored article with its sentences marked and its events listed."""
    view = svc.read(lambda store: store.article(article_id))
    if view is None:
        return _render(request, "article.html", {"article": None, "id": article_id},
                       status=404)
    marked = marked_sentences(_list(view["sentences"]), _list(view["events"]))
    return _render(request, "article.html", {"article": view, "marked": marked})
