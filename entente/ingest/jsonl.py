"""JSON Lines: one article per line, `{"text": ..., "title": ..., "url": ..., "published": ...}`.

A bad line is reported with its number and the other lines are still read.
Documents are named `file.jsonl#N`, N being the line number.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from entente.errors import InputProblem
from entente.ingest.common import make_document
from entente.model import Document

_SURROGATE = re.compile("[\ud800-\udfff]")  # "\\ud800" alone in JSON: not storable text


def read_jsonl(path: Path, data: bytes) -> Iterator[Document | InputProblem]:
    # Split the bytes, not the text: str.splitlines would also break on U+2028 inside strings.
    for number, raw in enumerate(data.splitlines(), start=1):
        if raw.strip():
            yield _line_document(path, number, raw)


def _line_document(path: Path, number: int, raw: bytes) -> Document | InputProblem:
    record = _parse_line(raw)
    if isinstance(record, str):
        return InputProblem(str(path), record, line=number)
    problem = _text_problem(record.get("text"))
    if problem:
        return InputProblem(str(path), problem, line=number)
    date = record.get("published") or record.get("date")
    return make_document(
        record["text"],
        path=path,
        name=f"{path.name}#{number}",
        source_format="jsonl",
        title=record.get("title"),
        url=record.get("url"),
        date=str(date) if isinstance(date, int) else date,  # a bare year, 2018, is fine
    )


def _parse_line(raw: bytes) -> dict | str:
    """The line's JSON object, or the reason it is not one."""
    try:
        record = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
    except UnicodeDecodeError:
        return "undecodable text (not UTF-8)"
    except json.JSONDecodeError as exc:
        return f"malformed JSON: {exc.msg} at column {exc.colno}"
    except RecursionError:
        return "malformed JSON: nested too deeply"
    except ValueError as exc:  # an integer longer than Python converts (4300 digits)
        return f"malformed JSON: {str(exc).split(';')[0]}"
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    for key in ("text", "title", "url", "published", "date"):
        if isinstance(record.get(key), str) and _SURROGATE.search(record[key]):
            return f"'{key}' is not valid Unicode (an escaped lone surrogate, e.g. \\ud800)"
    return record


def _text_problem(text: object) -> str | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return "missing 'text'"
    if not isinstance(text, str):
        return f"'text' must be a string, not {type(text).__name__}"
    return None
