"""Correlations on generated diaries with known structure: the numbers equal scipy's
on the same pairs of days, and what cannot be shown is hidden with its reason."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from scipy import stats

from tracker.analysis.correlations import correlate
from tracker.analysis.series import DailySeries, build_series
from tracker.domain import Correlation, FactorKind, HiddenReason, Medication, MedicationKind
from tracker.storage.aggregates import DAY_FACTOR_COLUMNS

FIRST = dt.date(2026, 1, 1)
TOLERANCE = 1e-9


def diary(
    days: int,
    episodes: dict[int, int],
    factors: Mapping[int, Mapping[str, object]],
    medications: Sequence[Medication] = (),
) -> DailySeries:
    """A series from day offsets: episodes {offset: count}, factors {offset: {name: v}}."""
    daily = [(FIRST + dt.timedelta(days=i), n, 2, None) for i, n in sorted(episodes.items()) if n]
    rows = [
        (FIRST + dt.timedelta(days=i), *[values.get(c) for c in DAY_FACTOR_COLUMNS])
        for i, values in sorted(factors.items())
    ]
    last = FIRST + dt.timedelta(days=days - 1)
    return build_series(FIRST, last, daily, rows, DAY_FACTOR_COLUMNS, medications)


def sleep_diary(
    days: int = 90, seed: int = 1, missing: float = 0.2
) -> tuple[DailySeries, dict[int, float], dict[int, int]]:
    """Less sleep the night before → more twitches; some days have no log at all."""
    rng = random.Random(seed)
    sleep = {
        i: rng.choice([4.0, 5.0, 5.5, 6.0, 7.0, 7.5, 8.0])
        for i in range(days)
        if rng.random() > missing
    }
    episodes = {}
    for i in range(days):
        previous = sleep.get(i - 1, 7.0)
        episodes[i] = max(0, round(8 - previous + rng.gauss(0, 0.8)))
    return diary(days, episodes, {i: {"sleep_h": v} for i, v in sleep.items()}), sleep, episodes


def find(results: Sequence[Correlation], factor: str, lag: int) -> Correlation:
    (found,) = [r for r in results if r.factor == factor and r.lag_days == lag]
    return found


@pytest.mark.parametrize("lag", [0, 1, 2])
def test_numeric_results_equal_scipy_on_the_days_where_both_are_known(lag: int) -> None:
    series, sleep, episodes = sleep_diary()
    pairs = [(sleep[d - lag], episodes[d]) for d in range(series.days) if d - lag in sleep]
    x, y = zip(*pairs, strict=True)
    expected = stats.spearmanr(x, y)
    result = find(correlate(series).shown, "sleep_h", lag)
    assert result.n == len(pairs)
    assert math.isclose(result.rho or 0, float(expected.statistic), abs_tol=TOLERANCE)
    assert math.isclose(result.p_value, float(expected.pvalue), rel_tol=TOLERANCE, abs_tol=1e-300)
    assert result.early is False


def test_the_known_structure_shows_up_strongest_at_lag_one() -> None:
    shown = correlate(sleep_diary()[0]).shown
    strongest = shown[0]
    assert (strongest.factor, strongest.lag_days) == ("sleep_h", 1)
    assert strongest.rho is not None and strongest.rho < -0.5
    assert strongest.ci_high < 0


def test_q_values_are_benjamini_hochberg_over_everything_shown() -> None:
    rng = random.Random(4)
    factors = {
        i: {
            "water_ml": rng.randrange(500, 3000, 250),
            "stress": rng.randint(0, 4),
            "diarrhea": rng.random() < 0.3,
        }
        for i in range(60)
    }
    series = diary(60, {i: rng.randint(0, 3) for i in range(60)}, factors)
    shown = correlate(series).shown
    expected = stats.false_discovery_control([r.p_value for r in shown])
    assert np.allclose([r.q_value for r in shown], expected, rtol=0, atol=TOLERANCE)
    assert [r.q_value for r in shown] == sorted(r.q_value for r in shown)


def test_binary_results_equal_scipy_welch_and_mann_whitney() -> None:
    rng = random.Random(9)
    diarrhea = {i: rng.random() < 0.3 for i in range(70) if rng.random() > 0.1}
    episodes = {i: rng.randint(0, 2) + (2 if diarrhea.get(i) else 0) for i in range(70)}
    series = diary(70, episodes, {i: {"diarrhea": v} for i, v in diarrhea.items()})
    result = find(correlate(series).shown, "diarrhea", 0)
    with_ = [episodes[i] for i, v in diarrhea.items() if v]
    without = [episodes[i] for i, v in diarrhea.items() if not v]
    interval = stats.ttest_ind(with_, without, equal_var=False).confidence_interval(0.95)
    assert (result.kind, result.n_with, result.n_without) == (
        FactorKind.BINARY,
        len(with_),
        len(without),
    )
    assert math.isclose(result.diff or 0, np.mean(with_) - np.mean(without), abs_tol=TOLERANCE)
    assert math.isclose(result.ci_low, float(interval.low), abs_tol=TOLERANCE)
    assert math.isclose(result.ci_high, float(interval.high), abs_tol=TOLERANCE)
    expected_p = stats.mannwhitneyu(with_, without, alternative="two-sided").pvalue
    assert math.isclose(result.p_value, float(expected_p), rel_tol=TOLERANCE)


def test_a_missing_day_is_not_a_zero() -> None:
    series = diary(5, {0: 1}, {1: {"water_ml": 0}, 3: {"water_ml": 1500}})
    assert series.episodes.tolist() == [1, 0, 0, 0, 0]
    assert np.isnan(series.factors["water_ml"][[0, 2, 4]]).all()
    assert series.factors["water_ml"][[1, 3]].tolist() == [0.0, 1500.0]
    assert np.isnan(series.max_intensity[1:]).all()


def test_medication_periods_mark_the_days_taken() -> None:
    period = Medication(
        name="Pred",
        kind=MedicationKind.CORTICOSTEROID,
        started_on=FIRST - dt.timedelta(days=3),
        stopped_on=FIRST + dt.timedelta(days=1),
    )
    open_ended = Medication(
        name="HRT", kind=MedicationKind.ESTROGEN, started_on=FIRST + dt.timedelta(days=3)
    )
    series = diary(5, {}, {}, [period, open_ended])
    assert series.factors["on_corticosteroid"].tolist() == [1, 1, 0, 0, 0]
    assert series.factors["on_estrogen"].tolist() == [0, 0, 0, 1, 1]
    assert series.factors["on_diuretic"].tolist() == [0] * 5


def _hidden(series: DailySeries, factor: str, lag: int) -> HiddenReason | None:
    for hidden in correlate(series).hidden:
        if hidden.factor == factor and hidden.lag_days == lag:
            return hidden.reason
    return None


def test_numeric_results_need_14_days() -> None:
    rng = random.Random(2)
    episodes = {i: rng.randint(0, 3) for i in range(20)}
    thirteen = diary(20, episodes, {i: {"stress": rng.randint(0, 4)} for i in range(13)})
    fourteen = diary(20, episodes, {i: {"stress": rng.randint(0, 4)} for i in range(14)})
    assert _hidden(thirteen, "stress", 0) is HiddenReason.TOO_FEW_DAYS
    assert _hidden(fourteen, "stress", 0) is None
    assert find(correlate(fourteen).shown, "stress", 0).early is True


def test_numeric_results_are_early_below_30_days() -> None:
    rng = random.Random(3)
    episodes = {i: rng.randint(0, 3) for i in range(30)}
    logged = {i: {"caffeine_mg": rng.randrange(0, 400, 40)} for i in range(30)}
    series = diary(30, episodes, logged)  # the lag shifts one day out of the range
    assert find(correlate(series).shown, "caffeine_mg", 0).early is False  # n = 30
    assert find(correlate(series).shown, "caffeine_mg", 1).early is True  # n = 29


def test_binary_results_need_5_days_on_each_side() -> None:
    episodes = {i: i % 3 for i in range(30)}
    four = diary(30, episodes, {i: {"diarrhea": i < 4} for i in range(30)})
    five = diary(30, episodes, {i: {"diarrhea": i < 5} for i in range(30)})
    assert _hidden(four, "diarrhea", 0) is HiddenReason.TOO_FEW_DAYS
    assert _hidden(five, "diarrhea", 0) is None


def test_constant_and_never_logged_series_are_hidden_with_their_reason() -> None:
    rng = random.Random(5)
    series = diary(
        40, {i: rng.randint(0, 3) for i in range(40)}, {i: {"sleep_h": 7.0} for i in range(40)}
    )
    assert _hidden(series, "sleep_h", 0) is HiddenReason.CONSTANT
    assert _hidden(series, "water_ml", 0) is HiddenReason.NEVER_LOGGED
    assert _hidden(series, "on_diuretic", 1) is HiddenReason.NEVER_LOGGED


def test_no_twitching_at_all_hides_everything_as_constant() -> None:
    rng = random.Random(6)
    series = diary(
        40,
        {},
        {i: {"sleep_h": rng.choice([5.0, 7.0, 9.0]), "diarrhea": i % 2 == 0} for i in range(40)},
    )
    result = correlate(series)
    assert result.shown == []
    assert _hidden(series, "sleep_h", 2) is HiddenReason.CONSTANT
    assert _hidden(series, "diarrhea", 1) is HiddenReason.CONSTANT


def test_an_empty_range_gives_no_results_and_no_crash() -> None:
    series = diary(1, {}, {})
    result = correlate(series)
    assert result.shown == []
    assert {h.reason for h in result.hidden} == {HiddenReason.NEVER_LOGGED}
