"""Web pages: trafilatura keeps the article and drops menus, footers and comments.

Everything is read from the file; nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import trafilatura

from entente.errors import InputProblem
from entente.ingest.common import make_document
from entente.model import Document


def read_html(path: Path, data: bytes) -> Iterator[Document | InputProblem]:
    page = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_date_params(),
    )
    if page is None or not (page.text or "").strip():
        yield InputProblem(str(path), "no article text found")
        return
    yield make_document(
        page.text, path=path, source_format="html", title=page.title, url=page.url, date=page.date
    )


def _date_params() -> dict:
    """htmldate settings: the original publication date, and no "extensive" search.

    The extensive search falls back to any year on the page, so a page whose only date is
    "Copyright 2023" would be dated 2023-01-01 with day precision; no date is better.
    """
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }
