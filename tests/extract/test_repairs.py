"""The parse repairs: "declared X persona non grata and gave them…" parsed as a reader sees it."""

import pytest


def _word(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("text", [
    "The ministry declared three Algerian diplomats persona non grata and gave them 48 hours to leave.",
    "On Monday Lima declared the envoy persona non grata, accusing Mexico of meddling.",
])
def test_the_ones_declared_are_the_object_and_the_next_act_the_declarers(extractor, text):
    doc = extractor.nlp(text)
    declared, persona = _word(doc, "declared"), _word(doc, "persona")
    assert persona.dep_ == "oprd" and persona.pos_ == "NOUN" and persona.head == declared
    assert any(c.dep_ == "dobj" for c in declared.children)
    assert not any(c.dep_ in ("nsubj", "nsubjpass") for c in persona.children)
    follow = [t for t in doc if t.text in ("gave", "accusing")]
    assert follow and all(t.head == declared for t in follow)
    assert len(list(doc.sents)) == 1


def test_other_parses_are_left_alone(extractor):
    text = "Ottawa expelled the ambassador and recalled its own envoy."
    plain = extractor.nlp.get_pipe("parser")(extractor.nlp.get_pipe("tagger")(
        extractor.nlp.get_pipe("tok2vec")(extractor.nlp.make_doc(text))))
    repaired = extractor.nlp(text)
    assert [(t.dep_, t.head.i) for t in plain] == [(t.dep_, t.head.i) for t in repaired]


def test_a_name_before_a_verb_without_subject_is_its_subject(extractor):
    doc = extractor.nlp("Britain froze the assets of three generals and Canada sanctioned nine officials.")
    canada, sanctioned, froze = _word(doc, "Canada"), _word(doc, "sanctioned"), _word(doc, "froze")
    assert canada.dep_ == "nsubj" and canada.head == sanctioned
    assert sanctioned.dep_ == "conj" and sanctioned.head == froze


def test_a_name_in_a_participle_phrase_is_left_alone(extractor):
    doc = extractor.nlp("Rockets fired by Hamas and Islamic Jihad killed 12 people in Israel.")
    assert _word(doc, "Jihad").dep_ != "nsubj"


def test_a_name_joined_to_a_short_date_is_the_subject(extractor):
    doc = extractor.nlp("Italy agreed to take custody of the embassy and to represent Peru's interests, "
                        "but on Oct 3 Bolivia expelled two Italian diplomats.")
    bolivia, expelled, oct_ = _word(doc, "Bolivia"), _word(doc, "expelled"), _word(doc, "Oct")
    assert bolivia.dep_ == "nsubj" and bolivia.head == expelled
    assert oct_.dep_ == "pobj" and oct_.head.lower_ == "on" and _word(doc, "3").head == oct_


def test_a_with_after_in_solidarity_is_the_nouns(extractor):
    doc = extractor.nlp("Montenegro expelled a Russian diplomat in solidarity with Britain.")
    assert _word(doc, "with").head == _word(doc, "solidarity")
