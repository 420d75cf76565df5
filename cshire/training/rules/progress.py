"""Where a new hire stands: due dates, which stages are open, progress per stage and
field readiness — from plain values, so each rule is tested without a database.

Stages unlock in order: the first is always open; a later one opens once every module
the new hire must pass in all earlier stages is passed. A module is due ``due_days``
after the enrolment's start date; "today" is the new hire's own date (their time zone),
so a module due on the 3rd is overdue on the 4th wherever they are.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

PASSED = "passed"
NOT_STARTED = "not_started"


@dataclass(frozen=True)
class Step:
    """One module on a new hire's plan."""

    module_id: int
    stage_position: int
    position: int
    required: bool  # must be passed (required in the curriculum, or added for them)
    status: str  # a ProgressStatus value; "not_started" when there is no row yet
    due_on: date
    kind: str = ""

    @property
    def passed(self) -> bool:
        return self.status == PASSED


@dataclass(frozen=True)
class StageProgress:
    stage_position: int
    passed: int
    total: int
    unlocked: bool

    @property
    def percent(self) -> int:
        return round(100 * self.passed / self.total) if self.total else 100


def due_on(start_date: date, due_days: int) -> date:
    return start_date + timedelta(days=due_days)


def unlocked_stages(steps: Iterable[Step]) -> set[int]:
    """The stage positions the new hire may work in."""
    steps = list(steps)
    positions = sorted({s.stage_position for s in steps})
    unlocked: set[int] = set()
    for position in positions:
        unlocked.add(position)
        if any(s.required and not s.passed for s in steps if s.stage_position == position):
            break
    return unlocked or set(positions[:1])


def is_overdue(step: Step, today: date) -> bool:
    return not step.passed and step.due_on < today


def is_due_soon(step: Step, today: date, within_days: int = 3) -> bool:
    return not step.passed and today <= step.due_on <= today + timedelta(days=within_days)


def stage_progress(steps: Sequence[Step]) -> list[StageProgress]:
    """Required modules passed per stage, in stage order."""
    unlocked = unlocked_stages(steps)
    result = []
    for position in sorted({s.stage_position for s in steps}):
        required = [s for s in steps if s.stage_position == position and s.required]
        result.append(StageProgress(position, sum(s.passed for s in required),
                                    len(required), position in unlocked))
    return result


def next_step(steps: Sequence[Step]) -> Step | None:
    """The first module not yet passed in an open stage, in curriculum order."""
    unlocked = unlocked_stages(steps)
    ordered = sorted(steps, key=lambda s: (s.stage_position, s.position))
    return next((s for s in ordered if s.stage_position in unlocked and not s.passed
                 and s.required), None)


def is_ready(steps: Sequence[Step]) -> bool:
    """Field-ready: every module the new hire must pass is passed (a sandbox exercise is
    passed when the mentor approved it)."""
    required = [s for s in steps if s.required]
    return bool(required) and all(s.passed for s in required)
