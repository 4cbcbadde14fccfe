"""The report's sections, each a function that writes onto the PDF."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tracker.analysis.messages import finding_sentence, warning_message
from tracker.domain import (
    RED_FLAGS,
    BodySite,
    Episode,
    RemedyUse,
    Side,
    Warning,
    WarningLevel,
    WarningRule,
)
from tracker.i18n import gettext as _
from tracker.i18n import ngettext
from tracker.labels import (
    day_month_year,
    days_text,
    decimal_text,
    factor_label,
    place_label,
    red_flag_label,
    remedy_label,
    short_date,
    sides_place_label,
)
from tracker.reports.document import ACCENT, ALERT, MUTED, ReportPDF
from tracker.reports.notes import LongNote, table_cell

if TYPE_CHECKING:
    from tracker.reports import ReportData

MAX_EPISODE_ROWS = 150  # three pages; a longer list belongs in the CSV export
MAX_FINDINGS = 10


def _doctor_checklist(data: ReportData) -> list[tuple[bool, str, str]]:
    """(ticked, sign, what was logged) for the article's "see a doctor when" list."""
    # One line per body site: its persistence warning (the longer story) when it has one.
    lasting: dict[BodySite, Warning] = {}
    for warning in data.charts.warnings:
        if warning.rule in (WarningRule.PERSISTENCE, WarningRule.RECURRING):
            kept = lasting.get(warning.body_site)
            if kept is None or kept.rule is WarningRule.RECURRING:
                lasting[warning.body_site] = warning
    items = [
        (
            bool(lasting),
            _("Twitching goes on for several days or weeks"),
            "; ".join(
                ngettext(
                    "{place}: {n} day, {first} to {last}",
                    "{place}: {n} days, {first} to {last}",
                    w.episode_days,
                ).format(
                    place=sides_place_label(w.body_site, w.sides),
                    n=w.episode_days,
                    first=day_month_year(w.first_day),
                    last=day_month_year(w.last_day),
                )
                for w in lasting.values()
            )
            or _("not seen in this period"),
        )
    ]
    signs = {
        "pain": _("Sharp pain"),
        "swelling": _("Swelling"),
        "warmth": _("The knee feels hot or looks red"),
        "numbness_tingling": _("Numbness or tingling"),
        "weakness": _("The leg feels weak, is hard to move, or walking is affected"),
    }
    for flag in RED_FLAGS:
        days = data.red_flag_days.get(flag, [])
        logged = (
            ngettext(
                "logged on {n} day, last {last}", "logged on {n} days, last {last}", len(days)
            ).format(n=len(days), last=day_month_year(days[-1]))
            if days
            else _("not logged")
        )
        items.append((bool(days), signs[flag], logged))
    return items


def summary_page(pdf: ReportPDF, data: ReportData, period: str) -> None:
    pdf.add_page()
    pdf.heading(_("Knee twitching: summary for a doctor"), 17)
    pdf.paragraph(_("Name: {name}").format(name=data.profile_name), 11, style="B")
    pdf.paragraph(
        ngettext(
            "Period: {period} ({days} day)",
            "Period: {period} ({days} days)",
            data.charts.series.days,
        ).format(period=period, days=data.charts.series.days),
        11,
    )
    days_with = data.episode_days
    logged = int(data.charts.logged().sum())
    pdf.paragraph(
        ngettext(
            "{episodes} twitch episodes on {with_} days; {logged} of {days} day logged.",
            "{episodes} twitch episodes on {with_} days; {logged} of {days} days logged.",
            data.charts.series.days,
        ).format(
            episodes=data.episode_count,
            with_=days_with,
            logged=logged,
            days=data.charts.series.days,
        ),
        11,
    )
    places: dict[str, int] = defaultdict(int)  # "Left knee" → episodes
    for (site, side), count in data.places.items():
        places[place_label(BodySite(site), Side(side))] += count
    if places:
        pdf.paragraph(
            _("Where: {places}").format(
                places=", ".join(
                    f"{p} ({n})" for p, n in sorted(places.items(), key=lambda i: -i[1])
                )
            ),
            11,
        )
    pdf.ln(3)
    pdf.heading(_("Warnings now"), 13)
    if not data.charts.warnings:
        pdf.paragraph(_("No warning is active."), 10, MUTED)
    for warning in data.charts.warnings:
        level = _("SEE A DOCTOR") if warning.level is WarningLevel.SEE_DOCTOR else _("WATCH")
        pdf.paragraph(
            f"{level} · {warning_message(warning)}",
            10,
            ALERT if warning.level is WarningLevel.SEE_DOCTOR else ACCENT,
        )
        # The days as Today's banners read them: runs as spans, after how many came before.
        pdf.paragraph(_("Days: {days}").format(days=days_text(warning.days)), 8, MUTED)
        pdf.ln(1.5)
    pdf.ln(2)
    pdf.heading(_("See a doctor when…"), 13)
    for ticked, sign, what in _doctor_checklist(data):
        pdf.paragraph(f"{'☑' if ticked else '☐'}  {sign}: {what}", 10, ALERT if ticked else MUTED)
    pdf.ln(2)
    pdf.heading(_("Medicines"), 13)
    if not data.medications:
        pdf.paragraph(_("No medicine logged for this period."), 10, MUTED)
    for medication in data.medications:
        until = (
            day_month_year(medication.stopped_on) if medication.stopped_on else _("still taking")
        )
        kind = medication.kind.value
        kind_text = _("other") if kind == "other" else factor_label(f"on_{kind}")
        started = day_month_year(medication.started_on)
        pdf.paragraph(f"{medication.name} ({kind_text}): {started} – {until}", 10)
    pdf.ln(4)
    pdf.paragraph(
        _(
            "Kedut is a diary, not a diagnosis. It shows what was logged and what went together "
            "with twitching; it does not say what causes it."
        ),
        8,
        MUTED,
        "I",
    )


