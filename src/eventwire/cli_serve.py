"""``eventwire serve``: the HTTP API and web page over a store, with uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from eventwire.cli_common import config_from, dictionary_options, model_option, pipeline_for
from eventwire.cli_store import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default takes only local connections).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@model_option
@dictionary_options
def serve(db: Path, host: str, port: int, model: str, **dictionaries: object) -> None:
    """Serve the API (/v1, /docs) and the web page (/) over the store DB."""
    # uvicorn and the app are imported here so other commands do not pay for them.
    import uvicorn

    from eventwire.api import create_app

    config = config_from(model, None, dict(dictionaries))
    pipeline = pipeline_for(config)
    app = create_app(config, db, pipeline=pipeline)
    click.echo(f"eventwire: serving {db} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
