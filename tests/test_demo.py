from entente.demo import run_demo
from tests.conftest import ROOT


def test_demo_runs_every_stage_from_nothing(tmp_path):
    summary = run_demo(tmp_path / "out", ROOT / "examples" / "articles")
    assert summary.counts["articles ingested"] >= 12
    assert summary.counts["inputs failed"] == 0
    assert summary.counts["documents extracted"] == summary.counts["articles ingested"]
    assert summary.counts["events"] > 50
    assert summary.top_dyads
    # the demo ends with a brief on the busiest dyad: charts embedded, the dyad in a heading
    assert summary.brief == tmp_path / "out" / "brief.html" and summary.brief.exists()
    page = summary.brief.read_text(encoding="utf-8")
    assert "data:image/png;base64," in page
    a, b = next((a, b) for a, b, _ in summary.top_dyads if a and b)
    assert f"<h1>Brief: {a.upper()}–{b.upper()}</h1>" in page
    again = run_demo(tmp_path / "out", ROOT / "examples" / "articles")  # starts afresh
    assert again.counts == summary.counts
