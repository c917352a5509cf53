"""Folding and scoring names: romanisation variants meet, different parties stay apart."""

import pytest

from entente.errors import KnowledgeError
from entente.sanctions.matching import DEFAULT_THRESHOLD
from entente.sanctions.names import Key, load_folding, score


def similarity(a, b):
    folding = load_folding()
    return score(Key.of(folding.fold(a)), Key.of(folding.fold(b)))


# name in the news, name on a list
SAME = [
    ("Hosein Amirabdolahian", "Hossein Amir-Abdollahian"),   # doubled letters, hyphen
    ("Mahan Airlines", "Mahan Air"),                          # trade word
    ("Mahan Air Lines", "Mahan Air"),
    ("Iran Air Co.", "Iran Air"),                             # legal form
    ("IRAN AIR", "Iran Air"),                                 # case
    ("Seyyed Hamzeh Qalandari", "Seyed Hamzeh Ghalandari"),  # q / gh, doubled y
    ("Dmitry Peskov", "Dmitriy Peskov"),                      # Russian -iy
    ("Evgeny Prigozhin", "Yevgeniy Prigozhin"),               # ye- and -iy
    ("Sergei Lawrow", "Sergey Lavrov"),                       # German w
    ("Ali Hamenei", "Ali Khamenei"),                          # kh / h
    ("Hassan Rouhani", "Hasan Ruhani"),                       # ou / u
    ("Saeed Jalili", "Said Jalili"),                          # ee / i
    ("Amirali Hajizadeh", "Amir Ali Hajizadeh"),              # word joined
    ("Abdollahian, Hossein Amir", "Hossein Amir-Abdollahian"),  # order
    ("Islamic Republic of Iran Shipping Line", "Islamic Republic of Iran Shipping Lines"),
    ("Qeshm Fars Air Company Ltd", "Qeshm Fars Air"),
    ("Rosoboronexport JSC", "Rosoboronexport"),
    ("Mohammad Bagheri", "Mohammad Baqeri"),
    ("Müller GmbH", "Mueller"),                               # accents (unidecode) and legal form
]

DIFFERENT = [
    ("Iran Aseman Airlines", "Iran Air"),
    ("Iran Air", "Iran Aseman Airlines"),
    ("Iran Air Tours", "Iran Air"),
    ("Meraj Air", "Mahan Air"),
    ("Iran", "Iran Air"),
    ("Saha Airline Services", "Saha Airlines"),
    ("Qeshm Air", "Qeshm Fars Air"),
    ("Hossein Salami", "Hossein Amir-Abdollahian"),
]


@pytest.mark.parametrize("news, listed", SAME)
def test_variants_of_one_name_match(news, listed):
    assert similarity(news, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize("news, listed", DIFFERENT)
def test_different_parties_stay_below_the_threshold(news, listed):
    assert similarity(news, listed) < DEFAULT_THRESHOLD


def test_score_is_symmetric_and_bounded():
    assert similarity("Iran Air", "Mahan Air") == similarity("Mahan Air", "Iran Air")
    assert similarity("Iran Air", "Iran Air") == 100
    assert similarity("", "Iran Air") == 0


def test_a_name_of_only_legal_words_is_kept():
    assert load_folding().fold("The Company").startswith("the compan")


def test_overlay_rules_are_appended(tmp_path):
    (tmp_path / "transliteration.yaml").write_text(
        "schema_version: 1\nfolds:\n- {pattern: 'zz', with: z}\n")
    assert load_folding([tmp_path]).fold("Jazz") == "jaz"


def test_bad_rule_names_the_file(tmp_path):
    path = tmp_path / "transliteration.yaml"
    path.write_text("schema_version: 1\nfolds:\n- {pattern: '(', with: x}\n")
    with pytest.raises(KnowledgeError) as caught:
        load_folding([tmp_path])
    assert caught.value.file == str(path)
