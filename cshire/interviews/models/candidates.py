"""Candidates and their applications to openings, with the application's status history."""

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import (
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.openings import Opening

if TYPE_CHECKING:
    from cshire.interviews.models.decisions import DebriefNote, HiringDecision
    from cshire.interviews.models.interviews import Interview


class ApplicationStatus(StrEnum):
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Candidate(db.Model):
    """A person as one opening knows them: one row per application, so what one
    opening recorded (name, phone, source, notes, consent) is seen only by those who may
    see that opening. The same email in two openings is two rows that share nothing;
    the unique (opening, email) pair is "already applied". ``anonymised_at`` is set when
    the purge removed the personal data; the ratings stay for the agreement analytics.
    """

    __tablename__ = "candidates"
    __table_args__ = (UniqueConstraint("opening_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("openings.id"))
    name: Mapped[str] = mapped_column(String(200))
    # Lower-cased by the services; indexed for a data-subject request (all openings).
    email: Mapped[str] = mapped_column(String(254), index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    consent_on: Mapped[date | None]  # the day the candidate agreed to data processing
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    anonymised_at: Mapped[datetime | None]

    opening: Mapped[Opening] = relationship()
    application: Mapped["Application"] = relationship(back_populates="candidate")


class Application(db.Model):
    """A candidate in one opening, moving applied → interviewing → offer → hired, or
    ending rejected / withdrawn. Every move is kept in ``events``. Its candidate row is
    its own (``candidate_id`` is unique) and belongs to the same opening."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("openings.id"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default=ApplicationStatus.APPLIED.value)
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    opening: Mapped[Opening] = relationship(back_populates="applications")
    candidate: Mapped[Candidate] = relationship(back_populates="application")
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
