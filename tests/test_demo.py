from entente.demo import run_demo
from tests.conftest import ROOT


def test_demo_runs_every_stage_from_nothing(tmp_path):
    summary = run_demo(tmp_path / "out", ROOT / "examples" / "articles")
    assert summary.counts["articles ingested"] >= 12
    assert summary.counts["inputs failed"] == 0
    assert summary.counts["documents extracted"] == summary.counts["articles ingested"]
    assert summary.counts["events"] > 50
    assert summary.top_dyads
    again = run_demo(tmp_path / "out", ROOT / "examples" / "articles")  # starts afresh
    assert again.counts == summary.counts
