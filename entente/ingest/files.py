"""Finding input files and the checks every format shares, before any reader runs."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

from entente.errors import InputProblem
from entente.ingest.common import UTF16_BOMS
from entente.ingest.registry import known_extensions, reader_for
from entente.model import Document

SNIFF_BYTES = 8192  # how much of a file the binary check looks at
MAX_CONTROL_SHARE = 0.05  # text has almost no control characters; binary data has many
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13}) + b"\x7f"


def expand(path: Path) -> Iterator[Path | InputProblem]:
    """The readable files a path names: itself, or what a folder holds (recursively)."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        yield InputProblem(str(path), "no such file or directory")
        return
    except OSError as exc:
        yield InputProblem(str(path), f"unreadable: {exc.strerror or exc}")
        return
    if stat.S_ISDIR(mode):
        yield from walk(path)
    elif reader_for(path) is None:
        yield InputProblem(str(path), _unknown_type(path))
    else:
        yield path


def _unknown_type(path: Path) -> str:
    kind = path.suffix or "no extension"
    return f"unknown file type ({kind}); known: {', '.join(known_extensions())}"


def walk(folder: Path) -> Iterator[Path | InputProblem]:
    """Files in sorted order; hidden entries, unknown types and linked folders are skipped.

    Linked folders are not followed so that a link loop cannot make the walk endless.
    """
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        yield InputProblem(str(folder), f"unreadable: {exc.strerror or exc}")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            if not child.is_symlink():
                yield from walk(child)
        elif child.is_file() and reader_for(child) is not None:
            yield child


def read_input(path: Path, max_bytes: int) -> Iterator[Document | InputProblem]:
    """Check the file, then hand it to its reader; nothing the reader raises escapes."""
    data = read_checked(path, max_bytes)
    if isinstance(data, InputProblem):
        yield data
        return
    reader = reader_for(path)
    try:
        yield from reader(path, data)
    except Exception as exc:  # one bad file must never stop a batch: report it and go on
        yield InputProblem(str(path), f"could not read: {exc.__class__.__name__}: {exc}")


def read_checked(path: Path, max_bytes: int) -> bytes | InputProblem:
    """The file's bytes, read once and only if small enough, or why they cannot be used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputProblem(str(path), _too_large(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        return InputProblem(str(path), f"unreadable: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return InputProblem(str(path), _too_large(len(data), max_bytes))
    problem = content_problem(data)
    return InputProblem(str(path), problem) if problem else data


def _too_large(size: int, max_bytes: int) -> str:
    return f"larger than the limit ({size} bytes > {max_bytes})"


def content_problem(data: bytes) -> str | None:
    """Why these bytes cannot be an article in any format, or None if they may be."""
    if not data.strip():
        return "empty"
    if looks_binary(data):
        return "binary file"
    return None


def looks_binary(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    if head.startswith(UTF16_BOMS):
        return False  # UTF-16 text is full of NUL bytes
    if b"\0" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > MAX_CONTROL_SHARE * len(head)
