"""The knowledge files' word lists hold words: YAML reads a bare `false`, `no` or `on` as a
boolean, which would silently drop that word from a list (it happened to "false" in the
dismissive words, so "said the claims were false" was no rejection)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "entente" / "knowledge" / "data"


def scalars(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from scalars(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from scalars(value, f"{path}[{i}]")
    else:
        yield path, node


@pytest.mark.parametrize("name", ["status.yaml", "triggers.yaml"])
def test_word_lists_hold_only_words(name):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    listed = [(path, value) for path, value in scalars(data) if "[" in path]
    assert listed
    bad = [(path, value) for path, value in listed if not isinstance(value, str)]
    assert not bad, f"{name}: quote these so YAML keeps them as words: {bad}"
