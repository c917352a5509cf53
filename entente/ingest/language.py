"""Which language a document is written in: only English goes on to extraction."""

from __future__ import annotations

import py3langid

MIN_LETTERS = 20  # below this py3langid guesses more than it knows
SAMPLE_CHARS = 5000  # the opening of an article is enough, and keeps long texts fast


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    language, _score = py3langid.classify(sample)
    return language
