"""What every reader shares: decoding bytes and building a Document the same way."""

from __future__ import annotations

import codecs
from pathlib import Path

from entente.ingest.language import detect_language
from entente.model import Document
from entente.values import parse_date

# Text in a Western European language has a few accented letters; misread bytes have many.
MAX_NON_ASCII_SHARE = 0.2
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_text(data: bytes) -> str | None:
    """UTF-8 (BOM or not) or BOM-marked UTF-16; cp1252 only when the result plainly is text."""
    try:
        if data.startswith(UTF16_BOMS):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _decode_cp1252(data)


def _decode_cp1252(data: bytes) -> str | None:
    """Old Windows files are common in news archives; random bytes must not pass for them."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = sum(ord(char) > 127 for char in text)
    return text if non_ascii <= MAX_NON_ASCII_SHARE * len(text) else None


def make_document(
    text: str,
    *,
    path: Path,
    source_format: str,
    name: str | None = None,
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
) -> Document:
    """The one place a Document is built: id from the text, language and date cleaned."""
    text = text.strip()
    published = parse_date(date) if isinstance(date, str) else None
    return Document(
        doc_id=Document.make_id(text),
        text=text,
        title=_one_line(title),
        url=_one_line(url),
        published=published[0] if published else None,
        published_precision=published[1] if published else None,
        language=detect_language(text),
        source_path=str(path),
        source_format=source_format,
        name=name or path.name,
    )


def _one_line(value: object) -> str | None:
    """Titles and URLs as one tidy line; anything that is not a string is dropped."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
