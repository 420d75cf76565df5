"""Where each new hire stands (their plan as rule values: due, overdue, progress per
stage, readiness) — for many enrolments at once in a fixed number of queries — and the
field-readiness sign-off by the mentor or a manager.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from sqlalchemy import Select, and_, case, func, or_, select

from cshire.audit import Change, ensure_current, record_changes
from cshire.auth.messages import role_field
from cshire.auth.models import Role, User
from cshire.auth.services import set_roles
from cshire.database import utcnow
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import TrainingModule
from cshire.training.models.enrolments import AddedModule, Cohort, Enrolment
from cshire.training.models.journey import JourneyStage
from cshire.training.models.work import ModuleProgress, ProgressStatus, Submission
from cshire.training.rules.progress import (
    StageProgress,
    Step,
    due_on,
    is_due_soon,
    is_overdue,
    is_ready,
    next_step,
    stage_progress,
)
from cshire.training.services.access import can_supervise_enrolment
from cshire.training.services.progress import (
    PlanModule,
    curriculum_modules_query,
    enrolment_steps,
    new_hire_today,
    plan_steps,
    today_where,
)

DUE_SOON_DAYS = 3


@dataclass
class EnrolmentStatus:
    """One enrolment's plan as rule values, with what the pages show of it."""

    enrolment: Enrolment
    steps: list[Step]
    modules: dict[int, TrainingModule]  # the plan's modules by id
    today: date  # the new hire's own date
    awaiting_review: int = 0

    @cached_property
    def required(self) -> list[Step]:
        return [s for s in self.steps if s.required]

    @cached_property
    def overdue(self) -> list[Step]:
        return [s for s in self.required if is_overdue(s, self.today)]

    @cached_property
    def due_soon(self) -> list[Step]:
        return [s for s in self.required if is_due_soon(s, self.today, DUE_SOON_DAYS)]

    @cached_property
    def stages(self) -> list[tuple[JourneyStage, StageProgress]]:
        by_position = {m.stage.position: m.stage for m in self.modules.values()}
        return [(by_position[p.stage_position], p) for p in stage_progress(self.steps)]

    @property
    def next(self) -> Step | None:
        return next_step(self.steps)

    @property
    def ready(self) -> bool:
        return is_ready(self.steps)

    @property
    def passed_count(self) -> int:
        return sum(s.passed for s in self.required)

    @property
    def percent(self) -> int:
        total = len(self.required)
        return round(100 * self.passed_count / total) if total else 0


def statuses_of(enrolments: Sequence[Enrolment], organisation_zone: str,
                ) -> list[EnrolmentStatus]:
    """Where each enrolment stands, in four queries however many there are (the
    batch form of ``progress.enrolment_steps``, with the same plan rule: live modules,
    and archived ones the new hire has results on; must pass = required or added).
    The enrolments' users must be loaded (their time zone gives "today")."""
    if not enrolments:
        return []
    ids = [e.id for e in enrolments]
    modules_by_curriculum: dict[int, list[TrainingModule]] = defaultdict(list)
    plan_modules_by_curriculum: dict[int, list[PlanModule]] = defaultdict(list)
    for module in db.session.scalars(
            curriculum_modules_query({e.curriculum_id for e in enrolments})):
        modules_by_curriculum[module.curriculum_id].append(module)
        plan_modules_by_curriculum[module.curriculum_id].append(PlanModule.of(module))
    statuses: dict[int, dict[int, str]] = defaultdict(dict)
    for enrolment_id, module_id, status in db.session.execute(
            select(ModuleProgress.enrolment_id, ModuleProgress.module_id, ModuleProgress.status)
            .where(ModuleProgress.enrolment_id.in_(ids))):
        statuses[enrolment_id][module_id] = status
    added: dict[int, set[int]] = defaultdict(set)
    for enrolment_id, module_id in db.session.execute(
            select(AddedModule.enrolment_id, AddedModule.module_id)
            .where(AddedModule.enrolment_id.in_(ids))):
        added[enrolment_id].add(module_id)
    waiting = dict(db.session.execute(
        select(Submission.enrolment_id, func.count(Submission.id))
        .where(Submission.enrolment_id.in_(ids), Submission.reviewed_at.is_(None))
        .group_by(Submission.enrolment_id)).all())
    result = []
    for enrolment in enrolments:
        modules = modules_by_curriculum[enrolment.curriculum_id]
        steps = plan_steps(enrolment, plan_modules_by_curriculum[enrolment.curriculum_id],
                           statuses[enrolment.id], added[enrolment.id])
        on_plan = {step.module_id for step in steps}
        result.append(EnrolmentStatus(
            enrolment, steps, {m.id: m for m in modules if m.id in on_plan},
            new_hire_today(enrolment, organisation_zone), waiting.get(enrolment.id, 0)))
    return result




