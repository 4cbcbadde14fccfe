"""The see-a-doctor rules at every boundary (DESIGN.md "Rules")."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.analysis.warnings import compute_warnings, runs
from tracker.domain import Settings, Side, Warning, WarningLevel, WarningRule

TODAY = dt.date(2026, 11, 25)
DEFAULTS = Settings()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def knee(*days_ago: int, side: str = "left", site: str = "knee") -> list[tuple[str, str, dt.date]]:
    return [(site, side, ago(n)) for n in days_ago]


def flagged(
    days_ago: int, *signs: str, side: str = "left", site: str = "knee"
) -> tuple[dt.date, str, str, bool, bool, bool, bool, bool]:
    names = ("pain", "swelling", "warmth", "numbness_tingling", "weakness")
    return (ago(days_ago), site, side, *(name in signs for name in names))  # type: ignore[return-value]


def rules(found: list[Warning]) -> list[str]:
    return [w.rule.value for w in found]


def only(found: list[Warning], rule: WarningRule) -> Warning:
    (warning,) = [w for w in found if w.rule is rule]
    return warning


# recurring: ≥ 3 distinct days within today − 6 … today


def test_two_days_in_the_last_7_is_not_recurring() -> None:
    assert compute_warnings(knee(0, 6), [], DEFAULTS, TODAY) == []


def test_three_days_in_the_last_7_is_recurring() -> None:
    warning = only(compute_warnings(knee(0, 3, 6), [], DEFAULTS, TODAY), WarningRule.RECURRING)
    assert warning.level is WarningLevel.WATCH
    assert warning.days == (ago(6), ago(3), ago(0))
    assert (warning.first_day, warning.last_day, warning.episode_days) == (ago(6), ago(0), 3)


def test_a_day_7_days_ago_is_outside_the_last_7_days() -> None:
    assert compute_warnings(knee(0, 3, 7), [], DEFAULTS, TODAY) == []


def test_several_episodes_on_one_day_count_as_one_day() -> None:
    assert compute_warnings(knee(0, 0, 0, 1, 1), [], DEFAULTS, TODAY) == []


def test_the_recurring_threshold_is_a_setting() -> None:
    two = Settings(recurring_days=2)
    assert rules(compute_warnings(knee(0, 6), [], two, TODAY)) == ["recurring"]


# persistence: the current run spans ≥ 14 days with ≥ 3 episode days


def test_a_run_spanning_13_days_is_not_persistent() -> None:
    assert rules(compute_warnings(knee(0, 6, 12), [], DEFAULTS, TODAY)) == []


def test_a_run_spanning_14_days_is_persistent() -> None:
    warning = only(compute_warnings(knee(0, 6, 13), [], DEFAULTS, TODAY), WarningRule.PERSISTENCE)
    assert warning.level is WarningLevel.SEE_DOCTOR
    assert warning.days == (ago(13), ago(6), ago(0))


def test_a_long_span_with_only_two_episode_days_is_not_persistent() -> None:
    settings = Settings(reset_free_days=14)
    assert compute_warnings(knee(0, 13), [], settings, TODAY) == []


def test_six_twitch_free_days_keep_the_run_going() -> None:
    # 13 ago, 6 ago (6 free days between), today: one run spanning 14 days.
    assert rules(compute_warnings(knee(0, 6, 13), [], DEFAULTS, TODAY)) == ["persistence"]


def test_seven_twitch_free_days_end_the_run() -> None:
    # 14 ago, then 7 free days, then 6 ago and today: the current run spans only 7 days.
    assert compute_warnings(knee(0, 6, 14), [], DEFAULTS, TODAY) == []


def test_runs_split_where_the_gap_exceeds_the_reset() -> None:
    days = [ago(n) for n in (30, 23, 15, 3)]
    assert runs(days, 7) == [[ago(30), ago(23)], [ago(15)], [ago(3)]]


def test_an_old_run_that_ended_is_not_a_current_warning() -> None:
    old_run = knee(*range(30, 60, 2))  # a month of twitching that stopped 30 days ago
    assert compute_warnings(old_run, [], DEFAULTS, TODAY) == []
    # ... and a run whose last day is exactly 7 days ago has ended too
    assert compute_warnings(knee(*range(7, 40, 3)), [], DEFAULTS, TODAY) == []
    assert rules(compute_warnings(knee(*range(6, 40, 3)), [], DEFAULTS, TODAY)) == ["persistence"]


def test_sites_are_judged_independently() -> None:
    mixed = knee(0) + knee(3, site="calf") + knee(6, site="thigh")
    assert compute_warnings(mixed, [], DEFAULTS, TODAY) == []
    two_sites = knee(0, 2, 4) + knee(1, 3, 5, site="calf")
    found = compute_warnings(two_sites, [], DEFAULTS, TODAY)
    assert sorted((w.body_site.value, w.rule.value) for w in found) == [
        ("calf", "recurring"),
        ("knee", "recurring"),
    ]


# Issue 9: one knee's twitching is one, whatever side each twitch was logged with.


def test_left_both_left_on_three_days_of_one_knee_is_recurring() -> None:
    days = knee(0, 6) + knee(3, side="both")
    (warning,) = compute_warnings(days, [], DEFAULTS, TODAY)
    assert (warning.rule, warning.days) == (WarningRule.RECURRING, (ago(6), ago(3), ago(0)))
    assert warning.sides == (Side.LEFT, Side.BOTH)
    assert warning.side is None  # mixed


def test_not_sure_twitches_do_not_split_a_run() -> None:
    # The first one-tap has no side ("not sure"); then left, then right.
    days = knee(13, side="none") + knee(6) + knee(0, side="right")
    (warning,) = compute_warnings(days, [], DEFAULTS, TODAY)
    assert (warning.rule, warning.days) == (WarningRule.PERSISTENCE, (ago(13), ago(6), ago(0)))
    assert warning.sides == (Side.LEFT, Side.RIGHT, Side.NONE)


def test_sides_together_keep_the_recurring_boundaries() -> None:
    assert (
        compute_warnings(
            knee(0) + knee(3, side="right") + knee(7, side="both"), [], DEFAULTS, TODAY
        )
        == []
    )
    found = compute_warnings(
        knee(0) + knee(3, side="right") + knee(6, side="both"), [], DEFAULTS, TODAY
    )
    assert rules(found) == ["recurring"]


def test_sides_together_keep_the_persistence_boundaries() -> None:
    sides = ("left", "none", "both")
    span_13 = [("knee", side, ago(n)) for side, n in zip(sides, (0, 6, 12), strict=True)]
    assert compute_warnings(span_13, [], DEFAULTS, TODAY) == []
    gap_7 = [("knee", side, ago(n)) for side, n in zip(sides, (0, 6, 14), strict=True)]
    assert compute_warnings(gap_7, [], DEFAULTS, TODAY) == []
    span_14 = [("knee", side, ago(n)) for side, n in zip(sides, (0, 6, 13), strict=True)]
    assert rules(compute_warnings(span_14, [], DEFAULTS, TODAY)) == ["persistence"]


def test_one_side_everywhere_is_that_side() -> None:
    (warning,) = compute_warnings(knee(0, 0, 3, 6, side="right"), [], DEFAULTS, TODAY)
    assert (warning.sides, warning.side) == ((Side.RIGHT,), Side.RIGHT)


def test_a_warning_lists_only_the_sides_of_the_days_it_counts() -> None:
    # A right-side twitch 20 days ago belongs to no current run and no recent window.
    (warning,) = compute_warnings(knee(0, 2, 4) + knee(20, side="right"), [], DEFAULTS, TODAY)
    assert warning.sides == (Side.LEFT,)


def test_the_same_day_on_two_sides_is_one_episode_day() -> None:
    days = knee(0) + knee(0, side="right") + knee(1, side="both")
    assert compute_warnings(days, [], DEFAULTS, TODAY) == []


def test_episodes_after_today_are_ignored() -> None:
    future = [("knee", "left", TODAY + dt.timedelta(days=n)) for n in (1, 2, 3)]
    assert compute_warnings(knee(0, 1) + future, [flagged(-1, "pain")], DEFAULTS, TODAY) == []


# red flags: any episode in today − 13 … today with a sign


def test_a_red_flag_13_days_ago_still_counts() -> None:
    warning = only(
        compute_warnings([], [flagged(13, "swelling")], DEFAULTS, TODAY), WarningRule.RED_FLAG
    )
    assert (warning.level, warning.signs, warning.days) == (
        WarningLevel.SEE_DOCTOR,
        ("swelling",),
        (ago(13),),
    )


def test_a_red_flag_14_days_ago_drops_off() -> None:
    assert compute_warnings([], [flagged(14, "pain")], DEFAULTS, TODAY) == []


def test_red_flags_gather_their_signs_days_and_sides_per_site() -> None:
    found = compute_warnings(
        [],
        [
            flagged(2, "pain"),
            flagged(5, "weakness", "warmth"),
            flagged(1, "numbness_tingling", side="right"),
            flagged(3, "swelling", site="calf"),
        ],
        DEFAULTS,
        TODAY,
    )
    assert [(w.body_site.value, w.sides, w.signs, w.days) for w in found] == [
        (
            "knee",
            (Side.LEFT, Side.RIGHT),
            ("pain", "warmth", "numbness_tingling", "weakness"),
            (ago(5), ago(2), ago(1)),
        ),
        ("calf", (Side.LEFT,), ("swelling",), (ago(3),)),
    ]


def test_red_flags_come_first_then_persistence_then_recurring() -> None:
    found = compute_warnings(knee(0, 2, 4, 6, 8, 13), [flagged(9, "pain")], DEFAULTS, TODAY)
    assert rules(found) == ["red_flag", "persistence", "recurring"]


# invariants

site_day = st.tuples(
    st.sampled_from(["knee", "calf"]),
    st.sampled_from(["left", "right", "both", "none"]),
    st.integers(0, 60).map(ago),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(site_day, max_size=40), st.randoms(use_true_random=False))
def test_shuffling_the_input_changes_nothing(
    days: list[tuple[str, str, dt.date]], rnd: random.Random
) -> None:
    shuffled = list(days)
    rnd.shuffle(shuffled)
    assert compute_warnings(days, [], DEFAULTS, TODAY) == compute_warnings(
        shuffled, [], DEFAULTS, TODAY
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 60), min_size=1, max_size=30), st.data())
def test_adding_an_episode_inside_the_current_run_keeps_its_persistence_warning(
    days_ago: list[int], data: st.DataObject
) -> None:
    before = compute_warnings(knee(*days_ago), [], DEFAULTS, TODAY)
    persistent = [w for w in before if w.rule is WarningRule.PERSISTENCE]
    if not persistent:
        return
    run = persistent[0]
    inside = data.draw(st.integers((TODAY - run.last_day).days, (TODAY - run.first_day).days))
    after = compute_warnings(knee(*days_ago, inside), [], DEFAULTS, TODAY)
    assert any(w.rule is WarningRule.PERSISTENCE and w.first_day <= run.first_day for w in after)


@settings(max_examples=100, deadline=None)
@given(st.lists(site_day, max_size=40))
def test_every_warning_carries_its_days_in_order_and_none_after_today(
    days: list[tuple[str, str, dt.date]],
) -> None:
    for warning in compute_warnings(days, [], DEFAULTS, TODAY):
        assert list(warning.days) == sorted(set(warning.days))
        assert warning.last_day <= TODAY


@settings(max_examples=200, deadline=None)
@given(st.lists(site_day, max_size=40))
def test_the_sides_never_change_which_days_warn(days: list[tuple[str, str, dt.date]]) -> None:
    one_side = [(site, "left", day) for site, _side, day in days]
    found = compute_warnings(days, [], DEFAULTS, TODAY)
    assert [(w.rule, w.body_site, w.days) for w in found] == [
        (w.rule, w.body_site, w.days) for w in compute_warnings(one_side, [], DEFAULTS, TODAY)
    ]
    for warning in found:
        assert set(warning.sides) == {
            Side(s) for site, s, d in days if d in warning.days and site == warning.body_site
        }
