"""Writing output files safely: atomically (a temp file, then a rename) and private to
their owner, so a crash never leaves half a report and nobody else can read it; and
naming them so that a new file never takes the place of an earlier one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
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


# Characters no file name may hold on some system Kedut runs on (Windows is the strictest).
_NOT_IN_NAMES = frozenset('/\\:*?"<>|')


def file_name_part(text: str) -> str:
    """`text` (a profile's name) made safe inside a file name: separators, characters
    Windows refuses and control characters become "-"; never empty, never "." or ".."."""
    safe = "".join("-" if c in _NOT_IN_NAMES or not c.isprintable() else c for c in text)
    safe = safe.strip().strip(".")
    return safe or "-"


def unique_name(stem: str, suffix: str, taken: Iterable[str]) -> str:
    """`stem + suffix`, or when a file of that name is already there, the first free
    "stem (2)suffix", "stem (3)suffix", … Names are compared without case, as the file
    systems of Windows and macOS compare them, so nothing is ever overwritten."""
    used = {name.casefold() for name in taken}
    candidate, number = f"{stem}{suffix}", 1
    while candidate.casefold() in used:
        number += 1
        candidate = f"{stem} ({number}){suffix}"
    return candidate


def free_path(folder: Path, stem: str, suffix: str = "") -> Path:
    """A path in `folder` that nothing has yet (see `unique_name`). Raises OSError when
    `folder` cannot be listed (e.g. a file is where the folder should be)."""
    taken = [p.name for p in folder.iterdir()] if folder.exists() else []
    return folder / unique_name(stem, suffix, taken)
