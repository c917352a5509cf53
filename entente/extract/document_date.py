"""The document date, when the document gives none: the latest date the text itself states.

Office-holders, groups that took power and relative dates ("last week") are all read against
the document date. An article pasted without its header still says when things happened
("On Oct. 11, 2025, …"); news reports what has just happened, so the latest such date is the
best estimate of when it was written. Only dates with a month and a year count: bare years
more often look back or ahead ("in 2015", "by 2030"), and a wrong date is worse than none (an
undated text keeps everyone who ever held one office as that office's state). The estimate
keeps the date's own precision.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from entente.values import parse_date

if not Doc.has_extension("date"):
    Doc.set_extension("date", default=None)  # the document's publication date, ISO

YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
LOOKING_AHEAD = {"by", "until", "till", "before", "through", "next", "to"}


@Language.component("entente_document_date")
def document_date(doc: Doc) -> Doc:
    if doc._.date is None:
        doc._.date = stated_date(doc)
    return doc


def stated_date(doc: Doc) -> str | None:
    """The latest date with a month and a year among the text's DATE entities (ISO)."""
    dated = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        found = YEAR.findall(ent.text)
        if len(found) != 1:
            continue  # "2022-2024", "between 2015 and 2020": a span, not a day
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in LOOKING_AHEAD or ent[0].lower_ in LOOKING_AHEAD:
            continue
        parsed = parse_date(ent.text, any_language=False)
        if parsed is not None and parsed[1] in ("day", "month") and parsed[0].startswith(found[0]):
            dated.append(parsed[0])
    return max(dated, key=_sortable) if dated else None


def _sortable(iso: str) -> str:
    """'2024-10' sorts after '2024-10-28': a month stated alone is read as its end."""
    return iso if len(iso) == 10 else iso + "-99"
