"""What a hiring manager prepares: high-performer profiles, the question bank and
structured interview kits with immutable published versions."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.extensions import db

__all__ = [
    "ExemplarMember",
    "ExemplarRating",
    "HighPerformerProfile",
    "InterviewKit",
    "InterviewKitVersion",
    "InterviewQuestion",
    "KitItem",
    "KitStatus",
    "ProfileCompetency",
    "QuestionType",
]


class QuestionType(StrEnum):
    SITUATIONAL = "situational"  # a CS scene: "what would you do…"
    BEHAVIOURAL = "behavioural"  # past behaviour: "tell me about a time…"


class KitStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class HighPerformerProfile(db.Model):
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
    version: Mapped[int] = mapped_column(default=1)

    entries: Mapped[list["ProfileCompetency"]] = relationship(
        back_populates="profile", cascade="all, delete-orphan",
        order_by="(ProfileCompetency.weight.desc(), ProfileCompetency.id)",
    )
    created_by: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


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


class InterviewQuestion(db.Model):
    """A question in the bank. Kits copy its text when published, so editing or
    retiring it later never changes what past candidates were asked."""

    __tablename__ = "interview_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id"), index=True)
    question_type: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(5), default="en")
    text: Mapped[str] = mapped_column(Text)
    probes: Mapped[str] = mapped_column(Text, default="")  # one follow-up probe per line
    anchor_low: Mapped[str] = mapped_column(Text, default="")  # a level-1 answer
    anchor_mid: Mapped[str] = mapped_column(Text, default="")  # a level-3 answer
    anchor_high: Mapped[str] = mapped_column(Text, default="")  # a level-5 answer
    active: Mapped[bool] = mapped_column(default=True)
    times_used: Mapped[int] = mapped_column(default=0)  # published kit items using it
    seed_key: Mapped[str | None] = mapped_column(String(60))  # demo/starter content id
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    competency: Mapped[Competency] = relationship()

    @property
    def probe_list(self) -> list[str]:
        return [line.strip() for line in self.probes.splitlines() if line.strip()]


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


class InterviewKitVersion(db.Model):
    """One version of a kit. A draft can change; a published version never does, and
    interviews point at the exact version they used."""

    __tablename__ = "interview_kit_versions"
    __table_args__ = (UniqueConstraint("kit_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kit_id: Mapped[int] = mapped_column(ForeignKey("interview_kits.id", ondelete="CASCADE"))
    number: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default=KitStatus.DRAFT.value)
    total_questions: Mapped[int]
    minutes_per_question: Mapped[int] = mapped_column(default=6)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
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
