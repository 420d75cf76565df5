"""Curricula and their modules, as managers shape them.

Editing a curriculum never loses anyone's progress: a module keeps its id for life
(progress, attempts and submissions point at it), a removed module is archived, never
deleted, and moving a module only changes its place. A module's kind cannot change
once a new hire has worked on it (a lesson's "read" is not a quiz's score).

Every change leaves a row in the audit trail; edits of a curriculum or a module made
on a form loaded at an older version are refused (``ensure_current``). Services never
commit: the caller does.
"""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from cshire.audit import Change, diff, ensure_current, record_changes, record_created
from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import (
    Curriculum,
    ModuleKind,
    QuizQuestion,
    TrainingModule,
)
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.journey import Journey, JourneyStage
from cshire.training.models.work import ModuleProgress, ProgressStatus, QuizAttempt, Submission
from cshire.training.rules.progress import unlocked_stages
from cshire.training.services.progress import (
    enrolment_steps,
    ensure_unlocked,
    open_progress,
    plan_modules,
)

MAX_DUE_DAYS = 365
CURRICULUM_FIELDS = ("name_en", "name_ja", "description_en", "description_ja")


# ------------------------------------------------------------------ curricula


@dataclass(frozen=True)
class CurriculumInput:
    name_en: str
    name_ja: str
    description_en: str
    description_ja: str
    journey_id: int | None


def curricula_query() -> Select:
    """Every curriculum with its journey, by name."""
    return (select(Curriculum).options(selectinload(Curriculum.journey))
            .order_by(func.lower(Curriculum.name_en), Curriculum.name_ja, Curriculum.id))


def module_counts(curricula: list[Curriculum]) -> dict[int, tuple[int, int]]:
    """Curriculum id → (live modules, archived modules), in one grouped query."""
    ids = [c.id for c in curricula]
    rows = db.session.execute(
        select(TrainingModule.curriculum_id, TrainingModule.archived_at.is_(None),
               func.count(TrainingModule.id))
        .where(TrainingModule.curriculum_id.in_(ids))
        .group_by(TrainingModule.curriculum_id, TrainingModule.archived_at.is_(None)))
    counts = {i: [0, 0] for i in ids}
    for curriculum_id, live, number in rows:
        counts[curriculum_id][0 if live else 1] = number
    return {i: (live, archived) for i, (live, archived) in counts.items()}


def journeys() -> list[Journey]:
    return list(db.session.scalars(select(Journey).order_by(Journey.name_en, Journey.id)))


def create_curriculum(data: CurriculumInput, *, actor: User | None) -> Curriculum:
    curriculum = Curriculum()
    _apply_curriculum(curriculum, data)
    db.session.add(curriculum)
    db.session.flush()
    record_created(curriculum, actor)
    return curriculum


def update_curriculum(curriculum: Curriculum, data: CurriculumInput, *,
                      version: int | None, actor: User | None) -> Curriculum:
    """Save an edit made on a form loaded at ``version``. The journey changes only
    while the curriculum has no module: modules sit on the journey's stages."""
    ensure_current(curriculum, version)
    before = {**{n: getattr(curriculum, n) for n in CURRICULUM_FIELDS},
              "journey": curriculum.journey.code}
    if data.journey_id != curriculum.journey_id and curriculum.modules:
        raise TrainingError.on_field("journey_id", "journey_locked")
    _apply_curriculum(curriculum, data)
    db.session.flush()
    record_changes(curriculum, {**{n: before[n] for n in CURRICULUM_FIELDS},
                                "journey": Change(before["journey"], curriculum.journey.code)},
                   actor)
    return curriculum


def _apply_curriculum(curriculum: Curriculum, data: CurriculumInput) -> None:
    if not (data.name_en.strip() or data.name_ja.strip()):
        raise TrainingError.on_field("name_en", "curriculum_name_required")
    journey = db.session.get(Journey, data.journey_id or 0)
    if journey is None:
        raise TrainingError.on_field("journey_id", "journey_required")
    curriculum.name_en, curriculum.name_ja = data.name_en.strip(), data.name_ja.strip()
    curriculum.description_en = data.description_en.strip()
    curriculum.description_ja = data.description_ja.strip()
    curriculum.journey = journey


def load_curriculum(curriculum_id: int) -> Curriculum | None:
    return db.session.scalar(
        select(Curriculum).where(Curriculum.id == curriculum_id)
        .options(selectinload(Curriculum.journey).selectinload(Journey.stages)))


# ------------------------------------------------------------------- outline


