"""The success journey: the stages a customer goes through, the milestones inside each
stage, and the playbook for moving a customer from one stage to the next.

One model, used by both training (curricula are organised by its stages, the sandbox
exercise walks its milestones) and evaluations (conversion is measured between its
stages). A journey is identified by its ``code`` so a CRM export can name it.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.database import Versioned, utcnow
from cshire.extensions import db


class Journey(Versioned, db.Model):
    __tablename__ = "journeys"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_ja: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    stages: Mapped[list["JourneyStage"]] = relationship(
        back_populates="journey", cascade="all, delete-orphan",
        order_by="JourneyStage.position",
    )


class JourneyStage(db.Model):
    """One stage (onboarding, adoption…), in order. ``playbook_*`` is the transition
    playbook from this stage to the next one (Markdown: text and links); the last
    stage's playbook is unused."""

    __tablename__ = "journey_stages"
    __table_args__ = (
        UniqueConstraint("journey_id", "code"),
        UniqueConstraint("journey_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    position: Mapped[int]  # 1-based
    code: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_ja: Mapped[str] = mapped_column(Text, default="")
    playbook_en: Mapped[str] = mapped_column(Text, default="")
    playbook_ja: Mapped[str] = mapped_column(Text, default="")

    journey: Mapped[Journey] = relationship(back_populates="stages")
    milestones: Mapped[list["Milestone"]] = relationship(
        back_populates="stage", cascade="all, delete-orphan", order_by="Milestone.position",
    )


class Milestone(db.Model):
    """A customer milestone inside a stage (setup complete, first use…). A handoff
    criterion is a milestone a phase-split team waits for before handing the customer
    to the next team."""

    __tablename__ = "journey_milestones"
    __table_args__ = (
        UniqueConstraint("stage_id", "code"),
        UniqueConstraint("stage_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(
        ForeignKey("journey_stages.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]  # 1-based within the stage
    code: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_ja: Mapped[str] = mapped_column(Text, default="")
    is_handoff: Mapped[bool] = mapped_column(default=False)

    stage: Mapped[JourneyStage] = relationship(back_populates="milestones")
