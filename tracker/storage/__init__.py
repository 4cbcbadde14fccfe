"""The SQLite store: engine and pragmas, migrations, repositories and the unit of work."""

from tracker.storage.engine import Store, open_store
from tracker.storage.migrate import StoreError
from tracker.storage.paths import resolve_data_dir
from tracker.storage.unit_of_work import UnitOfWork

__all__ = ["Store", "StoreError", "UnitOfWork", "open_store", "resolve_data_dir"]
