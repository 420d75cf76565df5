"""The friction report's arithmetic: per journey milestone, how the new hires' walk
through the product as customers went — from plain values, so each figure is tested
on a hand-computed example without a database.

Definitions (also shown on the report):

- *recorded*: sandbox records of the milestone (one per new hire and exercise), any
  status;
- *reached*: records marked done or stuck — the new hire tried the milestone (skipped
  means they did not);
- *completion rate*: done ÷ recorded — of everyone who got to the milestone in the
  exercise, the share who got it done (stuck and skipped are not done);
- *share stuck*: stuck ÷ reached — of those who tried, the share who got stuck;
- *median minutes* and *mean difficulty*: over reached records that give them (a
  skipped milestone has no time or difficulty of its own).

Every figure carries its n (the denominator it was computed on). The top friction points
come first: by share stuck, then mean difficulty, both highest first; milestones nobody
reached last; ties in journey order.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def median(values: Sequence[float]) -> float | None:
    """The middle value; the mean of the two middle ones for an even count."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def share(part: int, whole: int) -> float | None:
    """``part`` ÷ ``whole`` as a fraction (0–1); None when nothing to divide by."""
    return part / whole if whole else None


def mean(total: float, n: int) -> float | None:
    return total / n if n else None


@dataclass(frozen=True)
class MilestoneCounts:
    """What the database aggregates for one milestone (one GROUP BY row)."""

    milestone_id: int
    journey_order: tuple[int, ...]  # (journey id, stage position, milestone position)
    recorded: int = 0
    done: int = 0
    stuck: int = 0
    difficulty_sum: int = 0
    difficulty_n: int = 0


@dataclass(frozen=True)
class MilestoneFriction:
    milestone_id: int
    journey_order: tuple[int, ...]
    recorded: int
    reached: int
    done: int
    stuck: int
    completion_rate: float | None  # n = recorded
    share_stuck: float | None  # n = reached
    median_minutes: float | None
    minutes_n: int
    mean_difficulty: float | None
    difficulty_n: int
    stuck_notes: list[str] = field(default_factory=list)


def friction(counts: MilestoneCounts, minutes: Iterable[int],
             notes: Iterable[str] = ()) -> MilestoneFriction:
    """One milestone's figures from its counts, the minutes of its reached records and
    its stuck notes."""
    minutes = list(minutes)
    reached = counts.done + counts.stuck
    return MilestoneFriction(
        milestone_id=counts.milestone_id, journey_order=counts.journey_order,
        recorded=counts.recorded, reached=reached, done=counts.done, stuck=counts.stuck,
        completion_rate=share(counts.done, counts.recorded),
        share_stuck=share(counts.stuck, reached),
        median_minutes=median(minutes), minutes_n=len(minutes),
        mean_difficulty=mean(counts.difficulty_sum, counts.difficulty_n),
        difficulty_n=counts.difficulty_n, stuck_notes=list(notes),
    )


def by_friction(rows: Iterable[MilestoneFriction]) -> list[MilestoneFriction]:
    """Top friction first: share stuck, then mean difficulty (highest first); a
    milestone nobody reached goes last; ties keep the journey's order."""
    def key(row: MilestoneFriction) -> tuple:
        return (row.reached == 0, -(row.share_stuck or 0.0), -(row.mean_difficulty or 0.0),
                row.journey_order)
    return sorted(rows, key=key)
