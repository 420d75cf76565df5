"""Journey conversion metrics from account histories — the formulas of the README,
as pure functions.

Everything is computed as known on the **as-of** date: events dated after it are left
out (so a period still running is measured up to that day). For a period and each pair
of adjacent stages i → i+1:

- **entered**: accounts whose *first ever* entry into stage i falls in the period (an
  account that re-enters stage i in the period after a first entry before it is not
  counted again);
- **converted**: those of them with an entry into stage i+1 on or after that first entry
  (CRM exports give days, so the same day counts), no later than the as-of date and,
  with a window of W days, no later than W days after the first entry into stage i;
- **conversion rate**: converted / entered, ``None`` (blank) when entered is 0;
- **median days in stage i**: over the converted accounts, the days from the first entry
  into stage i to that entry into stage i+1.

**Churn rate** for a period: of the accounts *active at its start* (their last event
before the start is a stage entry, not a churn), the share with a churn event in the
period; ``None`` when none was active.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from statistics import median

from cshire.evaluations.rules.periods import Period

CHURNED = "churned"


@dataclass(frozen=True)
class AccountHistory:
    """One account's events: (stage code or "churned", day), in any order."""

    account_id: int
    owner_id: int
    events: tuple[tuple[str, date], ...]

    def first_entry(self, stage: str) -> date | None:
        return min((day for code, day in self.events if code == stage), default=None)

    def entries(self, stage: str) -> list[date]:
        return sorted(day for code, day in self.events if code == stage)


@dataclass
class StepMetric:
    from_stage: str
    to_stage: str
    entered: int = 0
    converted: int = 0
    days: list[int] = field(default_factory=list)  # per converted account

    @property
    def rate(self) -> float | None:
        return self.converted / self.entered if self.entered else None

    @property
    def median_days(self) -> float | None:
        return median(self.days) if self.days else None

    def add(self, other: "StepMetric") -> None:
        self.entered += other.entered
        self.converted += other.converted
        self.days += other.days


@dataclass(frozen=True)
class ChurnMetric:
    churned: int
    active_at_start: int

    @property
    def rate(self) -> float | None:
        return self.churned / self.active_at_start if self.active_at_start else None


def conversion_day(history: AccountHistory, from_stage: str, to_stage: str, *,
                   as_of: date, window_days: int | None) -> date | None:
    """The day the account moved on from its first entry into ``from_stage``, if it did
    within the rules above."""
    start = history.first_entry(from_stage)
    if start is None:
        return None
    latest = as_of if window_days is None else min(as_of, start + timedelta(days=window_days))
    return next((day for day in history.entries(to_stage) if start <= day <= latest), None)


def known_on(history: AccountHistory, as_of: date) -> AccountHistory:
    """The account as the CRM knew it on ``as_of``."""
    return AccountHistory(history.account_id, history.owner_id,
                          tuple(event for event in history.events if event[1] <= as_of))


def step_metrics(histories: Iterable[AccountHistory], stages: Sequence[str], period: Period,
                 *, as_of: date, window_days: int | None = None) -> list[StepMetric]:
    """One ``StepMetric`` per adjacent pair of ``stages`` (codes in journey order)."""
    steps = [StepMetric(a, b) for a, b in pairwise(stages)]
    for history in histories:
        history = known_on(history, as_of)
        for step in steps:
            first = history.first_entry(step.from_stage)
            if first is None or first not in period:
                continue
            step.entered += 1
            moved_on = conversion_day(history, step.from_stage, step.to_stage,
                                      as_of=as_of, window_days=window_days)
            if moved_on is not None:
                step.converted += 1
                step.days.append((moved_on - first).days)
    return steps


def churn(histories: Iterable[AccountHistory], period: Period,
          as_of: date | None = None) -> ChurnMetric:
    active = churned = 0
    for history in histories:
        if as_of is not None:
            history = known_on(history, as_of)
        before = sorted((day, code == CHURNED) for code, day in history.events
                        if day < period.start)
        if not before or before[-1][1]:
            continue  # not yet a customer, or already churned, at the start
        active += 1
        churned += any(code == CHURNED and day in period for code, day in history.events)
    return ChurnMetric(churned, active)


def weakest_step(steps: Sequence[StepMetric]) -> StepMetric | None:
    """The step with the lowest conversion rate among those with accounts entering it
    (the earlier step on a tie)."""
    measured = [s for s in steps if s.rate is not None]
    return min(measured, key=lambda s: s.rate) if measured else None


def combined(per_owner: Iterable[Sequence[StepMetric]]) -> list[StepMetric]:
    """The team's steps: every owner's counts added up."""
    total: list[StepMetric] = []
    for steps in per_owner:
        if not total:
            total = [StepMetric(s.from_stage, s.to_stage) for s in steps]
        for into, step in zip(total, steps, strict=True):
            into.add(step)
    return total
