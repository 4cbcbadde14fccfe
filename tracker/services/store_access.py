"""The store as the command line sees it: where it lives, opening it, keeping it safe
(backup, restore, check), and the errors it raises.

Only services touch storage (DESIGN.md "Architecture"): the command line reaches all of
this here and never imports `tracker.storage` or SQLAlchemy itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from tracker.domain import ValidationError
from tracker.formats.files import free_path
from tracker.i18n import gettext as _
from tracker.storage import Store, StoreError, open_store, resolve_data_dir
from tracker.storage.backups import Health, backup_dir, copy_store, inspect, restore
from tracker.storage.migrate import HEAD_REVISION
from tracker.storage.paths import DB_FILENAME

__all__ = [
    "DatabaseError",
    "Health",
    "Store",
    "StoreError",
    "backup_store",
    "check_store",
    "data_dir",
    "head_revision",
    "open_diary",
    "restore_store",
    "safety_copy",
]

# The database refused a statement (a full disk, a read-only folder, a store locked for
# too long); the transaction was rolled back, so what was stored before is intact.
DatabaseError = DBAPIError


def data_dir(explicit: str | None) -> Path:
    """`--data-dir` wins, then `KEDUT_DATA_DIR`, then the platform's user data dir."""
    return resolve_data_dir(explicit)


def open_diary(explicit_dir: str | None) -> Store:
    """Open (creating and migrating if needed) the store in the chosen data directory."""
    return open_store(data_dir(explicit_dir))


def safety_copy(store: Store, label: str, now: dt.datetime) -> Path:
    """A consistent copy of the open store in `<data dir>/backups/`, named by `label`."""
    stamp = now.strftime("%Y-%m-%dT%H%M%S")
    # Two copies in one second get two names: one never replaces the other.
    target = free_path(backup_dir(store.data_dir), f"kedut-{label}-{stamp}", ".sqlite3")
    return copy_store(store.db_path, target)


def backup_store(explicit_dir: str | None, out: Path | None, now: dt.datetime) -> Path:
    """A manual backup: to `out`, or to `<data dir>/backups/`. A damaged or foreign store
    is refused (StoreError) before anything is copied."""
    folder = data_dir(explicit_dir)
    if out is not None and (out.exists() or out.is_symlink()):
        # A backup never takes the place of a file that is already there.
        allowed = _("a file name not in use yet (Kedut never overwrites a file)")
        raise ValidationError("--out", str(out), allowed)
    open_store(folder).close()
    if out is None:
        stamp = now.strftime("%Y-%m-%dT%H%M%S")
        out = free_path(backup_dir(folder), f"kedut-manual-{stamp}", ".sqlite3")
    return copy_store(folder / DB_FILENAME, out)


def restore_store(explicit_dir: str | None, source: Path, now: dt.datetime) -> Path:
    """Replace the store with a checked backup; returns where the old store was put."""
    return restore(data_dir(explicit_dir), source, HEAD_REVISION, now)


def check_store(explicit_dir: str | None) -> Health:
    """Integrity, foreign keys and schema of the store (read only). StoreError when
    there is no store yet."""
    db_path = data_dir(explicit_dir) / DB_FILENAME
    if not db_path.exists():
        raise StoreError(f"there is no store at {db_path} yet")
    return inspect(db_path, HEAD_REVISION)


def head_revision() -> str:
    return HEAD_REVISION
