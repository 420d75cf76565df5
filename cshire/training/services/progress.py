"""A new hire's plan and progress: the one place that reads which modules they must
pass, opens a module, and hands work in for review. Every area (lessons, quizzes,
assignments, the sandbox exercise, the home page, sign-off) goes through here.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
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


def plan_modules(enrolment: Enrolment) -> list[tuple[TrainingModule, bool]]:
    """(module, must pass) for every module on the new hire's plan, in curriculum order:
    live required modules, live optional ones (must pass when added for them), and
    archived ones they already have results on (kept, never required)."""
    added = select(AddedModule.module_id).where(AddedModule.enrolment_id == enrolment.id)
    worked_on = select(ModuleProgress.module_id).where(
        ModuleProgress.enrolment_id == enrolment.id)
    modules = db.session.scalars(
        select(TrainingModule)
        .join(JourneyStage, JourneyStage.id == TrainingModule.stage_id)
        .options(contains_eager(TrainingModule.stage))
        .where(TrainingModule.curriculum_id == enrolment.curriculum_id,
               or_(TrainingModule.archived_at.is_(None), TrainingModule.id.in_(worked_on)))
        .order_by(JourneyStage.position, TrainingModule.position, TrainingModule.id)
    ).all()
    added_ids = set(db.session.scalars(added))
    return [(m, not m.is_archived and (m.required or m.id in added_ids)) for m in modules]


def progress_by_module(enrolment: Enrolment) -> dict[int, ModuleProgress]:
    rows = db.session.scalars(
        select(ModuleProgress).where(ModuleProgress.enrolment_id == enrolment.id))
    return {row.module_id: row for row in rows}


def enrolment_steps(enrolment: Enrolment) -> list[Step]:
    """The plan as pure ``Step`` values for the rules (three queries)."""
    progress = progress_by_module(enrolment)
    return [
        Step(module_id=module.id, stage_position=module.stage.position,
             position=module.position, required=must_pass,
             status=progress[module.id].status if module.id in progress
             else ProgressStatus.NOT_STARTED.value,
             due_on=due_on(enrolment.start_date, module.due_days), kind=module.kind)
        for module, must_pass in plan_modules(enrolment)
    ]


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


def new_hire_today(enrolment: Enrolment, organisation_zone: str) -> date:
    """Today's date where the new hire is (their zone, else the organisation's)."""
    zone = enrolment.user.timezone if is_zone(enrolment.user.timezone) else organisation_zone
    return datetime.now(ZoneInfo(zone)).date()
