"""Plain-text and Markdown articles, with an optional header of Title:, Date: and URL: lines.

    Title: Ministers agree on river treaty
    Date: 2024-09-12

    The foreign ministers of ...

Header lines count only when a blank line closes them; otherwise the whole file is the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from entente.errors import InputProblem
from entente.ingest.common import decode_text, make_document
from entente.model import Document

HEADER = re.compile(r"(title|date|url)\s*:\s*(.*)", re.IGNORECASE)


def read_text(path: Path, data: bytes) -> Iterator[Document | InputProblem]:
    text = decode_text(data)
    if text is None:
        yield InputProblem(str(path), "undecodable text (not UTF-8)")
        return
    headers, body = split_header(text)
    if not body.strip():
        yield InputProblem(str(path), "no text after the header")
        return
    yield make_document(
        body,
        path=path,
        source_format="text",
        title=headers.get("title"),
        url=headers.get("url"),
        date=headers.get("date"),
    )


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Return the header fields (lower-case keys) and the body, lines joined with "\\n"."""
    lines = text.splitlines()
    headers: dict[str, str] = {}
    for number, line in enumerate(lines):
        if not line.strip():
            if headers:
                return headers, "\n".join(lines[number + 1:])
            break
        match = HEADER.fullmatch(line.strip())
        if match is None:
            break
        headers[match.group(1).lower()] = match.group(2).strip()
    return {}, "\n".join(lines)
