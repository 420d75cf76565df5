"""The calibration rule on a hand-computed example."""

import pytest

from cshire.evaluations.rules.calibration import LENIENT, SEVERE, Distribution, calibrate

A, B, C, D = 1, 2, 3, 4
COMMS, CARE = 10, 20


def ratings(manager: int, levels: list[int], competency: int = COMMS) -> list:
    return [(manager, competency, level) for level in levels]


def test_hand_computed_example():
    # A rates 5×4 and 5×5: n = 10, total 45, mean 4.5.
    # B rates 10×3:        n = 10, total 30, mean 3.0.
    # C rates 5×3 and 5×4: n = 10, total 35, mean 3.5.
    # A against B and C pooled: (30 + 35) / 20 = 3.25 → 4.5 − 3.25 = +1.25: lenient.
    # B against A and C pooled: (45 + 35) / 20 = 4.00 → 3.0 − 4.00 = −1.00: severe.
    # C against A and B pooled: (45 + 30) / 20 = 3.75 → 3.5 − 3.75 = −0.25: not far.
    rows = (ratings(A, [4] * 5, COMMS) + ratings(A, [5] * 5, CARE)
            + ratings(B, [3] * 10) + ratings(C, [3] * 5 + [4] * 5))
    a, b, c = calibrate(rows)
    assert a.ratings.counts == (0, 0, 0, 5, 5)
    assert (a.ratings.n, a.ratings.mean) == (10, 4.5)
    assert a.by_competency == {COMMS: Distribution((0, 0, 0, 5, 0)),
                               CARE: Distribution((0, 0, 0, 0, 5))}
    assert (a.others_n, a.others_mean, a.difference, a.flag) == (20, 3.25, 1.25, LENIENT)
    assert (b.others_mean, b.difference, b.flag) == (4.0, -1.0, SEVERE)
    assert (c.others_mean, c.difference, c.flag) == (3.75, -0.25, None)


def test_half_a_point_is_far():
    # X: 5×3 + 5×4 → 3.5; Y: 10×3 → 3.0. Each against the other: ±0.5 exactly.
    x, y = calibrate(ratings(A, [3] * 5 + [4] * 5) + ratings(B, [3] * 10))
    assert x.difference == pytest.approx(0.5) and x.flag == LENIENT
    assert y.difference == pytest.approx(-0.5) and y.flag == SEVERE


def test_too_few_ratings_are_never_flagged():
    # D: 9 ratings of 1 (mean 1.0) against A's 10 ratings of 5: far apart, but D has
    # fewer than 10 ratings, and for A the others (D) have fewer than 10 too.
    a, d = calibrate(ratings(A, [5] * 10) + ratings(D, [1] * 9))
    assert d.difference == -4.0 and d.flag is None
    assert a.difference == 4.0 and a.flag is None


def test_a_lone_manager_has_nobody_to_compare_with():
    (only,) = calibrate(ratings(A, [4] * 12))
    assert only.others_n == 0 and only.others_mean is None and only.flag is None


def test_no_ratings():
    assert calibrate([]) == []
    assert Distribution.of([]).mean is None
