"""Assignments: the new hire hands in free text and/or a file (an image or a PDF) for
the mentor's review; every round is kept with the mentor's comment.

A file is checked from its bytes (``uploads.check_upload``) before anything is
stored, so a refused file leaves nothing behind.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from cshire.auth.models import User
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import ModuleKind, TrainingModule
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.work import ModuleProgress, Submission
from cshire.training.services.progress import ensure_unlocked, hand_in
from cshire.uploads import check_upload, store


@dataclass(frozen=True)
class HandInInput:
    text: str = ""
    filename: str = ""
    data: bytes = b""  # the uploaded bytes; empty: no file


def assignment_module(enrolment: Enrolment, module_id: int) -> TrainingModule | None:
    """The assignment ``module_id`` of the enrolment's curriculum (None otherwise)."""
    module = db.session.get(TrainingModule, module_id)
    if (module is None or module.curriculum_id != enrolment.curriculum_id
            or module.kind != ModuleKind.ASSIGNMENT):
        return None
    return module


def progress_of(enrolment: Enrolment, module: TrainingModule) -> ModuleProgress | None:
    return db.session.scalar(select(ModuleProgress).where(
        ModuleProgress.enrolment_id == enrolment.id, ModuleProgress.module_id == module.id))


def rounds(enrolment: Enrolment, module: TrainingModule) -> list[Submission]:
    """Every round handed in, newest first, with its reviewer and file."""
    return list(db.session.scalars(
        select(Submission).where(Submission.enrolment_id == enrolment.id,
                                 Submission.module_id == module.id)
        .options(joinedload(Submission.reviewer), joinedload(Submission.file))
        .order_by(Submission.round.desc())))


def hand_in_assignment(enrolment: Enrolment, module: TrainingModule, data: HandInInput,
                       *, actor: User) -> Submission:
    """A new round of the assignment from the new hire themself."""
    if enrolment.user_id != actor.id:
        raise TrainingError("not_your_enrolment")
    if module.kind != ModuleKind.ASSIGNMENT:
        raise TrainingError("not_an_assignment")
    ensure_unlocked(enrolment, module)
    text = data.text.strip()
    if not text and not data.data and not data.filename:
        raise TrainingError.on_field("text", "hand_in_empty")
    stored = None
    if data.data or data.filename:
        upload = check_upload(data.filename, data.data, field="file")
        stored = store(upload, actor.id)
    return hand_in(enrolment, module, text=text, file=stored)


def submission_with_file(submission_id: int) -> Submission | None:
    return db.session.scalar(
        select(Submission).where(Submission.id == submission_id)
        .options(joinedload(Submission.enrolment).joinedload(Enrolment.user),
                 joinedload(Submission.file)))
