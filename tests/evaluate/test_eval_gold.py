"""Gold-article scoring: the README rules on a small hand-made article with known figures."""

from __future__ import annotations

import json

import pytest

from eval_helpers import actor, event
from entente.errors import InputError
from entente.evaluate import GoldDoc, GoldEvent, event_matches, load_gold, load_gold_dir, load_system_jsonl, score_documents
from entente.model import Mention


def gold(source, target, type_, **kw) -> GoldEvent:
    return GoldEvent(source=source, target=target, type=type_, **kw)


IRGC = Mention(actor_id="IRGC", country="IRN", text="the Revolutionary Guards")

GOLD_A = [
    gold("IRN", "RUS", "AID", status="reported", items=["Widget-9"], key=True, quote="q0"),  # 0
    gold("RUS", "IRN", "CONSULT", key=True, quote="q1"),  # 1
    gold("USA", "IRN", "SANCTION", quote="q2"),  # 2
    gold("IRN", "RUS", "REQUEST", alt_types=["COOPERATE"], quote="q3"),  # 3
    gold("UN", None, "ACCUSE", quote="q4"),  # 4
    gold("USA", "RUS", "THREATEN", key=True, quote="q5"),  # 5: missed
    gold("RUS", "IRN", "AID", status="promised", items=["S-999", "Radar-X"], quote="q6"),  # 6
]
SYSTEM_A = [
    event(IRGC, "RUS", "AID"),  # duplicate of the next: also correct, worse pair
    event(IRGC, "RUS", "AID", status="reported", items=[("Widget-9 missiles", None)]),
    event("IRN", "RUS", "CONSULT"),  # reversed, undirected
    event("IRN", "RUS", "COOPERATE", status="planned"),  # alt type; status wrong
    event(actor("UN", country=None), None, "ACCUSE"),  # null targets
    event("USA", "IRN", "ACCUSE", sentence="s-f"),  # false: wrong type
    event("IRN", "USA", "SANCTION", sentence="s-g"),  # false: SANCTION is directed
    event("RUS", "IRN", "AID", status="promised", items=[("surface-to-air", "S-999")]),  # Radar-X missing
    event("USA", "IRN", "SANCTION"),
]


@pytest.fixture
def report():
    golds = {
        "a.txt": GoldDoc(article="a.txt", events=GOLD_A),
        "b.txt": GoldDoc(article="b.txt", events=[gold("IRN", None, "ACCUSE", key=True)]),
    }
    system = {"a.txt": SYSTEM_A, "c.txt": [event("IRN", "RUS", "AID")]}
    return score_documents(system, golds)


def test_micro_totals(report):
    assert (report.n_system, report.matched_system) == (9, 7)
    assert (report.n_gold, report.matched_gold) == (8, 6)
    assert (report.n_key, report.matched_key) == (4, 2)
    assert report.precision == pytest.approx(7 / 9)
    assert report.recall == pytest.approx(6 / 8)
    assert report.key_recall == pytest.approx(2 / 4)
    p, r = 7 / 9, 6 / 8
    assert report.f1 == pytest.approx(2 * p * r / (p + r))


def test_status_and_items_over_best_pairs(report):
    assert len(report.pairs) == 6
    assert report.status_accuracy == pytest.approx(5 / 6)  # only the COOPERATE pair differs
    assert (report.item_pairs, report.item_found) == (2, 1)  # Widget-9 found, Radar-X not
    first = next(p for p in report.pairs if p.index == 0)
    assert first.system.status == "reported"  # the better of the two duplicates


def test_per_document_rows(report):
    rows = {d.doc: d for d in report.documents}
    assert set(rows) == {"a.txt", "b.txt"}
    assert rows["a.txt"].precision == pytest.approx(7 / 9)
    assert rows["a.txt"].recall == pytest.approx(6 / 7)
    assert rows["a.txt"].key_recall == pytest.approx(2 / 3)
    assert rows["b.txt"].precision is None and rows["b.txt"].recall == 0.0


def test_misses_false_events_and_unscored(report):
    assert [(m.doc, m.index, m.quote) for m in report.misses] == [("a.txt", 5, "q5"), ("b.txt", 0, None)]
    assert [f.sentence for f in report.false_events] == ["s-f", "s-g"]
    assert report.unscored_docs == ["c.txt"]
    assert report.totals()["f1"] == report.f1


@pytest.mark.parametrize("system, gold_event, expected", [
    (event(IRGC, "RUS", "AID"), gold("irn", "rus", "AID"), True),  # organ → state, case
    (event("RUS", "IRN", "AGREE"), gold("IRN", "RUS", "AGREE"), True),
    (event("RUS", "IRN", "AID"), gold("IRN", "RUS", "AID"), False),
    (event("IRN", None, "THREATEN"), gold("IRN", "ISR", "THREATEN"), False),
    (event("IRN", "ISR", "THREATEN"), gold("IRN", None, "THREATEN"), False),
    (event(actor("HAMAS", country=None), "ISR", "ASSAULT"), gold("HAMAS", "ISR", "ASSAULT"), True),
    (event("RUS", "IRN", "AGREE"), gold("IRN", "RUS", "AID", alt_types=["AGREE"]), True),
])
def test_event_matches(system, gold_event, expected):
    assert event_matches(system, gold_event) is expected


def test_load_gold_names_the_broken_file(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps({"article": "x.txt", "events": [{"source": "IRN", "type": "HUG"}]}))
    with pytest.raises(InputError, match="broken.json"):
        load_gold(bad)


def test_load_gold_dir_keys_by_article(tmp_path):
    doc = {"article": "dir/x.txt", "events": [{"source": "IRN", "target": None, "type": "AID", "note": "kept"}]}
    (tmp_path / "x.json").write_text(json.dumps(doc))
    assert list(load_gold_dir(tmp_path)) == ["x.txt"]


def test_load_system_jsonl_is_lenient_about_extra_fields(tmp_path):
    lines = [
        {"doc": "x.txt", "type": "AID", "mode": "military", "status": "reported", "score": 3,
         "source": {"text": "Iran", "actor_id": "IRN", "country": "IRN", "salience": 1},
         "target": {"actor_id": "RUS", "country": "RUS"},
         "items": [{"text": "gizmos", "name": "Gizmo", "quantity": 20, "colour": "red"}]},
        {"doc": "y.txt", "type": "CONSULT", "source": {"text": "the EU", "actor_id": "EU"}, "target": None},
    ]
    path = tmp_path / "out.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    events = load_system_jsonl(path)
    assert sorted(events) == ["x.txt", "y.txt"]
    aid = events["x.txt"][0]
    assert (aid.source.code, aid.target.code, aid.items[0].name) == ("IRN", "RUS", "Gizmo")
    assert events["y.txt"][0].target is None and events["y.txt"][0].status == "asserted"


def test_load_system_jsonl_names_the_bad_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"doc": "x.txt", "type": "AID"}\n{"doc": "x.txt", "type": "HUG"}\n')
    with pytest.raises(InputError, match="out.jsonl:2"):
        load_system_jsonl(path)


def test_seed_gold_loads(shared_eval):
    docs = load_gold_dir(shared_eval / "seed")
    assert len(docs) == 1
    (doc,) = docs.values()
    assert len(doc.events) > 0 and any(e.key for e in doc.events)
    report = score_documents({}, docs)
    assert report.recall == 0.0 and report.precision is None