@dataclass
class StageOutline:
    stage: JourneyStage
    modules: list[TrainingModule] = field(default_factory=list)


@dataclass(frozen=True)
class Outline:
    stages: list[StageOutline]
    archived: list[TrainingModule]
    question_counts: dict[int, int]  # quiz id → live questions


def _modules_query(curriculum: Curriculum) -> Select:
    return (select(TrainingModule)
            .where(TrainingModule.curriculum_id == curriculum.id)
            .options(selectinload(TrainingModule.competencies),
                     selectinload(TrainingModule.stage))
            .order_by(TrainingModule.position, TrainingModule.id))


def outline(curriculum: Curriculum) -> Outline:
    """The curriculum page: live modules under their stage, in the journey's stage
    order, and the archived ones apart (a fixed number of queries)."""
    modules = list(db.session.scalars(_modules_query(curriculum)))
    stages = [StageOutline(stage) for stage in curriculum.journey.stages]
    by_stage = {s.stage.id: s for s in stages}
    for module in modules:
        if not module.is_archived and module.stage_id in by_stage:
            by_stage[module.stage_id].modules.append(module)
    archived = [m for m in modules if m.is_archived]
    counts = dict(db.session.execute(
        select(QuizQuestion.module_id, func.count(QuizQuestion.id))
        .join(TrainingModule)
        .where(TrainingModule.curriculum_id == curriculum.id,
               QuizQuestion.archived_at.is_(None))
        .group_by(QuizQuestion.module_id)).all())
    return Outline(stages, archived, counts)


# -------------------------------------------------------------------- modules


@dataclass(frozen=True)
class ModuleInput:
    kind: str
    stage_id: int | None
    title_en: str
    title_ja: str
    body_en: str = ""
    body_ja: str = ""
    due_days: int | None = 7
    required: bool = True
    competency_ids: tuple[int, ...] = ()
    pass_mark: int | None = None
    max_attempts: int | None = None
    sandbox_url: str = ""


MODULE_FIELDS = ("kind", "title_en", "title_ja", "body_en", "body_ja", "due_days",
                 "required", "pass_mark", "max_attempts", "sandbox_url")


def _audited(module: TrainingModule) -> dict[str, Any]:
    return {**{name: getattr(module, name) for name in MODULE_FIELDS},
            "stage": module.stage.code,
            "competencies": ", ".join(c.code for c in module.competencies)}


def create_module(curriculum: Curriculum, data: ModuleInput, *,
                  actor: User | None) -> TrainingModule:
    """A new module, last of the curriculum (shown last of its stage)."""
    last = db.session.scalar(select(func.max(TrainingModule.position))
                             .where(TrainingModule.curriculum_id == curriculum.id))
    module = TrainingModule(curriculum_id=curriculum.id, position=(last or 0) + 1)
    _apply_module(module, curriculum, data)
    db.session.add(module)
    db.session.flush()
    record_created(module, actor)
    return module


def update_module(module: TrainingModule, data: ModuleInput, *, version: int | None,
                  actor: User | None) -> TrainingModule:
    """Save an edit made on a form loaded at ``version``; the kind is kept once a new
    hire has worked on the module."""
    ensure_current(module, version)
    if module.is_archived:
        raise TrainingError("module_archived")
    if data.kind != module.kind and has_work(module):
        raise TrainingError.on_field("kind", "module_kind_locked")
    before = _audited(module)
    _apply_module(module, module.curriculum, data)
    if record_changes(module, diff(before, _audited(module)), actor):
        module.updated_at = utcnow()  # competencies alone change no column of the row
    db.session.flush()
    return module


def has_work(module: TrainingModule) -> bool:
    """Has any new hire opened, attempted or handed in this module?"""
    return any(db.session.scalar(select(select(model.id).where(
        model.module_id == module.id).exists()))
        for model in (ModuleProgress, QuizAttempt, Submission))


def _apply_module(module: TrainingModule, curriculum: Curriculum, data: ModuleInput) -> None:
    if data.kind not in ModuleKind._value2member_map_:
        raise TrainingError.on_field("kind", "module_kind_invalid")
    stage = db.session.get(JourneyStage, data.stage_id or 0)
    if stage is None or stage.journey_id != curriculum.journey_id:
        raise TrainingError.on_field("stage_id", "module_stage_invalid")
    if not (data.title_en.strip() or data.title_ja.strip()):
        raise TrainingError.on_field("title_en", "module_title_required")
    if data.due_days is None or not 0 <= data.due_days <= MAX_DUE_DAYS:
        raise TrainingError.on_field("due_days", "due_days_range")
    _apply_kind_settings(module, data)
    module.competencies = _competencies(module, data.competency_ids)
    module.kind, module.stage = data.kind, stage
    module.title_en, module.title_ja = data.title_en.strip(), data.title_ja.strip()
    module.body_en, module.body_ja = data.body_en.strip(), data.body_ja.strip()
    module.due_days, module.required = data.due_days, data.required


