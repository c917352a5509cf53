"""One document that breaks extraction never stops a batch: it is reported and left pending."""

from entente import jobs
from entente.extract.pipeline import Extractor
from entente.model import Document
from entente.store import Store


def _doc(text: str, name: str) -> Document:
    return Document(doc_id=Document.make_id(text), text=text, published="2024-01-01", name=name)


def test_a_failing_document_is_skipped_and_reported(monkeypatch, tmp_path):
    good, bad = _doc("Japan imposed sanctions on Russia.", "good.txt"), _doc("Boom breaks here.", "bad.txt")
    original = Extractor.builder.func  # the cached_property's function

    class Exploding:
        def __init__(self, real):
            self.real = real

        def build(self, parsed, doc_id, name, text=None):
            if name == "bad.txt":
                raise RuntimeError("a bug")
            return self.real.build(parsed, doc_id, name, text)

    extractor = Extractor()
    extractor.__dict__["builder"] = Exploding(original(extractor))
    results = list(extractor.extract_many([bad, good]))
    assert results[0][1] is None
    assert any(e.type == "SANCTION" for e in results[1][1])

    monkeypatch.setattr("entente.extract.pipeline.Extractor", lambda: extractor)
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents([bad, good])
        report = jobs.extract_pending(store)
        assert report.failed == ["bad.txt"] and report.documents == 1
        pending = [d.name for d in store.documents(pending_for="entente-rules-v1")]
        assert pending == ["bad.txt"]  # left pending, to be redone once the bug is fixed


def test_an_accused_actor_without_a_code_does_not_break_extraction():
    text = "U.S. officials said Vladimir Putin supplied drones to Iran."
    doc = Document(doc_id=Document.make_id(text), text=text, published="2000", name="a.txt")
    assert isinstance(Extractor().extract(doc), list)
