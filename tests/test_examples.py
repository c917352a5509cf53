"""Checks on the bundled example articles and their gold event files (the dev set)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = EXAMPLES / "articles"
GOLD = EXAMPLES / "gold"

EVENT_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
STATUSES = {"asserted", "reported", "alleged", "denied", "promised", "planned", "hypothetical"}
GROUP_CODES = {
    "EU", "UN", "UNSC", "NATO", "G7", "IAEA", "WEST", "HAMAS", "HEZBOLLAH", "HOUTHIS", "WAGNER",
}
REQUIRED_TOP = {"article", "published", "actors", "events"}
REQUIRED_EVENT = {
    "source", "target", "type", "mode", "status", "date", "items", "quantity", "quote", "key",
}
HEADER_KEYS = {"Title", "Date", "URL"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

ARTICLE_FILES = sorted(ARTICLES.glob("*.txt"))
GOLD_FILES = sorted(GOLD.glob("*.json"))


def split_article(path: Path) -> tuple[dict[str, str], str]:
    """Header lines ("Key: value") up to the first blank line, then the body."""
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n\n")
    assert sep, f"{path.name}: no blank line between header and body"
    header = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        assert colon and key in HEADER_KEYS, f"{path.name}: bad header line {line!r}"
        header[key] = value.strip()
    return header, body


def norm(text: str) -> str:
    return " ".join(text.split())


def valid_code(code: str) -> bool:
    return code in GROUP_CODES or bool(re.fullmatch(r"[A-Z]{3}", code))


def test_there_are_examples():
    assert len(ARTICLE_FILES) >= 14
    assert {p.stem for p in ARTICLE_FILES} == {p.stem for p in GOLD_FILES}


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_article_header_and_length(path: Path):
    header, body = split_article(path)
    assert header.get("Title"), "missing Title"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", header.get("Date", "")), "Date must be YYYY-MM-DD"
    if "URL" in header:
        assert header["URL"].startswith("https://example.org/"), "use example.org addresses"
    words = len(body.split())
    assert 150 <= words <= 600, f"{words} words in the body"


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_gold_exists_and_validates(path: Path):
    gold_path = GOLD / f"{path.stem}.json"
    assert gold_path.exists(), f"no gold file for {path.name}"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert REQUIRED_TOP <= gold.keys()
    assert gold["article"] == path.name
    assert (ARTICLES / gold["article"]).exists()
    header, body = split_article(path)
    assert gold["published"] == header["Date"]
    assert DATE_RE.match(gold["published"])
    assert isinstance(gold["actors"], list) and all(valid_code(a) for a in gold["actors"])
    events = gold["events"]
    assert 6 <= len(events), "too few gold events"
    n_key = sum(1 for e in events if e["key"])
    assert 2 <= n_key, "mark at least two key events"
    for i, e in enumerate(events):
        where = f"{path.stem} event {i}"
        assert REQUIRED_EVENT <= e.keys(), f"{where}: missing {REQUIRED_EVENT - e.keys()}"
        assert e["type"] in EVENT_TYPES, f"{where}: type {e['type']}"
        assert e["status"] in STATUSES, f"{where}: status {e['status']}"
        assert isinstance(e["key"], bool)
        assert valid_code(e["source"]), f"{where}: source {e['source']}"
        assert e["target"] is None or valid_code(e["target"]), f"{where}: target {e['target']}"
        assert e["source"] in gold["actors"]
        assert e["target"] is None or e["target"] in gold["actors"]
        assert e["date"] is None or DATE_RE.match(e["date"]), f"{where}: date {e['date']}"
        assert isinstance(e["items"], list) and all(isinstance(x, str) for x in e["items"])
        assert e["quantity"] is None or isinstance(e["quantity"], (int, float))
        assert set(e.get("alt_types", [])) <= EVENT_TYPES, f"{where}: alt_types"
        if "negated" in e:
            assert isinstance(e["negated"], bool)
        if e["type"] == "AID" and e["mode"] is None:
            pytest.fail(f"{where}: AID needs a mode")


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_gold_quotes_are_verbatim(path: Path):
    gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
    _, body = split_article(path)
    body_n = norm(body)
    for i, e in enumerate(gold["events"]):
        assert norm(e["quote"]) in body_n, f"event {i}: quote not in article: {e['quote']!r}"
