"""The comparison's noise tiers and column sort (pure rules), on worked examples."""

import pytest

from cshire.interviews.rules.comparison import noise_tiers, parse_sort, sort_by, within_noise

# With every SEM 0.2 the noise between two fits is 1.96 × √(0.2² + 0.2²) = 0.554.
SEM = 0.2


def test_two_fits_closer_than_the_noise_cannot_be_told_apart():
    assert within_noise((4.0, SEM), (3.5, SEM))  # 0.5 < 0.554
    assert not within_noise((4.0, SEM), (3.4, SEM))  # 0.6 ≥ 0.554
    # A wider band on one side widens the noise: 1.96 × √(0.1² + 0.3²) = 0.620.
    assert not within_noise((3.0, 0.1), (2.7, 0.1))  # 0.3 ≥ 0.277
    assert within_noise((3.0, 0.1), (2.7, 0.3))


def test_a_tier_holds_the_candidates_within_the_noise_of_its_first():
    ranked = [(4.0, SEM), (3.8, SEM), (3.5, SEM), (3.4, SEM), (2.9, SEM)]
    # 3.8 and 3.5 are within 0.554 of 4.0; 3.4 is not and opens tier 2, and
    # 2.9 is within 0.554 of 3.4.
    assert noise_tiers(ranked) == [1, 1, 1, 2, 2]


def test_a_chain_of_small_steps_does_not_make_one_tier():
    # Each neighbour is 0.4 apart (within the noise), but 3.2 is 0.8 from 4.0.
    assert noise_tiers([(4.0, SEM), (3.6, SEM), (3.2, SEM), (2.8, SEM)]) == [1, 1, 2, 2]


def test_every_candidate_apart_makes_a_tier_each():
    assert noise_tiers([(4.5, 0.05), (4.0, 0.05), (3.5, 0.05)]) == [1, 2, 3]


def test_a_candidate_without_a_fit_or_a_band_has_no_tier():
    ranked = [(4.0, SEM), (3.9, None), (3.8, SEM), (None, None)]
    assert noise_tiers(ranked) == [1, None, 1, None]
    assert noise_tiers([]) == []


@pytest.mark.parametrize(("value", "expected"), [
    ("name", ("name", False)), ("-fit", ("fit", True)), ("fit", ("fit", False)),
    ("", ("fit", True)), (None, ("fit", True)), ("-password", ("fit", True)),
    ("--name", ("fit", True)),
])
def test_only_allowed_sort_keys_are_read(value, expected):
    assert parse_sort(value, {"name", "fit"}, "-fit") == expected


def test_empty_values_sort_last_in_both_directions_and_ties_keep_their_order():
    rows = [("a", 2), ("b", None), ("c", 3), ("d", 2)]
    assert [r[0] for r in sort_by(rows, lambda r: r[1])] == ["a", "d", "c", "b"]
    assert [r[0] for r in sort_by(rows, lambda r: r[1], descending=True)] == ["c", "a", "d", "b"]
