"""A new hire's work on modules: progress per module, quiz attempts, and submissions
(assignments and sandbox exercises) with the mentor's review of each round."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.database import Versioned, utcnow
from cshire.extensions import db
from cshire.training.models.curriculum import TrainingModule
from cshire.training.models.enrolments import Enrolment
from cshire.uploads import StoredFile


class ProgressStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"  # opened; a quiz failed with attempts left; a draft
    SUBMITTED = "submitted"  # awaiting the mentor's review
    REVISE = "revise"  # the mentor asked for changes
    PASSED = "passed"  # lesson read, quiz passed, submission approved
    FAILED = "failed"  # quiz attempts used up without passing


class ModuleProgress(Versioned, db.Model):
    """Where one new hire stands on one module (a row exists once they open it)."""

    __tablename__ = "training_progress"
    __table_args__ = (UniqueConstraint("enrolment_id", "module_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("training_enrolments.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int] = mapped_column(ForeignKey("training_modules.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ProgressStatus.IN_PROGRESS.value)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    passed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    enrolment: Mapped[Enrolment] = relationship()
    module: Mapped[TrainingModule] = relationship()


class QuizAttempt(db.Model):
    """One attempt at a quiz. ``questions`` is the snapshot shown (question and choice
    ids in the shuffled order, with their texts and which were right), so the attempt
    keeps its score and its review however the quiz changes later."""

    __tablename__ = "quiz_attempts"
    __table_args__ = (UniqueConstraint("enrolment_id", "module_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("training_enrolments.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int] = mapped_column(ForeignKey("training_modules.id"), index=True)
    number: Mapped[int]  # 1-based
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # question id → choice ids
    score: Mapped[float | None] = mapped_column(Float)  # percent
    passed: Mapped[bool | None]
    pass_mark: Mapped[int | None]  # the mark in force when it was taken

    enrolment: Mapped[Enrolment] = relationship()
    module: Mapped[TrainingModule] = relationship()


class ReviewOutcome(StrEnum):
    APPROVED = "approved"
    REVISE = "revise"  # changes asked


class Submission(db.Model):
    """One round of an assignment or a sandbox exercise handed in for review, and the
    mentor's answer to it. Every round is kept. For a sandbox exercise ``snapshot``
    holds the milestone records and reflection as they were when handed in."""

    __tablename__ = "training_submissions"
    __table_args__ = (UniqueConstraint("enrolment_id", "module_id", "round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("training_enrolments.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int] = mapped_column(ForeignKey("training_modules.id"), index=True)
    round: Mapped[int]  # 1-based
    text: Mapped[str] = mapped_column(Text, default="")
    file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id"), index=True)
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    reviewer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    reviewed_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")

    enrolment: Mapped[Enrolment] = relationship()
    module: Mapped[TrainingModule] = relationship()
    file: Mapped[StoredFile | None] = relationship()
    reviewer: Mapped[User | None] = relationship()

    @property
    def awaiting_review(self) -> bool:
        return self.reviewed_at is None
