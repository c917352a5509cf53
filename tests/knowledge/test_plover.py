"""The PLOVER ontology file: complete, consistent, and its CAMEO bridge works both ways."""

import pytest

from entente.errors import KnowledgeError, UsageError
from entente.knowledge.plover import load_plover
from entente.model import EVENT_TYPES


@pytest.fixture(scope="module")
def onto():
    return load_plover()


def test_all_sixteen_types_with_quad_and_intensity(onto):
    assert sorted(onto.types) == sorted(EVENT_TYPES)
    assert len(onto.types) == 16
    for event_type in onto.types.values():
        assert -10 <= event_type.intensity <= 10
        assert event_type.cameo.isdigit()


def test_export_codes(onto):
    assert onto.cameo_for("AID", "military") == "072"
    assert onto.cameo_for("AID", "economic") == "071"
    assert onto.cameo_for("ASSAULT", "aerial") == "195"
    assert onto.cameo_for("SANCTION", "embargo") == "163"
    assert onto.cameo_for("COOPERATE", contexts=["military"]) == "062"
    assert onto.cameo_for("RETREAT", "resign") == "080"  # a mode without a code falls back


def test_import_by_exact_code_and_prefix(onto):
    assert onto.from_cameo("190") == ("ASSAULT", None)
    assert onto.from_cameo("0234") == ("REQUEST", "assist")  # via "023"
    assert onto.from_cameo("072") == ("AID", "military")
    assert onto.from_cameo("0874") == ("RETREAT", "withdraw")
    assert onto.from_cameo("0831") == ("CONCEDE", None)  # via "083"
    assert onto.from_cameo("010") is None  # statements have no PLOVER type


def test_every_root_is_mapped(onto):
    for root in range(1, 21):
        assert f"{root:02d}" in onto.cameo_import


def test_import_targets_exist(onto):
    for target in onto.cameo_import.values():
        if target is not None:
            type_name, mode = target
            assert mode is None or mode in onto.types[type_name].modes


def test_intensity_ordering(onto):
    assert (onto.intensity_for("ASSAULT") < onto.intensity_for("THREATEN")
            < onto.intensity_for("CONSULT") < onto.intensity_for("AID"))
    assert onto.intensity_for("AID", "military") == 8.3


def test_quads(onto):
    assert onto.quad_for("CONSULT") == "verbal_cooperation"
    assert onto.quad_for("AID") == "material_cooperation"
    assert onto.quad_for("THREATEN") == "verbal_conflict"
    assert onto.quad_for("ASSAULT") == "material_conflict"


def test_unknown_type_or_mode_is_a_usage_error(onto):
    with pytest.raises(UsageError):
        onto.cameo_for("INVADE")
    with pytest.raises(UsageError):
        onto.cameo_for("AID", "nuclear")
    with pytest.raises(UsageError):
        onto.from_cameo("19x")


def test_overlay_adds_an_import_entry(tmp_path):
    (tmp_path / "plover.yaml").write_text('schema_version: 1\ncameo_import:\n  "0875": [RETREAT, disarm]\n')
    onto = load_plover([tmp_path])
    assert onto.from_cameo("0875") == ("RETREAT", "disarm")


def test_malformed_overlay_names_file_and_entry(tmp_path):
    overlay = tmp_path / "plover.yaml"
    overlay.write_text(
        "schema_version: 1\ntypes:\n  AID:\n    description: x\n    quad: material_cooperation\n"
        "    intensity: 12\n    cameo: \"070\"\n"
    )
    with pytest.raises(KnowledgeError) as caught:
        load_plover([tmp_path])
    assert caught.value.file == str(overlay)
    assert "types.AID" in caught.value.entry


def test_unquoted_cameo_code_is_refused(tmp_path):
    overlay = tmp_path / "plover.yaml"
    overlay.write_text("schema_version: 1\ncameo_import:\n  072: [AID, military]\n")
    with pytest.raises(KnowledgeError, match="quoted"):
        load_plover([tmp_path])


def test_yaml_syntax_error_gives_the_line(tmp_path):
    (tmp_path / "plover.yaml").write_text("schema_version: 1\ntypes: [\n")
    with pytest.raises(KnowledgeError, match="line"):
        load_plover([tmp_path])


def test_a_cooperative_act_promised_or_planned_is_an_intention(onto):
    assert onto.plover_type("AID", "promised") == "AGREE"
    assert onto.plover_type("CONSULT", "planned") == "AGREE"
    assert onto.plover_type("AID", "asserted") == "AID"
    assert onto.plover_type("AID", "promised", negated=True) == "AID"  # "will not send"
    assert onto.plover_type("SANCTION", "planned") == "SANCTION"  # threat or decision: unsaid
    assert onto.plover_type("AID", "hypothetical") == "AID"


def test_intentions_export_as_cameo_03(onto):
    assert onto.cameo_for("AID", "military", intended=True) == "0332"
    assert onto.cameo_for("AID", intended=True) == "033"
    assert onto.cameo_for("COOPERATE", contexts=["military"], intended=True) == "0312"
    assert onto.cameo_for("RETREAT", "withdraw", intended=True) == "0356"
    assert onto.cameo_for("RETREAT", "resign", intended=True) == "035"
    assert onto.cameo_for("CONSULT", "visit", intended=True) == "036"
    assert onto.cameo_for("SANCTION", intended=True) == "160"  # not an intention to cooperate
    assert onto.quad_for("AID", intended=True) == "verbal_cooperation"
    assert onto.intensity_for("AID", "military", intended=True) == onto.intensity_for("AGREE")


def test_intentions_naming_an_unknown_mode_are_refused(tmp_path):
    overlay = tmp_path / "plover.yaml"
    overlay.write_text("schema_version: 1\nintentions:\n  type: AGREE\n  statuses: [promised]\n"
                       "  acts:\n    AID: {cameo: \"033\", cameo_by_mode: {nuclear: \"0339\"}}\n")
    with pytest.raises(KnowledgeError, match="AID names unknown modes") as caught:
        load_plover([tmp_path])
    assert caught.value.file == str(overlay)


def test_intentions_with_an_unknown_status_are_refused(tmp_path):
    (tmp_path / "plover.yaml").write_text(
        "schema_version: 1\nintentions:\n  type: AGREE\n  statuses: [someday]\n  acts: {}\n")
    with pytest.raises(KnowledgeError, match="unknown statuses"):
        load_plover([tmp_path])


def test_an_agreement_signed_reads_as_support_and_a_promise_to_sign_as_agree(onto):
    assert onto.plover_type("AGREE", "asserted", mode="sign") == "SUPPORT"
    assert onto.plover_type("AGREE", "planned", mode="sign") == "AGREE"  # "will sign"
    assert onto.plover_type("AGREE", "asserted") == "AGREE"  # "agreed to a truce"
    assert onto.cameo_for("AGREE", "sign") == "057"
    assert onto.cameo_for("AGREE", "sign", intended=True) == "030"


def test_a_mode_read_as_an_unknown_type_is_refused(tmp_path):
    overlay = tmp_path / "plover.yaml"
    overlay.write_text(
        "schema_version: 1\ntypes:\n  AGREE:\n    description: x\n    quad: verbal_cooperation\n"
        "    intensity: 4\n    cameo: \"030\"\n    modes:\n      sign: {description: s, reads_as: ENDORSE}\n")
    with pytest.raises(KnowledgeError, match="ENDORSE"):
        load_plover([tmp_path])
