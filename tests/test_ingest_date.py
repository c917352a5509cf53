"""`entente ingest --date`: a publication date for documents that carry none."""

from typer.testing import CliRunner

from entente.cli import app
from entente.store import Store

runner = CliRunner()


def test_undated_documents_take_the_given_date(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Iran shipped drones to Russia last month.", encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text("Title: dated\nDate: 2023-02-01\n\nJapan imposed sanctions on Russia.", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--date", "2024-11"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        published = {d.name: (d.published, d.published_precision) for d in store.documents()}
    assert published["undated.txt"] == ("2024-11", "month")
    assert published["dated.txt"][0] == "2023-02-01"  # a document's own date wins


def test_a_bad_date_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Iran shipped drones to Russia.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.duckdb"),
                                 "--date", "sometime"])
    assert result.exit_code == 2
    assert "--date" in result.output
