"""Settings → Sync: the state of sync in words (last sync, what waits to be sent, the
last problem, conflicts), and History's mark on an entry that had a conflict."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.i18n import gettext as _
from tracker.i18n import ngettext
from tracker.labels import short_date


@dataclass(frozen=True)
class SyncView:
    address: str  # the server remembered (never with a password)
    last_text: str
    pending_text: str
    error_text: str  # "" when the last sync went through
    conflicts_text: str
    button_text: str
    busy: bool


def _when(moment: dt.datetime, now: dt.datetime) -> str:
    local = moment.astimezone(now.tzinfo)
    if local.date() == now.date():
        return _("today at {time}").format(time=local.strftime("%H:%M"))
    return f"{short_date(local.date())} {local.strftime('%H:%M')}"


def sync_view(
    *,
    server_url: str | None,
    last_sync_at: dt.datetime | None,
    last_pushed: int,
    last_pulled: int,
    pending: int,
    error: str | None,
    error_at: dt.datetime | None,
    conflicts: int,
    busy: bool,
    now: dt.datetime,
) -> SyncView:
    if last_sync_at is None:
        last = _("Not synced yet.") if server_url else _("No server set: this diary stays here.")
    else:
        last = _("Last sync {when}: sent {sent}, received {received}.").format(
            when=_when(last_sync_at, now), sent=last_pushed, received=last_pulled
        )
    waiting = (
        ngettext("{n} change waits to be sent.", "{n} changes wait to be sent.", pending).format(
            n=pending
        )
        if pending
        else _("Nothing waits to be sent.")
    )
    problem = ""
    if error:
        reason = error if error.endswith((".", "?", "!")) else error + "."
        problem = (
            _("Last try {when}: {reason}").format(when=_when(error_at, now), reason=reason)
            if error_at is not None
            else _("Last try: {reason}").format(reason=reason)
        )
    conflict_text = (
        ngettext(
            "{n} entry was changed on two devices: History marks it.",
            "{n} entries were changed on two devices: History marks them.",
            conflicts,
        ).format(n=conflicts)
        if conflicts
        else ""
    )
    return SyncView(
        address=server_url or "",
        last_text=last,
        pending_text=waiting,
        error_text=problem,
        conflicts_text=conflict_text,
        button_text=_("Syncing…") if busy else _("Sync now"),
        busy=busy,
    )


def conflict_mark() -> str:
    return _("Changed on two devices: tap to choose")
