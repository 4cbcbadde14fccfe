"""Where the diary lives, created private to its owner."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Kedut"
DB_FILENAME = "kedut.sqlite3"
ENV_DATA_DIR = "KEDUT_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then `KEDUT_DATA_DIR`, then the platform's user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # ≈ 0.3 MB, loaded only when no folder is named

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create the directory owner-only (0700). An existing directory is left as the
    person made it: it may be theirs, not ours."""
    if not path.exists():
        path.mkdir(mode=0o700, parents=True)
        path.chmod(0o700)  # mkdir's mode is filtered by the umask
    elif not path.is_dir():
        raise NotADirectoryError(f"data directory {path} exists and is not a directory")
    return path


def ensure_private_file(path: Path) -> Path:
    """Create an empty owner-only (0600) file if it does not exist yet. SQLite gives its
    -wal and -shm files the same permissions as the database file."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        path.chmod(0o600)
    return path
