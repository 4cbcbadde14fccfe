"""The statistics behind the correlations, on numpy arrays.

p-values equal scipy.stats.spearmanr and scipy.stats.mannwhitneyu (two-sided, default
method); they are computed from the distributions in tracker.analysis.distributions,
which load in no time (scipy.special alone took longer than the whole command may).
The rare exact Mann–Whitney case (both groups ≤ 8 days, no ties) defers to scipy.stats
itself, imported only then.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tracker.analysis.distributions import normal_cdf, t_quantile_975, t_two_sided_p

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Z_975 = 1.959963984540054  # the exact normal quantile for a 95% interval


def average_ranks(values: FloatArray) -> tuple[FloatArray, IntArray]:
    """Ranks 1…n, ties sharing their average rank; and the size of each tie group."""
    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    starts = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    group_of_sorted = np.cumsum(starts) - 1
    bounds = np.concatenate((np.flatnonzero(starts), [len(values)]))
    average = 0.5 * (bounds[:-1] + bounds[1:] + 1)  # mean of ranks start+1 … end
    ranks = np.empty(len(values))
    ranks[order] = average[group_of_sorted]
    return ranks, np.diff(bounds)


def dense_codes(values: FloatArray) -> IntArray:
    """Each value's place among the distinct values: ranking any subset of `values` by
    these codes (`ranks_of_codes`) needs no sort, so one sort serves every lag."""
    return np.unique(values, return_inverse=True)[1].astype(np.int64).reshape(-1)


def ranks_of_codes(codes: IntArray) -> tuple[FloatArray, IntArray]:
    """`average_ranks` of the values these dense codes stand for, by counting."""
    counts = np.bincount(codes)
    average = np.cumsum(counts) - (counts - 1) / 2.0  # mean of ranks start+1 … end
    return average[codes], counts[counts > 0]


@dataclass(frozen=True)
class SpearmanResult:
    rho: float
    ci_low: float
    ci_high: float
    p_value: float


def spearman(
    x: FloatArray, y: FloatArray, codes: tuple[IntArray, IntArray] | None = None
) -> SpearmanResult:
    """Spearman's rho with a Fisher-z 95% interval (Bonett–Wright standard error).
    `codes`: the dense codes of x and y (`dense_codes`), when the caller has them."""
    n = len(x)
    rx, _ = average_ranks(x) if codes is None else ranks_of_codes(codes[0])
    ry, _ = average_ranks(y) if codes is None else ranks_of_codes(codes[1])
    rho = float(np.corrcoef(rx, ry)[0, 1])
    dof = n - 2
    with np.errstate(divide="ignore"):
        t = (
            rho * math.sqrt(max(0.0, dof / ((rho + 1.0) * (1.0 - rho))))
            if abs(rho) < 1
            else math.copysign(math.inf, rho)
        )
    p_value = t_two_sided_p(dof, t)
    if abs(rho) >= 1.0:
        return SpearmanResult(rho, rho, rho, p_value)
    z = math.atanh(rho)
    se = math.sqrt((1 + rho * rho / 2) / (n - 3))
    return SpearmanResult(rho, math.tanh(z - Z_975 * se), math.tanh(z + Z_975 * se), p_value)


@dataclass(frozen=True)
class GroupDifference:
    mean_with: float
    mean_without: float
    diff: float
    ci_low: float
    ci_high: float
    p_value: float


def welch_and_mann_whitney(
    with_: FloatArray, without: FloatArray, codes: tuple[IntArray, IntArray] | None = None
) -> GroupDifference:
    """Difference of means with a Welch 95% interval, and the Mann–Whitney U p-value.
    `codes`: the dense codes of both groups' values (one coding), when the caller has
    them."""
    n1, n2 = len(with_), len(without)
    mean1, mean2 = float(with_.mean()), float(without.mean())
    diff = mean1 - mean2
    v1, v2 = float(with_.var(ddof=1)) / n1, float(without.var(ddof=1)) / n2
    se = math.sqrt(v1 + v2)
    if se > 0:
        dof = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
        half = t_quantile_975(dof) * se
    else:
        half = 0.0  # both groups constant: the difference is exact
    return GroupDifference(
        mean1, mean2, diff, diff - half, diff + half, _mann_whitney_p(with_, without, codes)
    )


def _mann_whitney_p(x: FloatArray, y: FloatArray, codes: tuple[IntArray, IntArray] | None) -> float:
    n1, n2 = len(x), len(y)
    if codes is None:
        ranks, ties = average_ranks(np.concatenate((x, y)))
    else:
        ranks, ties = ranks_of_codes(np.concatenate(codes))
    u1 = float(ranks[:n1].sum()) - n1 * (n1 + 1) / 2
    u = max(u1, n1 * n2 - u1)
    if n1 <= 8 and n2 <= 8 and not (ties > 1).any():
        from scipy.stats import mannwhitneyu  # exact distribution: rare, so loaded late

        return float(mannwhitneyu(x, y, alternative="two-sided").pvalue)
    n = n1 + n2
    tie_term = float((ties.astype(np.float64) ** 3 - ties).sum())
    s = math.sqrt(n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1))))
    z = (u - n1 * n2 / 2 - 0.5) / s if s > 0 else math.inf
    return float(min(1.0, max(0.0, 2 * normal_cdf(-z))))


def benjamini_hochberg(p_values: FloatArray) -> FloatArray:
    """q-values: the Benjamini–Hochberg adjusted p-values, in the input's order."""
    m = len(p_values)
    if m == 0:
        return np.array([])
    order = np.argsort(p_values)
    scaled = p_values[order] * m / np.arange(1, m + 1)
    q_sorted = np.minimum.accumulate(scaled[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(q_sorted, 1.0)
    return q
