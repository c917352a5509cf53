"""Line breaks end sentences: a headline must not fuse with the first sentence."""


def test_line_break_ends_a_sentence(extractor):
    doc = extractor.nlp("Moscow and Minsk draw closer\nThe European Union imposed sanctions on Belarus.")
    assert [s.text.strip() for s in doc.sents] == [
        "Moscow and Minsk draw closer", "The European Union imposed sanctions on Belarus."]


def test_headline_lends_no_actor(extractor):
    events = extractor.extract_text("Moscow and Minsk draw closer\nThe European Union imposed sanctions on Belarus.",
                                    date="2024-01-01")
    pairs = {(e.source.code, e.type, e.target.code if e.target else None) for e in events}
    assert ("EU", "SANCTION", "BLR") in pairs
    assert not any(e.source.code == "RUS" for e in events)


def test_a_dateline_is_cut_off_at_its_dash(extractor):
    doc = extractor.nlp("PANAMA CITY, Panama - The presidents of Costa Rica and Nicaragua met on Friday.")
    assert [s.text.strip() for s in doc.sents] == [
        "PANAMA CITY, Panama -", "The presidents of Costa Rica and Nicaragua met on Friday."]


def test_a_dash_later_in_a_line_is_no_dateline(extractor):
    doc = extractor.nlp("Iran's response - if it comes - will be measured.")
    assert len(list(doc.sents)) == 1


def test_a_state_inside_a_region_name_is_no_actor(extractor):
    doc = extractor.nlp("Lula said that South America did not need a war.")
    assert [s.text for s in doc.spans["actors"]] == ["Lula"]


def test_the_places_of_a_dateline_are_no_actors(extractor):
    for text in ("JERUSALEM/CAIRO, Oct 30 - Hamas accused Israel of breaking the truce.",
                 "LONDON, March 8 — Hamas accused Israel of breaking the truce.",
                 "MOSCOW - Hamas accused Israel of breaking the truce."):
        doc = extractor.nlp(text)
        assert [s.text for s in doc.spans["actors"]] == ["Hamas", "Israel"], text


def test_capitals_later_in_a_line_are_actors(extractor):
    doc = extractor.nlp("Hamas accused ISRAEL of breaking the truce - again.")
    assert [s.text for s in doc.spans["actors"]] == ["Hamas", "ISRAEL"]
