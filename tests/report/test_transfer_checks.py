"""`entente transfers --check`: each register row with its arms-control verdicts."""

import json

from typer.testing import CliRunner

from entente.cli import app

runner = CliRunner()


def rows(db, *args):
    result = runner.invoke(app, ["transfers", "--check", *args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result


def verdicts(row):
    return {v["id"]: v["result"] for v in row["check"]["verdicts"]}


def test_json_adds_the_check_object(transfer_db):
    data = json.loads(rows(transfer_db, "--format", "json").stdout)
    by_system = {r["system"]: r for r in data}
    shahed, fath = by_system["Shahed-136"], by_system["Fath-360"]
    # the same shape as `entente check --format json`
    assert set(shahed["check"]) == {"transfer", "item", "verdicts", "summary"}
    assert shahed["check"]["transfer"]["date"] == "2022-10"
    assert verdicts(shahed)["unscr2231-b4"] == "restricted"
    assert "Restricted by UNSCR 2231" in shahed["check"]["summary"]
    fath_2231 = {k: v for k, v in verdicts(fath).items() if k.startswith("unscr2231")}
    assert fath_2231 and "restricted" not in fath_2231.values()
    assert fath_2231["unscr2231-b4"] == "not_restricted"
    assert "Not restricted by any Security Council provision" in fath["check"]["summary"]


def test_json_without_check_is_unchanged(transfer_db):
    result = runner.invoke(app, ["transfers", "--format", "json", "--db", str(transfer_db)])
    assert "check" not in json.loads(result.stdout)[0]


def test_table_and_csv_have_a_verdict_column(transfer_db):
    table = rows(transfer_db).stdout
    assert "checked" in table and "check" in table
    csv_text = rows(transfer_db, "--format", "csv").stdout
    header, *lines = csv_text.splitlines()
    assert header.endswith(",check")
    shahed = next(line for line in lines if "Shahed-136" in line)
    fath = next(line for line in lines if "Fath-360" in line)
    assert "restricted: Restricted by UNSCR 2231" in shahed
    assert "not restricted + unilateral: Not restricted by any Security Council provision" in fath


def test_bad_arguments_still_exit_two(transfer_db):
    result = runner.invoke(app, ["transfers", "--check", "--since", "May", "--db", str(transfer_db)])
    assert result.exit_code == 2
