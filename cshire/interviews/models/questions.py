"""The question bank: behavioural and situational questions per competency, with probes
and level-1/3/5 anchors.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.extensions import db


class QuestionType(StrEnum):
    SITUATIONAL = "situational"  # a CS scene: "what would you do…"
    BEHAVIOURAL = "behavioural"  # past behaviour: "tell me about a time…"


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
