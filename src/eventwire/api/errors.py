"""One error body for every failure, and the request size limit.

Clients get ``{"error", "message", "problems"}`` whatever went wrong, so a script can
branch on ``error`` and a person can read ``message``; each problem names the field
(``body.text``, ``query.cameo``) and what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api.filters import BadInput
from eventwire.api.service import CodingFailed

DEFAULT_MAX_BODY = 1_048_576
"""Largest request body accepted, in bytes (1 MiB)."""

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
          413: "too_large", 415: "unsupported_media_type", 422: "invalid_input"}


def error_response(status: int, message: str, problems: Sequence[tuple[str, str]] = (),
                   headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = {"error": _CODES.get(status, "server_error"), "message": message,
            "problems": [{"field": f, "problem": p} for f, p in problems]}
    return JSONResponse(body, status_code=status, headers=headers)


def _field(location: Sequence[Any]) -> str:
    return ".".join(str(part) for part in location)


def _validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [(_field(e.get("loc", ())), str(e.get("msg", "invalid"))) for e in exc.errors()]
    first = f"{problems[0][0]}: {problems[0][1]}" if problems else "invalid request"
    return error_response(422, first, problems)


def _bad_input(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BadInput)
    return error_response(422, str(exc), [(exc.field, exc.problem)])


def _http(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail)
    if exc.status_code == 400 and message == "There was an error parsing the body":
        message = "the request body is not JSON in UTF-8"
    return error_response(exc.status_code, message, headers=exc.headers)


def _coding_failed(_request: Request, exc: Exception) -> JSONResponse:
    return error_response(500, str(exc))


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(BadInput, _bad_input)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(CodingFailed, _coding_failed)


class BodyLimit:
    """ASGI middleware: a body over ``max_bytes`` gets 413 before any of it is parsed.

    A declared ``Content-Length`` is checked up front; a chunked body is counted as it
    streams (raising the 413 from inside the read), so leaving the length out does not
    get past the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"request body larger than {self.max_bytes} bytes"
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await error_response(413, message)(scope, receive, send)
            return
        seen = 0

        async def counting() -> Message:
            nonlocal seen
            received = await receive()
            seen += len(received.get("body", b""))
            if seen > self.max_bytes:
                raise HTTPException(413, message)
            return received

        await self.app(scope, counting, send)
