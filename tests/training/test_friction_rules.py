"""The friction report's arithmetic, on hand-computed examples."""

import pytest

from cshire.training.rules.friction import (
    MilestoneCounts,
    by_friction,
    friction,
    mean,
    median,
    share,
)


def test_median_of_odd_and_even_counts():
    assert median([40, 10, 20]) == 20  # sorted 10, 20, 40: the middle one
    assert median([50, 10, 30, 20]) == 25  # sorted 10, 20, 30, 50: (20 + 30) / 2
    assert median([7]) == 7
    assert median([]) is None


def test_share_and_mean_guard_an_empty_denominator():
    assert share(1, 3) == pytest.approx(1 / 3)
    assert share(0, 0) is None
    assert mean(10, 3) == pytest.approx(10 / 3)
    assert mean(0, 0) is None


def test_one_milestone_figures():
    # Four records: done 10 min d2, done 20 min d3, stuck 40 min d5, skipped.
    # recorded 4, reached 3 (done + stuck); completion 2/4 = 0.5; share stuck 1/3;
    # median of 10, 20, 40 = 20; mean difficulty (2 + 3 + 5) / 3 = 3.333…
    row = friction(MilestoneCounts(1, (1, 1, 1), recorded=4, done=2, stuck=1,
                                   difficulty_sum=10, difficulty_n=3), [10, 20, 40], ["x"])
    assert (row.recorded, row.reached, row.done, row.stuck) == (4, 3, 2, 1)
    assert row.completion_rate == 0.5
    assert row.share_stuck == pytest.approx(1 / 3)
    assert (row.median_minutes, row.minutes_n) == (20, 3)
    assert row.mean_difficulty == pytest.approx(10 / 3)
    assert row.stuck_notes == ["x"]


def test_a_milestone_nobody_reached_has_no_rates_but_its_n():
    row = friction(MilestoneCounts(4, (1, 2, 2), recorded=1), [])
    assert (row.reached, row.completion_rate, row.share_stuck) == (0, 0.0, None)
    assert (row.median_minutes, row.mean_difficulty, row.minutes_n) == (None, None, 0)


def test_top_friction_first_then_difficulty_then_journey_order_unreached_last():
    def row(mid, order, done, stuck, dsum, dn):
        return friction(MilestoneCounts(mid, order, recorded=done + stuck, done=done,
                                        stuck=stuck, difficulty_sum=dsum, difficulty_n=dn), [])
    rows = [
        row(1, (1, 1, 1), 2, 1, 10, 3),  # stuck 1/3, difficulty 3.33
        row(2, (1, 1, 2), 2, 2, 13, 4),  # stuck 1/2
        row(3, (1, 2, 1), 1, 0, 1, 1),  # stuck 0, difficulty 1
        row(4, (1, 2, 2), 0, 0, 0, 0),  # nobody reached it
        row(5, (1, 2, 3), 1, 0, 4, 1),  # stuck 0, difficulty 4: before 3
        row(6, (1, 0, 1), 1, 0, 4, 1),  # same as 5, earlier in the journey
    ]
    assert [r.milestone_id for r in by_friction(rows)] == [2, 1, 6, 5, 3, 4]
