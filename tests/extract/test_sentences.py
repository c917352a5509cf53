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
