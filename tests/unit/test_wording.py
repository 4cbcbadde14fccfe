"""The report's and Insights' wording (issue 14): no "0.0 more twitches", no "−0.00",
no "(1 days)", no "You logged weak leg…", and decimal commas in Indonesian."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tracker.analysis.messages import finding_sentence, hidden_explanation, warning_message
from tracker.domain import (
    BodySite,
    Correlation,
    FactorKind,
    HiddenReason,
    HiddenResult,
    Side,
    Warning,
    WarningLevel,
    WarningRule,
)
from tracker.i18n import catalogue_compiled, set_language
from tracker.labels import decimal_text


@pytest.fixture
def indonesian() -> Iterator[None]:
    assert catalogue_compiled("id"), "run `make catalogues` first"
    set_language("id")
    yield
    set_language("en")


def _binary(diff: float) -> Correlation:
    return Correlation(
        factor="diarrhea", lag_days=0, kind=FactorKind.BINARY, n=40, ci_low=-0.4, ci_high=0.45,
        p_value=0.9, q_value=0.9, early=False, n_with=10, n_without=30, mean_with=1.02,
        mean_without=1.0, diff=diff,
    )  # fmt: skip


def _numeric(rho: float, low: float, high: float) -> Correlation:
    return Correlation(
        factor="sleep_h", lag_days=1, kind=FactorKind.NUMERIC, n=48, ci_low=low, ci_high=high,
        p_value=0.01, q_value=0.02, early=False, rho=rho,
    )  # fmt: skip


def test_a_difference_that_rounds_to_nothing_is_said_in_words() -> None:
    sentence = finding_sentence(_binary(0.02))
    assert "0.0 more" not in sentence and "0.0 fewer" not in sentence
    assert "about as many twitches a day" in sentence


def test_no_negative_zero() -> None:
    assert decimal_text(-0.001, 2) == "0.00"
    assert decimal_text(-0.42, 2) == "−0.42"
    sentence = finding_sentence(_numeric(-0.42, -0.004, -0.61))
    assert "−0.00" not in sentence and "-0.00" not in sentence


def test_decimal_commas_in_indonesian(indonesian: None) -> None:
    sentence = finding_sentence(_numeric(-0.42, -0.61, -0.19))
    assert "−0,42" in sentence and "−0,61" in sentence
    assert "0.42" not in sentence
    assert decimal_text(2.5, 1) == "2,5"


def test_one_day_is_one_day_not_one_days() -> None:
    hidden = HiddenResult(
        factor="sleep_h", lag_days=0, kind=FactorKind.NUMERIC,
        reason=HiddenReason.TOO_FEW_DAYS, n=1, needed=14,
    )  # fmt: skip
    assert hidden_explanation(hidden) == "sleep (hours): 1 day with it logged, 14 needed"


def test_red_flags_read_as_a_sentence() -> None:
    warning = Warning(
        rule=WarningRule.RED_FLAG, level=WarningLevel.SEE_DOCTOR, body_site=BodySite.KNEE,
        sides=(Side.LEFT,), days=(dt.date(2026, 11, 24),), signs=("weakness", "pain"),
    )  # fmt: skip
    message = warning_message(warning)
    assert "You logged weak leg" not in message
    assert message.startswith("With twitching in your left knee you also noted: weak leg")
