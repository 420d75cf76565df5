"""Evaluation cycles: a period, its participants, and for each participant one
evaluation — self and manager ratings on the shared competencies with evidence, a
reflection on their weakest journey step, and a development plan.

Workflow of an evaluation: draft → self_submitted → manager_submitted → shared →
acknowledged. A submitted part is locked; it changes again only when reopened with a
reason (kept in the audit trail).
"""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.database import Versioned, utcnow
from cshire.extensions import db
from cshire.training.models.journey import Journey


class EvaluationStatus(StrEnum):
    DRAFT = "draft"
    SELF_SUBMITTED = "self_submitted"
    MANAGER_SUBMITTED = "manager_submitted"
    SHARED = "shared"
    ACKNOWLEDGED = "acknowledged"


class Rater(StrEnum):
    SELF = "self"
    MANAGER = "manager"


class EvaluationCycle(Versioned, db.Model):
    __tablename__ = "evaluation_cycles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    period: Mapped[str] = mapped_column(String(7))  # "2026-07" or "2026-Q3"
    journey_id: Mapped[int | None] = mapped_column(ForeignKey("journeys.id"))
    self_due_on: Mapped[date | None]
    manager_due_on: Mapped[date | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    closed_at: Mapped[datetime | None]

    journey: Mapped[Journey | None] = relationship()
    evaluations: Mapped[list["Evaluation"]] = relationship(
        back_populates="cycle", cascade="all, delete-orphan")


class Evaluation(Versioned, db.Model):
    """One participant's evaluation in a cycle, by their manager."""

    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("cycle_id", "csm_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation_cycles.id", ondelete="CASCADE"), index=True)
    csm_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=EvaluationStatus.DRAFT.value)
    # The CSM's reflection on their weakest journey step in the period.
    weakest_step: Mapped[str] = mapped_column(String(90), default="")  # "adoption→expansion"
    weakest_step_reflection: Mapped[str] = mapped_column(Text, default="")
    manager_summary: Mapped[str] = mapped_column(Text, default="")
    self_submitted_at: Mapped[datetime | None]
    manager_submitted_at: Mapped[datetime | None]
    shared_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    cycle: Mapped[EvaluationCycle] = relationship(back_populates="evaluations")
    csm: Mapped[User] = relationship(foreign_keys=[csm_id])
    manager: Mapped[User | None] = relationship(foreign_keys=[manager_id])
    ratings: Mapped[list["EvaluationRating"]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan")
    goals: Mapped[list["DevelopmentGoal"]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan",
        order_by="DevelopmentGoal.position")


class EvaluationRating(db.Model):
    """One rating of one competency by the CSM (self) or the manager, with evidence
    (required for a 1 or a 5)."""

    __tablename__ = "evaluation_ratings"
    __table_args__ = (
        UniqueConstraint("evaluation_id", "competency_id", "rater"),
        CheckConstraint("level IS NULL OR level BETWEEN 1 AND 5", name="level_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluations.id", ondelete="CASCADE"), index=True)
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id"), index=True)
    rater: Mapped[str] = mapped_column(String(10))
    level: Mapped[int | None]
    evidence: Mapped[str] = mapped_column(Text, default="")

    evaluation: Mapped[Evaluation] = relationship(back_populates="ratings")
    competency: Mapped[Competency] = relationship()


class DevelopmentGoal(db.Model):
    """A goal of the development plan, tied to a competency or a journey step."""

    __tablename__ = "development_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    competency_id: Mapped[int | None] = mapped_column(ForeignKey("competencies.id"))
    journey_step: Mapped[str] = mapped_column(String(90), default="")  # "adoption→expansion"
    goal: Mapped[str] = mapped_column(Text)
    actions: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None]

    evaluation: Mapped[Evaluation] = relationship(back_populates="goals")
    competency: Mapped[Competency | None] = relationship()
