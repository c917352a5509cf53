"""An undated document is read against the latest month-and-year date its text states."""

from __future__ import annotations

import pytest

from entente.extract.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.mark.parametrize("text, expected", [
    ("The deal was first signed in 2015. On Oct. 28, 2024, Iran tested a missile. "
     "In March 2024, talks failed.", "2024-10-28"),
    ("Talks began in January 2023 and broke down in May 2023.", "2023-05"),
    # bare years look back or ahead: no estimate rather than a wrong one
    ("The treaty of 2015 collapsed in 2018.", None),
    # a deadline ahead is not when the text was written
    ("In June 2024 the allies agreed to act by March 2030.", "2024-06"),
    ("Nothing here is dated.", None),
])
def test_latest_stated_date(nlp, text, expected):
    assert nlp(text)._.date == expected


def test_a_given_date_is_kept(nlp):
    doc = nlp.make_doc("On Oct. 28, 2024, Iran tested a missile.")
    doc._.date = "2025-01-02"
    assert nlp(doc)._.date == "2025-01-02"
