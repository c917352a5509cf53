"""Briefs: what the store says about one actor or one dyad, in words, tables and charts.

    brief = make_brief(store, dyad=("IRN", "RUS"), since="2022")
    brief.trend, brief.shifts, brief.key_events, brief.claims, brief.transfers, brief.sanctions

Everything comes from the analyses (entente/analyse), the checks (entente/check) and the
sanctions lists (entente/sanctions); this module only chooses and orders. An actor's brief
draws its series and shifts from the dyad with its busiest partner (named in the brief).
Rendering (Markdown, HTML, charts) is in `render.py` and `charts.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from entente.analyse.claims import Claim, claims
from entente.analyse.common import FACT, SOURCE_CODE, TARGET_CODE, code, dicts, window
from entente.analyse.dyads import DyadSeries, dyad_series
from entente.analyse.network import Network, analyse_network
from entente.analyse.shifts import Shift, dyad_shifts
from entente.analyse.transfers import TransferRow, transfers
from entente.check import CheckResult
from entente.errors import UsageError
from entente.report.checks import checked_rows
from entente.sanctions.matching import ActorMatch, match_store_actors
from entente.store import Store

KEY_EVENTS = 8
CLAIMS = 10
RECENT_PERIODS = 3  # the "last periods" of the headline trend
STEADY = 0.1  # a change in mean net cooperation smaller than this is "steady"


@dataclass
class Brief:
    subject: str  # "IRN–RUS" or "IRN"
    actor: str | None
    dyad: tuple[str, str] | None
    since: str | None
    events: int
    trend: str
    series: DyadSeries | None
    shifts: list[Shift] = field(default_factory=list)
    key_events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    transfers: list[tuple[TransferRow, CheckResult | None]] = field(default_factory=list)
    sanctions: list[ActorMatch] = field(default_factory=list)
    sanctions_loaded: bool = False
    network: Network | None = None

    @property
    def title(self) -> str:
        return f"Brief: {self.subject}" + (f" since {self.since}" if self.since else "")


def make_brief(store: Store, actor: str | None = None, dyad: tuple[str, str] | None = None,
               since: str | None = None) -> Brief:
    """A brief on `actor` or `dyad` (exactly one), from events on or after `since`."""
    if (actor is None) == (dyad is None):
        raise UsageError("give --actor CODE or --dyad A B (one of them)")
    where, params = _scope(actor, dyad, since)
    count = store.con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]
    subject = f"{code(dyad[0])}–{code(dyad[1])}" if dyad else code(actor)
    if not count:
        raise UsageError(f"no events for {subject}" + (f" since {since}" if since else "")
                         + f" in {store.path}")
    pair = (code(dyad[0]), code(dyad[1])) if dyad else _busiest_partner(store, code(actor), since)
    series = dyad_series(store, *pair, by="month", since=since) if pair else None
    found_shifts = dyad_shifts(store, *pair, since=since, series=series) if pair else []
    brief = Brief(subject=subject, actor=code(actor) if actor else None,
                  dyad=pair if dyad else None, since=since, events=count,
                  trend=headline(series, None if dyad else pair), series=series,
                  shifts=found_shifts)
    brief.key_events = key_events(store, where, params)
    brief.claims = [c for c in claims(store, actor=actor, dyad=brief.dyad, since=since)
                    if c.verdict in ("contested", "denied_only")][:CLAIMS]
    brief.transfers = checked_rows(_transfers(store, brief, since))
    brief.sanctions_loaded = bool(
        store.con.execute("SELECT count(*) FROM sanctioned_entities").fetchone()[0])
    if brief.sanctions_loaded:
        codes = _codes(store, where, params)
        brief.sanctions = [m for m in match_store_actors(store)
                           if (m.country or m.actor_id or "").upper() in codes]
    net = analyse_network(store, since=since)
    brief.network = net if net.graph.number_of_edges() else None
    return brief


def _scope(actor, dyad, since) -> tuple[str, list[Any]]:
    where, params = window(since, None)
    if dyad:
        a, b = code(dyad[0]), code(dyad[1])
        if a == b:
            raise UsageError(f"a dyad needs two different actors, got {a} twice")
        where += (f" AND (({SOURCE_CODE} = ? AND {TARGET_CODE} = ?)"
                  f" OR ({SOURCE_CODE} = ? AND {TARGET_CODE} = ?))")
        params += [a, b, b, a]
    else:
        where += f" AND ({SOURCE_CODE} = ? OR {TARGET_CODE} = ?)"
        params += [code(actor)] * 2
    return where, params


def _busiest_partner(store: Store, actor: str, since: str | None) -> tuple[str, str] | None:
    where, params = window(since, None)
    row = store.con.execute(
        f"SELECT CASE WHEN {SOURCE_CODE} = ? THEN {TARGET_CODE} ELSE {SOURCE_CODE} END AS other,"
        f" count(*) AS n FROM events WHERE {where} AND {FACT}"
        f" AND ({SOURCE_CODE} = ? OR {TARGET_CODE} = ?)"
        f" AND {SOURCE_CODE} IS NOT NULL AND {TARGET_CODE} IS NOT NULL"
        f" AND {SOURCE_CODE} <> {TARGET_CODE}"
        " GROUP BY other ORDER BY n DESC, other LIMIT 1",
        [actor, *params, actor, actor]).fetchone()
    return (actor, row[0]) if row else None


def headline(series: DyadSeries | None, partner_of: tuple[str, str] | None = None) -> str:
    """Net cooperation over the last periods against the periods before, in words."""
    if series is None or not series.combined():
        return "Too few events between two actors to tell a trend."
    rows = [r for r in series.combined() if r.net_cooperation is not None]
    who = f"{series.a} and {series.b}"
    lead = (f"{series.a}'s busiest partner is {series.b}. " if partner_of else "")
    if len(rows) < 2:
        return lead + f"Only one {series.by} of events between {who}: no trend yet."
    recent = min(RECENT_PERIODS, len(rows) // 2)
    last, before = rows[-recent:], rows[:-recent]
    now = sum(r.net_cooperation for r in last) / len(last)
    was = sum(r.net_cooperation for r in before) / len(before)
    span = f"the last {recent} {series.by}s with events ({last[0].period[:7]} to {last[-1].period[:7]})" \
        if recent > 1 else f"the last {series.by} with events ({last[0].period[:7]})"
    change = now - was
    verb = ("rose" if change >= STEADY else "fell" if change <= -STEADY else "held steady")
    moved = f"from {was:+.2f} to {now:+.2f}" if verb != "held steady" else f"at about {now:+.2f}"
    mood = ("mostly cooperation" if now >= 0.3 else "mostly conflict" if now <= -0.3
            else "mixed")
    return (lead + f"Net cooperation between {who} {verb} {moved} in {span}, against the "
            f"{len(before)} {series.by}s before: relations are now {mood}.")


_KEY_SQL = """
SELECT e.event_id, e.date, e.type, e.status, e.negated, e.intensity, e.confidence,
       e.sentence, e.trigger, e.doc, d.title, d.url,
       {source} AS source, {target} AS target, e.source_text, e.target_text
