"""The actor dictionary: packaged data loads, phrases resolve, offices follow dates, overlays work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pycountry
import pytest

from entente.errors import KnowledgeError
from entente.knowledge.actors import DATA_DIR, OFFICES, load_actors


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def test_every_iso_state_is_present(actors):
    missing = [c.alpha_3 for c in pycountry.countries if actors.state(c.alpha_3) is None]
    assert missing == []


@pytest.mark.parametrize("phrase, code", [
    ("Russia", "RUS"), ("North Korea", "PRK"), ("South Korea", "KOR"), ("the United States", "USA"),
    ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"), ("America", "USA"), ("the UK", "GBR"),
    ("U.K.", "GBR"), ("Britain", "GBR"), ("Syria", "SYR"), ("Turkey", "TUR"), ("Türkiye", "TUR"),
    ("Taiwan", "TWN"), ("Palestine", "PSE"), ("Vietnam", "VNM"), ("Islamic Republic of Iran", "IRN"),
    ("Moscow", "RUS"), ("the White House", "USA"), ("Kyiv", "UKR"), ("Kiev", "UKR"),
    ("Downing Street", "GBR"), ("the Elysee", "FRA"), ("Pyongyang", "PRK"), ("Riyadh", "SAU"),
])
def test_state_names_and_metonyms(actors, phrase, code):
    entry = actors.resolve(phrase)
    assert (entry.actor_id, entry.country, entry.kind) == (code, code, "state")


def test_adjective_is_flagged(actors):
    entry = actors.resolve("Iranian")
    assert (entry.actor_id, entry.adjective) == ("IRN", True)
    assert actors.resolve("North Korean").actor_id == "PRK"
    assert actors.resolve("Emirati").actor_id == "ARE"


def test_kremlin_and_tehran_stand_for_their_states(actors):
    assert actors.resolve("the Kremlin").actor_id == "RUS"
    assert actors.resolve("Tehran").actor_id == "IRN"


def test_lowercase_words_are_not_acronyms(actors):
    assert actors.resolve("us") is None
    assert actors.resolve("who") is None
    assert actors.resolve("WHO").actor_id == "WHO"


def test_state_bodies_act_for_their_state(actors):
    irgc = actors.resolve("IRGC")
    assert (irgc.country, irgc.sector, irgc.kind) == ("IRN", "military", "state_body")
    assert actors.resolve("Revolutionary Guards").country == "IRN"
    assert actors.resolve("the Pentagon").to_actor().country == "USA"
    assert actors.resolve("KCNA").sector == "media"


def test_companies_groups_and_organisations(actors):
    iran_air = actors.resolve("Iran Air")
    assert (iran_air.actor_id, iran_air.country, iran_air.sector) == ("IRAN_AIR", "IRN", "company")
    hezbollah = actors.resolve("Hezbollah")
    assert (hezbollah.actor_id, hezbollah.country) == ("HEZBOLLAH", None)
    assert actors.resolve("Ansar Allah").actor_id == "HOUTHIS"
    assert actors.resolve("Brussels").actor_id == "EU"
    assert actors.resolve("European Commission").actor_id == "EU"
    assert actors.resolve("U.N. Security Council").actor_id == "UNSC"
    assert actors.resolve("the West").actor_id == "WEST"


def test_role_compounds_give_state_and_sector(actors):
    cases = {
        "Iranian officials": ("IRN", "government"), "Russian forces": ("RUS", "military"),
        "the Ukrainian military": ("UKR", "military"), "U.S. intelligence": ("USA", "intelligence"),
        "the Russian foreign minister": ("RUS", "government"), "Western officials": ("WEST", "government"),
    }
    for phrase, expected in cases.items():
        entry = actors.resolve(phrase)
        assert (entry.actor_id, entry.sector) == expected, phrase


def test_role_and_office_nouns(actors):
    assert actors.role("officials") == "government"
    assert actors.role("troops") == "military"
    assert actors.role("defense minister") == OFFICES["defence_minister"]
    assert actors.office("Secretary of State") == "foreign_minister"
    assert "officials" in actors.role_nouns and "foreign minister" in actors.office_nouns


def test_acting_nouns_are_the_heads_of_role_office_and_speaker_nouns(actors):
    # "the prime minister of Armenia", "its foreign ministry", "a reporter for Kayhan"
    for noun in ("minister", "ministers", "ministry", "head", "heads", "secretary", "officials", "reporter"):
        assert noun in actors.acting_nouns, noun
    # "head of state" and "secretary of state" are headed by their first word
    assert "state" not in actors.acting_nouns


def test_person_speaks_for_state_only_in_office(actors):
    in_office = actors.resolve("Blinken", "2023-01-01")
    assert (in_office.actor_id, in_office.country, in_office.office) == ("USA", "USA", "foreign_minister")
    out_of_office = actors.resolve("Blinken", "2026-01-01")
    assert out_of_office.name == "Antony Blinken"
    assert (out_of_office.country, out_of_office.sector) == (None, None)


def test_organisation_office_holders_speak_for_the_organisation(actors):
    assert actors.resolve("Guterres", "2024-03").to_actor().actor_id == "UN"
    assert actors.resolve("Haniyeh", "2020").actor_id == "HAMAS"


@pytest.mark.parametrize("spelling", ["Erdoğan", "Erdogan", "Recep Tayyip Erdogan", "ERDOGAN"])
def test_spellings_of_one_person_are_one_person(actors, spelling):
    assert actors.resolve(spelling, "2020-05-01").country == "TUR"


def test_shared_surname_resolves_by_date(actors):
    assert actors.resolve("Aoun", "2018-01-01").name == "Michel Aoun"
    assert actors.resolve("Aoun", "2025-06-01").name == "Joseph Aoun"
    assert actors.resolve("Aoun", "2023-01-01") is None


def test_holder_of_an_office_on_a_date(actors):
    assert actors.holder("IRN", "foreign_minister", "2023-05-01").name == "Hossein Amir-Abdollahian"
    assert actors.holder("RUS", "defence_minister", "2024-06").name == "Andrei Belousov"
    assert actors.holder("USA", "head_of_state", "1990-01-01").name == "George H. W. Bush"
    assert actors.holder("USA", "head_of_state", "1900-01-01") is None


def test_offices_of_a_person(actors):
    offices = actors.offices_of("Lavrov")
    assert [(o.state, o.office, o.end) for o in offices] == [("RUS", "foreign_minister", None)]


def test_at_least_300_people(actors):
    people = {entry.name for _, entry in actors.phrases() if entry.kind == "person"}
    assert len(people) >= 300


def test_every_phrase_resolves_to_something(actors):
    unresolved = [phrase for phrase, entry in actors.phrases()
                  if entry.kind != "person" and actors.resolve(phrase) is None]
    assert unresolved == []


def _overlay(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_overlay_adds_an_alias(tmp_path):
    folder = _overlay(tmp_path, "states.yaml", (
        "schema_version: 1\nsource: test\nstates:\n  - {code: IRN, aliases: [Iranistan]}\n"))
    actors = load_actors([folder])
    assert actors.resolve("Iranistan").actor_id == "IRN"
    assert actors.resolve("Tehran").actor_id == "IRN"
    assert load_actors().resolve("Iranistan") is None


def test_overlay_adds_a_person(tmp_path):
    folder = _overlay(tmp_path, "people.csv", (
        "name,aliases,state,office,start,end,source\n"
        "Jane Example,Example,IRN,foreign_minister,2030-01-01,,test\n"))
    actors = load_actors([folder])
    assert actors.holder("IRN", "foreign_minister", "2030-06").name == "Jane Example"


def test_malformed_overlay_names_file_and_entry(tmp_path):
    folder = _overlay(tmp_path, "organisations.yaml", (
        "schema_version: 1\nsource: test\norganisations:\n"
        "  - {id: GOOD, name: Good Body, kind: igo}\n"
        "  - {id: BAD, name: Bad Body, kind: spaceship}\n"))
    with pytest.raises(KnowledgeError) as info:
        load_actors([folder])
    assert info.value.file == str(folder / "organisations.yaml")
    assert "Bad Body" in info.value.entry


def test_bad_csv_row_names_its_line(tmp_path):
    folder = _overlay(tmp_path, "people.csv", (
        "name,aliases,state,office,start,end,source\n"
        "Jane Example,,IRN,foreign_minister,2030-01-01,,test\n"
        "John Example,,IRN,foreign_minister,2030-13-01,,test\n"))
    with pytest.raises(KnowledgeError) as info:
        load_actors([folder])
    assert info.value.entry.startswith("line 3")


def test_unknown_country_is_refused(tmp_path):
    folder = _overlay(tmp_path, "organisations.yaml", (
        "schema_version: 1\nsource: test\norganisations:\n"
        "  - {id: NOWHERE_BODY, name: Nowhere Body, kind: state_body, country: XXX}\n"))
    with pytest.raises(KnowledgeError, match="unknown country"):
        load_actors([folder])


def test_unknown_member_state_is_refused(tmp_path):
    folder = _overlay(tmp_path, "organisations.yaml", (
        "schema_version: 1\nsource: test\norganisations:\n"
        "  - {id: NOWHERE_GROUP, name: Nowhere Group, kind: collective, members: [FRA, XXX], source: test}\n"))
    with pytest.raises(KnowledgeError, match="unknown member state"):
        load_actors([folder])


def test_groups_of_named_states_list_their_members():
    actors = load_actors()
    assert actors.resolve("the E3").members == ("GBR", "FRA", "DEU")
    assert actors.resolve("the Atlantic alliance").members == ()


def test_missing_schema_version_is_refused(tmp_path):
    shutil.copy(DATA_DIR / "roles.yaml", tmp_path / "roles.yaml")
    text = (tmp_path / "roles.yaml").read_text(encoding="utf-8").replace("schema_version: 1", "")
    (tmp_path / "roles.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="schema_version"):
        load_actors([tmp_path])


def test_a_group_that_took_power_acts_for_the_state_from_that_day(actors):
    """The Taliban took Kabul on 15 August 2021: before, an armed group; after, Afghanistan."""
    before = actors.resolve("the Taliban", "2020-02-29")
    after = actors.resolve("the Taliban", "2025-10-12")
    assert (before.actor_id, before.country) == ("TALIBAN", None)
    assert (after.actor_id, after.country, after.sector) == ("TALIBAN", "AFG", "government")
    assert actors.resolve("Taliban", "2021").country is None  # a year that starts before it
    assert actors.resolve("the Taliban").country is None  # no date: as listed


def test_state_styles_come_from_states_yaml():
    """'The kingdom' may refer back to Saudi Arabia, 'the island' to Taiwan; no style is
    given to a state the file does not style."""
    actors = load_actors()
    assert "kingdom" in actors.state_styles["SAU"]
    assert "island" in actors.state_styles["TWN"]
    assert "FRA" not in actors.state_styles
