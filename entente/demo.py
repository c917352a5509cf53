"""The demo: every stage that exists, run on the bundled example articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from entente import jobs
from entente.errors import UsageError
from entente.store import Store


@dataclass
class DemoSummary:
    counts: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    top_dyads: list[tuple[str, str, int]] = field(default_factory=list)
    brief: Path | None = None


def find_examples(folder: Path | None = None) -> Path:
    """The examples folder: as given, else ./examples/articles, else beside the package."""
    candidates = [folder] if folder else [
        Path("examples/articles"), Path(__file__).resolve().parents[1] / "examples" / "articles"]
    for candidate in candidates:
        if candidate and candidate.is_dir():
            return candidate
    raise UsageError(f"no example articles found (looked in {', '.join(map(str, candidates))})")


def fresh_store(out: Path) -> Store:
    """A new, empty demo store: the demo always starts from nothing."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "demo.duckdb"
    for stale in (path, path.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    return Store(path)


def run_demo(out: Path, examples: Path | None = None) -> DemoSummary:
    folder = find_examples(examples)
    summary = DemoSummary()
    with fresh_store(out) as store:
        report = jobs.ingest_paths(store, [folder])
        summary.counts["articles ingested"] = report.added
        summary.counts["inputs failed"] = len(report.problems)
        extracted = jobs.extract_pending(store)
        summary.counts["documents extracted"] = extracted.documents
        summary.counts.update(
            {k: v for k, v in store.stats().items() if k in ("documents", "events", "event_items")})
        summary.top_dyads = store.top_dyads(5)
        summary.notes.append(f"store: {store.path} (query it with `entente events --db {store.path}`"
                             " or any DuckDB client)")
        summary.brief = write_demo_brief(store, summary.top_dyads, out / "brief.html")
        if summary.brief:
            summary.notes.append(f"brief: {summary.brief}")
    return summary


def write_demo_brief(store: Store, dyads: list[tuple[str, str, int]], path: Path) -> Path | None:
    """A brief on the busiest dyad of two known actors (the last stage of the demo)."""
    from entente.report.brief import make_brief
    from entente.report.render import write_brief

    for a, b, _ in dyads:
        if a and b:
            try:
                return write_brief(make_brief(store, dyad=(a, b)), path)
            except UsageError:
                continue
    return None
