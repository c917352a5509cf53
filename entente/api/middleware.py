"""Two small ASGI wrappers: a cap on request bodies, and security headers on every answer.

BodyLimit refuses a body larger than the cap without reading it: a declared Content-Length
over the cap is answered 413 at once; a body sent without one (chunked) is counted as it
streams in and refused as soon as the count passes the cap, so no more than the cap plus one
chunk is ever read.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from entente.api.errors import ApiError, error_body
from entente.api.errors import JSON as _JSON


class PayloadTooLarge(ApiError):
    def __init__(self, upload_limit: int):
        super().__init__(413, f"the request is larger than the upload limit of {upload_limit} "
                              "bytes (the server's ENTENTE_MAX_UPLOAD)")


class BodyLimit:
    """`limit`: the most body bytes read; `upload_limit`: the figure the error message gives."""

    def __init__(self, app: ASGIApp, limit: int, upload_limit: int | None = None):
        self.app, self.limit = app, limit
        self.upload_limit = upload_limit or limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _answer(send, 400, f"bad Content-Length header: {declared!r}")
                return
            if int(declared) > self.limit:
                await _answer(send, 413, PayloadTooLarge(self.upload_limit).detail)
                return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise PayloadTooLarge(self.upload_limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except PayloadTooLarge as exc:  # raised where no handler turned it into a response
            if started:
                raise
            await _answer(send, 413, exc.detail)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None


async def _answer(send: Send, status: int, detail: str) -> None:
    response = _JSON(error_body(status, detail), status_code=status,
                     headers={"Connection": "close"})
    await send({"type": "http.response.start", "status": status,
                "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


# The web UI needs nothing but its own files: no inline script, no other origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeaders:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                 (b"x-frame-options", b"DENY")]
        extra.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in extra if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)
