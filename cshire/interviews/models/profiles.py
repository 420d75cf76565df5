"""High-performer profiles: the competencies a team's high performers share, each with an
importance weight and the level they show.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.database import Versioned, utcnow
from cshire.extensions import db


class HighPerformerProfile(Versioned, db.Model):
    """What the team's high performers in one role have in common."""

    __tablename__ = "high_performer_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role_title: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    archetype: Mapped[str | None] = mapped_column(String(40))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    archived_at: Mapped[datetime | None]

    entries: Mapped[list["ProfileCompetency"]] = relationship(
        back_populates="profile", cascade="all, delete-orphan",
        order_by="(ProfileCompetency.weight.desc(), ProfileCompetency.id)",
    )
    created_by: Mapped[User | None] = relationship()


class ProfileCompetency(db.Model):
    """One competency in a profile: how much it matters and the level to look for."""

    __tablename__ = "profile_competencies"
    __table_args__ = (
        UniqueConstraint("profile_id", "competency_id"),
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("target_level BETWEEN 1 AND 5", name="target_level_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("high_performer_profiles.id", ondelete="CASCADE"), index=True
    )
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id"), index=True)
    weight: Mapped[float] = mapped_column(Float)
    target_level: Mapped[int]

    profile: Mapped[HighPerformerProfile] = relationship(back_populates="entries")
    competency: Mapped[Competency] = relationship()
