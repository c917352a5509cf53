"""RSS and Atom feeds: each entry becomes a Document named `feed.xml#N` (N from 1)."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html

from entente.errors import InputProblem
from entente.ingest.common import make_document
from entente.model import Document
from entente.values import parse_date

# Characters XML cannot hold: controls (but tab and line breaks), surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Elements after which the text breaks to a new line, so paragraphs stay paragraphs.
BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "blockquote", "section", "article",
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "table",
}


def read_feed(path: Path, data: bytes) -> Iterator[Document | InputProblem]:
    # A file object, never the bytes themselves: feedparser treats strings as URLs or paths.
    try:
        feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    except ValueError as exc:  # feedparser's loose parser on "&#2000000;" or "&#xD800;"
        yield InputProblem(str(path), f"feed does not parse: {exc}")
        return
    if not feed.entries:
        yield InputProblem(str(path), _why_no_entries(feed))
        return
    for number, entry in enumerate(feed.entries, start=1):
        yield _entry_document(path, number, entry)


def _why_no_entries(feed: feedparser.FeedParserDict) -> str:
    if feed.bozo:
        return f"feed does not parse: {_parse_error(feed.get('bozo_exception'))}"
    if not feed.version:
        return "not an RSS or Atom feed"
    return "feed has no entries"


def _parse_error(exc: Exception | None) -> str:
    """The XML parser's message without its "<unknown>:2:39:" prefix."""
    if hasattr(exc, "getMessage"):
        return exc.getMessage()
    return str(exc)


def _entry_document(path: Path, number: int, entry: dict) -> Document | InputProblem:
    text = entry_text(entry)
    if not text:
        return InputProblem(f"{path}#{number}", "entry has no text")
    return make_document(
        text,
        path=path,
        name=f"{path.name}#{number}",
        source_format="feed",
        title=entry.get("title"),
        url=entry.get("link"),
        date=_entry_date(entry),
    )


def entry_text(entry: dict) -> str:
    """The fullest text the entry has: its content if any, else its summary, as plain text."""
    parts = [part for part in entry.get("content", []) if part.get("value")]
    if parts:
        best = max(parts, key=lambda part: len(part["value"]))
        return _plain(best["value"], best.get("type", "text/html"))
    detail = entry.get("summary_detail") or {}
    return _plain(entry.get("summary") or "", detail.get("type", "text/html"))  # may be None


def _plain(value: str, content_type: str) -> str:
    if content_type == "text/plain":
        return value.strip()
    return html_to_text(value)


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment, one line per paragraph, spaces tidied."""
    markup = _NOT_XML.sub(" ", markup)  # lxml will not set a tail holding "\x08"
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):  # empty, or characters XML cannot hold
        return ""
    for element in root.iter():
        if element.tag in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry: dict) -> str | None:
    """The date as the feed writes it; feedparser's own reading if ours finds nothing."""
    for key in ("published", "updated"):
        raw = entry.get(key)
        if raw and parse_date(raw):
            return raw
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None
