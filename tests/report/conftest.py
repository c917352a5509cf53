"""Synthetic stores for briefs: the planted analysis sets in one store, plus evidence to escape."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analyse.conftest import event, load, planted_shift
from tests.analyse.test_claims import world as claim_world
from tests.analyse.test_network import planted_blocs
from tests.analyse.test_transfers import aid, item
from tests.analyse.test_transfers import world as transfer_world

SCRIPT = 'Russia said <script>alert("x")</script> & "Iran" struck back.'


def prefixed(prefix: str, events):
    return [e.model_copy(update={"event_id": prefix + e.event_id}) for e in events]


def checked_transfers():
    """Two transfers whose checks are known: Shahed-136 in 2022-10 (UNSCR 2231 para 4 in
    force) and Fath-360 in 2024-09 (para 4 ended on 2023-10-18)."""
    return [aid("k-shahed", "IRN", "RUS", "2022-10", "reported",
                [item("Shahed-136", 100)], doc="shahed.txt"),
            aid("k-fath", "IRN", "RUS", "2024-09", "reported",
                [item("Fath-360", 200, "ballistic_missile")], doc="fath.txt")]


def brief_world():
    return [
        *planted_shift(),
        *prefixed("b-", planted_blocs()),
        *prefixed("t-", transfer_world()),
        *prefixed("c-", claim_world()),
        *checked_transfers(),
        event("evil", "RUS", "IRN", "ASSAULT", "2023-12-20", -10, doc="evil.txt",
              sentence=SCRIPT),
        event("quote", "IRN", "RUS", "AID", "2022-06-20", 9.5, doc="wire.txt",
              sentence="Iran shipped hundreds of drones to Russia, officials said."),
    ]


@pytest.fixture(scope="session")
def brief_db(tmp_path_factory) -> Path:
    return load(tmp_path_factory.mktemp("brief"), brief_world(), "brief")


@pytest.fixture(scope="session")
def transfer_db(tmp_path_factory) -> Path:
    return load(tmp_path_factory.mktemp("checked"), checked_transfers(), "checked")
