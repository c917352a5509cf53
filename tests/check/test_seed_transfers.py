"""The seed article's transfers, checked: `entente transfers --check` and the brief.

The article (shared/eval/seed, test data) carries no date line; it is ingested with
`--date 2024-11`, its publication month per the gold file, so its transfers are dated.
"""

import json

import pytest
from typer.testing import CliRunner

from entente.cli import app
from tests.conftest import SHARED_EVAL

SEED = SHARED_EVAL / "seed" / "000_68b7fcbc689d2540.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="shared/eval not beside the checkout")
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    assert runner.invoke(app, ["ingest", str(SEED), "--db", str(path), "--date", "2024-11"]).exit_code == 0
    assert runner.invoke(app, ["extract", "--db", str(path)]).exit_code == 0
    return path


def test_transfers_check_gives_dated_verdicts(db):
    result = runner.invoke(app, ["transfers", "--check", "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = {(r["supplier"], r["recipient"], r["system"]): r for r in json.loads(result.stdout)}
    fath = rows[("IRN", "RUS", "Fath-360")]["check"]
    verdicts = {v["id"]: v for v in fath["verdicts"]}
    # Annex B para 4 ended on 18 Oct 2023; in Nov 2024 it restricts nothing
    assert verdicts["unscr2231-b4"]["result"] == "not_restricted"
    assert fath["item"]["mtcr_category"] == "none"  # 120-150 km: below the 300 km threshold
    assert "Security Council" in fath["summary"]


def test_the_brief_quotes_the_verdicts(db, tmp_path):
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["brief", "--dyad", "IRN", "RUS", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Fath-360" in html and "Not restricted by any Security Council provision" in html
