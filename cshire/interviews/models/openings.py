"""Openings (a role hired to a profile) and their interview stages, each on one
published kit version.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
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
from cshire.interviews.models.kits import InterviewKitVersion
from cshire.interviews.models.profiles import HighPerformerProfile

if TYPE_CHECKING:
    from cshire.interviews.models.candidates import Application


class Opening(db.Model):
    """A position to fill, judged against one high-performer profile."""

    __tablename__ = "openings"
    __table_args__ = (
        CheckConstraint("fit_threshold BETWEEN 0 AND 100", name="fit_threshold_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    profile_id: Mapped[int] = mapped_column(ForeignKey("high_performer_profiles.id"), index=True)
    hiring_manager_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # The declared rule: advance or hire at or above this fit (0–100 scale); None = no rule.
    fit_threshold: Mapped[float | None] = mapped_column(Float)
    # When set, every rating on a scorecard needs an evidence note.
    notes_required: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]

    profile: Mapped[HighPerformerProfile] = relationship()
    hiring_manager: Mapped[User] = relationship()
    stages: Mapped[list["OpeningStage"]] = relationship(
        back_populates="opening", cascade="all, delete-orphan", order_by="OpeningStage.position"
    )
    applications: Mapped[list["Application"]] = relationship(back_populates="opening")

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class OpeningStage(db.Model):
    """One interview round of an opening, always run with one published kit version."""

    __tablename__ = "opening_stages"
    __table_args__ = (UniqueConstraint("opening_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("openings.id", ondelete="CASCADE"))
    position: Mapped[int]  # 1-based
    name: Mapped[str] = mapped_column(String(120))
    kit_version_id: Mapped[int] = mapped_column(
        ForeignKey("interview_kit_versions.id"), index=True
    )

    opening: Mapped[Opening] = relationship(back_populates="stages")
    kit_version: Mapped[InterviewKitVersion] = relationship()
