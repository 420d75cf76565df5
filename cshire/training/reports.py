"""Data for training's PDFs: the new hire's training record (modules and results, the
sandbox exercise's milestones and reflection, the field-readiness sign-off)."""

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from cshire.extensions import db
from cshire.training.models.curriculum import TrainingModule
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.journey import JourneyStage, Milestone
from cshire.training.models.sandbox import SandboxRecord, SandboxReflection
from cshire.training.models.work import QuizAttempt, Submission
from cshire.training.services.readiness import EnrolmentStatus


@dataclass(frozen=True)
class ModuleResult:
    """What a module's row shows besides its status: a quiz's best score and attempts,
    or the last round handed in and the mentor's outcome."""

    best_score: float | None = None
    attempts: int = 0
    rounds: int = 0
    outcome: str | None = None  # of the last round; None while awaiting review


def module_results(enrolment: Enrolment) -> dict[int, ModuleResult]:
    """Module id → result, in two queries."""
    quizzes = {m: (best, n) for m, best, n in db.session.execute(
        select(QuizAttempt.module_id, func.max(QuizAttempt.score), func.count(QuizAttempt.id))
        .where(QuizAttempt.enrolment_id == enrolment.id,
               QuizAttempt.submitted_at.is_not(None))
        .group_by(QuizAttempt.module_id))}
    last_rounds: dict[int, tuple[int, str | None]] = {}
    for module_id, number, outcome in db.session.execute(
        select(Submission.module_id, Submission.round, Submission.outcome)
        .where(Submission.enrolment_id == enrolment.id).order_by(Submission.round)
    ):
        last_rounds[module_id] = (number, outcome)
    results = {}
    for module_id in quizzes.keys() | last_rounds.keys():
        best, attempts = quizzes.get(module_id, (None, 0))
        rounds, outcome = last_rounds.get(module_id, (0, None))
        results[module_id] = ModuleResult(best, attempts, rounds, outcome)
    return results


@dataclass
class SandboxSummary:
    """One sandbox exercise: its milestone records (in journey order) and reflection."""

    module: TrainingModule
    records: list[SandboxRecord] = field(default_factory=list)
    reflection: SandboxReflection | None = None


def sandbox_summaries(enrolment: Enrolment) -> list[SandboxSummary]:
    """Read the sandbox rows directly (two queries)."""
    summaries: dict[int, SandboxSummary] = {}
    records = db.session.scalars(
        select(SandboxRecord).where(SandboxRecord.enrolment_id == enrolment.id)
        .join(Milestone, SandboxRecord.milestone_id == Milestone.id)
        .join(JourneyStage, Milestone.stage_id == JourneyStage.id)
        .options(joinedload(SandboxRecord.module),
                 joinedload(SandboxRecord.milestone).joinedload(Milestone.stage))
        .order_by(SandboxRecord.module_id, JourneyStage.position, Milestone.position))
    for record in records:
        summaries.setdefault(record.module_id, SandboxSummary(record.module)) \
            .records.append(record)
    for reflection in db.session.scalars(
        select(SandboxReflection).where(SandboxReflection.enrolment_id == enrolment.id)
        .options(joinedload(SandboxReflection.module))
    ):
        summaries.setdefault(reflection.module_id, SandboxSummary(reflection.module)) \
            .reflection = reflection
    return sorted(summaries.values(), key=lambda s: (s.module.position, s.module.id))


@dataclass
class TrainingRecord:
    status: EnrolmentStatus
    results: dict[int, ModuleResult]
    sandboxes: list[SandboxSummary]
    by_stage: dict[int, list] = field(default_factory=lambda: defaultdict(list))


def training_record(status: EnrolmentStatus) -> TrainingRecord:
    """Everything the record prints, the plan's modules grouped by stage."""
    enrolment = status.enrolment
    record = TrainingRecord(status, module_results(enrolment), sandbox_summaries(enrolment))
    for step in status.steps:
        record.by_stage[step.stage_position].append(step)
    return record
