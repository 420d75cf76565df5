"""The sandbox exercise: the new hire walks the customer journey in the product and
records, milestone by milestone, how it went (status, time, difficulty, where exactly
they got stuck, evidence), then reflects and hands the whole in for the mentor's review.

Only the new hire records their own exercise. While a round awaits review or once the
exercise is approved, the records are locked; after "changes requested" they are
editable again. Each round handed in keeps a snapshot of the records and reflection as
they were, so later edits never change what the mentor reviewed.

Evidence files live in the database (``cshire.uploads``). A replaced or removed file is
deleted unless a handed-in round still shows it: nothing is left that nobody can reach
through a record or a round.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cshire.audit import ensure_current
from cshire.auth.models import User
from cshire.errors import Problem
from cshire.extensions import db
from cshire.i18n import localized
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import ModuleKind, TrainingModule
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.journey import JourneyStage, Milestone
from cshire.training.models.sandbox import MilestoneStatus, SandboxRecord, SandboxReflection
from cshire.training.models.work import ModuleProgress, ProgressStatus, Submission
from cshire.training.services.progress import ensure_unlocked, hand_in, open_progress, submissions
from cshire.uploads import StoredFile, check_upload, store

REFLECTION_FIELDS = ("what_was_hard", "where_stuck", "tell_customers", "improvement")
# Where a record's parts go in the form (problems name these fields).
EVIDENCE_FILE_FIELD = "evidence_file"
LOCKED_STATUSES = frozenset({ProgressStatus.SUBMITTED.value, ProgressStatus.PASSED.value})


@dataclass(frozen=True)
class RecordInput:
    status: str
    minutes_spent: int | None = None
    difficulty: int | None = None
    stuck_note: str = ""
    evidence_url: str = ""
    remove_file: bool = False


@dataclass(frozen=True)
class EvidenceUpload:
    """A file as it arrived (checked by its bytes in ``record_milestone``)."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class ReflectionInput:
    what_was_hard: str = ""
    where_stuck: str = ""
    tell_customers: str = ""
    improvement: str = ""


def load_exercise(enrolment_id: int, module_id: int) -> tuple[Enrolment, TrainingModule] | None:
    """The enrolment and its sandbox module, or None when either is missing, the module
    is not a sandbox exercise or belongs to another curriculum."""
    enrolment = db.session.get(Enrolment, enrolment_id)
    module = db.session.get(TrainingModule, module_id)
    if enrolment is None or module is None or module.kind != ModuleKind.SANDBOX \
            or module.curriculum_id != enrolment.curriculum_id:
        return None
    return enrolment, module


def journey_stages(module: TrainingModule) -> list[JourneyStage]:
    """The stages of the module's journey, with their milestones, in order."""
    return list(db.session.scalars(
        select(JourneyStage).options(selectinload(JourneyStage.milestones))
        .where(JourneyStage.journey_id == module.curriculum.journey_id)
        .order_by(JourneyStage.position)))


def records_by_milestone(enrolment: Enrolment, module: TrainingModule) -> dict[int, SandboxRecord]:
    rows = db.session.scalars(
        select(SandboxRecord).options(selectinload(SandboxRecord.evidence_file))
        .where(SandboxRecord.enrolment_id == enrolment.id, SandboxRecord.module_id == module.id))
    return {row.milestone_id: row for row in rows}


def reflection_of(enrolment: Enrolment, module: TrainingModule) -> SandboxReflection | None:
    return db.session.scalar(select(SandboxReflection).where(
        SandboxReflection.enrolment_id == enrolment.id, SandboxReflection.module_id == module.id))


def progress_status(enrolment: Enrolment, module: TrainingModule) -> str:
    """The new hire's status on the exercise ("not_started" before any record)."""
    status = db.session.scalar(select(ModuleProgress.status).where(
        ModuleProgress.enrolment_id == enrolment.id, ModuleProgress.module_id == module.id))
    return status or ProgressStatus.NOT_STARTED.value


