"""The lemma repair: a known verb the model lemmatizes as another word gets its own lemma."""

from entente.extract.lemmas import LemmaRepair, known_verbs, uninflected
from entente.knowledge.lexicon import load_lexicon


def test_regular_base_forms():
    assert "stage" in uninflected("staged")
    assert "stop" in uninflected("stopped")
    assert "try" in uninflected("tries")
    assert "host" in uninflected("hosting")
    assert uninflected("go") == []


def test_known_verbs_include_triggers_light_verbs_and_status_verbs():
    verbs = known_verbs(load_lexicon())
    assert {"stage", "impose", "supply", "deny", "say"} <= verbs


def test_a_known_verb_gets_its_lemma_back(extractor):
    doc = extractor.nlp("Iranian students staged demonstrations outside the embassy.")
    assert [t.lemma_ for t in doc if t.text == "staged"] == ["stage"]


def test_an_unknown_or_ambiguous_form_is_left_alone(extractor):
    repair = LemmaRepair(frozenset({"stage", "stag"}))
    doc = extractor.nlp.make_doc("They staged it.")
    doc[1].pos_, doc[1].lemma_ = "VERB", "stag"
    repair(doc)
    assert doc[1].lemma_ == "stag"  # the model's lemma is itself a known verb here
