"""What happens with candidates: openings and their stages, candidates and their
applications, interviews with a panel, the interviewers' scorecards (with an audit
trail once submitted) and the hiring manager's decisions.

A ``Scorecard`` doubles as the panel seat: putting an interviewer on a panel creates
their (empty) draft, so "who is on this panel" and "whose scorecard is missing" are
the same rows.
"""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.design import (
    HighPerformerProfile,
    InterviewKitVersion,
    KitItem,
)

__all__ = [
    "Application",
    "ApplicationEvent",
    "ApplicationStatus",
    "Candidate",
    "DebriefNote",
    "DecisionOutcome",
    "HiringDecision",
    "Interview",
    "Opening",
    "OpeningStage",
    "Recommendation",
    "Scorecard",
    "ScorecardAnswer",
    "ScorecardChange",
    "ScorecardStatus",
]


class ApplicationStatus(StrEnum):
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Recommendation(StrEnum):
    STRONG_NO = "strong_no"
    NO = "no"
    YES = "yes"
    STRONG_YES = "strong_yes"


class ScorecardStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class DecisionOutcome(StrEnum):
    ADVANCE = "advance"
    REJECT = "reject"
    HIRE = "hire"


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


class Candidate(db.Model):
    """A person who applies. ``anonymised_at`` is set when the purge command removed
    their personal data; their ratings stay for the agreement analytics."""

    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    consent_on: Mapped[date | None]  # the day the candidate agreed to data processing
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    anonymised_at: Mapped[datetime | None]

    applications: Mapped[list["Application"]] = relationship(back_populates="candidate")


class Application(db.Model):
    """A candidate in one opening, moving applied → interviewing → offer → hired, or
    ending rejected / withdrawn. Every move is kept in ``events``."""

    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("opening_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("openings.id"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ApplicationStatus.APPLIED.value)
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    opening: Mapped[Opening] = relationship(back_populates="applications")
    candidate: Mapped[Candidate] = relationship(back_populates="applications")
    events: Mapped[list["ApplicationEvent"]] = relationship(
        back_populates="application", cascade="all, delete-orphan",
        order_by="(ApplicationEvent.at, ApplicationEvent.id)",
    )
    interviews: Mapped[list["Interview"]] = relationship(
        back_populates="application", cascade="all, delete-orphan",
        order_by="(Interview.scheduled_at, Interview.id)",
    )
    decisions: Mapped[list["HiringDecision"]] = relationship(
        back_populates="application", cascade="all, delete-orphan",
        order_by="(HiringDecision.decided_at, HiringDecision.id)",
    )
    debrief_notes: Mapped[list["DebriefNote"]] = relationship(
        back_populates="application", cascade="all, delete-orphan",
        order_by="(DebriefNote.created_at, DebriefNote.id)",
    )


class ApplicationEvent(db.Model):
    """One status change of an application: the history the hiring manager reads."""

    __tablename__ = "application_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


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


class Scorecard(db.Model):
    """One interviewer's scorecard for one interview (their seat on the panel).

    ``version`` is checked on every save (optimistic concurrency): a save made from a
    page loaded at an older version is refused, and the UPDATE itself carries
    ``WHERE version = …`` so two simultaneous requests cannot both win.
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
    version: Mapped[int] = mapped_column(default=1)
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
    changes: Mapped[list["ScorecardChange"]] = relationship(
        back_populates="scorecard", cascade="all, delete-orphan",
        order_by="(ScorecardChange.at, ScorecardChange.id)",
    )

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

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


class ScorecardChange(db.Model):
    """Audit trail: one change to a scorecard after its first submission (reopening,
    then every edited value), with who, when, the old and the new value."""

    __tablename__ = "scorecard_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    scorecard_id: Mapped[int] = mapped_column(
        ForeignKey("scorecards.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    field: Mapped[str] = mapped_column(String(40))  # status, recommendation, rating, note…
    kit_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("kit_items.id", ondelete="SET NULL")
    )
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    scorecard: Mapped[Scorecard] = relationship(back_populates="changes")
    actor: Mapped[User | None] = relationship()
    kit_item: Mapped[KitItem | None] = relationship()


class HiringDecision(db.Model):
    """Advance, reject or hire, with the rationale. ``departs_from_rule`` records that
    the decision went against the opening's fit threshold; the reason is then kept."""

    __tablename__ = "hiring_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
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
