"""What routes share: a store connection per request, and the write token check.

Each request gets its own connection to the store file (the app keeps one open for its
lifetime, so opening another costs a few milliseconds); DuckDB lets them read side by side.
Writes (ingest, extract) also take the app's write lock, one at a time.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from entente.api.errors import ApiError
from entente.api.settings import Settings
from entente.store import Store

bearer = HTTPBearer(auto_error=False, description="The server's ENTENTE_TOKEN.")


def settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Iterator[Store]:
    store = Store(settings(request).db)
    try:
        yield store
    finally:
        store.close()


def require_token(request: Request,
                  credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    """Writes need `Authorization: Bearer <ENTENTE_TOKEN>`; with no token set, none pass."""
    token = settings(request).token
    if not token:
        raise ApiError(401, "writes are disabled: this server was started without ENTENTE_TOKEN; "
                            "restart it with ENTENTE_TOKEN set to a secret and send "
                            "'Authorization: Bearer <token>'")
    given = credentials.credentials if credentials else ""
    if not given or not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise ApiError(401, "a valid bearer token is needed for writes: send "
                            "'Authorization: Bearer <ENTENTE_TOKEN>'" if not given else
                       "the bearer token is not this server's ENTENTE_TOKEN",
                       headers={"WWW-Authenticate": 'Bearer realm="entente"'})
