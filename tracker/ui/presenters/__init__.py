"""Presenters: service results in, view state out. Plain Python, no Kivy, so every word
and number a screen shows is tested without a window."""

from tracker.ui.presenters.today import EpisodeItem, TodayView, episode_item, today_view

__all__ = ["EpisodeItem", "TodayView", "episode_item", "today_view"]
