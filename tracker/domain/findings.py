"""What the analysis finds: warnings, correlation results, and results held back."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from tracker.domain.records import BodySite, Side


class WarningRule(enum.StrEnum):
    RECURRING = "recurring"
    PERSISTENCE = "persistence"
    RED_FLAG = "red_flag"


class WarningLevel(enum.StrEnum):
    WATCH = "watch"
    SEE_DOCTOR = "see_doctor"


@dataclass(frozen=True, kw_only=True)
class Warning:
    """A reason to take care, or to see a doctor, for one body site (all its sides
    together), with the days that raised it."""

    rule: WarningRule
    level: WarningLevel
    body_site: BodySite
    sides: tuple[Side, ...]
    """The sides the counted episodes were logged with (left, right, both, none)."""
    days: tuple[dt.date, ...]
    signs: tuple[str, ...] = ()
    """For red flags: which signs were logged (pain, swelling, …)."""

    @property
    def side(self) -> Side | None:
        """The one side every counted episode had, or None when they were mixed."""
        return self.sides[0] if len(self.sides) == 1 else None

    @property
    def first_day(self) -> dt.date:
        return self.days[0]

    @property
    def last_day(self) -> dt.date:
        return self.days[-1]

    @property
    def episode_days(self) -> int:
        return len(self.days)


class FactorKind(enum.StrEnum):
    NUMERIC = "numeric"
    BINARY = "binary"


class HiddenReason(enum.StrEnum):
    NEVER_LOGGED = "never_logged"
    TOO_FEW_DAYS = "too_few_days"
    CONSTANT = "constant"


@dataclass(frozen=True, kw_only=True)
class Correlation:
    """How one factor, `lag_days` earlier, went together with the day's episodes.

    Numeric factors carry Spearman's rho and its Fisher-z interval; binary ones carry
    the mean episodes per day with and without, and the difference's Welch interval.
    `q_value` is Benjamini–Hochberg over all results shown together."""

    factor: str
    lag_days: int
    kind: FactorKind
    n: int
    ci_low: float
    ci_high: float
    p_value: float
    q_value: float = float("nan")
    early: bool
    rho: float | None = None
    n_with: int | None = None
    n_without: int | None = None
    mean_with: float | None = None
    mean_without: float | None = None
    diff: float | None = None

    @property
    def effect(self) -> float:
        value = self.rho if self.kind is FactorKind.NUMERIC else self.diff
        assert value is not None
        return value


@dataclass(frozen=True, kw_only=True)
class HiddenResult:
    """A factor and lag not shown, and why."""

    factor: str
    lag_days: int
    kind: FactorKind
    reason: HiddenReason
    n: int
    needed: int
