"""The words for warnings and findings: calm, clear, saying what to do and when to see a
doctor. Never "causes", never a diagnosis: findings say what went together."""

from __future__ import annotations

from tracker.domain import Correlation, FactorKind, HiddenReason, HiddenResult, Warning, WarningRule
from tracker.i18n import gettext as _
from tracker.i18n import ngettext
from tracker.labels import (
    day_month_year,
    decimal_text,
    factor_label,
    more_or_less,
    red_flag_label,
    sides_place_label,
)


def _self_care() -> str:
    return _(
        "Rest the leg, drink enough water, stretch gently or massage it, try a warm or cold "
        "compress, and eat food rich in calcium, magnesium and vitamins B and D."
    )


def warning_message(warning: Warning) -> str:
    place = sides_place_label(warning.body_site, warning.sides).lower()
    first, last = day_month_year(warning.first_day), day_month_year(warning.last_day)
    if warning.rule is WarningRule.RECURRING:
        what = _(
            "Twitching in your {place} keeps coming back: "
            "{n} of the last 7 days ({first} to {last})."
        )
        return " ".join(
            (
                what.format(place=place, n=warning.episode_days, first=first, last=last),
                _self_care(),
                _("If it goes on for more than a few days, see a doctor."),
            )
        )
    if warning.rule is WarningRule.PERSISTENCE:
        span = (warning.last_day - warning.first_day).days + 1
        what = _(
            "Twitching in your {place} has gone on for {span} days, "
            "from {first} to {last}, on {n} days."
        )
        return " ".join(
            (
                what.format(place=place, span=span, first=first, last=last, n=warning.episode_days),
                _("Twitching that lasts this long should be checked: please see a doctor."),
                _self_care(),
            )
        )
    signs = ", ".join(red_flag_label(sign) for sign in warning.signs)
    logged = _("With twitching in your {place} you also noted: {signs} (last on {last}).").format(
        signs=signs, place=place, last=last
    )
    if "weakness" in warning.signs:
        advice = _(
            "A weak leg or trouble walking needs a doctor soon: please see one today "
            "or tomorrow, and get urgent care if it is getting worse."
        )
    else:
        advice = _(
            "Twitching with sharp pain, swelling, a hot knee, numbness or tingling "
            "should be seen by a doctor: please make an appointment."
        )
    return f"{logged} {advice}"


def _number(value: float, digits: int = 2) -> str:
    return decimal_text(value, digits)


def _may_be_chance(result: Correlation) -> bool:
    """The 95% interval includes "no difference at all"."""
    return result.ci_low <= 0.0 <= result.ci_high


def finding_sentence(result: Correlation) -> str:
    """E.g. "On days after less sleep you had more twitches (ρ −0.42, 95% CI −0.61 to
    −0.19, 48 days; early)"."""
    if result.kind is FactorKind.NUMERIC:
        rho = result.effect
        went = more_or_less(result.factor, higher=rho > 0)
        when = (
            _("On days with {went}"),
            _("On days after {went}"),
            _("Two days after {went}"),
        )[result.lag_days].format(went=went)
        numbers = _("ρ {rho}, 95% CI {low} to {high}, {n} days").format(
            rho=_number(rho), low=_number(result.ci_low), high=_number(result.ci_high), n=result.n
        )
        amount = ""
        if _may_be_chance(result):
            sentence = _("{when} you had more twitches, but this may be chance ({numbers}{early})")
        else:
            sentence = _("{when} you had more twitches ({numbers}{early})")
    else:
        diff = result.effect
        if result.factor.startswith("on_"):  # a medicine: "On days taking a diuretic"
            templates = (_("On days {factor}"), _("On days after {factor}"))
        else:
            templates = (_("On days with {factor}"), _("On days after {factor}"))
        when = templates[result.lag_days].format(factor=factor_label(result.factor))
        if _number(abs(diff), 1) in ("0.0", "0,0"):
            amount = _("about as many twitches a day")  # not "0.0 more twitches"
        else:
            amount = (
                _("{d} more twitches a day") if diff >= 0 else _("{d} fewer twitches a day")
            ).format(d=_number(abs(diff), 1))
        numbers = _("{with_} vs {without} a day, 95% CI {low} to {high}, {n1} vs {n2} days").format(
            with_=_number(result.mean_with or 0.0, 1),
            without=_number(result.mean_without or 0.0, 1),
            low=_number(result.ci_low, 1),
            high=_number(result.ci_high, 1),
            n1=result.n_with,
            n2=result.n_without,
        )
        if _may_be_chance(result):
            sentence = _("{when} you had {amount}, but this may be chance ({numbers}{early})")
        else:
            sentence = _("{when} you had {amount} ({numbers}{early})")
    early = "; " + _("early") if result.early else ""
    return sentence.format(when=when, numbers=numbers, early=early, amount=amount)


def hidden_explanation(hidden: HiddenResult) -> str:
    factor = factor_label(hidden.factor)
    if hidden.reason is HiddenReason.NEVER_LOGGED:
        return _("{factor}: not logged yet").format(factor=factor)
    if hidden.reason is HiddenReason.CONSTANT:
        return _("{factor}: always the same, so nothing to compare").format(factor=factor)
    if hidden.kind is FactorKind.BINARY:
        return ngettext(
            "{factor}: {n} day on one side, {needed} needed on each",
            "{factor}: {n} days on one side, {needed} needed on each",
            hidden.n,
        ).format(factor=factor, n=hidden.n, needed=hidden.needed)
    return ngettext(
        "{factor}: {n} day with it logged, {needed} needed",
        "{factor}: {n} days with it logged, {needed} needed",
        hidden.n,
    ).format(factor=factor, n=hidden.n, needed=hidden.needed)
