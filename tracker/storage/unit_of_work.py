"""One user action, one transaction: the unit of work hands out repositories that share
a session, and nothing is written unless the service calls `commit()`.

Reads and writes are separate units of work: `UnitOfWork(store)` writes (it takes
SQLite's write lock when it begins), `UnitOfWork.reading(store)` only reads, from one
consistent snapshot, and never takes the write lock."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from tracker.storage.sqlite import Rows

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.storage.aggregates import Aggregates
    from tracker.storage.bulk import BulkRecords
    from tracker.storage.care import MedicationRepository, RemedyRepository
    from tracker.storage.conflicts import ConflictRepository
    from tracker.storage.days import DayLogRepository
    from tracker.storage.engine import Store
    from tracker.storage.episodes import EpisodeRepository
    from tracker.storage.profiles import ProfileRepository
    from tracker.storage.sync.device import DeviceSync


class _SessionRunner:
    """Sync's plain SQL on the unit of work's session (its transaction)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def run(self, sql: str, params: Mapping[str, Any] | None = None) -> Rows:
        from sqlalchemy import text

        result: Any = self._session.execute(text(sql), dict(params or {}))
        return Rows(result.all() if result.returns_rows else [])

    def many(self, sql: str, params: Sequence[Mapping[str, Any]]) -> None:
        from sqlalchemy import text

        if params:
            self._session.execute(text(sql), [dict(p) for p in params])


class UnitOfWork:
    profiles: ProfileRepository
    episodes: EpisodeRepository
    days: DayLogRepository
    medications: MedicationRepository
    remedies: RemedyRepository
    aggregates: Aggregates
    bulk: BulkRecords
    sync: DeviceSync
    conflicts: ConflictRepository

    def __init__(self, store: Store, *, write: bool = True) -> None:
        self._store = store
        self.writes = write

    @classmethod
    def reading(cls, store: Store) -> UnitOfWork:
        return cls(store, write=False)

    def __enter__(self) -> Self:
        if self.writes:
            self._store.wait_for_check()  # nothing is written to a store not yet checked
        # The ORM loads with the first unit of work, not with this module: the app's
        # start and its daily reads run on plain sqlite3 (tracker.storage.app_reads).
        from tracker.storage.aggregates import Aggregates
        from tracker.storage.bulk import BulkRecords
        from tracker.storage.care import MedicationRepository, RemedyRepository
        from tracker.storage.conflicts import ConflictRepository
        from tracker.storage.days import DayLogRepository
        from tracker.storage.episodes import EpisodeRepository
        from tracker.storage.profiles import ProfileRepository
        from tracker.storage.sync.device import DeviceSync

        factory = self._store.session_factory if self.writes else self._store.read_session_factory
        self._session: Session = factory()
        self.profiles = ProfileRepository(self._session)
        self.episodes = EpisodeRepository(self._session)
        self.days = DayLogRepository(self._session)
        self.medications = MedicationRepository(self._session)
        self.remedies = RemedyRepository(self._session)
        self.aggregates = Aggregates(self._session)
        self.bulk = BulkRecords(self._session)
        self.sync = DeviceSync(_SessionRunner(self._session))
        self.conflicts = ConflictRepository(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Anything not committed is rolled back, including after an error.
        self._session.rollback()
        self._session.close()

    def commit(self) -> None:
        if not self.writes:
            raise RuntimeError("a reading unit of work cannot commit")
        self._session.commit()
