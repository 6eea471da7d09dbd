"""The HTTP API and web page over the pipeline and the store (FastAPI).

:func:`create_app` builds the app; ``eventwire serve`` runs it with uvicorn.
"""

from eventwire.api.app import create_app

__all__ = ["create_app"]
