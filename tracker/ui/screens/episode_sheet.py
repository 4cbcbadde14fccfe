"""The details sheet: site, side, intensity, duration, context, red flags and a note,
for a new episode or one being edited. An edit changes only what was changed (a time
left alone keeps its seconds); closing with unsaved changes asks first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kivy.core.window import Window
from kivy.lang import Builder
from kivy.metrics import dp
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.modalview import ModalView

from tracker.domain import RED_FLAGS, BodySite, Side, TwitchContext, ValidationError
from tracker.i18n import gettext as _
from tracker.labels import context_label, red_flag_label, short_date, side_label, site_label
from tracker.ui.presenters.day import labelled
from tracker.ui.presenters.edits import (
    episode_changes,
    episode_question,
    episode_values,
    touched,
)
from tracker.ui.presenters.pickers import later_than_now
from tracker.ui.screens.sheet_moment import MomentFields
from tracker.ui.widgets.controls import Chip
from tracker.ui.widgets.leaving import leave_then

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class EpisodeSheet(MomentFields, ModalView):
    diary = ObjectProperty(None)
    """The DiaryService to save through."""
    episode_id = ObjectProperty(None, allownone=True)
    """The episode being edited, or None for a new one."""
    after_save = ObjectProperty(None, allownone=True)
    title_text = StringProperty("")
    error_text = StringProperty("")
    save_text = StringProperty("")
    cancel_text = StringProperty("")
    delete_text = StringProperty("")
    date_text = StringProperty("")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            size_hint=(None, None),
            background="",
            background_color=(1, 1, 1, 1),
            overlay_color=(0, 0, 0, 0.45),
            **kwargs,
        )
        self.width = min(Window.width - dp(16), dp(640))
        self.height = min(Window.height - dp(32), dp(760))
        labels = {
            "time": _("Date and time"),
            "body_site": _("Where"),
            "side": _("Side"),
            "intensity": _("Intensity (0 barely noticeable – 4 severe)"),
            "duration_s": _("How long (seconds)"),
            "context": _("When"),
            "red_flags": _("Also noticed (see a doctor if so)"),
            "note": _("Note"),
        }
        for name, text in labels.items():
            self.ids[f"{name}_label"].text = text
        self.labels = {**labels, "started_at": labels["time"]}
        """The label of each field, for refusals."""
        self.save_text, self.cancel_text, self.delete_text = _("Save"), _("Cancel"), _("Delete")
        episode = None
        if self.episode_id is not None:
            episode = self.diary.episode(self.episode_id)
        last = episode or self.diary.last_episode()
        self.title_text = _("Edit twitch") if episode else _("Twitch details")
        # A new twitch started when the sheet was opened, unless another time is typed.
        self._base = episode.local_started_at if episode else self.diary.now()
        self._base = self._base.replace(microsecond=0)
        self.ids.time.text = self._base.strftime("%H:%M")
        self._day = self._base.date()
        self.date_text = short_date(self._day)
        self._chips(
            "body_site",
            [(s.value, site_label(s)) for s in BodySite],
            (episode.body_site.value if episode else BodySite.KNEE.value),
        )
        self._chips(
            "side", [(s.value, side_label(s)) for s in Side], last.side.value if last else "none"
        )
        self._chips(
            "intensity", [(str(n), str(n)) for n in range(5)], str(last.intensity if last else 1)
        )
        self._chips(
            "context",
            [(c.value, context_label(c)) for c in TwitchContext],
            episode.context.value if episode and episode.context else None,
            required=False,
        )
        self._flags(episode.red_flags if episode else ())
        self.ids.duration_s.text = (
            "" if not episode or episode.duration_s is None else str(episode.duration_s)
        )
        self.ids.note.text = (episode.note or "") if episode else ""
        self._episode = episode
        self._closing = False
        self._shown = self.raw()

    def _chips(
        self, name: str, options: list[tuple[str, str]], chosen: str | None, required: bool = True
    ) -> None:
        row = self.ids[name]
        for value, text in options:
            chip = Chip(
                text=text,
                value=value,
                group=f"sheet-{name}-{id(self)}",
                allow_no_selection=not required,
            )
            chip.state = "down" if value == chosen else "normal"
            row.add_widget(chip)

    def _flags(self, chosen: tuple[str, ...]) -> None:
        for flag in RED_FLAGS:
            chip = Chip(text=red_flag_label(flag), value=flag)
            chip.state = "down" if flag in chosen else "normal"
            self.ids.red_flags.add_widget(chip)

    def _choice(self, name: str) -> str | None:
        return next((c.value for c in self.ids[name].children if c.state == "down"), None)

    def raw(self) -> dict[str, Any]:
        """What the sheet shows now, as shown (texts as typed)."""
        flags = {c.value for c in self.ids.red_flags.children if c.state == "down"}
        raw: dict[str, Any] = {
            name: self._choice(name) for name in ("body_site", "side", "intensity", "context")
        }
        raw["intensity"] = raw["intensity"] or "1"
        raw["started_at"] = self.ids.time.text
        raw["date"] = self._day.isoformat()
        raw["duration_s"] = self.ids.duration_s.text
        raw["note"] = self.ids.note.text
        raw.update({flag: flag in flags for flag in RED_FLAGS})
        return raw

    def unsaved_question(self) -> str | None:
        if not touched(self._shown, self.raw()):
            return None
        return episode_question(new=self._episode is None)

    def save_changes(self) -> bool:
        return self.save()

    def discard_changes(self) -> None:
        pass  # closing the sheet drops what it holds

    def save(self, yesterday_checked: bool = False) -> bool:
        """Log the new twitch, or store what was changed; True unless refused. A time
        typed for today that has not come yet asks whether it was yesterday."""
        raw = self.raw()
        changed = touched(self._shown, raw)
        try:
            values = episode_values(raw, self._base, changed)
            started = values["started_at"]
            moved = {"started_at", "date"} & changed
            if (
                moved
                and not yesterday_checked
                and later_than_now(started.date(), started.time(), self.diary.now())
            ):
                self._ask_yesterday(started)
                return False
            if self._episode is None:
                self.diary.log_twitch_now(at=values.pop("started_at"), **values)
            elif changes := episode_changes(self._episode, values, changed):
                self.diary.edit_episode(self._episode.id, **changes)
        except ValidationError as error:
            self.error_text = labelled(error, self.labels)
            return False
        self._close()
        if self.after_save:
            self.after_save()
        return True

    def dismiss(self, *args: Any, **kwargs: Any) -> None:
        """Cancel, a tap outside the sheet and Escape all come here: unsaved changes are
        asked about first."""
        if self._closing or kwargs.get("force"):
            super().dismiss(*args, **kwargs)
            return
        leave_then(self, self._close)

    def _close(self) -> None:
        self._closing = True
        super().dismiss()

    def delete(self) -> None:
        if self._episode is None:
            return
        self._close()
        from kivy.app import App

        App.get_running_app().delete_with_undo(self._episode)
        if self.after_save:
            self.after_save()
