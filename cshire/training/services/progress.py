"""A new hire's plan and progress: the one place that reads which modules they must
pass, opens a module, and hands work in for review. Every area (lessons, quizzes,
assignments, the sandbox exercise, the home page, sign-off) goes through here.
"""

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from cshire.extensions import db
from cshire.timezones import is_zone
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import TrainingModule
from cshire.training.models.enrolments import AddedModule, Enrolment
from cshire.training.models.journey import JourneyStage
from cshire.training.models.work import ModuleProgress, ProgressStatus, Submission
from cshire.training.rules.progress import Step, due_on, unlocked_stages
from cshire.uploads import StoredFile


def curriculum_modules_query(curriculum_ids):
    """Every module of these curricula with its stage, in plan order (stage, then
    position) — archived ones included: ``plan_steps`` decides which a new hire keeps."""
    return (
        select(TrainingModule)
        .join(JourneyStage, JourneyStage.id == TrainingModule.stage_id)
        .options(contains_eager(TrainingModule.stage))
        .where(TrainingModule.curriculum_id.in_(list(curriculum_ids)))
        .order_by(JourneyStage.position, TrainingModule.position, TrainingModule.id)
    )


class PlanModule(NamedTuple):
    """What the plan rule reads of a module, read once: a manager's home page applies
    the rule to hundreds of enrolments of the same few curricula."""

    id: int
    curriculum_id: int
    stage_position: int
    position: int
    archived: bool
    required: bool
    due_days: int
    kind: str

    @classmethod
    def of(cls, module: TrainingModule) -> "PlanModule":
        return cls(module.id, module.curriculum_id, module.stage.position, module.position,
                   module.is_archived, module.required, module.due_days, module.kind)


def plan_steps(enrolment: Enrolment, modules: Sequence[PlanModule],
               statuses: Mapping[int, str], added_ids: Collection[int]) -> list[Step]:
    """THE plan rule: live modules, and archived ones the new hire has results on (kept,
    never required); must pass = required in the curriculum or added for them.
    ``statuses``: module id → progress status of this enrolment."""
    start, not_started = enrolment.start_date, ProgressStatus.NOT_STARTED.value
    return [
        Step(module_id=module.id, stage_position=module.stage_position,
             position=module.position,
             required=not module.archived and (module.required or module.id in added_ids),
             status=statuses.get(module.id, not_started),
             due_on=due_on(start, module.due_days), kind=module.kind)
        for module in modules
        if module.curriculum_id == enrolment.curriculum_id
        and (not module.archived or module.id in statuses)
    ]


def plan_modules(enrolment: Enrolment) -> list[tuple[TrainingModule, bool]]:
    """(module, must pass) for every module on the new hire's plan, in plan order."""
    modules = {m.id: m for m in db.session.scalars(
        curriculum_modules_query([enrolment.curriculum_id]))}
    steps = plan_steps(enrolment, [PlanModule.of(m) for m in modules.values()],
                       _statuses(enrolment), _added_ids(enrolment))
    return [(modules[step.module_id], step.required) for step in steps]


def _statuses(enrolment: Enrolment) -> dict[int, str]:
    return dict(db.session.execute(
        select(ModuleProgress.module_id, ModuleProgress.status)
        .where(ModuleProgress.enrolment_id == enrolment.id)).all())


def _added_ids(enrolment: Enrolment) -> set[int]:
    return set(db.session.scalars(
        select(AddedModule.module_id).where(AddedModule.enrolment_id == enrolment.id)))


def progress_by_module(enrolment: Enrolment) -> dict[int, ModuleProgress]:
    rows = db.session.scalars(
        select(ModuleProgress).where(ModuleProgress.enrolment_id == enrolment.id))
    return {row.module_id: row for row in rows}


def enrolment_steps(enrolment: Enrolment) -> list[Step]:
    """The plan as pure ``Step`` values for the rules (three queries)."""
    modules = db.session.scalars(curriculum_modules_query([enrolment.curriculum_id]))
    return plan_steps(enrolment, [PlanModule.of(m) for m in modules], _statuses(enrolment),
                      _added_ids(enrolment))


def ensure_unlocked(enrolment: Enrolment, module: TrainingModule) -> None:
    """Refuse work on a module of a stage that is not open yet, or of another
    curriculum."""
    if module.curriculum_id != enrolment.curriculum_id:
        raise TrainingError("module_not_in_plan")
    if module.stage.position not in unlocked_stages(enrolment_steps(enrolment)):
        raise TrainingError("stage_locked")


def open_progress(enrolment: Enrolment, module: TrainingModule) -> ModuleProgress:
    """The new hire's progress row on ``module``, created (in progress) on first use."""
    row = db.session.scalar(select(ModuleProgress).where(
        ModuleProgress.enrolment_id == enrolment.id, ModuleProgress.module_id == module.id))
    if row is None:
        row = ModuleProgress(enrolment_id=enrolment.id, module_id=module.id,
                             status=ProgressStatus.IN_PROGRESS.value)
        db.session.add(row)
        db.session.flush()
    return row


def submissions(enrolment: Enrolment, module: TrainingModule) -> list[Submission]:
    """Every round handed in, oldest first."""
    return list(db.session.scalars(
        select(Submission)
        .where(Submission.enrolment_id == enrolment.id, Submission.module_id == module.id)
        .order_by(Submission.round)))


def hand_in(enrolment: Enrolment, module: TrainingModule, *, text: str = "",
            file: StoredFile | None = None, snapshot: dict | None = None) -> Submission:
    """A new round for the mentor's review. Refused while an earlier round awaits review
    or once the module is passed."""
    progress = open_progress(enrolment, module)
    if progress.status == ProgressStatus.PASSED:
        raise TrainingError("already_passed")
    if progress.status == ProgressStatus.SUBMITTED:
        raise TrainingError("awaiting_review")
    last_round = db.session.scalar(
        select(func.max(Submission.round))
        .where(Submission.enrolment_id == enrolment.id, Submission.module_id == module.id))
    submission = Submission(enrolment_id=enrolment.id, module_id=module.id,
                            round=(last_round or 0) + 1, text=text, file=file,
                            snapshot=snapshot)
    db.session.add(submission)
    progress.status = ProgressStatus.SUBMITTED.value
    db.session.flush()
    return submission


def today_where(own_zone: str | None, organisation_zone: str) -> date:
    """Today's date in a person's own zone, else the organisation's."""
    zone = own_zone if is_zone(own_zone) else organisation_zone
    return datetime.now(ZoneInfo(zone)).date()


def new_hire_today(enrolment: Enrolment, organisation_zone: str) -> date:
    """Today's date where the new hire is (their zone, else the organisation's)."""
    return today_where(enrolment.user.timezone, organisation_zone)
