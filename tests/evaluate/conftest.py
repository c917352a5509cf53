"""Fixtures for the evaluation tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval_helpers import SHARED_EVAL


@pytest.fixture
def shared_eval() -> Path:
    if not SHARED_EVAL.is_dir():
        pytest.skip("shared evaluation data not present")
    return SHARED_EVAL