def is_locked(status: str) -> bool:
    """Read-only while a round awaits review and once approved."""
    return status in LOCKED_STATUSES


def _ensure_may_record(enrolment: Enrolment, module: TrainingModule, actor: User) -> None:
    if enrolment.user_id != actor.id:
        raise TrainingError("sandbox_not_yours")
    ensure_unlocked(enrolment, module)
    if is_locked(open_progress(enrolment, module).status):
        raise TrainingError("sandbox_locked")


def _milestone_of(module: TrainingModule, milestone_id: int) -> Milestone:
    milestone = db.session.get(Milestone, milestone_id)
    if milestone is None or milestone.stage.journey_id != module.curriculum.journey_id:
        raise TrainingError("milestone_not_in_journey")
    return milestone


def _record_problems(data: RecordInput) -> list[Problem]:
    """What a record still needs: a known status; time and difficulty when the
    milestone was tried; where exactly when stuck; a web link as the evidence link."""
    problems = []
    if data.status not in {s.value for s in MilestoneStatus}:
        problems.append(Problem("milestone_status_required", field="status"))
    tried = data.status in (MilestoneStatus.DONE, MilestoneStatus.STUCK)
    if tried and data.minutes_spent is None:
        problems.append(Problem("minutes_required", field="minutes_spent"))
    if tried and data.difficulty is None:
        problems.append(Problem("difficulty_required", field="difficulty"))
    if data.status == MilestoneStatus.STUCK and not data.stuck_note.strip():
        problems.append(Problem("stuck_note_required", field="stuck_note"))
    if data.evidence_url.strip() and not is_web_link(data.evidence_url.strip()):
        problems.append(Problem("evidence_url_not_web", field="evidence_url"))
    return problems


