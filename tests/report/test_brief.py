"""Briefs on a synthetic store: charts as real PNGs, evidence quoted and escaped, Markdown files."""

import base64
import re

import pytest
from typer.testing import CliRunner

from entente.cli import app
from entente.errors import UsageError
from entente.report.brief import headline, make_brief
from entente.report.render import markdown, to_html, write_brief
from entente.store import Store
from tests.report.conftest import SCRIPT

runner = CliRunner()
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def dyad_brief(brief_db):
    with Store(brief_db) as store:
        yield make_brief(store, dyad=("IRN", "RUS"))


def images(page: str) -> list[bytes]:
    return [base64.b64decode(m) for m in re.findall(r'src="data:image/png;base64,([^"]+)"', page)]


def test_html_has_two_real_png_charts(dyad_brief):
    page = to_html(dyad_brief)
    found = images(page)
    assert len(found) == 2
    for png in found:
        assert png.startswith(PNG) and len(png) > 5_000
    assert "<h1>Brief: IRN–RUS</h1>" in page


def test_sections_from_the_data(dyad_brief):
    page = to_html(dyad_brief)
    for heading in ("Trend", "Shifts", "Key events", "Contested claims",
                    "Arms transfers and checks", "Sanctions matches", "Blocs"):
        assert f"<h2>{heading}</h2>" in page
    assert dyad_brief.shifts and dyad_brief.shifts[0].period == "2023-01-01"
    assert "Net cooperation between IRN and RUS" in dyad_brief.trend
    assert "<blockquote>Iran shipped hundreds of drones to Russia, officials said.</blockquote>" in page
    assert "Source: wire.txt" in page
    assert "Restricted by UNSCR 2231 (2015) Annex B para 4" in page  # the Shahed-136 check
    assert any(c.verdict == "contested" for c in dyad_brief.claims)
    # key events are facts only: a denied or negated event is not evidence of what happened
    assert all(e["status"] not in ("denied", "hypothetical") and not e["negated"]
               for e in dyad_brief.key_events)


def test_evidence_is_html_escaped(dyad_brief):
    page = to_html(dyad_brief)
    assert "<script>" not in page
    assert "Russia said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; " in page
    assert SCRIPT in markdown(dyad_brief)  # Markdown keeps the words as written


def test_markdown_writes_png_files(dyad_brief, tmp_path):
    path = write_brief(dyad_brief, tmp_path / "irn-rus.md")
    text = path.read_text()
    links = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", text)
    assert len(links) == 2
    for link in links:
        data = (tmp_path / link).read_bytes()
        assert data.startswith(PNG) and len(data) > 5_000
    assert text.startswith("# Brief: IRN–RUS")


def test_actor_brief_uses_the_busiest_partner(brief_db):
    with Store(brief_db) as store:
        brief = make_brief(store, actor="irn", since="2023")
    assert brief.subject == "IRN" and brief.series.b == "RUS"
    assert brief.trend.startswith("IRN's busiest partner is RUS.")
    assert all(r.supplier == "IRN" or r.recipient == "IRN" for r, _ in brief.transfers)


def test_no_events_is_a_usage_error(brief_db):
    with Store(brief_db) as store, pytest.raises(UsageError, match="no events for FRA–DEU"):
        make_brief(store, dyad=("FRA", "DEU"))


def test_headline_in_words():
    assert headline(None) == "Too few events between two actors to tell a trend."


def test_cli_writes_html_and_prints_markdown(brief_db, tmp_path):
    out = tmp_path / "b.html"
    result = runner.invoke(app, ["brief", "--dyad", "IRN", "RUS", "--out", str(out),
                                 "--db", str(brief_db)])
    assert result.exit_code == 0, result.output
    assert len(images(out.read_text())) == 2
    shown = runner.invoke(app, ["brief", "--actor", "RUS", "--db", str(brief_db)])
    assert shown.exit_code == 0 and shown.stdout.startswith("# Brief: RUS")


@pytest.mark.parametrize("args", [
    ["brief", "--dyad", "FRA", "DEU"],                       # no events
    ["brief", "--actor", "ZZZ"],                             # no events
    ["brief", "--dyad", "IRN", "RUS", "--out", "b.pdf"],     # unknown extension
    ["brief", "--dyad", "IRN", "RUS", "--out", "brief"],     # no extension
    ["brief"],                                               # neither actor nor dyad
    ["brief", "--actor", "IRN", "--dyad", "IRN", "RUS"],     # both
    ["brief", "--actor", "IRN", "--since", "May"],           # bad date
])
def test_cli_errors_exit_two(brief_db, tmp_path, args):
    result = runner.invoke(app, [*args, "--db", str(brief_db)])
    assert result.exit_code == 2, result.output
    assert not list(tmp_path.iterdir())


def test_missing_store_exits_two(tmp_path):
    result = runner.invoke(app, ["brief", "--actor", "IRN", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and not (tmp_path / "none.duckdb").exists()


def test_sanctions_matches_of_the_actors_in_the_events(tmp_path):
    from entente.model import Mention
    from entente.sanctions import load_file
    from tests.analyse.conftest import event, load

    flight = event("m1", "IRN", "RUS", "AID", "2024-09-10", 8, mode="military",
                   sentence="Mahan Airlines flew the missiles to Russia.")
    flight = flight.model_copy(update={"source": Mention(text="Mahan Airlines", actor_id="IRN",
                                                         country="IRN")})
    db = load(tmp_path, [flight, event("m2", "RUS", "IRN", "CONSULT", "2024-09-11", 1)])
    listed = tmp_path / "list.csv"
    listed.write_text("name,aliases,country,program,listed_on\n"
                      "Mahan Air,Mahan Airlines,IR,IRAN-EO13224,2011-10-12\n"
                      "Rosoboronexport,,RU,UKRAINE-EO13662,2014-07-16\n", encoding="utf-8")
    with Store(db) as store:
        load_file(store, listed)
        brief = make_brief(store, dyad=("IRN", "RUS"))
    assert brief.sanctions_loaded
    assert [m.matches[0].name for m in brief.sanctions] == ["Mahan Air"]
    assert "<td>Mahan Air</td>" in to_html(brief)
