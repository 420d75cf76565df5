"""The hiring manager's debrief notes and decisions on an application."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    Float,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import Application


class DecisionOutcome(StrEnum):
    ADVANCE = "advance"
    OFFER = "offer"
    REJECT = "reject"
    HIRE = "hire"


class HiringDecision(db.Model):
    """Advance, offer, reject or hire, with the rationale. ``departs_from_rule`` records
    that the decision went against the opening's fit threshold; the reason is then kept.

    ``step`` numbers an application's decisions 1, 2, 3…: one decision per step, and
    the unique (application, step) pair is what makes it hold when two hiring managers
    decide at the same moment — both would take the same number, the database keeps one.
    """

    __tablename__ = "hiring_decisions"
    __table_args__ = (UniqueConstraint("application_id", "step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    step: Mapped[int]
    outcome: Mapped[str] = mapped_column(String(20))
    rationale: Mapped[str] = mapped_column(Text, default="")
    departs_from_rule: Mapped[bool] = mapped_column(default=False)
    departure_reason: Mapped[str] = mapped_column(Text, default="")
    fit_score: Mapped[float | None] = mapped_column(Float)  # 0–100 when decided
    fit_threshold: Mapped[float | None] = mapped_column(Float)  # the rule when decided
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="decisions")
    decided_by: Mapped[User | None] = relationship()


class DebriefNote(db.Model):
    """A note from the debrief meeting; notes are added, never overwritten."""

    __tablename__ = "debrief_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="debrief_notes")
    author: Mapped[User | None] = relationship()
