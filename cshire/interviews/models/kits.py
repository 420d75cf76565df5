"""Structured interview kits and their versions: a published version never changes, and
every interview points at the exact version it used.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.database import Versioned, utcnow
from cshire.extensions import db
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.models.questions import InterviewQuestion


class KitStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class InterviewKit(db.Model):
    """A structured interview for one profile; its content lives in versions."""

    __tablename__ = "interview_kits"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    profile_id: Mapped[int] = mapped_column(ForeignKey("high_performer_profiles.id"), index=True)
    language: Mapped[str] = mapped_column(String(5), default="en")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    archived_at: Mapped[datetime | None]

    profile: Mapped[HighPerformerProfile] = relationship()
    versions: Mapped[list["InterviewKitVersion"]] = relationship(
        back_populates="kit", cascade="all, delete-orphan",
        order_by="InterviewKitVersion.number",
    )


# The draft's status as SQL, for the partial index below (SQLite and PostgreSQL alike).
IS_DRAFT = text("status = 'draft'")


class InterviewKitVersion(Versioned, db.Model):
    """One version of a kit. A draft can change; a published version never does, and
    interviews point at the exact version they used. Every change to a draft (its items
    included) moves the version counter, so a change made on an out-of-date page, or at
    the same moment as a publish, is refused. A kit has at most one draft."""

    __tablename__ = "interview_kit_versions"
    __table_args__ = (
        UniqueConstraint("kit_id", "number"),
        # Two "Edit (new version)" clicks at once must not start two diverging drafts.
        Index("uq_interview_kit_versions_one_draft", "kit_id", unique=True,
              sqlite_where=IS_DRAFT, postgresql_where=IS_DRAFT),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kit_id: Mapped[int] = mapped_column(ForeignKey("interview_kits.id", ondelete="CASCADE"))
    number: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default=KitStatus.DRAFT.value)
    total_questions: Mapped[int]
    minutes_per_question: Mapped[int] = mapped_column(default=6)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None]
    published_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    kit: Mapped[InterviewKit] = relationship(back_populates="versions")
    items: Mapped[list["KitItem"]] = relationship(
        back_populates="kit_version", cascade="all, delete-orphan", order_by="KitItem.position"
    )
    published_by: Mapped[User | None] = relationship()

    @property
    def is_published(self) -> bool:
        return self.status == KitStatus.PUBLISHED.value

    @property
    def expected_minutes(self) -> int:
        return len(self.items) * self.minutes_per_question


class KitItem(db.Model):
    """A question at a position in a kit version, with its wording copied in so a
    published version stays exactly as candidates heard it."""

    __tablename__ = "kit_items"
    __table_args__ = (UniqueConstraint("kit_version_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kit_version_id: Mapped[int] = mapped_column(
        ForeignKey("interview_kit_versions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]  # 1-based order in the interview
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id"))
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_questions.id", ondelete="SET NULL")
    )
    question_type: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    probes: Mapped[str] = mapped_column(Text, default="")
    anchor_low: Mapped[str] = mapped_column(Text, default="")
    anchor_mid: Mapped[str] = mapped_column(Text, default="")
    anchor_high: Mapped[str] = mapped_column(Text, default="")

    kit_version: Mapped[InterviewKitVersion] = relationship(back_populates="items")
    competency: Mapped[Competency] = relationship()
    question: Mapped[InterviewQuestion | None] = relationship()

    @property
    def probe_list(self) -> list[str]:
        return [line.strip() for line in self.probes.splitlines() if line.strip()]
