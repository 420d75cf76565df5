"""suggest_profile: a high-performer profile suggested from ratings of the team."""

import math

import pytest

from cshire.interviews.rules.exemplars import (
    MIN_GROUP_DEFAULT,
    CompetencySuggestion,
    suggest_profile,
)

# Worked example, derived by hand. High performers h1-h3, the rest r1-r3.
#
#   EMP  high 5, 4, 5  rest 3, 2, 3
#        means 14/3 = 4.667 and 8/3 = 2.667; each group's sum of squared
#        deviations is 1/9 + 4/9 + 1/9 = 2/3, so pooled SD = sqrt((2/3 + 2/3) / 4)
#        = 1/sqrt(3) and d = 2 * sqrt(3) = 3.464: differentiating,
#        weight 1 + 3.464 = 4.464 -> 4.5, level 4.667 -> 5.
#   LOG  high 3, 4, 4  rest 3, 4, 3
#        means 11/3 = 3.667 and 10/3 = 3.333; same spreads, pooled SD 1/sqrt(3),
#        d = (1/3) * sqrt(3) = 0.577: differentiating (>= 0.5), weight 1.577 -> 1.6,
#        level 3.667 -> 4.
#   PRD  high 4, 5, 4  rest 5, 4, 4
#        equal means 13/3, d = 0: threshold, weight 1.0, level 4.333 -> 4.
#   NUM  high 3, 3, 4  rest 4, 4, 5
#        d = (10/3 - 13/3) * sqrt(3) = -1.732: threshold (a negative d counts as 0
#        for the weight, 1.0), level 3.333 -> 3.
TEAM = {
    "h1": {"EMP": 5, "LOG": 3, "PRD": 4, "NUM": 3},
    "h2": {"EMP": 4, "LOG": 4, "PRD": 5, "NUM": 3},
    "h3": {"EMP": 5, "LOG": 4, "PRD": 4, "NUM": 4},
    "r1": {"EMP": 3, "LOG": 3, "PRD": 5, "NUM": 4},
    "r2": {"EMP": 2, "LOG": 4, "PRD": 4, "NUM": 4},
    "r3": {"EMP": 3, "LOG": 3, "PRD": 4, "NUM": 5},
}
HIGH = {"h1", "h2", "h3"}


def by_code(suggestions: list[CompetencySuggestion]) -> dict[str, CompetencySuggestion]:
    return {s.competency_code: s for s in suggestions}


def test_worked_example_matches_hand_derivation():
    result = by_code(suggest_profile(TEAM, HIGH))

    emp = result["EMP"]
    assert (emp.n_high, emp.n_rest) == (3, 3)
    assert emp.mean_high == pytest.approx(14 / 3)
    assert emp.mean_rest == pytest.approx(8 / 3)
    assert emp.effect_size == pytest.approx(2 * math.sqrt(3))
    assert emp.suggested_weight == 4.5
    assert emp.suggested_level == 5
    assert emp.label == "differentiating"
    assert emp.reliable

    log = result["LOG"]
    assert log.effect_size == pytest.approx(math.sqrt(3) / 3)
    assert (log.suggested_weight, log.suggested_level, log.label) == (1.6, 4, "differentiating")

    prd = result["PRD"]
    assert prd.effect_size == pytest.approx(0.0)
    assert (prd.suggested_weight, prd.suggested_level, prd.label) == (1.0, 4, "threshold")

    num = result["NUM"]
    assert num.effect_size == pytest.approx(-math.sqrt(3))
    assert (num.suggested_weight, num.suggested_level, num.label) == (1.0, 3, "threshold")


def test_threshold_for_differentiating_is_configurable():
    # LOG has d = 0.577 (see the worked example): below a 0.8 ("large") line.
    result = by_code(suggest_profile(TEAM, HIGH, differentiating_d=0.8))
    assert result["LOG"].label == "threshold"
    assert result["EMP"].label == "differentiating"


def test_results_are_ordered_by_competency_code():
    codes = [s.competency_code for s in suggest_profile(TEAM, HIGH)]
    assert codes == ["EMP", "LOG", "NUM", "PRD"]


def test_a_single_high_performer_is_insufficient():
    result = suggest_profile(TEAM, {"h1"})
    for suggestion in result:
        assert suggestion.n_high == 1
        assert suggestion.effect_size is None
        assert suggestion.suggested_weight is None
        assert suggestion.label == "insufficient"
        assert not suggestion.reliable
    # The level is still the high performer's rating: it needs no spread.
    assert by_code(result)["EMP"].suggested_level == 5


def test_groups_below_min_group_are_computed_but_flagged_unreliable():
    # Two high performers (h1, h2) against four others: d is defined, n is small.
    emp = by_code(suggest_profile(TEAM, {"h1", "h2"}))["EMP"]
    assert (emp.n_high, emp.n_rest) == (2, 4)
    assert emp.effect_size is not None
    assert emp.label == "differentiating"
    assert not emp.reliable
    assert MIN_GROUP_DEFAULT == 3
    assert by_code(suggest_profile(TEAM, {"h1", "h2"}, min_group=2))["EMP"].reliable


def test_missing_ratings_shrink_only_that_competencys_groups():
    team = {member: dict(scores) for member, scores in TEAM.items()}
    del team["h3"]["LOG"]
    team["r3"]["LOG"] = None
    team["r4"] = {"EMP": 2}  # rated on one competency only
    result = by_code(suggest_profile(team, HIGH))
    # LOG: high 3, 4 (mean 3.5, SS 0.5) vs rest 3, 4 (mean 3.5): d = 0.
    assert (result["LOG"].n_high, result["LOG"].n_rest) == (2, 2)
    assert result["LOG"].effect_size == pytest.approx(0.0)
    assert not result["LOG"].reliable
    # LOG high mean 3.5 rounds half up to 4.
    assert result["LOG"].suggested_level == 4
    assert (result["EMP"].n_high, result["EMP"].n_rest) == (3, 4)
    assert (result["PRD"].n_high, result["PRD"].n_rest) == (3, 3)


def test_level_rounds_half_up():
    # High mean 2.5 is level 3 (round-half-to-even would give 2).
    team = {"a": {"X": 2}, "b": {"X": 3}, "c": {"X": 1}, "d": {"X": 2}}
    assert suggest_profile(team, {"a", "b"})[0].suggested_level == 3


def test_level_is_clamped_to_the_1_to_5_scale():
    team = {"a": {"X": 6.5, "Y": 0}, "b": {"X": 7, "Y": 0.4}, "c": {"X": 3, "Y": 2}}
    result = by_code(suggest_profile(team, {"a", "b"}))
    assert result["X"].suggested_level == 5
    assert result["Y"].suggested_level == 1


def test_nobody_marked_high_gives_no_level_and_no_effect():
    result = suggest_profile(TEAM, set())
    assert all(s.n_high == 0 and s.mean_high is None for s in result)
    assert all(s.suggested_level is None and s.label == "insufficient" for s in result)


def test_high_performer_ids_without_ratings_are_ignored():
    assert suggest_profile(TEAM, HIGH | {"left-the-company"}) == suggest_profile(TEAM, HIGH)


def test_empty_ratings_give_no_suggestions():
    assert suggest_profile({}, HIGH) == []


def test_min_group_below_two_is_rejected():
    with pytest.raises(ValueError, match="min_group"):
        suggest_profile(TEAM, HIGH, min_group=1)
