"""The interviewers' scorecards: one per panel member and interview, and an answer per
kit question. Changes made after the first submission are in the one audit trail
(``cshire.audit``, entity type ``scorecards``).
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.database import Versioned, utcnow
from cshire.extensions import db
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import KitItem


class Recommendation(StrEnum):
    STRONG_NO = "strong_no"
    NO = "no"
    YES = "yes"
    STRONG_YES = "strong_yes"


class ScorecardStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class Scorecard(Versioned, db.Model):
    """One interviewer's scorecard for one interview (their seat on the panel).

    ``version`` (``Versioned``) is checked on every save (optimistic concurrency): a
    save made from a page loaded at an older version is refused, and the UPDATE itself
    carries ``WHERE version = …`` so two simultaneous requests cannot both win.
    """

    __tablename__ = "scorecards"
    __table_args__ = (
        UniqueConstraint("interview_id", "interviewer_id"),
        # Covering indexes: "My interviews" lists one interviewer's seats by status,
        # newest submission first; the analytics and kit-reliability fingerprints count
        # an interview's submitted scorecards and their latest submission time.
        Index("ix_scorecards_interviewer_status", "interviewer_id", "status", "submitted_at"),
        Index("ix_scorecards_interview_status", "interview_id", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    interviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ScorecardStatus.DRAFT.value)
    recommendation: Mapped[str | None] = mapped_column(String(20))
    # The interviewer's overall summary: the key evidence behind the recommendation.
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]
    # Set on the first submission; from then on every change is audited.
    first_submitted_at: Mapped[datetime | None]

    interview: Mapped[Interview] = relationship(back_populates="scorecards")
    interviewer: Mapped[User] = relationship()
    answers: Mapped[list["ScorecardAnswer"]] = relationship(
        back_populates="scorecard", cascade="all, delete-orphan"
    )

    @property
    def is_submitted(self) -> bool:
        return self.status == ScorecardStatus.SUBMITTED.value


class ScorecardAnswer(db.Model):
    """The rating (1–5) of one kit question, or "not asked" with a reason, and the
    evidence note the interviewer wrote."""

    __tablename__ = "scorecard_answers"
    __table_args__ = (
        UniqueConstraint("scorecard_id", "kit_item_id"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("scorecards.id", ondelete="CASCADE"))
    kit_item_id: Mapped[int] = mapped_column(ForeignKey("kit_items.id"), index=True)
    rating: Mapped[int | None]
    not_asked: Mapped[bool] = mapped_column(default=False)
    not_asked_reason: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    scorecard: Mapped[Scorecard] = relationship(back_populates="answers")
    kit_item: Mapped[KitItem] = relationship()

