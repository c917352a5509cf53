"""Crash consistency: ingest and extract a corpus in a subprocess, SIGKILL it at seeded
random moments (at least 20 times), restart it each time, and compare the store with a
clean run's: the same documents, events and items, no duplicates, no half-written rows.

After every kill the store must also be consistent on its own: each document marked
extracted has exactly the clean run's events, each document not marked has none, every
item belongs to a stored event. Extends tests/store/test_crash.py (one kill, ingest only).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from entente.store import Store
from entente.store.schema import DOCUMENT_COLUMNS, EVENT_COLUMNS, ITEM_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
SEED = 20240917
KILLS = 20
# A hard stop against a run that hangs, not a speed target: 150 s, or on a slower machine 25
# times the clean run (the test takes about 60 s where the clean run takes 4 s, and 150 s on a
# machine where it takes 9 s).
TIME_BUDGET = 150  # seconds
BUDGET_PER_CLEAN_RUN = 25

COUNTRIES = ["Iran", "Russia", "China", "North Korea", "Israel", "Ukraine", "Turkey", "Syria",
             "Belarus", "Venezuela", "Saudi Arabia", "Qatar", "Oman", "India", "Pakistan",
             "France", "Germany", "Japan", "Egypt", "Armenia", "Azerbaijan"]
TEMPLATES = [
    "{a} supplied {b} with {n} Shahed-136 drones in {month}, U.S. officials said. "
    "{c} condemned the deliveries and summoned {a}'s ambassador.",
    "The foreign ministers of {a} and {b} met in Geneva on Tuesday to discuss a ceasefire. "
    "{c} welcomed the talks.",
    "{a} imposed sanctions on {b} over its missile programme. {b} denied the accusations "
    "and threatened to retaliate against {a}.",
    "{a} launched air strikes on targets in {b}, killing {n} people, officials in {b} said. "
    "{c} called for restraint.",
    "{b} has yet to deliver the {n} tanks it promised {a}, according to a report. "
    "{a} and {c} signed a defence cooperation agreement.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]
UNTOUCHED = {"ingested_at", "extracted_at", "stored_at"}  # clocks differ between runs


def write_corpus(folder: Path, n: int = 30, seed: int = SEED) -> int:
    """About `n` articles: mostly text files, a JSON Lines file and two HTML pages."""
    rng = random.Random(seed)
    folder.mkdir()

    def article(i: int) -> tuple[str, str, str]:
        a, b, c = rng.sample(COUNTRIES, 3)
        body = " ".join(rng.choice(TEMPLATES).format(a=a, b=b, c=c, n=rng.randint(2, 400),
                                                     month=rng.choice(MONTHS))
                        for _ in range(rng.randint(1, 3)))
        return f"{a} and {b}, report {i}", f"2024-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}", body

    count = 0
    for i in range(n - 6):
        title, date, body = article(i)
        (folder / f"a{i:03}.txt").write_text(f"Title: {title}\nDate: {date}\n\n{body}\n", encoding="utf-8")
        count += 1
    lines = []
    for i in range(4):
        title, date, body = article(100 + i)
        lines.append(json.dumps({"text": body, "title": title, "published": date}))
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    count += 4
    for i in range(2):
        title, date, body = article(200 + i)
        paragraphs = "".join(f"<p>{s}.</p>" for s in body.split(". "))
        (folder / f"page{i}.html").write_text(
            f"<html><head><title>{title}</title><meta name='date' content='{date}'></head>"
            f"<body><nav>Home | World</nav><article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>Contact us</footer></body></html>", encoding="utf-8")
        count += 1
    return count


# -- the store as comparable rows -----------------------------------------------------------------

def _rows(store: Store, table: str, columns: list[str], key: str) -> dict:
    shown = [c for c in columns if c not in UNTOUCHED]
    quoted = ", ".join('"' + c + '"' for c in shown)
    cursor = store.con.execute(f"SELECT {quoted} FROM {table}")
    found: dict = {}
    for row in cursor.fetchall():
        record = dict(zip(shown, row))
        ident = tuple(record[k] for k in key.split(",")) if "," in key else record[key]
        assert ident not in found, f"duplicate {table} row {ident}"
        found[ident] = record
    return found


def snapshot(db: Path) -> dict:
    with Store(db) as store:
        docs = _rows(store, "documents", DOCUMENT_COLUMNS, "doc_id")
        events = _rows(store, "events", EVENT_COLUMNS, "event_id")
        items = _rows(store, "event_items", ITEM_COLUMNS, "event_id,position")
        done = dict(store.con.execute("SELECT doc_id, extractor FROM documents").fetchall())
        for table, key in (("documents", "doc_id"), ("events", "event_id")):
            total, distinct = store.con.execute(
                f"SELECT count(*), count(DISTINCT {key}) FROM {table}").fetchone()
            assert total == distinct, f"duplicate {key} in {table}"
    return {"documents": docs, "events": events, "items": items, "done": done}


def check_consistent(state: dict, clean: dict) -> None:
    """A store after a crash: only whole documents, whole extractions, nothing extra."""
    for doc_id, doc in state["documents"].items():
        assert clean["documents"].get(doc_id) == doc, f"document {doc_id} differs from the clean run's"
        assert doc["text"], f"document {doc_id} without text"
    by_doc: dict[str, set] = {}
    for event_id, event in state["events"].items():
        assert clean["events"].get(event_id) == event, f"event {event_id} differs from the clean run's"
        by_doc.setdefault(event["doc_id"], set()).add(event_id)
    for doc_id in state["documents"]:
        expected = {e for e, ev in clean["events"].items() if ev["doc_id"] == doc_id}
        if state["done"].get(doc_id):
            assert by_doc.get(doc_id, set()) == expected, f"document {doc_id} marked done, events differ"
        else:
            assert not by_doc.get(doc_id), f"document {doc_id} has events but is not marked done"
    assert set(by_doc) <= set(state["documents"]), "events of a document that is not stored"
    for key, item in state["items"].items():
        assert key[0] in state["events"], f"item {key} of an event that is not stored"
        assert clean["items"].get(key) == item
    for event_id in state["events"]:
        expected = {k for k in clean["items"] if k[0] == event_id}
        assert {k for k in state["items"] if k[0] == event_id} == expected, f"event {event_id}'s items"


# -- running and killing ----------------------------------------------------------------------------

def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def start(corpus: Path, db: Path, marks: Path, log: Path) -> subprocess.Popen:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_driver", str(corpus), str(db), str(marks)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(ROOT)})


def wait_for(proc: subprocess.Popen, until: float, marks: Path | None = None, skip: int = 0,
             stage: str = "", batches: int = 0) -> None:
    """Until `until` (monotonic), the process exits, or MARKS has `batches` more lines of
    `stage` after its first `skip` lines."""
    while time.monotonic() < until and proc.poll() is None:
        if marks is not None and sum(line.startswith(stage)
                                     for line in _lines(marks)[skip:]) >= batches:
            return
        time.sleep(0.005)


def test_sigkill_at_random_moments_loses_nothing_and_duplicates_nothing(tmp_path):
    began = time.monotonic()
    corpus = tmp_path / "corpus"
    articles = write_corpus(corpus)
    log = tmp_path / "driver.log"

    def tail() -> str:
        return log.read_text(errors="replace")[-3000:] if log.exists() else ""

    # The clean run: uninterrupted, and timed (the kills are spread over its length).
    clean_db, clean_marks = tmp_path / "clean.duckdb", tmp_path / "clean.marks"
    t0 = time.monotonic()
    proc = start(corpus, clean_db, clean_marks, log)
    assert proc.wait(timeout=120) == 0, tail()
    full = time.monotonic() - t0
    budget = max(TIME_BUDGET, BUDGET_PER_CLEAN_RUN * full)
    clean = snapshot(clean_db)
    assert len(clean["documents"]) == articles, "every article of the corpus is stored"
    assert len(clean["events"]) > articles and clean["items"], "the corpus gives events and items"
    assert all(clean["done"].values())

    rng = random.Random(SEED)
    kills, rounds, landed = 0, 0, {"ingest": 0, "extract": 0, "other": 0}
    while kills < KILLS:
        rounds += 1
        db, marks = tmp_path / f"crash{rounds}.duckdb", tmp_path / f"crash{rounds}.marks"
        while True:
            assert time.monotonic() - began < budget, f"over the {budget:.0f} s budget after {kills} kills"
            before = _lines(marks)
            proc = start(corpus, db, marks, log)
            if rng.random() < 0.3:  # anywhere: imports, migration, model load, writes
                wait_for(proc, time.monotonic() + rng.uniform(0, full))
            else:  # just after this run commits its k-th batch of a stage: inside the next
                stage = rng.choice(["ingest", "extract", "extract"])
                wait_for(proc, time.monotonic() + 60, marks, len(before), stage, rng.randint(1, 3))
                wait_for(proc, time.monotonic() + rng.uniform(0, 0.15))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                # the run may finish between poll() and the signal: then it was a clean run
                assert proc.wait(timeout=30) in (-signal.SIGKILL, 0), tail()
            if proc.returncode == -signal.SIGKILL:
                kills += 1
                after = _lines(marks)
                stage = after[-1].split()[0] if len(after) > len(before) else "other"
                landed[stage if stage in landed else "other"] += 1
                check_consistent(snapshot(db), clean)  # the store on its own, after the kill
                continue
            assert proc.returncode == 0, f"the driver failed after {kills} kills:\n{tail()}"
            assert _lines(marks)[-1] == "done"
            break
        final = snapshot(db)
        check_consistent(final, clean)
        for part in ("documents", "events", "items"):
            assert final[part] == clean[part], f"round {rounds}: {part} differ from the clean run's"
        assert all(final["done"].values())

    elapsed = time.monotonic() - began
    print(f"\ncrash consistency: {kills} SIGKILLs over {rounds} rounds (seed {SEED}); killed after "
          f"an ingest batch {landed['ingest']}, an extract batch {landed['extract']}, before any "
          f"batch of the run {landed['other']}; clean run {full:.1f} s; "
          f"{len(clean['documents'])} documents, {len(clean['events'])} events, "
          f"{len(clean['items'])} items identical to the clean run's; {elapsed:.0f} s in all")
