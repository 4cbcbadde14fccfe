"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.storage import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real, empty diary in a fresh folder, closed after the test."""
    opened = open_store(tmp_path)
    yield opened
    opened.close()