FROM events e LEFT JOIN documents d USING (doc_id)
WHERE {where} AND {fact} AND e.intensity IS NOT NULL
ORDER BY abs(e.intensity) * coalesce(e.confidence, 1) DESC, abs(e.intensity) DESC,
         e.day DESC NULLS LAST, e.event_id
LIMIT ?
"""


def key_events(store: Store, where: str, params: list[Any], limit: int = KEY_EVENTS) -> list[dict[str, Any]]:
    """The factual events with the largest |intensity| (times confidence), with their evidence."""
    sql = _KEY_SQL.format(source=SOURCE_CODE, target=TARGET_CODE, where=where,
                          fact=FACT.replace("status", "e.status").replace("negated", "e.negated"))
    return dicts(store, sql, [*params, limit])


def _transfers(store: Store, brief: Brief, since: str | None) -> list[TransferRow]:
    if brief.dyad:
        a, b = brief.dyad
        return transfers(store, a, b, since) + transfers(store, b, a, since)
    return [r for r in transfers(store, since=since) if brief.actor in (r.supplier, r.recipient)]


def _codes(store: Store, where: str, params: list[Any]) -> set[str]:
    rows = store.con.execute(
        f"SELECT DISTINCT {SOURCE_CODE} FROM events WHERE {where} UNION "
        f"SELECT DISTINCT {TARGET_CODE} FROM events WHERE {where}", [*params, *params]).fetchall()
    return {r[0] for r in rows if r[0]}
