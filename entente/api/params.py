"""Query and path parameters: their shapes, and checks that name what is wrong (400).

Values only ever reach the library as arguments; the store binds them as `?` parameters.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Path, Query

from entente.analyse.common import window_start
from entente.api.errors import ApiError
from entente.errors import UsageError
from entente.model import EVENT_TYPES, STATUSES

CODE = r"^[A-Za-z0-9_.\-]{1,64}$"
DYAD = r"^[A-Za-z0-9_.\-]{1,64},[A-Za-z0-9_.\-]{1,64}$"
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DOC_ID = r"^[0-9a-fA-F]{8,64}$"
EVENT_ID = r"^[0-9A-Za-z_.:\-]{1,128}$"

Code = Annotated[str | None, Query(pattern=CODE, description="Actor or state code, e.g. IRN.")]
Dyad = Annotated[str | None, Query(pattern=DYAD, description="Two codes, comma-separated, "
                                   "either direction: IRN,RUS.")]
Since = Annotated[str | None, Query(pattern=ISO_DATE, description="ISO date: YYYY, YYYY-MM or "
                                    "YYYY-MM-DD.")]
Until = Annotated[str | None, Query(pattern=ISO_DATE, description="ISO date: YYYY, YYYY-MM or "
                                    "YYYY-MM-DD.")]
EventType = Annotated[str | None, Query(max_length=16, description="PLOVER type, e.g. AID.")]
PathCode = Annotated[str, Path(pattern=CODE, description="Actor or state code, e.g. IRN.")]
DocId = Annotated[str, Path(pattern=DOC_ID, description="A document's id (hex).")]


def dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    a, b = value.split(",")
    return a, b


def event_type(value: str | None) -> str | None:
    if not value:
        return None
    if value.upper() not in EVENT_TYPES:
        raise ApiError(400, f"type: unknown event type {value!r}; use one of {', '.join(EVENT_TYPES)}")
    return value.upper()


def status(value: str | None) -> str | None:
    if not value:
        return None
    if value.lower() not in STATUSES:
        raise ApiError(400, f"status: unknown status {value!r}; use one of {', '.join(STATUSES)}")
    return value.lower()


def iso_date(value: str | None, name: str) -> str | None:
    """A real ISO date of any precision ('2024-02-30' is refused), else 400 naming `name`."""
    if not value:
        return None
    try:
        window_start(value, name)
    except UsageError as exc:
        raise ApiError(400, str(exc)) from None
    return value


def date_window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = iso_date(since, "since"), iso_date(until, "until")
    if since and until and _padded(since) > _padded(until):
        raise ApiError(400, f"since {since} is after until {until}")
    return since, until


def _padded(iso: str) -> str:
    return (iso + "-01-01")[:10] if len(iso) == 4 else (iso + "-01")[:10]


def free_text(value: str | None, name: str, limit: int = 200) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > limit:
        raise ApiError(400, f"{name}: longer than {limit} characters")
    if re.search(r"[\x00-\x1f\x7f]", value):
        raise ApiError(400, f"{name}: control characters are not allowed")
    return value.strip()
