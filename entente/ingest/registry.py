"""Which reader handles which file extension.

Built-in formats register here exactly as an add-on would, with `register_reader`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from entente.errors import InputProblem
from entente.model import Document

Reader = Callable[[Path, bytes], Iterator[Document | InputProblem]]
"""A reader gets a file's path and its bytes (already checked: not empty, not binary)."""

_READERS: dict[str, Reader] = {}


def register_reader(extensions: str | Iterable[str], func: Reader) -> Reader:
    """Make `func` the reader for these extensions (".txt" or "txt"); a later call replaces it."""
    if isinstance(extensions, str):
        extensions = [extensions]
    for extension in extensions:
        _READERS["." + extension.lower().lstrip(".")] = func
    return func


def reader_for(path: Path) -> Reader | None:
    return _READERS.get(path.suffix.lower())


def known_extensions() -> list[str]:
    return sorted(_READERS)
