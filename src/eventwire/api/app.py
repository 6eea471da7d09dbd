"""The application factory: one FastAPI app serving the JSON API and the web page.

``create_app`` takes everything explicitly (configuration, store path, optionally an
already loaded pipeline), so tests and servers build apps side by side without any
module-level state.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from eventwire.api import routes, web
from eventwire.api.errors import DEFAULT_MAX_BODY, BodyLimit, install_handlers
from eventwire.api.service import Service
from eventwire.config import Config
from eventwire.pipeline import Pipeline

DESCRIPTION = """Codes news text into CAMEO/PLOVER events and queries the event store.

Events follow the JSONL contract. Every error has the body `{error, message, problems}`.
Request bodies over the size limit get 413; wrong types, unknown codes and out-of-range
values get 422 naming the field."""


def create_app(
    config: Config,
    db_path: Path | str,
    *,
    pipeline: Pipeline | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY,
) -> FastAPI:
    """The app over the store at ``db_path`` (created if missing).

    The pipeline is ``pipeline`` or, when None, loaded from ``config`` on first use and
    kept for the life of the process; the store closes when the app shuts down.
    """
    svc = Service(config, db_path, pipeline)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        svc.close()

    app = FastAPI(title="eventwire", version=version("eventwire"), description=DESCRIPTION,
                  lifespan=lifespan)
    app.state.service = svc
    app.state.templates = web.templates()
    install_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.include_router(routes.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(packages=[("eventwire.web", "static")]), name="static")
    return app
