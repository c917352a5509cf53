"""Every error the API answers with is JSON of one shape:

    {"status": 400, "error": "Bad Request", "detail": "since: expected an ISO date ..."}

(plus `problems`, a list of strings, when an upload could not be read). Library errors map
to statuses here, so the routes only raise: a UsageError is the caller's mistake (400).
"""

from __future__ import annotations

import json
import math
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from entente.errors import EntenteError, InputError, KnowledgeError, StoreError, UsageError


class JSON(JSONResponse):
    """JSON as the CLI prints it (`output.to_json`): dates as ISO text, non-ASCII kept;
    NaN and infinities, which JSON cannot carry, become null."""

    def render(self, content: Any) -> bytes:
        return json.dumps(_finite(content), ensure_ascii=False, default=str,
                          separators=(",", ":")).encode("utf-8")


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


class ApiError(StarletteHTTPException):
    """An HTTP error with a message for the user and, for uploads, the problems found."""

    def __init__(self, status: int, detail: str, problems: list[str] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.problems = problems


def error_body(status: int, detail: str, problems: list[str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "error": _phrase(status), "detail": detail}
    if problems:
        body["problems"] = problems
    return body


def error_response(status: int, detail: str, problems: list[str] | None = None,
                   headers: dict[str, str] | None = None) -> JSON:
    return JSON(error_body(status, detail, problems), status_code=status, headers=headers)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _validation_message(exc: RequestValidationError) -> str:
    """'limit: Input should be greater than or equal to 1; type: ...' (where, then what)."""
    parts = []
    for err in exc.errors():
        where = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "header")]
        parts.append(f"{'.'.join(where) or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


_LIBRARY_STATUS = ((UsageError, 400), (InputError, 400), (StoreError, 503), (KnowledgeError, 500))


def library_status(exc: EntenteError) -> int:
    for kind, status in _LIBRARY_STATUS:
        if isinstance(exc, kind):
            return status
    return 400


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSON:
        detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, detail, getattr(exc, "problems", None),
                              getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSON:
        return error_response(400, _validation_message(exc))

    @app.exception_handler(EntenteError)
    async def library_error(request: Request, exc: EntenteError) -> JSON:
        return error_response(library_status(exc), str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSON:  # pragma: no cover
        return error_response(500, f"internal error: {exc.__class__.__name__}")
