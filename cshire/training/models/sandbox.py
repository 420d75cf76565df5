"""The sandbox exercise: the new hire walks the customer journey in the product, and for
each customer milestone records how it went; then reflects on the whole."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.database import Versioned, utcnow
from cshire.extensions import db
from cshire.training.models.curriculum import TrainingModule
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.journey import Milestone
from cshire.uploads import StoredFile


class MilestoneStatus(StrEnum):
    DONE = "done"
    STUCK = "stuck"
    SKIPPED = "skipped"


class SandboxRecord(Versioned, db.Model):
    """How one milestone went for one new hire in one sandbox exercise."""

    __tablename__ = "sandbox_records"
    __table_args__ = (
        UniqueConstraint("enrolment_id", "module_id", "milestone_id"),
        CheckConstraint("difficulty IS NULL OR difficulty BETWEEN 1 AND 5",
                        name="difficulty_range"),
        CheckConstraint("minutes_spent IS NULL OR minutes_spent >= 0",
                        name="minutes_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("training_enrolments.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int] = mapped_column(ForeignKey("training_modules.id"), index=True)
    milestone_id: Mapped[int] = mapped_column(ForeignKey("journey_milestones.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    minutes_spent: Mapped[int | None]
    difficulty: Mapped[int | None]  # 1 (easy) – 5 (very hard)
    stuck_note: Mapped[str] = mapped_column(Text, default="")  # where exactly
    evidence_url: Mapped[str] = mapped_column(String(500), default="")
    evidence_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("stored_files.id"), index=True
    )
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    enrolment: Mapped[Enrolment] = relationship()
    module: Mapped[TrainingModule] = relationship()
    milestone: Mapped[Milestone] = relationship()
    evidence_file: Mapped[StoredFile | None] = relationship()


class SandboxReflection(Versioned, db.Model):
    """The structured reflection at the end of the exercise (one per new hire and
    exercise; each handed-in round is copied into a ``Submission``)."""

    __tablename__ = "sandbox_reflections"
    __table_args__ = (UniqueConstraint("enrolment_id", "module_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("training_enrolments.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int] = mapped_column(ForeignKey("training_modules.id"), index=True)
    what_was_hard: Mapped[str] = mapped_column(Text, default="")
    where_stuck: Mapped[str] = mapped_column(Text, default="")
    tell_customers: Mapped[str] = mapped_column(Text, default="")
    improvement: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    enrolment: Mapped[Enrolment] = relationship()
    module: Mapped[TrainingModule] = relationship()
