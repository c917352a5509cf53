import pytest


@pytest.fixture(scope="session")
def extractor():
    """One model load for the whole session."""
    from entente.extract.pipeline import Extractor

    return Extractor()
