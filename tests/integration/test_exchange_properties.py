"""Property: whatever a person did through the services (logs, same-instant twins,
edits, deletes, undos, day logs), export → import into an empty store → export gives
the same bytes, for the CSV files and for the JSON backup; no acknowledged entry
disappears, and two entries at one instant stay two. And the demo diary's exports
import into the same diary adding nothing, and into an empty one identically."""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.integration.kedut_cli import kedut, row_counts
from tracker.domain import Settings
from tracker.services import care, days, episodes, exchange, profiles
from tracker.services.refs import RecordDeletedError
from tracker.storage import Store, UnitOfWork, open_store

FILES = ("episodes.csv", "days.csv", "medications.csv", "remedies.csv")
notes = st.one_of(
    st.none(),
    st.sampled_from(["=SUM(A1)", "'quoted", "-2", " ", "a,b;c", 'say "hi"', "line\nbreak"]),
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
        max_size=30,
    ),
)
moments = st.datetimes(
    min_value=dt.datetime(2021, 1, 1),  # noqa: DTZ001 - a wall-clock time, offset below
    max_value=dt.datetime(2026, 1, 1),  # noqa: DTZ001
)
offsets = st.sampled_from([-300, 0, 330, 420, 480, 600])
days_ = st.dates(dt.date(2021, 1, 1), dt.date(2026, 1, 1))
log = st.tuples(
    st.just("log"),
    moments,
    offsets,
    st.sampled_from(["left", "right", "both", "none"]),
    notes,
    st.booleans(),
)
actions = st.lists(
    st.one_of(
        log,
        st.tuples(st.just("twin"), st.integers(0, 50)),
        st.tuples(st.just("edit"), st.integers(0, 50), st.integers(0, 4), notes, moments),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.tuples(st.just("undo"), st.integers(0, 50)),
        st.tuples(
            st.just("day"),
            days_,
            st.one_of(st.none(), st.floats(0, 24)),
            st.one_of(st.none(), st.integers(0, 20000)),
            notes,
        ),
        st.tuples(st.just("delete_day"), st.integers(0, 50), st.booleans()),
        st.tuples(st.just("remedy"), days_, st.sampled_from(["rest", "fluids"]), notes),
        st.tuples(st.just("medication"), days_, st.sampled_from(["Furosemide", "Vit D; 5 mg"])),
        st.tuples(st.just("settings"), st.sampled_from(["en", "id"]), st.integers(500, 6000)),
    ),
    max_size=25,
)


