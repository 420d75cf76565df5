"""Calibration of managers' ratings: how each manager's ratings are distributed, and
which managers rate far above (lenient) or far below (severe) the others.

"Far" is defined once, here: a manager with at least ``MIN_RATINGS`` ratings is flagged
when the mean of their ratings differs from the mean of every *other* manager's ratings
pooled together (themselves left out, so one manager cannot drag the yardstick) by at
least ``FAR_POINTS`` points on the 1–5 scale, the others having at least ``MIN_RATINGS``
ratings too. Half a point is half an anchored level: on five levels that is the gap at
which two managers' "meets expectations" visibly stop meaning the same thing, while
fewer than ten ratings make a mean too noisy to accuse anyone of leniency.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cshire.competencies.models import LEVELS

FAR_POINTS = 0.5
MIN_RATINGS = 10
LENIENT, SEVERE = "lenient", "severe"


@dataclass(frozen=True)
class Distribution:
    """How many ratings of each level 1–5."""

    counts: tuple[int, ...]

    @classmethod
    def of(cls, levels: Iterable[int]) -> "Distribution":
        counts = [0] * len(LEVELS)
        for level in levels:
            counts[level - 1] += 1
        return cls(tuple(counts))

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def total(self) -> int:
        return sum(level * count for level, count in zip(LEVELS, self.counts, strict=True))

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None


@dataclass(frozen=True)
class ManagerCalibration:
    manager_id: int
    ratings: Distribution
    by_competency: dict[int, Distribution]
    others_mean: float | None  # the other managers' ratings pooled
    others_n: int

    @property
    def difference(self) -> float | None:
        """This manager's mean minus the others' (points on the 1–5 scale)."""
        if self.ratings.mean is None or self.others_mean is None:
            return None
        return self.ratings.mean - self.others_mean

    @property
    def flag(self) -> str | None:
        """``LENIENT``, ``SEVERE`` or None (not far, or too few ratings to say)."""
        if (self.difference is None or self.ratings.n < MIN_RATINGS
                or self.others_n < MIN_RATINGS):
            return None
        # Rounded to hundredths first: 3.6 − 3.1 is 0.4999… in floating point.
        difference = round(self.difference, 2)
        if difference >= FAR_POINTS:
            return LENIENT
        if difference <= -FAR_POINTS:
            return SEVERE
        return None


def calibrate(ratings: Sequence[tuple[int, int, int]]) -> list[ManagerCalibration]:
    """``ratings``: (manager id, competency id, level 1–5), one per manager rating.
    One entry per manager, in the order of their first rating."""
    by_manager: dict[int, list[tuple[int, int]]] = {}
    for manager_id, competency_id, level in ratings:
        by_manager.setdefault(manager_id, []).append((competency_id, level))
    everyone = Distribution.of(level for _m, _c, level in ratings)
    result = []
    for manager_id, own in by_manager.items():
        mine = Distribution.of(level for _c, level in own)
        competencies: dict[int, list[int]] = {}
        for competency_id, level in own:
            competencies.setdefault(competency_id, []).append(level)
        others_n = everyone.n - mine.n
        others_total = everyone.total - mine.total
        result.append(ManagerCalibration(
            manager_id=manager_id, ratings=mine,
            by_competency={c: Distribution.of(levels) for c, levels in competencies.items()},
            others_mean=others_total / others_n if others_n else None, others_n=others_n,
        ))
    return result
