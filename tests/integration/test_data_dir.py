"""Where the diary lives: --data-dir, then KEDUT_DATA_DIR, then the platform's user
data dir; created private to its owner."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.integration.kedut_cli import kedut


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_environment_variable_chooses_the_data_dir(tmp_path: Path) -> None:
    chosen = tmp_path / "from-env"
    result = kedut(None, "log", "twitch", env={"KEDUT_DATA_DIR": str(chosen)})
    assert result.returncode == 0, result.stderr
    assert (chosen / "kedut.sqlite3").is_file()


def test_the_option_wins_over_the_environment_variable(tmp_path: Path) -> None:
    result = kedut(
        tmp_path / "from-option", "log", "twitch", env={"KEDUT_DATA_DIR": str(tmp_path / "env")}
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-option" / "kedut.sqlite3").is_file()
    assert not (tmp_path / "env").exists()


def test_without_either_the_platform_user_data_dir_is_used(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    result = kedut(None, "log", "twitch", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "xdg" / "Kedut" / "kedut.sqlite3").is_file()


def test_a_new_data_dir_and_store_are_private_to_their_owner(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "kedut"
    assert kedut(data_dir, "log", "twitch").returncode == 0
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / "kedut.sqlite3") == 0o600
    for sidecar in data_dir.glob("kedut.sqlite3-*"):
        assert _mode(sidecar) == 0o600
