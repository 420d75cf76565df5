"""Interviews: one stage of one application, at a time, with a panel.

A ``Scorecard`` doubles as the panel seat: putting an interviewer on a panel creates
their (empty) draft, so "who is on this panel" and "whose scorecard is missing" are
the same rows.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    ForeignKey,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.openings import OpeningStage

if TYPE_CHECKING:
    from cshire.interviews.models.scoring import Scorecard


class Interview(db.Model):
    """One stage of one application, at a time, with a panel (its scorecards)."""

    __tablename__ = "interviews"
    __table_args__ = (UniqueConstraint("application_id", "stage_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    stage_id: Mapped[int] = mapped_column(ForeignKey("opening_stages.id"), index=True)
    scheduled_at: Mapped[datetime]
    location: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="interviews")
    stage: Mapped[OpeningStage] = relationship()
    scorecards: Mapped[list["Scorecard"]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="Scorecard.id"
    )
