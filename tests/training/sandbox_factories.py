"""Builders for sandbox tests: an exercise on a small journey, records, a handed-in round.
Each flushes, none commits."""

from types import SimpleNamespace

from cshire.auth.models import Role, User
from cshire.extensions import db
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.sandbox import SandboxRecord
from cshire.training.models.work import ModuleProgress
from cshire.uploads import StoredFile
from tests import factories
from tests.training import factories as make

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def exercise(*, new_hire: User | None = None, mentor: User | None = None,
             enrolled_by: User | None = None, milestones_per_stage: int = 2) -> SimpleNamespace:
    """A sandbox module in stage 1 of a two-stage journey, and an enrolment on it."""
    journey = make.journey(stages=("onboarding", "adoption"),
                           milestones_per_stage=milestones_per_stage)
    curriculum = make.curriculum(journey)
    module = make.module(curriculum, ModuleKind.SANDBOX, title="Walk the journey")
    enrolment = make.enrolment(curriculum, new_hire=new_hire or factories.user(Role.NEW_HIRE),
                               mentor=mentor or factories.user(Role.CSM),
                               enrolled_by=enrolled_by)
    milestones = [m for stage in journey.stages for m in stage.milestones]
    return SimpleNamespace(journey=journey, curriculum=curriculum, module=module,
                           enrolment=enrolment, milestones=milestones)


def record(enrolment: Enrolment, module, milestone, status: str = "done", *,
           minutes: int | None = 10, difficulty: int | None = 2, note: str = "",
           file: StoredFile | None = None) -> SandboxRecord:
    created = SandboxRecord(enrolment_id=enrolment.id, module_id=module.id,
                            milestone_id=milestone.id, status=status,
                            minutes_spent=minutes, difficulty=difficulty, stuck_note=note,
                            evidence_file=file)
    db.session.add(created)
    db.session.flush()
    return created


def stored(data: bytes = PNG, name: str = "shot.png", owner: User | None = None) -> StoredFile:
    created = StoredFile(filename=name, content_type="image/png" if data == PNG
                         else "application/pdf", size=len(data), sha256="0" * 64, data=data,
                         uploaded_by_id=owner.id if owner else None)
    db.session.add(created)
    db.session.flush()
    return created


def set_status(enrolment: Enrolment, module, status: str) -> None:
    row = db.session.query(ModuleProgress).filter_by(
        enrolment_id=enrolment.id, module_id=module.id).one_or_none()
    if row is None:
        row = ModuleProgress(enrolment_id=enrolment.id, module_id=module.id)
        db.session.add(row)
    row.status = status
    db.session.flush()