def is_web_link(url: str) -> bool:
    """http(s) with a host: never ``javascript:`` or ``data:`` behind an evidence link."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def record_milestone(enrolment: Enrolment, module: TrainingModule, milestone_id: int,
                     data: RecordInput, upload: EvidenceUpload | None = None, *,
                     version: int | None, actor: User) -> SandboxRecord:
    """Create or update the new hire's record of one milestone. A bad file (empty, too
    big, not an image or PDF by its bytes) refuses the whole save: nothing is stored."""
    _ensure_may_record(enrolment, module, actor)
    milestone = _milestone_of(module, milestone_id)
    if problems := _record_problems(data):
        raise TrainingError("sandbox_record_incomplete", *problems)
    checked = check_upload(upload.filename, upload.data, field=EVIDENCE_FILE_FIELD) \
        if upload is not None else None
    record = db.session.scalar(select(SandboxRecord).where(
        SandboxRecord.enrolment_id == enrolment.id, SandboxRecord.module_id == module.id,
        SandboxRecord.milestone_id == milestone.id))
    if record is None:
        record = SandboxRecord(enrolment_id=enrolment.id, module_id=module.id,
                               milestone_id=milestone.id)
        db.session.add(record)
    else:
        ensure_current(record, version)
    tried = data.status != MilestoneStatus.SKIPPED
    record.status = data.status
    record.minutes_spent = data.minutes_spent if tried else None
    record.difficulty = data.difficulty if tried else None
    record.stuck_note = data.stuck_note.strip() if data.status == MilestoneStatus.STUCK else ""
    record.evidence_url = data.evidence_url.strip()
    old_file = record.evidence_file
    if checked is not None:
        record.evidence_file = store(checked, actor.id)
    elif data.remove_file:
        record.evidence_file = None
    if old_file is not None and record.evidence_file is not old_file:
        _discard_unless_handed_in(enrolment, module, old_file)
    db.session.flush()
    return record


def _discard_unless_handed_in(enrolment: Enrolment, module: TrainingModule,
                              stored: StoredFile) -> None:
    if stored.id not in handed_in_file_ids(submissions(enrolment, module)):
        db.session.delete(stored)


def handed_in_file_ids(rounds: list[Submission]) -> set[int]:
    """The evidence files the snapshots of these rounds show."""
    return {
        m["evidence_file"]["id"]
        for s in rounds if s.snapshot
        for stage in s.snapshot.get("stages", [])
        for m in stage.get("milestones", [])
        if m.get("evidence_file")
    }


def save_reflection(enrolment: Enrolment, module: TrainingModule, data: ReflectionInput, *,
                    version: int | None, actor: User) -> SandboxReflection:
    """Save the reflection as typed (a draft: answers may still be empty)."""
    _ensure_may_record(enrolment, module, actor)
    reflection = reflection_of(enrolment, module)
    if reflection is None:
        reflection = SandboxReflection(enrolment_id=enrolment.id, module_id=module.id)
        db.session.add(reflection)
    else:
        ensure_current(reflection, version)
    for name in REFLECTION_FIELDS:
        setattr(reflection, name, getattr(data, name).strip())
    db.session.flush()
    return reflection


def hand_in_exercise(enrolment: Enrolment, module: TrainingModule, data: ReflectionInput, *,
                     version: int | None, actor: User) -> Submission:
    """Save the reflection, then hand in a new round — only when every milestone of the
    journey is recorded and all four reflection questions are answered; otherwise the
    refusal names each thing missing."""
    reflection = save_reflection(enrolment, module, data, version=version, actor=actor)
    stages = journey_stages(module)
    records = records_by_milestone(enrolment, module)
    missing = [m for stage in stages for m in stage.milestones if m.id not in records]
    problems = [Problem("reflection_answer_required", field=name)
                for name in REFLECTION_FIELDS if not getattr(reflection, name)]
    if missing:
        names = ", ".join(localized(m, "name") or m.code for m in missing)
        problems.insert(0, Problem("milestones_unrecorded", {
            "count": len(missing), "milestones": names}))
    if problems:
        raise TrainingError("hand_in_incomplete", *problems)
    return hand_in(enrolment, module, snapshot=exercise_snapshot(stages, records, reflection))


def exercise_snapshot(stages: list[JourneyStage], records: dict[int, SandboxRecord],
                      reflection: SandboxReflection) -> dict:
    """The records and reflection as they are, with the milestone names in both
    languages, so a round reads the same however the journey is edited later."""
    return {
        "kind": "sandbox",
        "stages": [{
            "name_en": stage.name_en, "name_ja": stage.name_ja,
            "milestones": [_record_snapshot(m, records[m.id]) for m in stage.milestones
                           if m.id in records],
        } for stage in stages],
        "reflection": {name: getattr(reflection, name) for name in REFLECTION_FIELDS},
    }


def _record_snapshot(milestone: Milestone, record: SandboxRecord) -> dict:
    stored = record.evidence_file
    return {
        "milestone_id": milestone.id, "name_en": milestone.name_en,
        "name_ja": milestone.name_ja, "is_handoff": milestone.is_handoff,
        "status": record.status, "minutes_spent": record.minutes_spent,
        "difficulty": record.difficulty, "stuck_note": record.stuck_note,
        "evidence_url": record.evidence_url,
        "evidence_file": {"id": stored.id, "filename": stored.filename,
                          "content_type": stored.content_type} if stored else None,
    }


def evidence_file(enrolment: Enrolment, file_id: int) -> StoredFile | None:
    """The stored file if it belongs to this enrolment — the evidence of one of its
    current records or of a round it handed in — else None (a file id alone proves
    nothing: the caller has checked who may view the enrolment)."""
    in_record = db.session.scalar(select(SandboxRecord.id).where(
        SandboxRecord.enrolment_id == enrolment.id, SandboxRecord.evidence_file_id == file_id))
    if in_record is None:
        rounds = list(db.session.scalars(select(Submission).where(
            Submission.enrolment_id == enrolment.id, Submission.snapshot.is_not(None))))
        if file_id not in handed_in_file_ids(rounds):
            return None
    return db.session.get(StoredFile, file_id)


def load_enrolment(enrolment_id: int) -> Enrolment | None:
    return db.session.get(Enrolment, enrolment_id)
