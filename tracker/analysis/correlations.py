"""Which factors go together with twitching: every factor at each lag, shown only with
enough days, with an honest interval and a q-value over everything shown at once."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tracker.analysis.series import (
    BINARY_FACTORS,
    MEDICATION_FACTORS,
    NUMERIC_FACTORS,
    DailySeries,
    FloatArray,
)
from tracker.analysis.stats import (
    IntArray,
    benjamini_hochberg,
    dense_codes,
    spearman,
    welch_and_mann_whitney,
)
from tracker.domain import Correlation, FactorKind, HiddenReason, HiddenResult

NUMERIC_LAGS = (0, 1, 2)
BINARY_LAGS = (0, 1)
MIN_NUMERIC_DAYS = 14
MIN_BINARY_DAYS_EACH = 5
EARLY_BELOW_DAYS = 30


@dataclass(frozen=True)
class Correlations:
    shown: list[Correlation]
    """Sorted by strength of evidence: lowest q first."""
    hidden: list[HiddenResult]


@dataclass(frozen=True)
class _Pairs:
    """(factor on day d − lag, episodes on day d) for every d where the factor is known,
    with their dense codes (one sort per factor and one for the episodes, not one per
    lag and test)."""

    x: FloatArray
    y: FloatArray
    y_codes: IntArray
    factor: str
    known: npt.NDArray[np.bool_]
    """Which of the factor's first days − lag days are known."""

    def x_codes(self, codes: _Codes) -> IntArray:
        return codes.of(self.factor)[: len(self.known)][self.known]


def _pairs(series: DailySeries, factor: str, lag: int, codes: _Codes) -> _Pairs:
    values = series.factors[factor]
    x, y = values[: series.days - lag], series.episodes[lag:]
    known = ~np.isnan(x)
    return _Pairs(x[known], y[known], codes.episodes[lag:][known], factor, known)


class _Codes:
    """Dense codes of the episodes and of each factor, made on first use."""

    def __init__(self, series: DailySeries) -> None:
        self._series = series
        self._factors: dict[str, IntArray] = {}
        self.episodes = dense_codes(series.episodes)

    def of(self, factor: str) -> IntArray:
        if factor not in self._factors:
            self._factors[factor] = dense_codes(self._series.factors[factor])
        return self._factors[factor]


def _constant(values: FloatArray) -> bool:
    return len(values) == 0 or bool((values == values[0]).all())


def _numeric(
    series: DailySeries, factor: str, lag: int, codes: _Codes
) -> Correlation | HiddenResult:
    pairs = _pairs(series, factor, lag, codes)
    x, y = pairs.x, pairs.y
    reason = None
    if np.isnan(series.factors[factor]).all():
        reason = HiddenReason.NEVER_LOGGED
    elif len(x) < MIN_NUMERIC_DAYS:
        reason = HiddenReason.TOO_FEW_DAYS
    elif _constant(x) or _constant(y):
        reason = HiddenReason.CONSTANT
    if reason is not None:
        return HiddenResult(
            factor=factor,
            lag_days=lag,
            kind=FactorKind.NUMERIC,
            reason=reason,
            n=len(x),
            needed=MIN_NUMERIC_DAYS,
        )
    result = spearman(x, y, (pairs.x_codes(codes), pairs.y_codes))
    return Correlation(
        factor=factor,
        lag_days=lag,
        kind=FactorKind.NUMERIC,
        n=len(x),
        rho=result.rho,
        ci_low=result.ci_low,
        ci_high=result.ci_high,
        p_value=result.p_value,
        early=len(x) < EARLY_BELOW_DAYS,
    )


def _binary(
    series: DailySeries, factor: str, lag: int, codes: _Codes
) -> Correlation | HiddenResult:
    pairs = _pairs(series, factor, lag, codes)
    x, y = pairs.x, pairs.y
    on, off = x == 1.0, x == 0.0
    with_, without = y[on], y[off]
    never = np.isnan(series.factors[factor]).all() or (
        factor in MEDICATION_FACTORS and not series.factors[factor].any()
    )
    reason = None
    if never:
        reason = HiddenReason.NEVER_LOGGED
    elif min(len(with_), len(without)) < MIN_BINARY_DAYS_EACH:
        reason = HiddenReason.TOO_FEW_DAYS
    elif _constant(y):
        reason = HiddenReason.CONSTANT
    if reason is not None:
        return HiddenResult(
            factor=factor,
            lag_days=lag,
            kind=FactorKind.BINARY,
            reason=reason,
            n=min(len(with_), len(without)),
            needed=MIN_BINARY_DAYS_EACH,
        )
    result = welch_and_mann_whitney(with_, without, (pairs.y_codes[on], pairs.y_codes[off]))
    n = len(with_) + len(without)
    return Correlation(
        factor=factor,
        lag_days=lag,
        kind=FactorKind.BINARY,
        n=n,
        n_with=len(with_),
        n_without=len(without),
        mean_with=result.mean_with,
        mean_without=result.mean_without,
        diff=result.diff,
        ci_low=result.ci_low,
        ci_high=result.ci_high,
        p_value=result.p_value,
        early=n < EARLY_BELOW_DAYS,
    )


def correlate(series: DailySeries) -> Correlations:
    codes = _Codes(series)
    found = [_numeric(series, f, lag, codes) for f in NUMERIC_FACTORS for lag in NUMERIC_LAGS]
    found += [_binary(series, f, lag, codes) for f in BINARY_FACTORS for lag in BINARY_LAGS]
    shown = [r for r in found if isinstance(r, Correlation)]
    hidden = [r for r in found if isinstance(r, HiddenResult)]
    q_values = benjamini_hochberg(np.array([r.p_value for r in shown]))
    shown = [dataclasses.replace(r, q_value=float(q)) for r, q in zip(shown, q_values, strict=True)]
    shown.sort(key=lambda r: (r.q_value, r.p_value, -abs(r.effect), r.factor, r.lag_days))
    return Correlations(shown, hidden)
