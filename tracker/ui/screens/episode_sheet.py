"""The details sheet: site, side, intensity, duration, context, red flags and a note,
for a new episode or one being edited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kivy.core.window import Window
from kivy.lang import Builder
from kivy.metrics import dp
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.modalview import ModalView

from tracker.domain import RED_FLAGS, BodySite, Side, TwitchContext, ValidationError
from tracker.i18n import gettext as _
from tracker.labels import context_label, red_flag_label, side_label, site_label
from tracker.ui.widgets.controls import Chip

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class EpisodeSheet(ModalView):
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
            "time": _("Time"),
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
        self.save_text, self.cancel_text, self.delete_text = _("Save"), _("Cancel"), _("Delete")
        episode = None
        if self.episode_id is not None:
            episode = self.diary.episode(self.episode_id)
        last = episode or self.diary.last_episode()
        self.title_text = _("Edit twitch") if episode else _("Twitch details")
        moment = episode.local_started_at if episode else self.diary.now()
        self.ids.time.text = moment.strftime("%H:%M")
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

    def values(self) -> dict[str, Any]:
        flags = {c.value for c in self.ids.red_flags.children if c.state == "down"}
        duration = self.ids.duration_s.text.strip()
        values: dict[str, Any] = {
            "body_site": self._choice("body_site"),
            "side": self._choice("side"),
            "intensity": int(self._choice("intensity") or 1),
            "context": self._choice("context"),
            "duration_s": int(duration) if duration else None,
            "note": self.ids.note.text.strip() or None,
        }
        values.update({flag: flag in flags for flag in RED_FLAGS})
        return values

    def _moment(self) -> dt.datetime:
        text = self.ids.time.text.strip()
        try:
            clock = dt.time.fromisoformat(text)
        except ValueError:
            raise ValidationError(_("time"), text, "HH:MM") from None
        base = self._episode.local_started_at if self._episode else self.diary.now()
        return base.replace(hour=clock.hour, minute=clock.minute, second=0, microsecond=0)

    def save(self) -> None:
        try:
            values, moment = self.values(), self._moment()
            if self._episode is not None:
                self.diary.edit_episode(
                    self._episode.id,
                    started_at=moment,
                    utc_offset_min=self._episode.utc_offset_min,
                    **values,
                )
            else:
                self.diary.log_twitch_now(at=moment, **values)
        except ValidationError as error:
            self.error_text = str(error)
            return
        self.dismiss()
        if self.after_save:
            self.after_save()

    def delete(self) -> None:
        if self._episode is None:
            return
        self.dismiss()
        from kivy.app import App

        App.get_running_app().delete_with_undo(self._episode)
        if self.after_save:
            self.after_save()
