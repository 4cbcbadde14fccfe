"""Kedut's statistics equal scipy's: rho and p of spearmanr, p of mannwhitneyu, the
Welch interval of ttest_ind, and Benjamini–Hochberg of false_discovery_control."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from tracker.analysis.stats import (
    average_ranks,
    benjamini_hochberg,
    spearman,
    welch_and_mann_whitney,
)

TOLERANCE = 1e-9
counts = st.lists(st.integers(min_value=0, max_value=6), min_size=14, max_size=80)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def test_average_ranks_share_ties() -> None:
    ranks, ties = average_ranks(np.array([3.0, 1.0, 3.0, 2.0, 3.0]))
    assert ranks.tolist() == [4.0, 1.0, 4.0, 2.0, 4.0]
    assert sorted(ties.tolist()) == [1, 1, 3]
    assert np.allclose(ranks, stats.rankdata([3, 1, 3, 2, 3]))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_spearman_equals_scipy_with_ties(data: st.DataObject) -> None:
    y = np.array(data.draw(counts), dtype=float)
    x = np.array(
        data.draw(
            st.lists(st.sampled_from([4, 5.5, 6, 6.5, 7, 8, 9]), min_size=len(y), max_size=len(y))
        ),
        dtype=float,
    )
    if (x == x[0]).all() or (y == y[0]).all():
        return  # constant input: the analysis hides it before asking for rho
    ours = spearman(x, y)
    theirs = stats.spearmanr(x, y)
    assert _close(ours.rho, float(theirs.statistic))
    assert _close(ours.p_value, float(theirs.pvalue))
    n = len(x)
    z, se = np.arctanh(ours.rho), math.sqrt((1 + ours.rho**2 / 2) / (n - 3))
    quantile = stats.norm.ppf(0.975)
    if abs(ours.rho) < 1:
        assert _close(ours.ci_low, float(np.tanh(z - quantile * se)))
        assert _close(ours.ci_high, float(np.tanh(z + quantile * se)))


def test_a_perfect_rank_correlation_has_a_closed_interval() -> None:
    x = np.arange(20, dtype=float)
    result = spearman(x, x * 2)
    assert (result.rho, result.ci_low, result.ci_high) == (1.0, 1.0, 1.0)
    assert _close(result.p_value, float(stats.spearmanr(x, x * 2).pvalue))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, 5), min_size=5, max_size=60),
    st.lists(st.integers(0, 5), min_size=5, max_size=60),
)
def test_welch_interval_and_mann_whitney_equal_scipy(with_: list[int], without: list[int]) -> None:
    a, b = np.array(with_, dtype=float), np.array(without, dtype=float)
    if (np.concatenate((a, b)) == a[0]).all():
        return  # all equal: hidden as constant before any test runs
    ours = welch_and_mann_whitney(a, b)
    assert _close(ours.diff, a.mean() - b.mean())
    assert _close(ours.p_value, float(stats.mannwhitneyu(a, b, alternative="two-sided").pvalue))
    if a.var() > 0 or b.var() > 0:
        with warnings.catch_warnings():
            # scipy warns about precision when one group is constant; its numbers stand.
            warnings.simplefilter("ignore", RuntimeWarning)
            interval = stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.95)
        assert _close(ours.ci_low, float(interval.low))
        assert _close(ours.ci_high, float(interval.high))


def test_a_constant_group_against_a_varying_one() -> None:
    a, b = np.array([0.0, 0, 0, 0, 1]), np.array([1.0, 1, 1, 1, 1])
    ours = welch_and_mann_whitney(a, b)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        interval = stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.95)
    assert _close(ours.ci_low, float(interval.low)) and _close(ours.ci_high, float(interval.high))


def test_mann_whitney_small_groups_without_ties_use_the_exact_distribution() -> None:
    a, b = np.array([0.5, 2.0, 3.5, 4.0, 7.0]), np.array([1.0, 1.5, 2.5, 3.0, 6.0, 8.0])
    exact = float(stats.mannwhitneyu(a, b, alternative="two-sided", method="exact").pvalue)
    assert _close(welch_and_mann_whitney(a, b).p_value, exact)


@pytest.mark.parametrize("size", [1, 2, 7, 40])
def test_benjamini_hochberg_equals_scipy(size: int) -> None:
    p_values = np.random.default_rng(size).uniform(0, 0.2, size)
    assert np.allclose(
        benjamini_hochberg(p_values),
        stats.false_discovery_control(p_values),
        rtol=0,
        atol=TOLERANCE,
    )


def test_benjamini_hochberg_of_nothing_is_nothing() -> None:
    assert benjamini_hochberg(np.array([])).tolist() == []
