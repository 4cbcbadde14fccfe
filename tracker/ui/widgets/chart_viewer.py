"""A chart that opens full-screen on a tap, where it can be pinched or scrolled to read
its small print; a tap on Close (or Escape) goes back."""

from __future__ import annotations

from kivy.metrics import dp
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.image import Image
from kivy.uix.modalview import ModalView
from kivy.uix.scatterlayout import ScatterLayout
from kivy.uix.stencilview import StencilView

from tracker.i18n import gettext as _
from tracker.ui.widgets.controls import ChartImage, PrimaryButton


class TappableChart(ButtonBehavior, ChartImage):
    """A chart in a list: a tap shows it full-screen."""

    def on_release(self) -> None:
        if self.texture is not None and self.opacity:
            open_full_screen(self)


class _Clip(StencilView):
    pass


def open_full_screen(chart: Image) -> ModalView:
    view = ModalView(
        size_hint=(1, 1), background="", background_color=(1, 1, 1, 1), overlay_color=(0, 0, 0, 1)
    )
    box = BoxLayout(orientation="vertical", padding=dp(8), spacing=dp(8))
    clip = _Clip()
    zoom = ScatterLayout(do_rotation=False, scale_min=1, scale_max=4, auto_bring_to_front=False)
    picture = Image(texture=chart.texture, fit_mode="contain")
    zoom.add_widget(picture)
    clip.add_widget(zoom)
    texture = chart.texture

    def place(*_args: object) -> None:
        # A wide chart on a tall window is turned a quarter, as a phone is turned.
        turn = clip.height > clip.width and texture.width > texture.height
        zoom.rotation = 0
        zoom.scale = 1
        zoom.size = (clip.height, clip.width) if turn else clip.size
        zoom.rotation = 90 if turn else 0
        zoom.center = clip.center

    clip.bind(size=place, pos=place)
    box.add_widget(clip)
    close = PrimaryButton(text=_("Close"))
    close.bind(on_release=lambda *_a: view.dismiss())
    box.add_widget(close)
    view.add_widget(box)
    view.picture = picture  # for a look in tests
    view.open()
    return view