def _apply_kind_settings(module: TrainingModule, data: ModuleInput) -> None:
    """A quiz's pass mark and attempt limit, a sandbox exercise's URL; the settings of
    other kinds are cleared so they never apply by accident."""
    is_quiz = data.kind == ModuleKind.QUIZ
    if is_quiz and (data.pass_mark is None or not 0 <= data.pass_mark <= 100):
        raise TrainingError.on_field("pass_mark", "pass_mark_required")
    if is_quiz and data.max_attempts is not None and data.max_attempts < 1:
        raise TrainingError.on_field("max_attempts", "max_attempts_range")
    url = data.sandbox_url.strip()
    if data.kind == ModuleKind.SANDBOX and not url.startswith(("http://", "https://")):
        raise TrainingError.on_field("sandbox_url", "sandbox_url_required")
    module.pass_mark = data.pass_mark if is_quiz else None
    module.max_attempts = data.max_attempts if is_quiz else None
    module.sandbox_url = url if data.kind == ModuleKind.SANDBOX else ""


def _competencies(module: TrainingModule, ids: tuple[int, ...]) -> list[Competency]:
    """The chosen competencies: live ones, or archived ones the module already has."""
    wanted = set(ids)
    found = list(db.session.scalars(select(Competency).where(Competency.id.in_(wanted))))
    kept = {c.id for c in module.competencies}
    if len(found) != len(wanted) or any(c.is_archived and c.id not in kept for c in found):
        raise TrainingError.on_field("competency_ids", "competency_unknown")
    return sorted(found, key=lambda c: c.code)


def set_module_archived(module: TrainingModule, archived: bool, *,
                        actor: User | None) -> None:
    """Archive (off every plan, results kept) or restore; a no-op when already so."""
    if module.is_archived == archived:
        return
    record_changes(module, {"archived": Change(module.is_archived, archived)}, actor)
    module.archived_at = utcnow() if archived else None
    db.session.flush()


def move_module(module: TrainingModule, up: bool, *, actor: User | None) -> None:
    """Swap the module with its live neighbour in the same stage (nothing at an end).
    Only positions change: progress and attempts point at the module's id."""
    if module.is_archived:
        raise TrainingError("module_archived")
    siblings = list(db.session.scalars(
        select(TrainingModule).where(TrainingModule.curriculum_id == module.curriculum_id,
                                     TrainingModule.stage_id == module.stage_id,
                                     TrainingModule.archived_at.is_(None))
        .order_by(TrainingModule.position, TrainingModule.id)))
    index = siblings.index(module)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(siblings):
        return
    other = siblings[other_index]
    for row, position in ((module, other.position), (other, module.position)):
        record_changes(row, {"position": Change(row.position, position)}, actor)
    module.position, other.position = other.position, module.position
    db.session.flush()


def load_module(module_id: int) -> TrainingModule | None:
    return db.session.scalar(
        select(TrainingModule).where(TrainingModule.id == module_id)
        .options(selectinload(TrainingModule.competencies),
                 selectinload(TrainingModule.stage),
                 selectinload(TrainingModule.curriculum)))


# -------------------------------------------------------- the new hire's side


def mark_read(enrolment: Enrolment, module: TrainingModule) -> ModuleProgress:
    """The new hire has read the lesson: it counts as passed (once; again is a no-op)."""
    if module.kind != ModuleKind.LESSON:
        raise TrainingError("module_not_in_plan")
    if module.is_archived:
        raise TrainingError("module_archived")
    ensure_unlocked(enrolment, module)
    progress = open_progress(enrolment, module)
    if progress.status != ProgressStatus.PASSED:
        progress.status, progress.passed_at = ProgressStatus.PASSED.value, utcnow()
    db.session.flush()
    return progress


def module_on_plan(enrolment: Enrolment, module_id: int) -> TrainingModule | None:
    """The module when it is on the new hire's plan (live, or archived with their
    results on it); None otherwise, another curriculum's module included."""
    return next((m for m, _must in plan_modules(enrolment) if m.id == module_id), None)


def stage_is_open(enrolment: Enrolment, module: TrainingModule) -> bool:
    return module.stage.position in unlocked_stages(enrolment_steps(enrolment))
