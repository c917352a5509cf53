"""The FastAPI application: read and write routes under /api, the web UI at /, OpenAPI at /docs.

    app = create_app("entente.duckdb", token="...")      # or ENTENTE_DB / ENTENTE_TOKEN
    uvicorn.run(app, host="127.0.0.1", port=8000)

The app only translates HTTP to library calls and back; nothing here computes an answer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from entente.api import errors, reads, writes
from entente.api.middleware import BodyLimit, SecurityHeaders
from entente.api.settings import Settings
from entente.store import Store
from entente.web import STATIC

SWAGGER_UI = Path(fastapi_offline.__file__).parent / "static"
DESCRIPTION = """\
The HTTP face of entente: the same answers as the CLI's `--format json`, over the store the
server was started on. Reads are open; writes (`POST`) need `Authorization: Bearer <token>`
with the server's `ENTENTE_TOKEN`. Errors are JSON: `{"status", "error", "detail"}`.
"""


def create_app(db: str | Path | None = None, *, token: str | None = None,
               max_upload: int | None = None, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.load(db, token, max_upload)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # One connection held for the server's lifetime keeps the database open, so the
        # per-request connections are cheap.
        anchor = Store(settings.db)
        try:
            yield
        finally:
            anchor.close()

    app = FastAPI(title="entente", version=_version(),
                  description=DESCRIPTION, lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.settings = settings
    errors.install(app)
    app.include_router(reads.router)
    app.include_router(writes.router)
    _mount_web(app)
    app.add_middleware(BodyLimit, limit=settings.max_body, upload_limit=settings.max_upload)
    app.add_middleware(SecurityHeaders)
    if settings.allowed_hosts is not None:
        # A page elsewhere that rebinds its own name to 127.0.0.1 reaches the server with its
        # own name in Host: refused (400), so the open reads stay on this machine.
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("entente")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def _mount_web(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # The OpenAPI page from Swagger UI 5's files as packaged by fastapi-offline, not from a
    # CDN: it works offline and under the same content security policy as the rest.
    app.mount("/docs/assets", StaticFiles(directory=SWAGGER_UI), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})
