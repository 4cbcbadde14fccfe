"""The two distributions the p-values need, in plain Python: the normal and Student's t.

scipy.special has them too, but importing it takes longer (≈0.3–0.5 s on the 2-core
machine) than the whole `insights --json` command may (DESIGN.md "Budgets"). Student's t
goes through the regularised incomplete beta function, evaluated by its continued
fraction; both agree with scipy.special to ≈1e-13 relatively (tests/unit/test_stats.py).
"""

from __future__ import annotations

import math

_TINY = 1e-300
_EPSILON = 1e-16
_MAX_TERMS = 100_000
_SQRT_2 = math.sqrt(2.0)


def normal_cdf(z: float) -> float:
    """P(Z ≤ z) for a standard normal Z (scipy.special.ndtr)."""
    return 0.5 * math.erfc(-z / _SQRT_2)


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of I_x(a, b), evaluated by Lentz's method; converges fast
    for x < (a + 1) / (a + b + 2)."""
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, _MAX_TERMS):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            step = c * d
            result *= step
        if abs(step - 1.0) < _EPSILON:
            return result
    raise ArithmeticError(f"incomplete beta ({a}, {b}, {x}) did not converge")


def _stirling_rest(z: float) -> float:
    """log Γ(z) − ((z − ½) log z − z + ½ log 2π), for z ≥ 10 (Stirling's series)."""
    inverse = 1.0 / z
    square = inverse * inverse
    terms = (1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156)
    total = 0.0
    for coefficient in reversed(terms):
        total = total * square + coefficient
    return total * inverse


def _log_beta(a: float, b: float) -> float:
    """log B(a, b). With one argument large, log Γ(a) + log Γ(b) − log Γ(a + b) would
    subtract numbers of ≈10⁴ and keep only ≈1e-12 of precision: the large one's two
    terms are taken together through Stirling's series instead."""
    small, large = min(a, b), max(a, b)
    if large < 10.0:
        return math.lgamma(small) + math.lgamma(large) - math.lgamma(large + small)
    ratio = (
        -small * math.log(large)
        - (large + small - 0.5) * math.log1p(small / large)
        + small
        + _stirling_rest(large)
        - _stirling_rest(large + small)
    )  # log Γ(large) − log Γ(large + small)
    return math.lgamma(small) + ratio


def _incomplete_beta(a: float, b: float, x: float, y: float, log_x: float, log_y: float) -> float:
    """The regularised incomplete beta I_x(a, b), given y = 1 − x and both logarithms
    exactly by the caller."""
    if x <= 0.0:
        return 0.0
    if y <= 0.0:
        return 1.0
    front = math.exp(a * log_x + b * log_y - _log_beta(a, b))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, y) / b


def t_two_sided_p(dof: float, t: float) -> float:
    """P(|T| ≥ |t|) for Student's t with `dof` degrees of freedom
    (2 · scipy.special.stdtr(dof, −|t|))."""
    if math.isinf(t):
        return 0.0
    if t == 0.0:
        return 1.0
    square = t * t
    return _incomplete_beta(
        dof / 2.0,
        0.5,
        dof / (dof + square),
        square / (dof + square),
        -math.log1p(square / dof),
        math.log(square) - math.log(dof + square),
    )


def _t_density(dof: float, t: float) -> float:
    log_density = (
        math.lgamma((dof + 1.0) / 2.0)
        - math.lgamma(dof / 2.0)
        - 0.5 * math.log(dof * math.pi)
        - (dof + 1.0) / 2.0 * math.log1p(t * t / dof)
    )
    return math.exp(log_density)


def t_quantile_975(dof: float) -> float:
    """The t with P(T ≤ t) = 0.975 (scipy.special.stdtrit(dof, 0.975)).

    Newton's method from the Cornish–Fisher expansion around the normal quantile
    (Abramowitz & Stegun 26.7.5), good to ≈1e-3 at 4 degrees of freedom and ≈1e-8 from
    30: the two-sided p is convex and falling for t > 0, so Newton converges from either
    side, and once a step is below 1e-8 · t what is left is far below 1e-15 · t."""
    z = 1.959963984540054
    z2 = z * z
    g1 = (z2 + 1) * z / 4
    g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
    g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
    g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
    t = z + (g1 + (g2 + (g3 + g4 / dof) / dof) / dof) / dof
    for _ in range(100):
        step = (t_two_sided_p(dof, t) - 0.05) / (2.0 * _t_density(dof, t))
        t += step
        if abs(step) <= 1e-8 * t:
            return t
    raise ArithmeticError(f"t quantile for {dof} degrees of freedom did not converge")
