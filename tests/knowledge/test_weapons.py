"""The weapons catalogue: names resolve, figures are consistent with the MTCR rules."""

import pytest

from entente.errors import KnowledgeError
from entente.knowledge.weapons import CATEGORIES, load_weapons, mtcr_problem


@pytest.fixture(scope="module")
def catalog():
    return load_weapons()


def test_at_least_seventy_systems(catalog):
    assert len(catalog.systems) >= 70
    assert all(system.category in CATEGORIES for system in catalog.systems)
    assert all(system.sources for system in catalog.systems)


@pytest.mark.parametrize("text", ["Geran-2", "geran 2", "Shahed 136", "shahed-136s", "SHAHED-136"])
def test_shahed_aliases(catalog, text):
    assert catalog.lookup(text).name == "Shahed-136"


def test_shahed_136_is_mtcr_category_ii(catalog):
    shahed = catalog.lookup("Shahed-136")
    assert shahed.mtcr_category == "II"
    assert shahed.range_km.max >= 300 and shahed.payload_kg.max < 500


def test_fath_360(catalog):
    fath = catalog.lookup("Fateh-360")
    assert fath.name == "Fath-360"
    assert (fath.range_km.min, fath.range_km.max) == (120, 150)
    assert fath.mtcr_category == "none"
    assert fath.mtcr_listed is False


def test_kn_23_is_north_korean(catalog):
    kn23 = catalog.lookup("KN-23")
    assert kn23.producer == "PRK"
    assert kn23.mtcr_category == "I"


def test_unknown_name(catalog):
    assert catalog.lookup("Death Star") is None


def test_every_stated_category_passes_the_mtcr_check(catalog):
    for system in catalog.systems:
        assert system.mtcr_override_reason or mtcr_problem(system) is None, system.name


def test_payload_unknown_long_range_is_still_listed(catalog):
    assert catalog.lookup("Kheibar Shekan").mtcr_category is None
    assert catalog.lookup("Kheibar Shekan").mtcr_listed is True
    assert catalog.lookup("S-400").mtcr_listed is None  # the interceptor question stays open


@pytest.mark.parametrize("text, category", [
    ("artillery shells", "artillery_ammunition"),
    ("drones", "uav"),
    ("short-range missiles", "missile"),
    ("ballistic missiles", "ballistic_missile"),
    ("air-defence systems", "air_defence"),
    ("air defense systems", "air_defence"),
    ("fighter jets", "combat_aircraft"),
    ("tanks", "tank"),
    ("ammunition", "ammunition"),
    ("munitions", "ammunition"),
    ("weapons", "arms"),
    ("arms", "arms"),
])
def test_generic_words(catalog, text, category):
    assert catalog.generic_lookup(text).category == category


def test_surface_forms_cover_variants(catalog):
    forms = {form for form, _ in catalog.surface_forms()}
    assert {"Shahed-136", "Shahed 136", "Shahed-136s", "Geran-2", "artillery shells"} <= forms


SYSTEM = """schema_version: 1
systems:
- name: {name}
  category: {category}
  un_register_category: VII
  producer: IRN
  range_km: {range_km}
  payload_kg: {payload_kg}
  mtcr_category: "{mtcr}"
  sources: [test]
"""


def write_overlay(tmp_path, **fields):
    path = tmp_path / "weapons.yaml"
    path.write_text(SYSTEM.format(**fields))
    return path


def test_overlay_adds_a_system(tmp_path):
    write_overlay(tmp_path, name="Test-1", category="ballistic_missile", range_km=100, payload_kg=50, mtcr="none")
    assert load_weapons([tmp_path]).lookup("test 1").name == "Test-1"


def test_malformed_overlay_names_file_and_entry(tmp_path):
    path = write_overlay(tmp_path, name="Bad-7", category="space_laser", range_km=100, payload_kg=50, mtcr="none")
    with pytest.raises(KnowledgeError) as caught:
        load_weapons([tmp_path])
    assert caught.value.file == str(path)
    assert "Bad-7" in caught.value.entry


@pytest.mark.parametrize("range_km, payload_kg, mtcr", [
    (1000, 50, "none"),   # 1,000 km cannot be below the MTCR line
    (120, 150, "II"),     # 120 km cannot be Category II
    (700, 900, "II"),     # 900 kg to 700 km is Category I
    (700, 300, "I"),      # Category I with 300 kg needs a "by trade-off" note
])
def test_inconsistent_mtcr_category_raises(tmp_path, range_km, payload_kg, mtcr):
    write_overlay(tmp_path, name="Odd-9", category="ballistic_missile",
                  range_km=range_km, payload_kg=payload_kg, mtcr=mtcr)
    with pytest.raises(KnowledgeError) as caught:
        load_weapons([tmp_path])
    assert "Odd-9" in caught.value.entry


def test_override_reason_keeps_a_documented_exception(tmp_path):
    path = write_overlay(tmp_path, name="Odd-9", category="ballistic_missile", range_km=300, payload_kg=560, mtcr="II")
    path.write_text(path.read_text() + "  mtcr_override_reason: 560 kg only at 165 km\n")
    assert load_weapons([tmp_path]).lookup("Odd-9").mtcr_category == "II"


def test_an_alias_may_not_name_two_systems(tmp_path):
    write_overlay(tmp_path, name="Geran 2", category="loitering_munition", range_km=1000, payload_kg=50, mtcr="II")
    with pytest.raises(KnowledgeError, match="already names Shahed-136"):
        load_weapons([tmp_path])
