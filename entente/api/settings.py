"""What the server is started with: the store, the write token, the upload limit and the
host names it answers to.

Each value is given by the caller (the `serve` command, a test) or read from the environment:
`ENTENTE_DB`, `ENTENTE_TOKEN` (unset or empty: the server refuses every write),
`ENTENTE_MAX_UPLOAD` (bytes, default 5 MB) and `ENTENTE_ALLOWED_HOSTS` (comma-separated
names the `Host` header may carry; `*` for any).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from entente.errors import UsageError
from entente.store import default_path

DEFAULT_MAX_UPLOAD = 5_000_000
# A multipart body wraps the file in a few hundred bytes of headers and boundaries: the body
# may exceed the upload limit by this much before it is refused unread.
ENVELOPE_BYTES = 64 * 1024


@dataclass(frozen=True)
class Settings:
    db: Path
    token: str | None = None
    max_upload: int = DEFAULT_MAX_UPLOAD
    # None: no check (the library's default, for callers that mount the app themselves);
    # `entente serve` always sets it (see entente.api.serve).
    allowed_hosts: tuple[str, ...] | None = None

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)

    @property
    def max_body(self) -> int:
        return self.max_upload + ENVELOPE_BYTES

    @classmethod
    def load(cls, db: str | Path | None = None, token: str | None = None,
             max_upload: int | None = None, allowed_hosts: tuple[str, ...] | None = None) -> Settings:
        """Arguments first, then the environment, then the defaults."""
        if allowed_hosts is None and os.environ.get("ENTENTE_ALLOWED_HOSTS", "").strip():
            allowed_hosts = tuple(h.strip() for h in os.environ["ENTENTE_ALLOWED_HOSTS"].split(",")
                                  if h.strip())
        if token is None:
            token = os.environ.get("ENTENTE_TOKEN")
        if max_upload is None:
            max_upload = _env_int("ENTENTE_MAX_UPLOAD", DEFAULT_MAX_UPLOAD)
        if max_upload < 1:
            raise UsageError(f"the upload limit must be a positive number of bytes, got {max_upload}")
        return cls(db=default_path(db), token=(token or "").strip() or None, max_upload=max_upload,
                   allowed_hosts=allowed_hosts)


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise UsageError(f"{name} must be a number of bytes, got {value!r}") from None
