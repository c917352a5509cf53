"""A token's children, subtree and head's word, remembered for the document being read.

The rules ask for the same tokens' children and subtrees thousands of times per document,
and spaCy builds new Token objects for them on every request; remembering them saves about
a tenth of the event builder's time. The parse never changes while events are built.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_CHILDREN, _SUBTREE, _HEAD_LOWER = 0, 1, 2  # the tables, each with one entry per token
_doc: Doc | None = None  # the document the tables are for
_tables: tuple[list, list, list] = ([], [], [])


def children(token: Token) -> tuple[Token, ...]:
    return _remembered(token, _CHILDREN)


def subtree(token: Token) -> tuple[Token, ...]:
    """The token and all below it, in document order."""
    return _remembered(token, _SUBTREE)


def head_lower(token: Token) -> str:
    """The token's head in lower case."""
    return _remembered(token, _HEAD_LOWER)


def forget() -> None:
    """Let go of the last document (called when its events are built)."""
    global _doc, _tables
    _doc, _tables = None, ([], [], [])


def _remembered(token: Token, kind: int):
    global _doc, _tables
    if token.doc is not _doc:
        _doc, _tables = token.doc, tuple([None] * len(token.doc) for _ in range(3))
    table = _tables[kind]
    found = table[token.i]
    if found is None:
        found = table[token.i] = tuple(token.children) if kind == _CHILDREN else \
            tuple(token.subtree) if kind == _SUBTREE else token.head.lower_
    return found
