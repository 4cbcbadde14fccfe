"""Writing output files safely: atomically (a temp file, then a rename) and private to
their owner, so a crash never leaves half a report and nobody else can read it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

MAX_IMPORT_BYTES = 50 * 1024 * 1024  # far beyond a lifetime of diary entries


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` (0600) so that readers see the old file or the new one."""
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp_name).chmod(0o600)  # mkstemp already does; kept explicit for the contract
        Path(temp_name).replace(path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path
