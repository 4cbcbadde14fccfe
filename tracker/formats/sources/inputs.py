"""What a person picks to import, opened the same way whatever it is: one file, a folder
(e.g. an unpacked Takeout), or a zip archive. Members are found and read by content;
reading streams in chunks, reports progress and stops at once when cancelled."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tracker.formats.sources.batch import ImportCancelled, SourceFormatError, SourceOptions
from tracker.i18n import gettext as _

CHUNK = 1 << 20  # 1 MiB: small enough to stay light, large enough to be fast
_ZIP_MAGIC = b"PK\x03\x04"
# What opening or reading a file or a zip member can raise (a zip's own faults included).
_OPEN_ERRORS = (
    OSError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    RuntimeError,
    ValueError,
    NotImplementedError,
)


@dataclass(frozen=True)
class Member:
    """One file inside what was picked: its path there (as the person sees it) and size."""

    name: str
    size: int


class Container:
    """A file, a folder or a zip archive, with the files it holds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        if path.is_dir():
            try:
                self._members = [
                    Member(p.relative_to(path).as_posix(), p.stat().st_size)
                    for p in sorted(path.rglob("*"))
                    if p.is_file()
                ]
            except OSError as error:
                raise SourceFormatError(path.name, _cannot_read(error)) from None
            return
        try:
            with path.open("rb") as handle:
                magic = handle.read(4)
            if zipfile.is_zipfile(path):
                self._zip = zipfile.ZipFile(path)
                self._members = [
                    Member(info.filename, info.file_size)
                    for info in sorted(self._zip.infolist(), key=lambda i: i.filename)
                    if not info.is_dir()
                ]
                return
        except (OSError, zipfile.BadZipFile, ValueError) as error:
            raise SourceFormatError(path.name, _cannot_read(error)) from None
        if magic == _ZIP_MAGIC:
            raise SourceFormatError(path.name, _("the zip archive is damaged or cut short"))
        self._members = [Member(path.name, path.stat().st_size)]

    def __enter__(self) -> Container:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    @property
    def members(self) -> list[Member]:
        return self._members

    def label(self, member: Member) -> str:
        """How the person finds the member: the file itself, or archive › path inside."""
        if self.path.is_file() and self._zip is None:
            return self.path.name
        return f"{self.path.name} › {member.name}"

    def open(self, member: Member) -> IO[bytes]:
        try:
            if self._zip is not None:
                return self._zip.open(member.name)
            if self.path.is_dir():
                return (self.path / member.name).open("rb")
            return self.path.open("rb")
        except _OPEN_ERRORS as error:
            raise SourceFormatError(self.label(member), _cannot_read(error)) from None

    def chunks(self, member: Member, meter: Meter) -> Iterator[bytes]:
        """The member's bytes in chunks; a damaged archive member is a clear error."""
        with self.open(member) as handle:
            while True:
                try:
                    chunk = handle.read(CHUNK)
                except _OPEN_ERRORS as error:
                    raise SourceFormatError(self.label(member), _cannot_read(error)) from None
                if not chunk:
                    return
                meter.advance(len(chunk))
                yield chunk

    def head(self, member: Member, size: int) -> bytes:
        """The first `size` bytes (fewer for a short file), to recognise it by content."""
        with self.open(member) as handle:
            try:
                return handle.read(size)
            except _OPEN_ERRORS as error:
                raise SourceFormatError(self.label(member), _cannot_read(error)) from None

    def read_all(self, member: Member, meter: Meter) -> bytes:
        return b"".join(self.chunks(member, meter))


def _cannot_read(error: BaseException) -> str:
    if isinstance(error, zipfile.BadZipFile | zlib.error | EOFError):
        return _("the zip archive is damaged or cut short")
    if isinstance(error, PermissionError):
        return _("Kedut may not read this file (permission denied)")
    if isinstance(error, FileNotFoundError):
        return _("the file is not there any more")
    if isinstance(error, NotImplementedError):
        return _("the zip archive is packed in a way Kedut cannot unpack")
    if isinstance(error, RuntimeError):  # an encrypted zip member
        return _("the zip archive is protected by a password")
    return _("the file cannot be read")


class Meter:
    """Counts bytes read against the total, tells the progress callback, and raises
    `ImportCancelled` as soon as the person cancels."""

    def __init__(self, options: SourceOptions, total: int) -> None:
        self.options, self.total, self.done = options, max(total, 1), 0
        self.check()

    def check(self) -> None:
        if self.options.cancelled is not None and self.options.cancelled():
            raise ImportCancelled

    def advance(self, count: int) -> None:
        self.done = min(self.done + count, self.total)
        self.check()
        if self.options.progress is not None:
            self.options.progress(self.done, self.total)

    def finish(self) -> None:
        self.advance(self.total - self.done)


def open_container(path: Path) -> Container:
    if not path.exists():
        raise SourceFormatError(path.name, _("the file is not there any more"))
    return Container(path)
