"""PLOVER scoring with a fake extractor on records built here (invented sentences)."""

from __future__ import annotations

from eval_helpers import actor, event
from entente.evaluate import load_plover, score_plover


def record(id_, text, event_current, actors, recipients, mode=None):
    as_list = lambda pairs: [{"text": t, "code": c} for t, c in pairs]  # noqa: E731
    return {"id": id_, "text": text, "date": "20000101", "event_current": event_current,
            "actor": as_list(actors), "recipient": as_list(recipients), "mode": mode}


RECORDS = [
    record("p1", "one", "ACCUSE", [("Freedonian", "FRE")], [("Sylvania", "SYL")]),
    record("p2", "two", "REQUEST", [("United Nations", "IGO")], [("Japanese", "JAP")]),
    record("p3", "three", "CONSULT", [("Freedonia", "FRE")], [("Sylvania", "SYL")]),
    record("p4", "four", "PROTEST", [("Sylvanian workers", "SYL")], [], mode="strike-hun"),
    record("p5", "five", "ASSAULT", [("Freedonia", "FRE")], [("Sylvania", "SYL")], mode="heavy-weapons"),
]

OUTPUTS = {
    "one": [event("ABC", "DEF", "ACCUSE"), event("FRE", "SYL", "REJECT")],  # dyad wins over first
    "two": [event(actor("UN", text="the United Nations", country=None), "JPN", "REQUEST")],
    "three": [event("SYL", "FRE", "CONSULT")],  # undirected: reversed still agrees
    "four": [event(actor("SYL", text="workers"), None, "PROTEST", mode="strike")],
    "five": [],
}


def test_figures_and_failures():
    report = score_plover(RECORDS, lambda text, date: OUTPUTS[text])
    parts = {name: (p.total, p.correct) for name, p in report.parts.items()}
    assert parts == {
        "type": (5, 3),  # p1 chose the REJECT event; p5 has none
        "type_any": (5, 4),
        "actor": (5, 4),
        "recipient": (4, 3),  # p4 has no recipient
        "mode": (2, 1),
    }
    failures = {f.id: f.failed for f in report.failures}
    assert failures == {"p1": ("type",), "p5": ("type", "type_any", "actor", "recipient", "mode")}
    assert report.failures[0].chosen.type == "REJECT"
    assert report.failures[1].chosen is None and report.failures[1].gold_recipients == ["SYL"]


def test_real_records_smoke(shared_eval):
    records = load_plover(shared_eval / "plover" / "plover_examples.jsonl")
    assert len(records) == 322
    report = score_plover(records, lambda text, date: [event("USA", "IRQ", "ACCUSE")])
    assert report.n_records == 322
    assert report.parts["type"].total == 322
    assert report.parts["recipient"].total == 288 and report.parts["mode"].total == 108


def test_placeholder_dates_are_read_as_undated():
    seen = []
    score_plover(RECORDS[:2], lambda text, date: seen.append(date) or [])
    assert seen == [None, None]


def test_a_file_that_is_not_json_lines_is_a_clear_error(tmp_path):
    import pytest
    from typer.testing import CliRunner

    from entente.cli import app
    from entente.errors import InputError

    text = tmp_path / "LICENSE.txt"
    text.write_text("Creative Commons\n{\"text\": \"ok\"}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"LICENSE.txt:1: not JSON Lines"):
        load_plover(text)
    listed = tmp_path / "list.jsonl"
    listed.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"list.jsonl:1: each line must be a JSON object"):
        load_plover(listed)
    result = CliRunner().invoke(app, ["eval", "--plover", str(text)])
    assert result.exit_code != 0
    assert "LICENSE.txt:1: not JSON Lines" in " ".join(result.output.split())  # (the console wraps)
    assert "Traceback" not in result.output


def test_an_intended_cooperative_act_scores_as_agree():
    records = [record("i1", "pledge", "AGREE", [("Freedonia", "FRE")], [("Sylvania", "SYL")]),
               record("i2", "sent", "AID", [("Freedonia", "FRE")], [("Sylvania", "SYL")])]
    outputs = {"pledge": [event("SYL", "FRE", "AID", status="promised")],  # AGREE: either way
               "sent": [event("FRE", "SYL", "AID")]}
    report = score_plover(records, lambda text, date: outputs[text])
    assert (report.parts["type"].correct, report.parts["actor"].correct) == (2, 2)
