"""The place gazetteer: which state a city or region lies in, and names it leaves alone."""

import pytest

from entente.errors import KnowledgeError
from entente.knowledge.places import load_places


@pytest.fixture(scope="module")
def places():
    return load_places()


@pytest.mark.parametrize("name, state", [
    ("Kharkiv", "UKR"), ("Odesa", "UKR"), ("Odessa", "UKR"),  # Ukraine's outnumbers Texas's
    ("Goma", "COD"), ("Beersheba", "ISR"), ("Isfahan", "IRN"), ("Belgorod", "RUS"),
    ("the Gaza Strip", "PSE"), ("Darfur", "SDN"),  # regions from places.yaml
])
def test_cities_and_regions_lie_in_their_state(places, name, state):
    assert places.state_of(name) == state


@pytest.mark.parametrize("name", [
    "Hamilton",  # large in Canada and New Zealand alike: no one's
    "Mobile", "Reading",  # excluded: mostly common words in news
    "Lugano",  # a city of fewer than 100,000 people
])
def test_ambiguous_small_or_excluded_names_are_no_place(places, name):
    assert places.state_of(name) is None


def test_overlay_adds_a_region(tmp_path):
    (tmp_path / "places.yaml").write_text(
        "schema_version: 1\nregions:\n  - {name: Kurzeme, state: LVA}\n", encoding="utf-8")
    assert load_places([tmp_path]).state_of("Kurzeme") == "LVA"


def test_a_region_without_a_known_state_names_the_file(tmp_path):
    path = tmp_path / "places.yaml"
    path.write_text("schema_version: 1\nregions:\n  - {name: Atlantis, state: ATL}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_places([tmp_path])
    assert str(path) in str(err.value) and "Atlantis" in str(err.value)
