"""The one-tap log's guard against a double tap: a second tap within 0.6 s of a logged
one is the same touch landing twice, not a second twitch (DESIGN.md: a double tap is
caught in the UI; the service stores every twitch it is given)."""

from __future__ import annotations

import time
from collections.abc import Callable

DOUBLE_TAP_S = 0.6


class TapGuard:
    """Lets a tap through unless it comes within `window_s` of the last one let through."""

    def __init__(
        self, window_s: float = DOUBLE_TAP_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.window_s = window_s
        self.clock = clock
        self._last: float | None = None

    def accept(self) -> bool:
        """True for a tap that logs; False for the second half of a double tap."""
        now = self.clock()
        if self._last is not None and now - self._last < self.window_s:
            return False
        self._last = now
        return True
