"""Exemplar ratings: team members rated on a profile's competencies, some marked as high
performers, from which cshire suggests the profile's levels and weights.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.extensions import db


class ExemplarMember(db.Model):
    """A current team member the manager rated for a profile, and whether the
    manager counts them among the high performers."""

    __tablename__ = "exemplar_members"
    __table_args__ = (UniqueConstraint("profile_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("high_performer_profiles.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    is_high_performer: Mapped[bool] = mapped_column(default=False)
    rated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    rated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    member: Mapped[User] = relationship(foreign_keys=[member_id])
    ratings: Mapped[list["ExemplarRating"]] = relationship(
        back_populates="exemplar", cascade="all, delete-orphan"
    )


class ExemplarRating(db.Model):
    """The manager's rating (1–5) of one exemplar member on one competency."""

    __tablename__ = "exemplar_ratings"
    __table_args__ = (
        UniqueConstraint("exemplar_id", "competency_id"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    exemplar_id: Mapped[int] = mapped_column(
        ForeignKey("exemplar_members.id", ondelete="CASCADE"), index=True
    )
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id"))
    rating: Mapped[int]

    exemplar: Mapped[ExemplarMember] = relationship(back_populates="ratings")
    competency: Mapped[Competency] = relationship()
