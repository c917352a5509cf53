"""Reading articles from files: text, Markdown, HTML, RSS/Atom feeds and JSON Lines.

`iter_inputs` walks the paths it is given and yields a `Document` for each article and an
`InputProblem` for each input that cannot be read; it never raises on bad input. New formats
are added with `register_reader`, the same way the built-in ones are registered below.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from entente.errors import InputProblem
from entente.ingest.feeds import read_feed
from entente.ingest.files import expand, read_input
from entente.ingest.html import read_html
from entente.ingest.jsonl import read_jsonl
from entente.ingest.language import detect_language
from entente.ingest.registry import Reader, known_extensions, reader_for, register_reader
from entente.ingest.text import read_text
from entente.model import Document

DEFAULT_MAX_BYTES = 10_000_000

register_reader((".txt", ".md"), read_text)
register_reader((".html", ".htm"), read_html)
register_reader((".xml", ".rss", ".atom"), read_feed)
register_reader((".jsonl", ".ndjson"), read_jsonl)

__all__ = [
    "DEFAULT_MAX_BYTES", "Reader", "detect_language", "iter_inputs", "known_extensions",
    "reader_for", "register_reader",
]


def iter_inputs(
    paths: Iterable[Path | str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | InputProblem]:
    """Documents and problems from files and folders, in the order given, folders sorted.

    Hidden files and unknown file types inside folders are skipped silently; a file named
    explicitly with an unknown type is reported. Each file is read once, after a size check.
    """
    for path in map(Path, paths):
        for found in expand(path):
            if isinstance(found, InputProblem):
                yield found
            else:
                yield from read_input(found, max_bytes)
