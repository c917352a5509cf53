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
) -> None:
    """Read articles (.txt .md .html .xml/.rss/.atom .jsonl) into the store, idempotently."""
    with _open(db) as store, _progress() as bar:
        task = bar.add_task("ingesting", total=None)
        report = jobs.ingest_paths(store, paths, max_bytes=max_bytes,
                                   progress=lambda n: bar.advance(task, n))
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


@app.command()
def extract(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Files or folders to extract from directly (nothing stored). "
             "Without paths: the stored documents not yet extracted.")] = None,
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[EventFormat, typer.Option("--format")] = EventFormat.table,
    workers: Annotated[int, typer.Option(min=1, help="Processes to extract on.")] = 1,
    max_bytes: Annotated[int, typer.Option(help="Largest file accepted, in bytes.")] = 10_000_000,
) -> None:
    """Extract events: from files (printed) or from the store (stored, idempotently)."""
    if not paths:
        with _open(db) as store, _progress() as bar:
            task = bar.add_task("extracting", total=None)
            report = jobs.extract_pending(store, workers=workers,
                                          progress=lambda n: bar.advance(task, n))
        console.print(f"documents extracted: {report.documents}, events added: "
                      f"{report.events_added}, already stored: {report.events_already_stored}")
        return
    from entente.extract.parallel import extract_parallel
    from entente.ingest import iter_inputs
    from entente.model import Document

    inputs = list(iter_inputs(paths, max_bytes=max_bytes))
    problems = [p for p in inputs if not isinstance(p, Document)]
    docs = [d for d in inputs if isinstance(d, Document) and d.extractable]
    found = [ev for _, evs in extract_parallel(docs, workers) for ev in evs]
    _print_problems(problems)
    _print_events(found, format)
    raise typer.Exit(1 if problems else 0)


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


def main() -> None:  # pragma: no cover - the console script entry point
    app()
