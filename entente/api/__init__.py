"""The HTTP API and the web UI's server (FastAPI): `entente serve`.

`create_app` builds the application; `serve` checks the store and runs it with uvicorn.
See docs/api.md for the endpoints.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from entente.api.app import create_app
from entente.api.settings import Settings
from entente.store import Store

__all__ = ["Settings", "create_app", "default_hosts", "serve", "startup_notes"]


def startup_notes(settings: Settings, host: str, port: int) -> list[str]:
    shown = f"[{host}]" if ":" in host else host
    notes = [f"entente: serving {settings.db} on http://{shown}:{port}/ "
             f"(API under /api, OpenAPI at /docs)"]
    if not settings.writes_enabled:
        notes.append("writes are disabled: set ENTENTE_TOKEN to a secret to allow POST "
                     "/api/documents and /api/extract")
    if not _loopback(host):
        notes.append(f"warning: listening on {host} makes the server reachable from other "
                     "machines, without encryption; put it behind a TLS proxy")
    return notes


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def default_hosts(host: str) -> tuple[str, ...]:
    """The names a served app answers to unless ENTENTE_ALLOWED_HOSTS says otherwise: the
    loopback names, and the address it listens on; any name when it listens on every address
    (0.0.0.0 or ::), since those names cannot be known here."""
    if host in ("0.0.0.0", "::", ""):
        return ("*",)
    return tuple(dict.fromkeys((*LOOPBACK_NAMES, host)))


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: str | Path | None = None, host: str = "127.0.0.1", port: int = 8000,
          say: Callable[[str], None] = print) -> None:
    """Open the store once (a bad path fails here, with its reason), then serve until stopped."""
    import uvicorn

    settings = Settings.load(db)
    if settings.allowed_hosts is None:
        settings = replace(settings, allowed_hosts=default_hosts(host))
    Store(settings.db).close()
    for note in startup_notes(settings, host, port):
        say(note)
    uvicorn.run(create_app(settings=settings), host=host, port=port, server_header=False,
                log_level="info")
