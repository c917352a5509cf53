"""The seed article end to end: extracted, then read as claims and an arms-transfer register.

The article (shared/eval/seed, test data outside the project) reports Iranian transfers to
Russia that Iran denies, and Russian systems Iran asked for. It carries no date line, so it
is ingested here under one (the gold gives its publication month).
"""

import pytest

from entente import jobs
from entente.analyse.claims import claims
from entente.analyse.transfers import transfers
from entente.store import Store
from tests.conftest import SHARED_EVAL

SEED = SHARED_EVAL / "seed" / "000_68b7fcbc689d2540.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="shared/eval not beside the checkout")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    dated = folder / "seed.txt"
    dated.write_text("Title: seed\nDate: 2024-11-01\n\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with Store(folder / "seed.duckdb") as s:
        jobs.ingest_paths(s, [dated])
        jobs.extract_pending(s)
        yield s


def test_missile_transfers_are_contested(store):
    found = [c for c in claims(store, dyad=("IRN", "RUS"), type="AID")
             if c.source == "IRN" and any("missile" in i.lower() or "fath" in i.lower() for i in c.item_names)]
    assert any(c.verdict == "contested" and "IRN" in c.denied_by for c in found), \
        [(c.item_names, c.verdict) for c in found]


def test_register_lists_the_transfers_both_ways(store):
    rows = {(r.supplier, r.recipient, r.system): r.status for r in transfers(store)}
    assert ("IRN", "RUS", "Shahed-136") in rows
    assert ("IRN", "RUS", "Fath-360") in rows
    assert rows.get(("RUS", "IRN", "S-300")) == "delivered"
    assert rows.get(("RUS", "IRN", "S-400")) in ("promised", "undelivered")
    assert rows.get(("RUS", "IRN", "Su-35")) in ("promised", "undelivered")
