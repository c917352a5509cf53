"""A bounded load test of `entente serve` on 127.0.0.1: many clients on the read endpoints
while one client adds documents (some with extraction), then a check of the store.

The server is uvicorn in its own process over a fresh store holding examples/articles,
ingested and extracted; the clients are asyncio tasks over httpx, each sending its next
request as soon as the last one is answered. Any answer other than the expected status, and
any failed connection or timeout, is an error. Prints requests, errors, throughput and the
p50/p99 latencies, overall and per endpoint.

    ENTENTE_LOAD_CLIENTS=50 ENTENTE_LOAD_SECONDS=60 python -m bench.load   (the defaults)

`run_load` is also what tests/reliability/test_load.py runs, smaller.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
TOKEN = "bench-load-token"
SEED = 7

WRITE_TEMPLATE = ("{a} and {b} held talks in Geneva on {day} May 2024 on a ceasefire, "
                  "officials said. {a} supplied {b} with {n} drones, according to a report "
                  "numbered {i}. {c} condemned the deliveries.")
COUNTRIES = ["Iran", "Russia", "China", "Israel", "Ukraine", "Turkey", "Syria", "Belarus",
             "Venezuela", "Qatar", "Oman", "India", "Pakistan", "France", "Germany"]


# -- the store and the server ------------------------------------------------------------------

def prepare_store(db: Path, articles: list[Path] | None = None) -> dict:
    """A fresh store with the articles ingested and extracted; what the clients will ask for."""
    from entente import jobs
    from entente.store import Store

    with Store(db) as store:
        jobs.ingest_paths(store, articles or [EXAMPLES])
        jobs.extract_pending(store)
        con = store.con
        return {
            "stats": store.stats(),
            "event_ids": [r[0] for r in con.execute(
                "SELECT event_id FROM events ORDER BY event_id LIMIT 50").fetchall()],
            "doc_ids": [r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()],
            "dyads": [(a, b) for a, b, _ in store.top_dyads(5)],
            "items": [r[0] for r in con.execute(
                "SELECT DISTINCT name FROM event_items WHERE name IS NOT NULL LIMIT 5").fetchall()],
        }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`uvicorn entente.api.app:create_app --factory` in its own process, on 127.0.0.1."""

    def __init__(self, db: Path, token: str = TOKEN, log: Path | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log or os.devnull, "wb")  # noqa: SIM115 - closed in stop()
        env = {**os.environ, "ENTENTE_DB": str(db), "ENTENTE_TOKEN": token,
               "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "entente.api.app:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning",
             "--no-server-header", "--no-access-log"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self, timeout: float = 60) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}")
            try:
                if httpx.get(self.base + "/api/stats", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


# -- the clients -------------------------------------------------------------------------------

@dataclass
class LoadResult:
    clients: int
    seconds: float
    reads: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    writes: list[float] = field(default_factory=list)
    extractions: int = 0
    documents_added: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def read_latencies(self) -> list[float]:
        return [t for times in self.reads.values() for t in times]

    @property
    def requests(self) -> int:
        return len(self.read_latencies) + len(self.writes)


def read_targets(known: dict) -> list[tuple[str, str, dict]]:
    """(name, path, params) of every read the clients make, over what the store holds."""
    a, b = known["dyads"][0] if known["dyads"] else ("IRN", "RUS")
    item = known["items"][0] if known["items"] else "drones"
    targets = [
        ("stats", "/api/stats", {}),
        ("events", "/api/events", {"limit": 50}),
        ("events?actor", "/api/events", {"actor": a}),
        ("events?dyad", "/api/events", {"dyad": f"{a},{b}", "since": "2022"}),
        ("events?type", "/api/events", {"type": "AID", "status": "reported"}),
        ("events?item", "/api/events", {"item": item}),
        ("documents", "/api/documents", {}),
        ("dyads", "/api/dyads", {}),
        ("dyad series", f"/api/dyads/{a}/{b}", {}),
        ("network", "/api/network", {}),
        ("claims", "/api/claims", {}),
        ("transfers", "/api/transfers", {}),
        ("shifts", "/api/shifts", {"min_events": 1}),
        ("check", "/api/check", {"supplier": "IRN", "recipient": "RUS", "item": "Shahed-136",
                                 "date": "2023-05"}),
        ("ui", "/", {}),
        ("ui script", "/static/app.js", {}),
    ]
    targets += [("event", f"/api/events/{e}", {}) for e in known["event_ids"][:10]]
    targets += [("document", f"/api/documents/{d}", {}) for d in known["doc_ids"][:10]]
    return targets


async def _reader(client, rng: random.Random, targets, deadline: float, result: LoadResult) -> None:
    import httpx

    while time.monotonic() < deadline:
        name, path, params = rng.choice(targets)
        start = time.perf_counter()
        try:
            response = await client.get(path, params=params)
            await response.aread()
        except httpx.HTTPError as exc:
            result.errors.append(f"GET {path}: {exc.__class__.__name__}: {exc}")
            continue
        result.reads[name].append(time.perf_counter() - start)
        if response.status_code != 200:
            result.errors.append(f"GET {path} {params}: {response.status_code} {response.text[:200]}")


async def _writer(client, rng: random.Random, deadline: float, result: LoadResult,
                  extract_every: int) -> None:
    import httpx

    i = 0
    while time.monotonic() < deadline:
        i += 1
        a, b, c = rng.sample(COUNTRIES, 3)
        body = {"text": WRITE_TEMPLATE.format(a=a, b=b, c=c, day=rng.randint(1, 28),
                                              n=rng.randint(2, 400), i=f"{SEED}-{i}-{rng.random()}"),
                "title": f"Load test {i}", "date": "2024-05-02"}
        extract = extract_every > 0 and i % extract_every == 0
        start = time.perf_counter()
        try:
            response = await client.post("/api/documents", json=body, params={"extract": extract},
                                         headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
        except httpx.HTTPError as exc:
            result.errors.append(f"POST /api/documents: {exc.__class__.__name__}: {exc}")
            continue
        result.writes.append(time.perf_counter() - start)
        if response.status_code != 201:
            result.errors.append(f"POST /api/documents: {response.status_code} {response.text[:200]}")
            continue
        result.documents_added += response.json()["added"]
        result.extractions += extract


async def _load(base: str, targets, clients: int, seconds: float, extract_every: int,
                seed: int) -> LoadResult:
    import httpx

    result = LoadResult(clients, seconds)
    limits = httpx.Limits(max_connections=clients + 1, max_keepalive_connections=clients + 1)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        deadline = time.monotonic() + seconds
        tasks = [_reader(client, random.Random(seed * 1000 + n), targets, deadline, result)
                 for n in range(clients)]
        tasks.append(_writer(client, random.Random(seed), deadline, result, extract_every))
        await asyncio.gather(*tasks)
    return result


def run_load(base: str, known: dict, clients: int, seconds: float, extract_every: int = 5,
             seed: int = SEED) -> LoadResult:
    return asyncio.run(_load(base, read_targets(known), clients, seconds, extract_every, seed))


# -- the store afterwards ------------------------------------------------------------------------

def check_store(db: Path, before: dict, result: LoadResult) -> tuple[list[str], dict]:
    """Problems with the store after the load (none expected), and its counts."""
    from entente.store import Store

    problems = []
    with Store(db) as store:
        stats = store.stats()
        one = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
        expected = before["documents"] + result.documents_added
        if stats["documents"] != expected:
            problems.append(f"{stats['documents']} documents, expected {expected}")
        for table, key in (("documents", "doc_id"), ("events", "event_id")):
            if one(f"SELECT count(*) - count(DISTINCT {key}) FROM {table}"):
                problems.append(f"duplicate {key} in {table}")
        if one("SELECT count(*) FROM events e WHERE e.doc_id IS NOT NULL AND NOT EXISTS "
               "(SELECT 1 FROM documents d WHERE d.doc_id = e.doc_id)"):
            problems.append("events of documents that are not stored")
        if one("SELECT count(*) FROM event_items i WHERE NOT EXISTS "
               "(SELECT 1 FROM events e WHERE e.event_id = i.event_id)"):
            problems.append("items of events that are not stored")
        if one("SELECT count(*) FROM events e JOIN documents d USING (doc_id) "
               "WHERE d.extractor IS NULL"):
            problems.append("events of documents not marked extracted")
        if result.extractions and stats["events"] <= before["events"]:
            problems.append("extraction during the load added no events")
    return problems, stats


# -- the figures -----------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(result: LoadResult, problems: list[str], stats: dict, before: dict) -> str:
    reads = result.read_latencies
    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    lines = [
        f"load: {result.clients} clients x {result.seconds:.0f} s of reads + 1 writer on "
        f"127.0.0.1: {result.requests} requests ({result.requests / result.seconds:.0f}/s), "
        f"{len(result.errors)} errors; reads p50 {ms(percentile(reads, 50))}, "
        f"p99 {ms(percentile(reads, 99))}; writes {len(result.writes)} "
        f"({result.extractions} with extraction) p50 {ms(percentile(result.writes, 50))}, "
        f"p99 {ms(percentile(result.writes, 99))}",
        f"load: store after: {stats['documents']} documents (+{stats['documents'] - before['documents']}), "
        f"{stats['events']} events (+{stats['events'] - before['events']}); "
        + ("consistent" if not problems else "PROBLEMS: " + "; ".join(problems)),
    ]
    for name, times in sorted(result.reads.items()):
        lines.append(f"  {name:<14} {len(times):>7} requests  p50 {ms(percentile(times, 50)):>10}"
                     f"  p99 {ms(percentile(times, 99)):>10}")
    lines += [f"  error: {e}" for e in result.errors[:10]]
    return "\n".join(lines)


def main(clients: int | None = None, seconds: float | None = None) -> None:
    clients = clients or int(os.environ.get("ENTENTE_LOAD_CLIENTS", "50"))
    seconds = seconds or float(os.environ.get("ENTENTE_LOAD_SECONDS", "60"))
    with tempfile.TemporaryDirectory(prefix="entente-load-") as tmp:
        db = Path(tmp) / "load.duckdb"
        known = prepare_store(db)
        server = Server(db, log=Path(tmp) / "server.log")
        try:
            result = run_load(server.base, known, clients, seconds)
        finally:
            server.stop()
        problems, stats = check_store(db, known["stats"], result)
        print(report(result, problems, stats, known["stats"]))


if __name__ == "__main__":
    main()
