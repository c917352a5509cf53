"""Web pages: trafilatura keeps the article and drops menus, footers and comments.

Everything is read from the file; nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import lxml.etree
import trafilatura

from entente.errors import InputProblem
from entente.ingest.common import make_document
from entente.model import Document


# What the parsers under trafilatura raise on pages they cannot handle (htmldate's cleaning
# asserts on a page whose root is <svg>, "<svg>text").
PARSE_ERRORS = (AssertionError, ValueError, RecursionError, lxml.etree.LxmlError)


def read_html(path: Path, data: bytes) -> Iterator[Document | InputProblem]:
    try:
        page = _extract(data, with_metadata=True)
    except PARSE_ERRORS:  # the metadata pass (dates, title) failed: the text may still be had
        try:
            page = _extract(data, with_metadata=False)
        except PARSE_ERRORS as exc:
            yield InputProblem(str(path), f"HTML does not parse ({exc.__class__.__name__})")
            return
    if page is None or not (page.text or "").strip():
        yield InputProblem(str(path), "no article text found")
        return
    yield make_document(
        page.text, path=path, source_format="html", title=page.title, url=page.url, date=page.date
    )


def _extract(data: bytes, with_metadata: bool):
    return trafilatura.bare_extraction(data, with_metadata=with_metadata, include_comments=False,
                                       date_extraction_params=_date_params())


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