def findings_page(pdf: ReportPDF, data: ReportData, chart: Any) -> None:
    pdf.add_page()
    pdf.heading(_("What went together with twitching"))
    shown = data.charts.correlations.shown if data.charts.correlations else []
    if not shown:
        pdf.paragraph(_("Not enough logged days yet to show any link."), 10, MUTED)
    for result in shown[:MAX_FINDINGS]:
        pdf.paragraph(f"•  {finding_sentence(result)} (q {decimal_text(result.q_value, 2)})", 10)
        pdf.ln(0.8)
    pdf.paragraph(
        _(
            "ρ: Spearman's rank correlation. CI: interval covering 95%. "
            "q: chance of a false finding among those listed (Benjamini–Hochberg). "
            "Early: fewer than 30 days."
        ),
        8,
        MUTED,
    )
    pdf.ln(2)
    pdf.chart(chart, pdf.epw)


def episodes_table(pdf: ReportPDF, episodes: Sequence[Episode], total: int) -> list[LongNote]:
    """The latest episodes; returns the notes the table had to cut, to print in full."""
    pdf.add_page()
    listed = list(episodes)[-MAX_EPISODE_ROWS:]
    pdf.heading(_("All episodes"))
    if len(listed) < total:
        pdf.paragraph(
            _("The latest {n} of {total}; the CSV export has every one.").format(
                n=len(listed), total=total
            ),
            9,
            MUTED,
        )
    rows: list[list[str]] = []
    long_notes: list[LongNote] = []
    for episode in listed:
        local = episode.local_started_at
        note, cut = table_cell(episode.note, len(long_notes) + 1)
        if cut:
            long_notes.append(LongNote(len(long_notes) + 1, episode))
        rows.append(
            [
                short_date(episode.local_date),
                local.strftime("%H:%M"),
                place_label(episode.body_site, episode.side),
                str(episode.intensity),
                "" if episode.duration_s is None else f"{episode.duration_s} s",
                ", ".join(red_flag_label(f) for f in episode.red_flags),
                note,
            ]
        )
    if not rows:
        pdf.paragraph(_("No episode in this period."), 10, MUTED)
        return []
    headings = [
        _("Date"),
        _("Time"),
        _("Where"),
        _("Intensity"),
        _("Duration"),
        _("Red flags"),
        _("Note"),
    ]
    pdf.table_rows(headings, rows, (23, 11, 30, 17, 16, 31, 50))
    if not all(pdf.draws_all_of(episode.note or "") for episode in listed):
        pdf.ln(1)
        pdf.paragraph(
            _("□ stands for a character this report cannot show; the CSV export has every note."),
            8,
            MUTED,
        )
    return long_notes


def remedies_table(pdf: ReportPDF, remedies: Sequence[RemedyUse]) -> None:
    pdf.ln(4)
    pdf.heading(_("Remedies tried"), 13)
    if not remedies:
        pdf.paragraph(_("No remedy logged in this period."), 10, MUTED)
        return
    by_remedy: dict[str, list[RemedyUse]] = defaultdict(list)
    for use in remedies:
        by_remedy[use.remedy.value].append(use)
    rows = []
    for uses in sorted(by_remedy.values(), key=len, reverse=True):
        rated = [u.helped for u in uses if u.helped is not None]
        helped = f"{decimal_text(sum(rated) / len(rated), 1)} / 4" if rated else "–"
        rows.append(
            [remedy_label(uses[0].remedy), str(len(uses)), helped, short_date(uses[-1].date)]
        )
    pdf.table_rows(
        [_("Remedy"), _("Times"), _("Helped (average)"), _("Last")], rows, (60, 25, 45, 48), 9
    )
