"""Sentence boundaries the parser cannot see: a line break ends a sentence.

Headlines, datelines and crossheads sit on their own lines without a full stop; left to the
parser they fuse with the next sentence and lend it their actors.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("entente_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space:
            doc[token.i + 1].is_sent_start = True
        elif token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
