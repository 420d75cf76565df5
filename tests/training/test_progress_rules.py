"""Stages unlock in order; due dates; readiness (cshire/training/rules/progress.py)."""

from datetime import date

from cshire.training.rules.progress import (
    Step,
    due_on,
    is_overdue,
    is_ready,
    next_step,
    stage_progress,
    unlocked_stages,
)

START = date(2026, 4, 1)


def _step(module_id, stage, status="not_started", required=True, due_days=7):
    return Step(module_id=module_id, stage_position=stage, position=module_id,
                required=required, status=status, due_on=due_on(START, due_days))


def test_the_first_stage_is_open_and_the_next_opens_when_its_required_modules_pass():
    plan = [_step(1, 1, "passed"), _step(2, 1), _step(3, 2), _step(4, 3)]
    assert unlocked_stages(plan) == {1}
    plan[1] = _step(2, 1, "passed")
    assert unlocked_stages(plan) == {1, 2}


def test_an_optional_module_does_not_hold_the_next_stage_back():
    plan = [_step(1, 1, "passed"), _step(2, 1, required=False), _step(3, 2)]
    assert unlocked_stages(plan) == {1, 2}


def test_a_module_is_overdue_the_day_after_its_due_date_unless_passed():
    step = _step(1, 1, due_days=2)
    assert step.due_on == date(2026, 4, 3)
    assert not is_overdue(step, date(2026, 4, 3))
    assert is_overdue(step, date(2026, 4, 4))
    assert not is_overdue(_step(1, 1, "passed", due_days=2), date(2026, 4, 4))


def test_progress_per_stage_counts_required_modules_passed():
    plan = [_step(1, 1, "passed"), _step(2, 1), _step(3, 1, required=False), _step(4, 2)]
    first, second = stage_progress(plan)
    assert (first.passed, first.total, first.percent, first.unlocked) == (1, 2, 50, True)
    assert (second.passed, second.total, second.unlocked) == (0, 1, False)


def test_next_step_and_readiness():
    plan = [_step(1, 1, "passed"), _step(2, 1, "submitted"), _step(3, 2)]
    assert next_step(plan).module_id == 2
    assert not is_ready(plan)
    done = [_step(1, 1, "passed"), _step(2, 1, "passed"), _step(3, 2, "passed"),
            _step(4, 2, required=False)]
    assert is_ready(done)
    assert next_step(done) is None
    assert not is_ready([])
