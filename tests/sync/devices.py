"""Devices for the sync tests: each one a separate data dir, driven through the command
line as a separate process, with the password in its environment the PostgreSQL way."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from tests.integration.kedut_cli import kedut
from tests.pg_server import PASSWORD

SYNCED = (
    "profile",
    "settings",
    "day_log",
    "twitch_episode",
    "medication",
    "remedy_use",
    "sync_conflict",
)
_LOCAL = {"id", "profile_id", "sync_version"}


class Device:
    def __init__(self, data_dir: Path, url: str, password: str = PASSWORD) -> None:
        self.data_dir = data_dir
        self.url = url
        self.env = {"PGPASSWORD": password, "KEDUT_LANG": "en"}

    @property
    def db(self) -> Path:
        return self.data_dir / "kedut.sqlite3"

    def run(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return kedut(self.data_dir, *args, env={**self.env, **(env or {})})

    def ok(self, *args: str) -> str:
        done = self.run(*args)
        assert done.returncode == 0, (args, done.stderr)
        return done.stdout

    def sync(self) -> tuple[int, int, int]:
        """(pushed, pulled, conflicts) of one `sync --server URL`."""
        out = self.ok("sync", "--server", self.url)
        words = out.strip().replace(",", "").split()
        return int(words[1]), int(words[3]), int(words[5])

    def conflicts(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = json.loads(self.ok("conflicts", "--json"))["conflicts"]
        return found

    def export(self) -> dict[str, Any]:
        """The JSON backup as the person gets it (local ids differ between devices; the
        file must not)."""
        out = self.data_dir / "export.json"
        self.ok("export", "--format", "json", "--out", str(out))
        document: dict[str, Any] = json.loads(out.read_text())
        out.unlink()
        return document


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced record (tombstones and conflicts too) as it would travel: by uuid,
    its profile by uuid, without local ids and versions. Read with plain sqlite3."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(db) as con:
        profiles = dict(con.execute("SELECT id, uuid FROM profile").fetchall())
        for table in SYNCED:
            cursor = con.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
            names = [d[0] for d in cursor.description]
            rows = []
            for row in cursor.fetchall():
                values = dict(zip(names, row, strict=True))
                if "profile_id" in values:
                    values["profile"] = profiles[values["profile_id"]]
                rows.append(tuple(sorted((k, v) for k, v in values.items() if k not in _LOCAL)))
            found[table] = sorted(rows)
    return found


def pending(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT count(*) FROM sync_outbox").fetchone()[0])
