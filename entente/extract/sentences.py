"""Sentence boundaries the parser cannot see: a line break ends a sentence, and so does a
dateline's dash.

Headlines, datelines and crossheads sit on their own lines without a full stop; left to the
parser they fuse with the next sentence and lend it their actors. A dateline in front of the
first sentence ("KINGSTOWN, St. Vincent and the Grenadines - The presidents of…") is cut off
at its dash, so its place names do not join the sentence's parse.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


DASHES = {"-", "—", "–", "--"}
DATELINE_WORDS = 12  # a dateline's dash comes within this many words of the line's start


@Language.component("entente_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    line_start = 0
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space:
            doc[token.i + 1].is_sent_start = True
            line_start = token.i + 1
        elif token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            line_start = token.i + 1
        elif token.text in DASHES and token.i - line_start <= DATELINE_WORDS and _dateline_start(doc, line_start):
            doc[token.i + 1].is_sent_start = True
            line_start = -DATELINE_WORDS - 1  # one dateline per line
    return doc


def _dateline_start(doc: Doc, start: int) -> bool:
    """A line that opens with a place in capitals: 'KYIV', 'WASHINGTON', 'ST. PETERSBURG'."""
    if start < 0 or start >= len(doc):
        return False
    first = doc[start]
    return first.is_alpha and first.is_upper and len(first) >= 3
