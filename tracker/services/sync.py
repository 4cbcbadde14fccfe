"""Sync one device's diary with the household's PostgreSQL server (DESIGN.md "One
diary on several devices"): push this device's pending changes, then pull everyone
else's, in batches that each commit on both sides, so a sync stopped at any moment
leaves both consistent and the next one finishes the job.

A sync works on the store's file through plain sqlite3 and on the server through
psycopg: it loads neither SQLAlchemy nor the models, so the command line's `sync`
starts fast (a store that must first be made or migrated is opened the full way).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.i18n import gettext as _
from tracker.services.clock import Clock, system_now
from tracker.storage.migrate import StoreError
from tracker.storage.sqlite import device_transaction
from tracker.storage.sync.device import DeviceState, DeviceSync
from tracker.storage.sync.errors import SyncError

if TYPE_CHECKING:
    from tracker.storage import Store

__all__ = [
    "DiaryError",
    "StoreError",
    "SyncError",
    "SyncReport",
    "SyncStatus",
    "prepared_store",
    "status",
    "sync",
]

ENV_URL = "KEDUT_SYNC_URL"
# Big batches for a first sync of years of entries (each is one transaction per side).
PUSH_BATCH = 10_000
PULL_BATCH = 5_000

Progress = Callable[[str, int], None]
# The device's store refused a statement (locked for too long, damaged, a full disk):
# that transaction was rolled back, what was stored before is intact.
DiaryError = sqlite3.Error


@dataclass(frozen=True)
class SyncReport:
    pushed: int  # records this device sent
    pulled: int  # records stored from the server
    conflicts: int  # new conflicts among them
    server: str  # the address, without a password


@dataclass(frozen=True)
class SyncStatus:
    state: DeviceState
    pending: int  # records with changes the server has not taken yet


def _db(store: Store | Path) -> Path:
    return store if isinstance(store, Path) else store.db_path


def prepared_store(data_dir: str | None) -> Path:
    """The store file in the data dir, ready for a sync: a store already at this Kedut's
    schema is used as it is; a new one, or one to migrate, is opened the full way first
    (which also refuses a damaged or foreign file, with StoreError)."""
    from tracker.storage.migrate import HEAD_REVISION, stored_revision
    from tracker.storage.paths import DB_FILENAME, resolve_data_dir

    folder = resolve_data_dir(data_dir)
    db_path = folder / DB_FILENAME
    if not db_path.exists() or stored_revision(db_path) != HEAD_REVISION:
        from tracker.storage import open_store

        open_store(folder).close()
    return db_path


def server_address(store: Store | Path, given: str | None) -> str:
    """The server to use: --server, else KEDUT_SYNC_URL, else the one remembered."""
    if given and given.strip():
        return given
    from_env = os.environ.get(ENV_URL, "").strip()
    if from_env:
        return from_env
    remembered = status(store).state.server_url
    if remembered:
        return remembered
    raise SyncError(
        _("no sync server is set: give one with --server postgresql://name@host/database"),
        bad_input=True,
    )


def status(store: Store | Path) -> SyncStatus:
    with device_transaction(_db(store), write=False) as db:
        device = DeviceSync(db)
        return SyncStatus(device.state(), device.pending_count())


def sync(
    store: Store | Path,
    server: str | None = None,
    *,
    upgrade_server: bool = False,
    now: Clock = system_now,
    push_batch: int = PUSH_BATCH,
    pull_batch: int = PULL_BATCH,
    progress: Progress | None = None,
) -> SyncReport:
    """Push, then pull. Raises SyncError (in plain words) when the server cannot be
    reached, refuses the login or holds something else; the diary stays as it was."""
    from tracker.storage.sync import household
    from tracker.storage.sync.server import Server, parse_url

    db_path = _db(store)
    address = parse_url(server_address(db_path, server))
    remote = Server(address)
    try:
        household_id = remote.open(upgrade=upgrade_server)
        with device_transaction(db_path, write=False) as db:
            joining = DeviceSync(db).state().household != household_id
        placeholder = None
        if joining and remote.has_profiles():
            # A new device's untouched "Me" does not join a household that has profiles.
            from tracker.services.profiles import DEFAULT_PROFILE_NAME

            placeholder = DEFAULT_PROFILE_NAME
        with device_transaction(db_path, write=True) as db:
            device = DeviceSync(db).join(household_id, placeholder=placeholder)
        pushed = 0
        while True:
            with device_transaction(db_path, write=False) as db:
                changes = DeviceSync(db).pending(push_batch)
            if not changes:
                break
            with remote.writing() as connection:
                results = household.push(connection, device, changes)
            with device_transaction(db_path, write=True) as db:
                DeviceSync(db).acknowledge(changes, results)
            pushed += len(changes)
            if progress is not None:
                progress("pushed", pushed)
        pulled = conflicts = 0
        while True:
            with device_transaction(db_path, write=False) as db:
                after = DeviceSync(db).state().pulled_through
            with remote.reading() as connection:
                page = household.pull(connection, device, after, pull_batch)
            with device_transaction(db_path, write=True) as db:
                stored, new_conflicts = DeviceSync(db).apply(page)
            pulled += stored
            conflicts += new_conflicts
            if progress is not None:
                progress("pulled", pulled)
            if page.complete:
                break
        with device_transaction(db_path, write=True) as db:
            DeviceSync(db).finished(address.public, now(), pushed, pulled, conflicts)
        return SyncReport(pushed, pulled, conflicts, address.public)
    except SyncError as error:
        if not error.bad_input:
            with device_transaction(db_path, write=True) as db:
                DeviceSync(db).failed(str(error), now())
        raise
    finally:
        remote.close()
