"""Shared fixtures: the spaCy pipeline is loaded once per test session.

``live_server`` runs the HTTP app with uvicorn on a free loopback port in a thread of
the test process, sharing the session's parser, for the schema and browser tests.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from spacy.language import Language

from eventwire.config import DEFAULT_MODEL, Config
from eventwire.parse import load_pipeline
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def coding_pipeline(nlp: Language) -> Pipeline:
    """The packaged dictionaries over the session's parser."""
    return Pipeline.from_config(Config(), nlp=nlp)


Dyad = tuple[str | None, str, str | None]


@pytest.fixture(scope="session")
def dyads_of(coding_pipeline: Pipeline) -> Callable[[str], set[Dyad]]:
    """(source code, CAMEO code, target code) of every event the packaged coder finds."""

    def dyads(text: str) -> set[Dyad]:
        return {
            (e.source.code if e.source else None, e.code.cameo,
             e.target.code if e.target else None)
            for e in coding_pipeline.code_text(text).events
        }  # fmt: skip

    return dyads


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory,
                coding_pipeline: Pipeline) -> Iterator[str]:
    """The base URL of a running server over a fresh store (loopback only)."""
    import uvicorn

    from eventwire.api import create_app

    db = tmp_path_factory.mktemp("live") / "live.duckdb"
    app = create_app(Config(), db, pipeline=coding_pipeline)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
