"""Giving memory back to the system after a burst of work.

Insights and the report take their results from a child process as large buffers (the
charts' pixels, the PDF); once shown or saved, those are freed, but the C library keeps
freed memory for reuse, so the app's resident size would stay at its peak for the rest
of the session (DESIGN.md "Budgets": memory after Insights and a report). On the GNU C
library `malloc_trim` hands the free pages back; elsewhere this only collects garbage.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from functools import cache
from typing import Any

M_MMAP_THRESHOLD = -3
"""mallopt's parameter number (glibc's malloc.h)."""
MMAP_FROM_BYTES = 128 * 1024
"""Blocks this large or larger get pages of their own, handed back the moment they are
freed (glibc's starting value, kept fixed)."""

SOON_S = 0.25
"""Time for the graphics code to delete textures let go of (it does so on the Clock's
next tick) before the memory is given back."""


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:  # the name first: find_library runs ldconfig, too slow for the start
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c"))
        except OSError:
            return None
    return libc if hasattr(libc, "malloc_trim") else None  # musl has none


def keep_the_heap_small() -> None:
    """Before the app's first allocations: large blocks (a chart's pixels, a page of
    text, a row batch) keep their own pages, so freeing one hands its memory back at
    once; glibc otherwise raises that limit after the first such block is freed and
    carves later ones out of the heap, where they stay (docs/performance.md, "Wave 2e").
    Measured, and left out: one heap for all threads (M_ARENA_MAX 1) changed nothing."""
    libc = _libc()
    if libc is not None and hasattr(libc, "mallopt"):
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_FROM_BYTES)


def give_back_memory() -> None:
    """Collect garbage, then return the C library's free pages to the system."""
    gc.collect()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def give_back_memory_soon() -> None:
    """As `give_back_memory`, a moment later: a texture let go of now is deleted by the
    graphics code on the Clock's next tick, not at once. (Not on the next frame: Kivy
    draws none while nothing on the screen changes.)"""
    from kivy.clock import Clock

    Clock.schedule_once(lambda _dt: give_back_memory(), SOON_S)
