"""Enrolments: a new hire on a curriculum, with a mentor and a start date, optionally in
a cohort; the modules added for them; and the field-readiness sign-off."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.database import Versioned, utcnow
from cshire.extensions import db
from cshire.training.models.curriculum import Curriculum, TrainingModule


class Cohort(db.Model):
    """New hires who start together on one curriculum."""

    __tablename__ = "training_cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    curriculum_id: Mapped[int] = mapped_column(ForeignKey("curricula.id"), index=True)
    start_date: Mapped[date]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    curriculum: Mapped[Curriculum] = relationship()
    enrolments: Mapped[list["Enrolment"]] = relationship(back_populates="cohort")


class Enrolment(Versioned, db.Model):
    """One new hire on one curriculum.

    ``application_id`` links the hire to the interviews that hired them (by id only:
    training reads hiring's services for the interview gaps, never its tables).
    Sign-off: a mentor or manager declares the new hire ready for the field.
    """

    __tablename__ = "training_enrolments"
    __table_args__ = (UniqueConstraint("user_id", "curriculum_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    curriculum_id: Mapped[int] = mapped_column(ForeignKey("curricula.id"), index=True)
    cohort_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_cohorts.id", ondelete="SET NULL"), index=True
    )
    mentor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    start_date: Mapped[date]
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    enrolled_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Field readiness.
    signed_off_at: Mapped[datetime | None]
    signed_off_on: Mapped[date | None]  # the date the signer gives
    signed_off_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    sign_off_note: Mapped[str] = mapped_column(Text, default="")
    promoted_to_csm: Mapped[bool] = mapped_column(default=False)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    mentor: Mapped[User | None] = relationship(foreign_keys=[mentor_id])
    signed_off_by: Mapped[User | None] = relationship(foreign_keys=[signed_off_by_id])
    curriculum: Mapped[Curriculum] = relationship()
    cohort: Mapped[Cohort | None] = relationship(back_populates="enrolments")
    added_modules: Mapped[list["AddedModule"]] = relationship(
        back_populates="enrolment", cascade="all, delete-orphan",
    )

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None


class AddedModule(db.Model):
    """An optional module added to one enrolment (e.g. recommended by an interview gap):
    it becomes required for that new hire."""

    __tablename__ = "training_added_modules"
    __table_args__ = (UniqueConstraint("enrolment_id", "module_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("training_enrolments.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int] = mapped_column(ForeignKey("training_modules.id"), index=True)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    enrolment: Mapped[Enrolment] = relationship(back_populates="added_modules")
    module: Mapped[TrainingModule] = relationship()
