"""Sanctions matches as terminal tables (`--format table`); JSON uses the records' to_dict."""

from __future__ import annotations

from rich.table import Table

from entente.sanctions.matching import ActorMatch, Match

MATCH_COLUMNS = ["score", "listed party", "schema", "countries", "programs", "listed on"]


def _party(match: Match) -> str:
    """The party's name, the alias that matched when it differs, and its id (dim)."""
    alias = f"\nas {match.matched_name!r}" if match.matched_name != match.name else ""
    return f"{match.name}{alias}\n[dim]{match.entity_id}[/dim]"


def _cells(match: Match) -> list[str]:
    return [f"{match.score:.1f}", _party(match), match.entity_schema, ", ".join(match.countries),
            "; ".join(match.programs), match.listed_on or ""]


def matches_table(query: str, found: list[Match], threshold: float) -> Table:
    table = Table(title=f"Listed parties matching {query!r} (score ≥ {threshold:g}): {len(found)}")
    for column in MATCH_COLUMNS:
        table.add_column(column, overflow="fold", justify="right" if column == "score" else "left")
    for match in found:
        table.add_row(*_cells(match))
    return table


def actor_matches_table(found: list[ActorMatch], threshold: float) -> Table:
    table = Table(title=f"Actors in stored events matching a listed party (score ≥ {threshold:g}): {len(found)}")
    for column in ["in events as", "actor", "events", "score", "listed party", "programs"]:
        table.add_column(column, overflow="fold")
    for actor in found:
        for match in actor.matches:
            table.add_row(actor.words, actor.actor_id or "", str(actor.events), f"{match.score:.1f}",
                          _party(match), "; ".join(match.programs))
    return table
