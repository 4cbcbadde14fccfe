"""History: episodes and day logs, newest first, as list rows."""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass

from tracker.domain import DayLog, Episode, RemedyUse
from tracker.i18n import gettext as _
from tracker.labels import remedy_label, short_date, weekday_label
from tracker.ui.presenters.sync import conflict_mark
from tracker.ui.presenters.today import episode_item


@dataclass(frozen=True)
class HistoryRow:
    kind: str
    """"episode", "day" or "remedy" (a remedy's row opens its day)."""
    key: str
    """The episode id, or the day's ISO date."""
    when: str
    title: str
    detail: str
    alert: str
    uuid: str = ""
    conflict: str = ""
    """Set when the entry was changed on two devices without them seeing each other."""


def day_summary(day_log: DayLog) -> str:
    parts = []
    if day_log.sleep_h is not None:
        parts.append(_("sleep {h} h").format(h=f"{day_log.sleep_h:g}"))
    if day_log.water_ml is not None:
        parts.append(_("water {ml} ml").format(ml=day_log.water_ml))
    if day_log.exercise_min is not None:
        parts.append(_("exercise {m} min").format(m=day_log.exercise_min))
    if day_log.stress is not None:
        parts.append(_("stress {n}/4").format(n=day_log.stress))
    if day_log.diarrhea:
        parts.append(_("diarrhoea"))
    if day_log.note:
        parts.append(" ".join(day_log.note.split()))
    return " · ".join(parts) or _("nothing filled in")


def helped_text(helped: int | None) -> str:
    if helped is None:
        return _("did it help: not said")
    return _("helped {n} of 4").format(n=helped)


def remedy_row(use: RemedyUse, mark: str = "", conflicted: Set[str] = frozenset()) -> HistoryRow:
    return HistoryRow(
        kind="remedy",
        key=use.date.isoformat(),
        when=f"{weekday_label(use.date)[:3]} {short_date(use.date)}",
        title=remedy_label(use.remedy),
        detail=" · ".join(
            part for part in (helped_text(use.helped), " ".join((use.note or "").split())) if part
        ),
        alert="",
        uuid=use.uuid or "",
        conflict=mark if use.uuid in conflicted else "",
    )


def history_rows(
    episodes: Sequence[Episode],
    day_logs: Sequence[DayLog],
    remedies: Sequence[RemedyUse] = (),
    conflicted: Set[str] = frozenset(),
) -> list[HistoryRow]:
    """Newest first; on each date the day log and the remedies tried come before that
    day's episodes. Entries whose uuid is in `conflicted` are marked (a sync conflict
    to choose from)."""
    mark = conflict_mark()
    by_date: dict[object, list[HistoryRow]] = {}
    for day_log in day_logs:
        by_date.setdefault(day_log.date, []).append(
            HistoryRow(
                kind="day",
                key=day_log.date.isoformat(),
                when=f"{weekday_label(day_log.date)[:3]} {short_date(day_log.date)}",
                title=_("Day log"),
                detail=day_summary(day_log),
                alert="",
                uuid=day_log.uuid or "",
                conflict=mark if day_log.uuid in conflicted else "",
            )
        )
    for use in remedies:
        by_date.setdefault(use.date, []).append(remedy_row(use, mark, conflicted))
    for episode in sorted(episodes, key=lambda e: e.started_at, reverse=True):
        item = episode_item(episode)
        by_date.setdefault(episode.local_date, []).append(
            HistoryRow(
                kind="episode",
                key=str(item.episode_id),
                when=f"{short_date(episode.local_date)} {item.time_text}",
                title=item.place_text,
                detail=item.detail_text,
                alert=item.red_flags_text,
                uuid=episode.uuid or "",
                conflict=mark if episode.uuid in conflicted else "",
            )
        )
    rows: list[HistoryRow] = []
    for date in sorted(by_date, reverse=True):  # type: ignore[type-var]
        rows.extend(by_date[date])
    return rows
