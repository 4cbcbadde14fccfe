"""Sync one device's diary with the household's PostgreSQL server (DESIGN.md "One
diary on several devices"): push this device's pending changes, then pull everyone
else's, in batches that each commit on both sides, so a sync stopped at any moment
leaves both consistent and the next one finishes the job.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from tracker.i18n import gettext as _
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import DEFAULT_PROFILE_NAME
from tracker.storage import Store, UnitOfWork
from tracker.storage.sync.device import DeviceState
from tracker.storage.sync.errors import SyncError

__all__ = ["SyncError", "SyncReport", "SyncStatus", "status", "sync"]

ENV_URL = "KEDUT_SYNC_URL"
# Big batches for a first sync of years of entries (each is one transaction per side).
PUSH_BATCH = 10_000
PULL_BATCH = 5_000

Progress = Callable[[str, int], None]


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


def server_address(store: Store, given: str | None) -> str:
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


def status(store: Store) -> SyncStatus:
    with UnitOfWork.reading(store) as uow:
        return SyncStatus(uow.sync.state(), uow.sync.pending_count())


def sync(
    store: Store,
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
    from tracker.storage.sync.server import Server, parse_url, public_url

    url = parse_url(server_address(store, server))
    shown = public_url(url)
    remote = Server(url)
    try:
        household_id = remote.open(upgrade=upgrade_server)
        with UnitOfWork.reading(store) as uow:
            joining = uow.sync.state().household != household_id
        # A new device's untouched "Me" does not join a household that has profiles.
        placeholder = DEFAULT_PROFILE_NAME if joining and remote.has_profiles() else None
        with UnitOfWork(store) as uow:
            device = uow.sync.join(household_id, placeholder=placeholder)
            uow.commit()
        pushed = 0
        while True:
            with UnitOfWork.reading(store) as uow:
                changes = uow.sync.pending(push_batch)
            if not changes:
                break
            with remote.writing() as connection:
                results = household.push(connection, device, changes)
            with UnitOfWork(store) as uow:
                uow.sync.acknowledge(changes, results)
                uow.commit()
            pushed += len(changes)
            if progress is not None:
                progress("pushed", pushed)
        pulled = conflicts = 0
        while True:
            with UnitOfWork.reading(store) as uow:
                after = uow.sync.state().pulled_through
            with remote.reading() as connection:
                page = household.pull(connection, device, after, pull_batch)
            with UnitOfWork(store) as uow:
                stored, new_conflicts = uow.sync.apply(page)
                uow.commit()
            pulled += stored
            conflicts += new_conflicts
            if progress is not None:
                progress("pulled", pulled)
            if page.complete:
                break
        with UnitOfWork(store) as uow:
            uow.sync.finished(shown, now(), pushed, pulled, conflicts)
            uow.commit()
        return SyncReport(pushed, pulled, conflicts, shown)
    except SyncError as error:
        if not error.bad_input:
            with UnitOfWork(store) as uow:
                uow.sync.failed(str(error), now())
                uow.commit()
        raise
    finally:
        remote.close()