class Diary:
    """Runs actions through the services; remembers what was acknowledged."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.episode_ids: list[int] = []
        self.day_dates: list[dt.date] = []
        self.instants: list[tuple[dt.datetime, int]] = []

    def run(self, action: tuple[Any, ...]) -> None:
        handler: Callable[..., None] = getattr(self, f"_{action[0]}")
        handler(*action[1:])

    def _log(
        self, moment: dt.datetime, offset: int, side: str, note: str | None, pain: bool
    ) -> None:
        at = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset)))
        logged = episodes.log_twitch(self.store, None, at=at, side=side, note=note, pain=pain)
        assert logged.episode.id is not None
        self.episode_ids.append(logged.episode.id)
        self.instants.append((at, offset))

    def _twin(self, index: int) -> None:
        if self.instants:
            at, offset = self.instants[index % len(self.instants)]
            self._log(at.replace(tzinfo=None), offset, "left", None, False)

    def _pick(self, index: int) -> int | None:
        return self.episode_ids[index % len(self.episode_ids)] if self.episode_ids else None

    def _edit(self, index: int, intensity: int, note: str | None, moment: dt.datetime) -> None:
        picked = self._pick(index)
        if picked is not None:
            at = moment.replace(tzinfo=dt.UTC)
            # A deleted twitch is not edited (undelete first): refused, nothing changed.
            with contextlib.suppress(RecordDeletedError):
                episodes.edit_episode(
                    self.store, 1, picked, intensity=intensity, note=note, started_at=at
                )

    def _delete(self, index: int) -> None:
        picked = self._pick(index)
        if picked is not None:
            episodes.delete_episode(self.store, 1, picked)

    def _undo(self, index: int) -> None:
        picked = self._pick(index)
        if picked is not None:
            episodes.undo_delete(self.store, 1, picked)

    def _day(self, day: dt.date, sleep: float | None, water: int | None, note: str | None) -> None:
        days.save_day(self.store, None, day, sleep_h=sleep, water_ml=water, note=note)
        self.day_dates.append(day)

    def _delete_day(self, index: int, deleted: bool) -> None:
        if self.day_dates:
            days.set_day_deleted(
                self.store, 1, self.day_dates[index % len(self.day_dates)], deleted
            )

    def _remedy(self, day: dt.date, remedy: str, note: str | None) -> None:
        care.log_remedy(self.store, None, day=day, remedy=remedy, note=note)

    def _medication(self, day: dt.date, name: str) -> None:
        care.add_medication(self.store, None, name=name, kind="other", started_on=day)

    def _settings(self, language: str, water_target_ml: int) -> None:
        me = profiles.resolve_profile(self.store, None)
        assert me.id is not None
        chosen = Settings(language=language, water_target_ml=water_target_ml)
        profiles.save_settings(self.store, me.id, chosen)


def _uuids(store: Store, live: bool) -> list[str]:
    with UnitOfWork.reading(store) as uow:
        found = uow.episodes.between(1, None, None) if live else uow.episodes.everything(1)
        return sorted(e.uuid for e in found if e.uuid is not None)


def _same_files(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions)
def test_any_diary_round_trips_byte_for_byte(tmp_path: Path, steps: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        root = Path(scratch)
        source = open_store(root / "source")
        diary = Diary(source)
        for step in steps:
            diary.run(step)
        if not diary.episode_ids and not diary.day_dates:
            diary.run(("log", dt.datetime(2025, 1, 1, 9), 420, "left", None, False))  # noqa: DTZ001
        exchange.export_csv(source, None, root / "csv1")
        exchange.export_json(source, root / "backup1.json")
        via_csv, via_json = open_store(root / "csv"), open_store(root / "json")
        exchange.import_path(via_csv, None, root / "csv1")
        exchange.import_path(via_json, None, root / "backup1.json")
        exchange.export_csv(via_csv, None, root / "csv2")
        exchange.export_json(via_json, root / "backup2.json")
        _same_files(root / "csv1", root / "csv2")
        assert (root / "backup1.json").read_bytes() == (root / "backup2.json").read_bytes()
        # Every acknowledged episode is there, twins included, deleted ones in the backup.
        assert _uuids(via_csv, live=True) == _uuids(source, live=True)
        assert _uuids(via_json, live=False) == _uuids(source, live=False)
        assert len(_uuids(source, live=False)) == len(diary.episode_ids)
        # And importing either again into its store adds nothing.
        assert sum(exchange.import_path(via_csv, None, root / "csv1").added.values()) == 0
        assert sum(exchange.import_path(via_json, None, root / "backup1.json").added.values()) == 0
        for store in (source, via_csv, via_json):
            store.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    made = kedut(root / "store", "demo", "--days", "365", "--seed", "9", "--end", "2026-11-25")
    assert made.returncode == 0, made.stderr
    for args in (
        ("--format", "csv", "--out", str(root / "csv")),
        ("--format", "json", "--out", str(root / "b.json")),
    ):
        exported = kedut(root / "store", "--profile", "Demo", "export", *args)
        assert exported.returncode == 0, exported.stderr
    return root


def test_the_demo_export_imported_into_the_same_diary_adds_nothing(demo: Path) -> None:
    before = row_counts(demo / "store" / "kedut.sqlite3")
    # Into the diary's default profile (Demo takes no entries of one's own): every entry
    # is already stored under Demo, so none is copied.
    for source in ("csv", "b.json"):
        result = kedut(demo / "store", "import", str(demo / source))
        assert result.returncode == 0, result.stderr
        assert all(
            line.split(": ")[1].startswith("0 added, 0 changed")
            for line in result.stdout.splitlines()
            if not line.startswith("profiles")
        )
    after = row_counts(demo / "store" / "kedut.sqlite3")
    assert {t: n for t, n in after.items() if t != "profile"} == {
        t: n for t, n in before.items() if t != "profile"
    }


def test_the_demo_export_imported_into_an_empty_diary_exports_the_same(
    demo: Path, tmp_path: Path
) -> None:
    assert kedut(tmp_path / "a", "import", str(demo / "csv")).returncode == 0
    assert (
        kedut(
            tmp_path / "a", "export", "--format", "csv", "--out", str(tmp_path / "csv")
        ).returncode
        == 0
    )
    _same_files(demo / "csv", tmp_path / "csv")
    assert kedut(tmp_path / "b", "import", str(demo / "b.json")).returncode == 0
    out = tmp_path / "b.json"
    assert kedut(tmp_path / "b", "export", "--format", "json", "--out", str(out)).returncode == 0
    assert out.read_bytes() == (demo / "b.json").read_bytes()
