"""Words for what went wrong with a file or the diary, and for replacing the diary with
a backup: plain words a person can act on, never Python's."""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Sequence
from pathlib import Path

from tracker.domain import ValidationError
from tracker.formats.errors import FileFormatError
from tracker.i18n import gettext as _
from tracker.labels import long_date
from tracker.services.errors import database_trouble
from tracker.services.profile_choice import ProfileNotFoundError


def reason_text(error: BaseException, folder: Path | None = None) -> str:
    """Why something could not be done, for the end of "Could not … : {reason}".
    `folder` is where files were being written, when they were."""
    if isinstance(error, FileFormatError | ValidationError):
        return str(error)  # already names the file, row, field and what is allowed
    if isinstance(error, OSError):
        return _os_reason(error, folder)
    trouble = database_trouble(error)
    if trouble == "busy":
        return _("the diary is busy with another change; please try again in a moment")
    if trouble == "disk":
        return _("the disk is full or could not be written")
    if trouble == "unreadable":
        return _("the diary could not be read; Settings → Check the diary looks for damage")
    return _("something unexpected went wrong (the details are in Kedut's log)")


def not_saved_reason(error: BaseException) -> str | None:
    """Why a change in the app was not stored, when the diary refused it (busy for
    longer than the wait, the disk full, the file damaged) or the open profile is gone
    (deleted from the command line or another device meanwhile); None for anything
    else, which is a bug and is raised. Either way nothing was stored."""
    if isinstance(error, ProfileNotFoundError):
        return _(
            "this profile was deleted elsewhere (from the command line or another device); "
            "choose a profile from the list at the top"
        )
    if database_trouble(error) is None:
        return None
    return reason_text(error)


def _os_reason(error: OSError, folder: Path | None) -> str:
    where = str(folder if folder is not None else error.filename or "")
    if isinstance(error, FileExistsError | NotADirectoryError):
        return _("a file is in the way of the folder {folder}").format(folder=where)
    if isinstance(error, PermissionError):
        return _("Kedut may not write in {folder}").format(folder=where)
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("the disk is full")
    if error.errno == errno.EROFS:
        return _("{folder} is on a disk that cannot be written to").format(folder=where)
    if error.errno == errno.ENAMETOOLONG:
        return _("the file name is too long for this disk")
    return _("the file could not be written ({detail})").format(
        detail=error.strerror or _("no reason given")
    )


def export_failed(what: str, error: BaseException, folder: Path) -> str:
    """The message when a report, chart or export could not be saved."""
    subject = {
        "report": _("Could not save the doctor report: {reason}."),
        "chart-png": _("Could not save the chart: {reason}."),
        "chart-pdf": _("Could not save the chart: {reason}."),
        "csv": _("Could not save the CSV files: {reason}."),
        "json": _("Could not save the backup: {reason}."),
    }[what]
    return subject.format(reason=reason_text(error, folder))


def import_failed(file: Path, error: BaseException) -> str:
    return _("Could not restore from {file}: {reason}. Nothing was stored.").format(
        file=file.name, reason=reason_text(error)
    )


# Restoring a backup


def restore_question(backup: Path, made: dt.date, profiles: Sequence[str], kept_in: Path) -> str:
    """What a store restore replaces, and that the diary as it is now is kept."""
    return _(
        "This replaces the whole diary on this device (every profile: {profiles}) with "
        "the backup {file} from {date}. Entries made since then will be gone from the "
        "diary. A copy of the diary as it is now is kept first, in {folder}."
    ).format(
        profiles=", ".join(profiles) or "–",
        file=backup.name,
        date=long_date(made),
        folder=kept_in,
    )


def import_question(backup: Path) -> str:
    """What restoring from a JSON backup does: it adds, it never replaces."""
    return _(
        "Add the entries of {file} to this diary? Entries already here stay as they are; "
        "nothing is replaced or deleted."
    ).format(file=backup.name)


def restored_text(backup: Path, kept: Path) -> str:
    return _("Restored from {file}. The diary as it was before is kept at {kept}.").format(
        file=backup, kept=kept
    )