@dataclass
class CohortSummary:
    cohort: Cohort
    statuses: list[EnrolmentStatus] = field(default_factory=list)

    @property
    def behind(self) -> list[EnrolmentStatus]:
        return [s for s in self.statuses if s.overdue]


def cohort_summaries(statuses: Sequence[EnrolmentStatus]) -> list[CohortSummary]:
    """The cohorts among ``statuses``, newest start first, with who is behind."""
    cohorts: dict[int, CohortSummary] = {}
    for status in statuses:
        cohort = status.enrolment.cohort
        if cohort is not None:
            cohorts.setdefault(cohort.id, CohortSummary(cohort)).statuses.append(status)
    return sorted(cohorts.values(), key=lambda c: (c.cohort.start_date, c.cohort.id),
                  reverse=True)



# ------------------------------------------------------------------------ sign-off


@dataclass(frozen=True)
class SignOffInput:
    signed_on: date | None
    note: str = ""
    make_csm: bool = False  # change their role from new hire to CSM


def sign_off(enrolment: Enrolment, data: SignOffInput, *, version: int | None,
             actor: User) -> Enrolment:
    """Declare the new hire ready for the field: every module they must pass is passed
    (a sandbox exercise once approved). Optionally their role changes from new hire to
    CSM, recorded in the user's own audit trail as an admin's edit would be."""
    if not can_supervise_enrolment(actor, enrolment):
        raise TrainingError("not_a_supervisor")
    ensure_current(enrolment, version)
    if enrolment.is_signed_off:
        raise TrainingError("already_signed_off", date=str(enrolment.signed_off_on))
    if not is_ready(enrolment_steps(enrolment)):
        raise TrainingError("not_ready")
    if data.signed_on is None:
        raise TrainingError.on_field("signed_on", "sign_off_date_required")
    before = {"signed_off_on": None, "sign_off_note": "", "promoted_to_csm": False}
    enrolment.signed_off_at = utcnow()
    enrolment.signed_off_on = data.signed_on
    enrolment.signed_off_by = actor
    enrolment.sign_off_note = data.note.strip()
    enrolment.promoted_to_csm = data.make_csm
    record_changes(enrolment, before, actor)
    if data.make_csm:
        _make_csm(enrolment.user, actor)
    db.session.flush()
    return enrolment


def _make_csm(user: User, actor: User) -> None:
    held = user.roles
    roles = (held - {Role.NEW_HIRE}) | {Role.CSM}
    set_roles(user, set(roles))
    record_changes(user, {role_field(r): Change(r in held, r in roles)
                          for r in (Role.NEW_HIRE, Role.CSM)}, actor,
                   "field-readiness sign-off")


@dataclass(frozen=True)
class PlanCount:
    """One enrolment's plan counted by the database: modules the new hire must pass,
    how many are passed, and the earliest due day (days after the start) of those not
    passed yet."""

    enrolment_id: int
    start_date: date
    timezone: str | None  # the new hire's own zone, if they chose one
    must_pass: int
    passed: int
    first_open_due_days: int | None

    @property
    def ready(self) -> bool:
        return self.must_pass > 0 and self.passed == self.must_pass

    def behind(self, organisation_zone: str) -> bool:
        """A module is overdue on the new hire's own date."""
        if self.first_open_due_days is None:
            return False
        today = today_where(self.timezone, organisation_zone)
        return due_on(self.start_date, self.first_open_due_days) < today


def plan_counts(enrolments: Select) -> list[PlanCount]:
    """``PlanCount`` of each enrolment ``enrolments`` selects, in one query however many
    there are — the plan rule of ``progress.plan_steps`` (live modules that are required
    or added for them) counted in SQL, for the home page's to-dos: a manager with
    hundreds of new hires in training must not load every progress row."""
    chosen = enrolments.with_only_columns(Enrolment.id).scalar_subquery()
    added = select(AddedModule.id).where(AddedModule.enrolment_id == Enrolment.id,
                                         AddedModule.module_id == TrainingModule.id).exists()
    passed = select(ModuleProgress.id).where(
        ModuleProgress.enrolment_id == Enrolment.id, ModuleProgress.module_id == TrainingModule.id,
        ModuleProgress.status == ProgressStatus.PASSED.value).exists()
    rows = db.session.execute(
        select(Enrolment.id, Enrolment.start_date, User.timezone,
               func.count(TrainingModule.id),
               func.count(TrainingModule.id).filter(passed),
               func.min(case((~passed, TrainingModule.due_days))))
        .join(User, User.id == Enrolment.user_id)
        .outerjoin(TrainingModule, and_(
            TrainingModule.curriculum_id == Enrolment.curriculum_id,
            TrainingModule.archived_at.is_(None), or_(TrainingModule.required, added)))
        .where(Enrolment.id.in_(chosen))
        .group_by(Enrolment.id, Enrolment.start_date, User.timezone))
    return [PlanCount(*row) for row in rows]
