"""The command line: one command per user task, each a thin shell over a library call."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from entente import jobs, output
from entente.errors import EntenteError
from entente.store import DEFAULT_DB, EventFilter, Store

app = typer.Typer(help="entente: who did what to whom, when, with what, and according to whom.",
                  no_args_is_help=True, add_completion=False)
import_app = typer.Typer(help="Load records made elsewhere into the store.", no_args_is_help=True)
app.add_typer(import_app, name="import")

console = Console()
errors = Console(stderr=True)

DbOption = Annotated[Path, typer.Option(
    "--db", envvar="ENTENTE_DB", help="The store file.", show_default=True)]


class TableFormat(str, Enum):
    table = "table"
    json = "json"


class EventFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _fail(message: str, code: int = 2) -> None:
    errors.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _open(db: Path) -> Store:
    try:
        return Store(db)
    except EntenteError as exc:
        _fail(str(exc))


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed} done"), TimeElapsedColumn(),
                    console=errors, transient=True, disable=not errors.is_terminal)


def _print_problems(problems) -> None:
    for problem in problems:
        errors.print(f"[yellow]skipped[/yellow] {problem}", highlight=False, soft_wrap=True)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    db: DbOption = Path(DEFAULT_DB),
    max_bytes: Annotated[int, typer.Option(help="Largest file accepted, in bytes.")] = 10_000_000,
    date: Annotated[Optional[str], typer.Option(
        help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for documents that carry none.")] = None,
) -> None:
    """Read articles (.txt .md .html .xml/.rss/.atom .jsonl) into the store, idempotently."""
    with _open(db) as store, _progress() as bar:
        task = bar.add_task("ingesting", total=None)
        try:
            report = jobs.ingest_paths(store, paths, max_bytes=max_bytes, date=date,
                                       progress=lambda n: bar.advance(task, n))
        except EntenteError as exc:
            _fail(str(exc))
    _print_problems(report.problems)
    table = Table(title="Ingest")
    for column in ("read", "added", "already stored", "not English", "failed"):
        table.add_column(column, justify="right")
    table.add_row(*(str(v) for v in (report.read, report.added, report.already_stored,
                                     report.not_english, len(report.problems))))
    console.print(table)
    raise typer.Exit(1 if report.problems else 0)


@app.command()
def stats(db: DbOption = Path(DEFAULT_DB),
          format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table) -> None:
    """Counts of what the store holds."""
    with _open(db) as store:
        data = store.stats()
    if format is TableFormat.json:
        print(output.to_json(data))
    else:
        console.print(output.mapping_table(data, "Store"))


@import_app.command("events")
def import_events(file: Annotated[Path, typer.Argument(help="JSON Lines of event records.")],
                  db: DbOption = Path(DEFAULT_DB)) -> None:
    """Load events in the event-record format (docs/schema.md), idempotently by event_id."""
    if not file.exists():
        _fail(f"{file}: no such file")
    with _open(db) as store:
        report = jobs.import_events(store, file)
    _print_problems(report.problems)
    console.print(f"events added: {report.added}, already stored: {report.already_stored}, "
                  f"failed lines: {len(report.problems)}")
    raise typer.Exit(1 if report.problems else 0)


# -- event datasets: entente import gdelt|icews|acled|polecat FILE... --------------------------
DatasetFiles = Annotated[list[Path], typer.Argument(help="Event files (plain, .zip or .gz).")]
PROBLEMS_SHOWN = 20


def _import_dataset(dataset: str, files: list[Path], db: Path) -> None:
    with _open(db) as store, _progress() as bar:
        task = bar.add_task(f"importing {dataset}", total=None)
        report = jobs.import_dataset(store, dataset, files, progress=lambda n: bar.advance(task, n))
    _print_problems(report.problems[:PROBLEMS_SHOWN])
    hidden = max(0, len(report.problems) - PROBLEMS_SHOWN) + report.problems_not_shown
    if hidden > 0:
        errors.print(f"[yellow]... and {hidden} more malformed rows[/yellow]", highlight=False)
    table = Table(title=f"Import {dataset}")
    for column in ("files", "rows", "added", "already stored", "no PLOVER type", "malformed"):
        table.add_column(column, justify="right")
    table.add_row(*(f"{v:,}" for v in (report.files, report.rows, report.added,
                                       report.already_stored, report.unmapped, report.malformed)))
    console.print(table)
    raise typer.Exit(1 if report.problems else 0)


@import_app.command("gdelt")
def import_gdelt(files: DatasetFiles, db: DbOption = Path(DEFAULT_DB)) -> None:
    """GDELT 1.0 or 2.0 event files (57, 58 or 61 tab-separated columns)."""
    _import_dataset("gdelt", files, db)


@import_app.command("icews")
def import_icews(files: DatasetFiles, db: DbOption = Path(DEFAULT_DB)) -> None:
    """ICEWS coded event files (tab-separated, with a header row)."""
    _import_dataset("icews", files, db)


@import_app.command("acled")
def import_acled(files: DatasetFiles, db: DbOption = Path(DEFAULT_DB)) -> None:
    """ACLED CSV exports; event types become PLOVER types (knowledge/data/datasets/acled.yaml)."""
    _import_dataset("acled", files, db)


@import_app.command("polecat")
def import_polecat(files: DatasetFiles, db: DbOption = Path(DEFAULT_DB)) -> None:
    """POLECAT files: the tab-separated release or JSON Lines (also PLOVER records)."""
    _import_dataset("polecat", files, db)


@app.command()
def events(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[Optional[str], typer.Option(help="Actor or state code, either side.")] = None,
    dyad: Annotated[Optional[tuple[str, str]], typer.Option(help="Two codes, either direction.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. AID.")] = None,
    status: Annotated[Optional[str], typer.Option(help="e.g. reported, denied.")] = None,
    since: Annotated[Optional[str], typer.Option(help="ISO date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[Optional[str], typer.Option(help="ISO date (YYYY[-MM[-DD]]).")] = None,
    item: Annotated[Optional[str], typer.Option(help="Item name or words, e.g. Shahed-136.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1)] = None,
    format: Annotated[EventFormat, typer.Option("--format")] = EventFormat.table,
) -> None:
    """Query stored events."""
    where = EventFilter(actor=actor, dyad=dyad, type=type, status=status, since=since,
                        until=until, item=item, limit=limit)
    with _open(db) as store:
        try:
            found = store.events(where)
        except Exception as exc:  # a filter DuckDB cannot read, e.g. a malformed date
            _fail(f"bad filter: {exc}")
    _print_events(found, format)


def _print_events(found, format: EventFormat) -> None:
    if format is EventFormat.jsonl:
        sys.stdout.write(output.events_jsonl(found))
    elif format is EventFormat.csv:
        sys.stdout.write(output.events_csv(found))
    else:
        console.print(output.events_table(found, title=f"Events ({len(found)})"))


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def extract(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Files or folders to extract from directly (nothing stored). "
             "Without paths: the stored documents not yet extracted.")] = None,
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[EventFormat, typer.Option("--format")] = EventFormat.table,
    workers: Annotated[int, typer.Option(min=1, help="Processes to extract on.")] = 1,
    max_bytes: Annotated[int, typer.Option(help="Largest file accepted, in bytes.")] = 10_000_000,
    engine: Annotated[Engine, typer.Option(
        help="local: processes on this machine. dask: a Dask cluster; the corpus (PATHS, or "
             "the stored documents) is stored, extracted in partitions and merged.")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option(
        help="Dask scheduler address (tcp://host:8786); default: a local cluster.")] = None,
    parts: Annotated[Optional[Path], typer.Option(
        help="Folder of the Dask run's Parquet partitions (default: <db>.parts).")] = None,
) -> None:
    """Extract events: from files (printed) or from the store (stored, idempotently)."""
    if engine is Engine.dask:
        _extract_on_dask(paths, db, workers, scheduler, parts, max_bytes)
        return
    if not paths:
        with _open(db) as store, _progress() as bar:
            task = bar.add_task("extracting", total=None)
            report = jobs.extract_pending(store, workers=workers,
                                          progress=lambda n: bar.advance(task, n))
        console.print(f"documents extracted: {report.documents}, events added: "
                      f"{report.events_added}, already stored: {report.events_already_stored}")
        for name in report.failed:
            errors.print(f"[red]error:[/red] {name}: extraction failed (left pending; see the log)",
                         highlight=False)
        raise typer.Exit(1 if report.failed else 0)
    from entente.extract.parallel import extract_parallel
    from entente.ingest import iter_inputs
    from entente.model import Document

    inputs = list(iter_inputs(paths, max_bytes=max_bytes))
    problems = [p for p in inputs if not isinstance(p, Document)]
    docs = [d for d in inputs if isinstance(d, Document) and d.extractable]
    found, failed = [], []
    for doc, evs in extract_parallel(docs, workers):
        if evs is None:
            failed.append(doc.name or doc.doc_id)
        else:
            found += evs
    for name in failed:
        errors.print(f"[red]error:[/red] {name}: extraction failed (see the log); other files went on",
                     highlight=False)
    _print_problems(problems)
    _print_events(found, format)
    raise typer.Exit(1 if problems else 0)


def _extract_on_dask(paths, db: Path, workers: int, scheduler: str | None, parts: Path | None,
                     max_bytes: int) -> None:
    from entente.scale import run_corpus

    with _open(db) as store, _progress() as bar:
        task = bar.add_task("extracting on dask", total=None)
        try:
            report = run_corpus(store, paths, scheduler=scheduler, workers=workers, parts=parts,
                                max_bytes=max_bytes, progress=lambda n: bar.advance(task, n))
        except (EntenteError, OSError) as exc:
            _fail(str(exc))
    _print_problems(report.problems)
    console.print(f"documents: {report.documents} in {report.partitions} partitions "
                  f"({report.computed} computed, {report.reused} reused); events added: "
                  f"{report.events_added}, already stored: {report.events_already_stored}")
    raise typer.Exit(1 if report.problems else 0)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Optional[Path], typer.Argument(help="Folder of gold JSON files.")] = None,
    docs: Annotated[Optional[Path], typer.Option(help="Folder of the articles the gold describes.")] = None,
    petrarch: Annotated[Optional[Path], typer.Option(help="PETRARCH validation JSON Lines.")] = None,
    plover: Annotated[Optional[Path], typer.Option(help="PLOVER examples JSON Lines.")] = None,
    errors_shown: Annotated[int, typer.Option("--show", help="Misses and false events to list.")] = 20,
    format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
) -> None:
    """Score extraction against gold articles, PETRARCH records or PLOVER examples."""
    from entente import scoring

    if gold_dir is None and petrarch is None and plover is None:
        _fail("give GOLD_DIR with --docs, or --petrarch FILE, or --plover FILE")
    if gold_dir is not None and docs is None:
        _fail("GOLD_DIR needs --docs DIR (the articles)")
    try:
        if gold_dir is not None:
            report = scoring.gold(gold_dir, docs)
        elif petrarch is not None:
            report = scoring.petrarch(petrarch)
        else:
            report = scoring.plover(plover)
    except EntenteError as exc:
        _fail(str(exc))
    if format is TableFormat.json:
        print(output.to_json(output.report_summary(report)))
        return
    for table in output.report_tables(report, errors_shown):
        console.print(table)


@app.command()
def demo(out: Annotated[Path, typer.Option(help="Folder for the demo store and outputs.")]
         = Path("demo-output"),
         examples: Annotated[Optional[Path], typer.Option(help="Folder of example articles.")]
         = None) -> None:
    """Run every stage on the bundled example articles, in a fresh demo store."""
    from entente.demo import run_demo

    try:
        summary = run_demo(out, examples)
    except EntenteError as exc:
        _fail(str(exc))
    console.print(output.mapping_table(summary.counts, "entente demo"))
    if summary.top_dyads:
        console.print("busiest dyads: " + ", ".join(f"{a}–{b} ({n})" for a, b, n in summary.top_dyads))
    for line in summary.notes:
        console.print(line)


# -- analysis ----------------------------------------------------------------------------------
class Period(str, Enum):
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class AnalysisFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class NetworkFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    graphml = "graphml"


SinceOption = Annotated[Optional[str], typer.Option(help="ISO date (YYYY[-MM[-DD]]).")]
UntilOption = Annotated[Optional[str], typer.Option(
    help="ISO date; YYYY or YYYY-MM include the whole year or month.")]
CodeArgument = Annotated[str, typer.Argument(help="Actor or state code, e.g. IRN.")]


def _analyse(run):
    """Run an analysis; a bad argument (EntenteError) exits 2 with its message."""
    try:
        return run()
    except EntenteError as exc:
        _fail(str(exc))


def _show(format, data: list, rows: list, columns: list[str], title: str,
          table_columns: list[str] | None = None) -> None:
    from entente.analyse import formats

    if format.value == "json":
        print(output.to_json(data))
    elif format.value == "csv":
        sys.stdout.write(formats.csv_text(rows, columns))
    else:
        console.print(formats.table(rows, table_columns or columns, title))


@app.command()
def dyad(a: CodeArgument, b: CodeArgument, db: DbOption = Path(DEFAULT_DB),
         by: Annotated[Period, typer.Option("--by")] = Period.month,
         since: SinceOption = None, until: UntilOption = None,
         format: Annotated[AnalysisFormat, typer.Option("--format")] = AnalysisFormat.table) -> None:
    """Relations between two actors period by period, and where they shifted."""
    from entente.analyse import dyads, formats, shifts

    with _open(db) as store:
        series = _analyse(lambda: dyads.dyad_series(store, a, b, by.value, since, until))
        found = _analyse(lambda: shifts.dyad_shifts(store, a, b, series=series))
    if format is AnalysisFormat.json:
        print(output.to_json({"series": [r.to_dict() for r in series.rows],
                              "shifts": [s.to_dict() for s in found]}))
    elif format is AnalysisFormat.csv:
        sys.stdout.write(formats.dyad_csv(series, found))
    else:
        for table in formats.dyad_tables(series, found):
            console.print(table)


@app.command("shifts")
def shifts_command(
    db: DbOption = Path(DEFAULT_DB),
    top: Annotated[int, typer.Option(min=1, help="Shifts to list.")] = 10,
    since: Annotated[Optional[str], typer.Option(
        help="Shifts from this ISO date on (default: a year before the latest event).")] = None,
    by: Annotated[Period, typer.Option("--by")] = Period.month,
    min_events: Annotated[int, typer.Option(min=1, help="Events a dyad needs to be ranked.")] = 20,
    format: Annotated[AnalysisFormat, typer.Option("--format")] = AnalysisFormat.table,
) -> None:
    """The largest recent shifts across all dyads."""
    from entente.analyse import formats, shifts

    with _open(db) as store:
        found = _analyse(lambda: shifts.rank_shifts(store, by.value, since, top, min_events))
    _show(format, [s.to_dict(with_dyad=True) for s in found], [s.to_row() for s in found],
          formats.SHIFT_COLUMNS, f"Largest shifts by {by.value} ({len(found)})")


@app.command()
def network(
    db: DbOption = Path(DEFAULT_DB), since: SinceOption = None, until: UntilOption = None,
    weight: Annotated[str, typer.Option(help="Edge weight: intensity (sum) or count "
                                             "(cooperation minus conflict events).")] = "intensity",
    min_events: Annotated[int, typer.Option(min=1, help="Events a pair needs for an edge.")] = 1,
    format: Annotated[NetworkFormat, typer.Option("--format")] = NetworkFormat.table,
) -> None:
    """The signed network of actors, its two blocs and its frustrated triangles."""
    from entente.analyse import formats
    from entente.analyse.network import analyse_network

    with _open(db) as store:
        net = _analyse(lambda: analyse_network(store, since, until, weight, min_events))
    if format is NetworkFormat.json:
        print(output.to_json(net.to_dict()))
    elif format is NetworkFormat.graphml:
        sys.stdout.write(net.graphml())
    elif format is NetworkFormat.csv:
        sys.stdout.write(formats.csv_text(net.edge_rows(), formats.EDGE_COLUMNS))
    else:
        for table in formats.network_tables(net):
            console.print(table)


@app.command("claims")
def claims_command(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[Optional[str], typer.Option(help="Actor or state code, either side.")] = None,
    dyad: Annotated[Optional[tuple[str, str]], typer.Option(help="Two codes, either direction.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. AID.")] = None,
    since: SinceOption = None, until: UntilOption = None,
    format: Annotated[AnalysisFormat, typer.Option("--format")] = AnalysisFormat.table,
) -> None:
    """Propositions, who asserts, reports and denies them, and whether they are contested."""
    from entente.analyse import formats
    from entente.analyse.claims import claims

    with _open(db) as store:
        found = _analyse(lambda: claims(store, actor, dyad, type, since, until))
    _show(format, [c.to_dict() for c in found], [c.to_row() for c in found],
          formats.CLAIM_COLUMNS, f"Claims ({len(found)})", formats.CLAIM_TABLE)


@app.command("transfers")
def transfers_command(
    db: DbOption = Path(DEFAULT_DB),
    supplier: Annotated[Optional[str], typer.Option(help="Supplier code, e.g. IRN.")] = None,
    recipient: Annotated[Optional[str], typer.Option(help="Recipient code, e.g. RUS.")] = None,
    since: SinceOption = None, until: UntilOption = None,
    check: Annotated[bool, typer.Option("--check", help="Check each row against the arms-control "
                                                        "provisions (as `entente check`).")] = False,
    format: Annotated[AnalysisFormat, typer.Option("--format")] = AnalysisFormat.table,
) -> None:
    """The arms-transfer register: supplier, recipient, system, quantity, status, sources."""
    from entente.analyse import formats
    from entente.analyse.transfers import transfers

    with _open(db) as store:
        rows = _analyse(lambda: transfers(store, supplier, recipient, since, until))
    if check:
        from entente.report.checks import register_with_checks

        data, flat = register_with_checks(rows)
        _show(format, data, flat, [*formats.TRANSFER_COLUMNS, "check"],
              f"Arms transfers ({len(rows)}), checked")
        return
    _show(format, [r.to_dict() for r in rows], [r.to_row() for r in rows],
          formats.TRANSFER_COLUMNS, f"Arms transfers ({len(rows)})")


@app.command()
def brief(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[Optional[str], typer.Option(help="Actor or state code, e.g. IRN.")] = None,
    dyad: Annotated[Optional[tuple[str, str]], typer.Option(help="Two codes, e.g. IRN RUS.")] = None,
    since: SinceOption = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", help="FILE.html (charts embedded) or FILE.md (charts beside it); "
                      "without it, Markdown on stdout.")] = None,
) -> None:
    """A brief on an actor or a dyad: trend, shifts, key events, claims, transfers, sanctions."""
    from entente.report.brief import make_brief
    from entente.report.render import check_out, markdown, write_brief

    if (actor is None) == (dyad is None):
        _fail("give --actor CODE or --dyad A B (one of them)")
    if out is not None:
        _analyse(lambda: check_out(out))
    if not db.exists():
        _fail(f"{db}: no such store")
    with _open(db) as store:
        found = _analyse(lambda: make_brief(store, actor, dyad, since))
        if out is None:
            sys.stdout.write(markdown(found))
            return
        path = _analyse(lambda: write_brief(found, out))
    console.print(f"brief written: {path}", highlight=False, soft_wrap=True)


# -- arms-control checks and sanctions lists (entente/check, entente/sanctions) ---------------
sanctions_app = typer.Typer(help="Sanctions lists: load them, match names against them.",
                            no_args_is_help=True)
app.add_typer(sanctions_app, name="sanctions")
ThresholdOption = Annotated[float, typer.Option(min=0, max=100, help="Lowest score (0-100) reported.")]


@app.command()
def check(
    supplier: Annotated[Optional[str], typer.Option(help="ISO3 code or name, e.g. IRN.")] = None,
    recipient: Annotated[Optional[str], typer.Option(help="ISO3 code or name, e.g. RUS.")] = None,
    item: Annotated[Optional[str], typer.Option(help="Weapon system, e.g. Fath-360.")] = None,
    date: Annotated[Optional[str], typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    event: Annotated[Optional[str], typer.Option(help="Check a stored event (by id) instead.")] = None,
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
) -> None:
    """Check a transfer against arms-control provisions: applies, in force, item covered, why."""
    from entente.check import check_stored_event, check_transfer
    from entente.check.render import check_view

    if event and any((supplier, recipient, item, date)):
        _fail("give --event, or --supplier/--recipient/--item/--date, not both")
    if not event and not (supplier or recipient):
        _fail("give --supplier and --recipient (with --item and --date), or --event ID")
    if event and not db.exists():
        _fail(f"{db}: no such store")
    try:
        if event:
            with _open(db) as store:
                results = check_stored_event(store, event)
        else:
            results = [check_transfer(supplier, recipient, item, date)]
    except EntenteError as exc:
        _fail(str(exc))
    if format is TableFormat.json:
        data = [r.to_json() for r in results]
        print(output.to_json(data[0] if len(data) == 1 else data))
        return
    for result in results:
        console.print(check_view(result))


@sanctions_app.command("load")
def sanctions_load(file: Annotated[Path, typer.Argument(
                       help="FollowTheMoney JSON Lines (.json/.jsonl) or CSV (name, aliases, "
                            "country, program, listed_on).")],
                   db: DbOption = Path(DEFAULT_DB)) -> None:
    """Load a sanctions list into the store; a party already stored is replaced."""
    from entente.sanctions import load_file

    with _open(db) as store:
        try:
            report = load_file(store, file)
        except EntenteError as exc:
            _fail(str(exc))
    _print_problems(report.problems)
    console.print(f"listed parties read: {report.read}, added: {report.added}, replaced: "
                  f"{report.replaced}, other records skipped: {report.other_schemata}, "
                  f"failed lines: {len(report.problems)}")
    raise typer.Exit(1 if report.problems else 0)


@sanctions_app.command("match")
def sanctions_match(name: Annotated[str, typer.Argument(help="A name as written, any romanisation.")],
                    db: DbOption = Path(DEFAULT_DB), threshold: ThresholdOption = 85.0,
                    limit: Annotated[int, typer.Option(min=1)] = 10,
                    format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table) -> None:
    """Listed parties a name matches, tolerant of spelling and romanisation, best first."""
    from entente.sanctions import match_name
    from entente.sanctions.render import matches_table

    with _open(db) as store:
        found = match_name(name, store, threshold, limit)
    if format is TableFormat.json:
        print(output.to_json([m.to_dict() for m in found]))
    else:
        console.print(matches_table(name, found, threshold))


@sanctions_app.command("actors")
def sanctions_actors(db: DbOption = Path(DEFAULT_DB), threshold: ThresholdOption = 85.0,
                     format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table) -> None:
    """Actors named in stored events that match a listed party."""
    from entente.sanctions import match_store_actors
    from entente.sanctions.render import actor_matches_table

    with _open(db) as store:
        found = match_store_actors(store, threshold)
    if format is TableFormat.json:
        print(output.to_json([a.to_dict() for a in found]))
    else:
        console.print(actor_matches_table(found, threshold))


# -- the HTTP API and web UI (entente/api, entente/web) -----------------------------------------
@app.command()
def serve(db: DbOption = Path(DEFAULT_DB),
          host: Annotated[str, typer.Option(help="Address to listen on; anything but 127.0.0.1 "
                                                 "opens the server to the network.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=1, max=65535)] = 8000) -> None:
    """Serve the API (/api, OpenAPI at /docs) and the web UI; writes need ENTENTE_TOKEN."""
    from entente.api import serve as run_server

    try:
        run_server(db, host, port, say=lambda line: errors.print(line, highlight=False, soft_wrap=True))
    except EntenteError as exc:
        _fail(str(exc))


# -- export -------------------------------------------------------------------------------------
class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    gdelt = "gdelt"
    plover = "plover"


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="File to write (a folder for parquet).")],
    format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.parquet,
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[Optional[str], typer.Option(help="Actor or state code, either side.")] = None,
    dyad: Annotated[Optional[tuple[str, str]], typer.Option(help="Two codes, either direction.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. AID.")] = None,
    status: Annotated[Optional[str], typer.Option(help="e.g. reported, denied.")] = None,
    since: Annotated[Optional[str], typer.Option(help="ISO date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[Optional[str], typer.Option(help="ISO date (YYYY[-MM[-DD]]).")] = None,
    item: Annotated[Optional[str], typer.Option(help="Item name or words, e.g. Shahed-136.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1)] = None,
) -> None:
    """Write events for other tools: Parquet by month, CSV, event records, GDELT 2.0, PLOVER."""
    from entente.export import export_events

    where = EventFilter(actor=actor, dyad=dyad, type=type, status=status, since=since,
                        until=until, item=item, limit=limit)
    with _open(db) as store:
        try:
            report = export_events(store, format.value, out, where)
        except EntenteError as exc:
            _fail(str(exc))
        except Exception as exc:  # a filter DuckDB cannot read, e.g. a malformed date
            _fail(f"bad filter: {exc}")
    console.print(f"exported {report.events:,} events ({report.format}) to {report.path}")


def main() -> None:  # pragma: no cover - the console script entry point
    app()


if __name__ == "__main__":  # python -m entente.cli
    main()
