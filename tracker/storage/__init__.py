"""The SQLite store: engine and pragmas, migrations, repositories and the unit of work.

Its names load on first use (PEP 562), so a part that needs only plain SQLite — the
sync of a device, which must start fast — does not pay for SQLAlchemy."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.storage.engine import Store, open_store
    from tracker.storage.migrate import StoreError
    from tracker.storage.paths import resolve_data_dir
    from tracker.storage.unit_of_work import UnitOfWork

__all__ = ["Store", "StoreError", "UnitOfWork", "open_store", "resolve_data_dir"]

_WHERE = {
    "Store": "tracker.storage.engine",
    "open_store": "tracker.storage.engine",
    "StoreError": "tracker.storage.migrate",
    "resolve_data_dir": "tracker.storage.paths",
    "UnitOfWork": "tracker.storage.unit_of_work",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    # Submodules (`from tracker.storage import backups`) are found by the import system.
    raise AttributeError(f"module 'tracker.storage' has no attribute {name!r}")
