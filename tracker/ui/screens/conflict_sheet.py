"""The sheet History opens on an entry changed on two devices without them seeing each
other: for each such field, the value shown and the one set aside, and a choice between
them. The choice is an edit of this device; the next sync takes it everywhere."""

from __future__ import annotations

from collections.abc import Callable

from kivy.core.window import Window
from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.scrollview import ScrollView

from tracker.i18n import gettext as _
from tracker.ui.widgets.controls import FlatButton, PrimaryButton, wrapped_label
from tracker.ui.widgets.dialogs import themed_modal


class ConflictSheet:
    def __init__(self, diary: object, record_uuid: str, after: Callable[[], None]) -> None:
        self.diary = diary
        self.record_uuid = record_uuid
        self.after = after
        self.view = themed_modal(height=min(Window.height - dp(48), dp(520)))
        self.box = BoxLayout(orientation="vertical", padding=dp(20), spacing=dp(12))
        self.view.add_widget(self.box)

    def _conflicts(self) -> list:
        return [
            view
            for view in self.diary.open_conflicts()  # type: ignore[attr-defined]
            if view.conflict.record_uuid == self.record_uuid
        ]

    def open(self) -> None:
        self._fill()
        self.view.open()

    def _fill(self) -> None:
        found = self._conflicts()
        self.box.clear_widgets()
        entry = found[0].entry if found else ""
        self.box.add_widget(wrapped_label(_("Changed on two devices"), "19sp", bold=True))
        self.box.add_widget(
            wrapped_label(
                _(
                    "{entry} was changed on two devices before they saw each other's "
                    "change. It shows the later one; choose which to keep."
                ).format(entry=entry),
                "15sp",
            )
        )
        scroll = ScrollView(do_scroll_x=False)
        rows = BoxLayout(orientation="vertical", spacing=dp(8), size_hint_y=None)
        rows.bind(minimum_height=rows.setter("height"))
        for view in found:
            conflict = view.conflict
            when = conflict.other_at.astimezone().strftime("%Y-%m-%d %H:%M")
            rows.add_widget(
                wrapped_label(
                    _(
                        "{field}: shows {shown}; the other device ({by}, {when}) had {other}."
                    ).format(
                        field=view.field,
                        shown=view.shown,
                        by=conflict.other_by,
                        when=when,
                        other=view.other,
                    ),
                    "15sp",
                )
            )
            use = PrimaryButton(text=_("Use {value}").format(value=view.other))
            keep = FlatButton(text=_("Keep {value}").format(value=view.shown))
            use.conflict_id = keep.conflict_id = conflict.id
            use.bind(on_release=lambda b: self._choose(b.conflict_id, True))
            keep.bind(on_release=lambda b: self._choose(b.conflict_id, False))
            rows.add_widget(use)
            rows.add_widget(keep)
        scroll.add_widget(rows)
        self.box.add_widget(scroll)
        close = FlatButton(text=_("Later"))
        close.bind(on_release=lambda *_a: self.view.dismiss())
        self.box.add_widget(close)

    def _choose(self, conflict_id: int, use_other: bool) -> None:
        self.diary.resolve_conflict(conflict_id, use_other)  # type: ignore[attr-defined]
        if self._conflicts():
            self._fill()
            return
        self.view.dismiss()
        self.after()  # the background sync sends the choice with the next change it sees
