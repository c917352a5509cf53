import pytest

from entente.ingest.language import detect_language

from .conftest import FRENCH, GERMAN, TREATY


@pytest.mark.parametrize(("text", "language"), [(TREATY, "en"), (FRENCH, "fr"), (GERMAN, "de")])
def test_detects_the_language(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "Oui.", "12 34 56 78 90 12 34 56 78", "Short text here"])
def test_too_short_to_tell(text):
    assert detect_language(text) is None
