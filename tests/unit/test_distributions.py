"""The normal and Student's t distributions Kedut computes itself equal scipy.special's,
over the degrees of freedom a diary gives (12 … 10 years of days) and far into the tails."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import special

from tracker.analysis.distributions import normal_cdf, t_quantile_975, t_two_sided_p

DEGREES = (4, 4.7, 9.9, 12, 13, 28.5, 40, 365, 1000, 3650)
TOLERANCE = 1e-10


@pytest.mark.parametrize("dof", DEGREES)
def test_t_two_sided_p_equals_scipy(dof: float) -> None:
    rng = np.random.default_rng(int(dof * 10))
    for t in [0.0, 1e-6, 0.3, 1.0, 2.0, *rng.uniform(0, 6, 200), *rng.uniform(6, 60, 50)]:
        theirs = float(2 * special.stdtr(dof, -t))
        assert math.isclose(t_two_sided_p(dof, t), theirs, rel_tol=TOLERANCE, abs_tol=1e-300)
        assert math.isclose(t_two_sided_p(dof, -t), theirs, rel_tol=TOLERANCE, abs_tol=1e-300)
    assert t_two_sided_p(dof, math.inf) == 0.0


@pytest.mark.parametrize("dof", DEGREES)
def test_t_quantile_equals_scipy(dof: float) -> None:
    assert math.isclose(t_quantile_975(dof), float(special.stdtrit(dof, 0.975)), rel_tol=1e-12)


def test_normal_cdf_equals_scipy() -> None:
    for z in np.linspace(-37, 9, 400):
        assert math.isclose(normal_cdf(z), float(special.ndtr(z)), rel_tol=1e-12, abs_tol=1e-300)
