"""Run Kedut's command line as a person would: a separate process on a real data dir."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[2]
TABLES = ("profile", "settings", "twitch_episode", "day_log", "medication", "remedy_use")


def kedut(
    data_dir: Path | None, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(PROJECT / "main.py")]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    environment = {k: v for k, v in os.environ.items() if k != "KEDUT_DATA_DIR"}
    environment.update(env or {})
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=environment, timeout=60, check=False
    )


def listed(data_dir: Path, *args: str) -> dict[str, Any]:
    result = kedut(data_dir, "list", "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def row_counts(db_path: Path) -> dict[str, int]:
    """Rows per table, read with plain sqlite3 (not through Kedut)."""
    if not db_path.exists():
        return dict.fromkeys(TABLES, 0)
    with sqlite3.connect(db_path) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608 - fixed table names
