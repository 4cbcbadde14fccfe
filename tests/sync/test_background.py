"""The app's background sync runs each sync in a process of its own (so that a long pull
never takes the window's frames): closing the app ends that process at once, and a
refusal from the server still comes back in the person's words."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tracker.services.sync_worker import BackgroundSync, SyncOutcome
from tracker.storage import open_store


@contextmanager
def silent_server() -> Iterator[int]:
    """A port that takes the connection and then never answers, as a stalled server."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def _wait(condition: object, limit_s: float = 30.0) -> None:
    began = time.monotonic()
    while not condition():  # type: ignore[operator]
        assert time.monotonic() - began < limit_s, "waited too long"
        time.sleep(0.05)


def test_closing_the_app_ends_a_sync_still_waiting_for_its_server(tmp_path: Path) -> None:
    store = open_store(tmp_path / "tablet")
    outcomes: list[SyncOutcome] = []
    worker = BackgroundSync(store, outcomes.append, interval_s=0.05)
    worker.start()
    with silent_server() as port:
        # The server would keep the sync waiting for a minute.
        worker.request(f"postgresql://kedut@127.0.0.1:{port}/kedut?connect_timeout=60")
        _wait(lambda: worker.busy)
        time.sleep(1.0)  # its process is started and waiting for the server
        began = time.monotonic()
        worker.stop()
        stopped_s = time.monotonic() - began
    store.close()
    assert stopped_s < 5, f"closing waited {stopped_s:.1f} s for the sync"
    assert [o.error for o in outcomes] == [None]  # "syncing…", and no complaint at closing


def test_a_refusal_from_the_sync_process_is_said_in_the_persons_words(tmp_path: Path) -> None:
    store = open_store(tmp_path / "tablet")
    outcomes: list[SyncOutcome] = []
    worker = BackgroundSync(store, outcomes.append, interval_s=0.05)
    worker.start()
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # bound, never listening: the connection is refused
        worker.request(f"postgresql://kedut@127.0.0.1:{port}/kedut")
        _wait(lambda: len(outcomes) >= 2)
    worker.stop()
    store.close()
    error = outcomes[-1].error
    assert error is not None
    assert f"127.0.0.1:{port}" in error, error
    assert "Traceback" not in error and "psycopg" not in error, error
