"""Suggest a high-performer profile from ratings of the current team.

A manager rates each team member on each competency (1-5) and marks who the high
performers are. For each competency this compares the high performers with the
rest by Cohen's d (the standardised mean difference). Cohen (1988), *Statistical
Power Analysis for the Behavioral Sciences*, 2nd ed., calls d = 0.2 small, 0.5
medium and 0.8 large; the default line between "differentiating" and "threshold"
is the medium effect.

The result is a suggestion for the manager to edit, not a profile: with a handful
of people an effect size is noisy, which is what ``reliable`` flags.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cshire import stats

MIN_GROUP_DEFAULT = 3
DIFFERENTIATING_D_DEFAULT = 0.5
LEVEL_MIN = 1
LEVEL_MAX = 5

DIFFERENTIATING = "differentiating"
THRESHOLD = "threshold"
INSUFFICIENT = "insufficient"


@dataclass(frozen=True)
class CompetencySuggestion:
    """What the team's ratings say about one competency."""

    competency_code: str
    n_high: int
    n_rest: int
    mean_high: float | None
    mean_rest: float | None
    effect_size: float | None  # Cohen's d, high performers vs the rest
    suggested_level: int | None  # high performers' mean, rounded half up, 1..5
    suggested_weight: float | None  # 1 + max(d, 0), one decimal
    label: str  # DIFFERENTIATING | THRESHOLD | INSUFFICIENT
    reliable: bool  # both groups have at least min_group ratings


def suggest_profile(
    ratings: Mapping[str, Mapping[str, float | None]],
    high_performers: Collection[str],
    *,
    min_group: int = MIN_GROUP_DEFAULT,
    differentiating_d: float = DIFFERENTIATING_D_DEFAULT,
) -> list[CompetencySuggestion]:
    """One suggestion per competency rated for anyone, ordered by competency code.

    ``ratings`` maps member id -> {competency code -> rating}; a missing code (or
    None) is a missing rating and only shrinks that competency's groups. Members
    in ``high_performers`` form the high group, every other rated member the rest;
    ids in ``high_performers`` without ratings are ignored.

    - suggested level: the high performers' mean rating rounded half up and clamped
      to 1..5, since a profile states the level a high performer shows.
    - weight: 1 + max(d, 0), rounded half up to one decimal. A threshold
      competency (everybody has it: needed, but it does not separate the best)
      keeps weight 1; a strongly differentiating one (d ≈ 2) gets about 3. A
      negative d counts as 0: the profile should not reward showing less of it.
    - label: "differentiating" when d >= ``differentiating_d``, "threshold" below
      it, "insufficient" when d is undefined (a group with fewer than 2 ratings,
      or no spread at all).
    - reliable: both groups have at least ``min_group`` ratings.

    Raises ValueError when ``min_group`` is below 2 (d needs two per group).
    """
    if min_group < 2:
        raise ValueError("min_group must be at least 2: Cohen's d needs two ratings per group")
    codes = sorted({code for member in ratings.values() for code in member})
    return [
        _suggest_competency(code, ratings, high_performers, min_group, differentiating_d)
        for code in codes
    ]


def _suggest_competency(
    code: str,
    ratings: Mapping[str, Mapping[str, float | None]],
    high_performers: Collection[str],
    min_group: int,
    differentiating_d: float,
) -> CompetencySuggestion:
    high: list[float] = []
    rest: list[float] = []
    for member_id, member_ratings in ratings.items():
        value = member_ratings.get(code)
        if value is not None:
            (high if member_id in high_performers else rest).append(value)
    mean_high = stats.mean(high)
    d = stats.cohens_d(high, rest)
    return CompetencySuggestion(
        competency_code=code,
        n_high=len(high),
        n_rest=len(rest),
        mean_high=mean_high,
        mean_rest=stats.mean(rest),
        effect_size=d,
        suggested_level=None if mean_high is None else _level(mean_high),
        suggested_weight=None if d is None else _round_half_up(1 + max(d, 0.0), 1),
        label=_label(d, differentiating_d),
        reliable=len(high) >= min_group and len(rest) >= min_group,
    )


def _label(d: float | None, differentiating_d: float) -> str:
    if d is None:
        return INSUFFICIENT
    return DIFFERENTIATING if d >= differentiating_d else THRESHOLD


def _level(mean_rating: float) -> int:
    level = math.floor(_round_half_up(mean_rating, 0))
    return min(LEVEL_MAX, max(LEVEL_MIN, level))


def _round_half_up(value: float, places: int) -> float:
    """Round as people do on paper (2.5 -> 3, 1.25 -> 1.3), not to even.

    Goes through the shortest decimal repr, so binary noise such as
    1.2499999999999998 for a computed 1.25 does not flip the result.
    """
    exponent = Decimal(1).scaleb(-places)
    return float(Decimal(repr(round(value, 9))).quantize(exponent, rounding=ROUND_HALF_UP))
