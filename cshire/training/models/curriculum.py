"""Curricula: modules grouped by journey stage, in order, each tagged with the
competencies it builds.

A module's ``id`` is its stable identity: progress, attempts and submissions point at
it, so editing a curriculum never loses anyone's work. A removed module is archived
(``archived_at``), never deleted; quiz attempts keep a snapshot of what was asked and
their score, so changing a quiz never rescores an old attempt.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.competencies.models import Competency
from cshire.database import Versioned, utcnow
from cshire.extensions import db
from cshire.training.models.journey import Journey, JourneyStage


class ModuleKind(StrEnum):
    LESSON = "lesson"
    QUIZ = "quiz"
    ASSIGNMENT = "assignment"
    SANDBOX = "sandbox"


class Curriculum(Versioned, db.Model):
    __tablename__ = "curricula"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_ja: Mapped[str] = mapped_column(Text, default="")
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id"), index=True)
    archived_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    journey: Mapped[Journey] = relationship()
    modules: Mapped[list["TrainingModule"]] = relationship(
        back_populates="curriculum", order_by="TrainingModule.position",
    )


module_competencies = Table(
    "training_module_competencies",
    db.metadata,
    Column("module_id", ForeignKey("training_modules.id", ondelete="CASCADE"),
           primary_key=True),
    Column("competency_id", ForeignKey("competencies.id"), primary_key=True),
)


class TrainingModule(Versioned, db.Model):
    """A lesson, quiz, assignment or sandbox exercise in one stage of a curriculum.

    ``body_*`` is Markdown: the lesson's text, or the instructions of a quiz,
    assignment or sandbox exercise. ``required`` modules must be passed for field
    readiness; optional ones are recommended (interview gaps) and added per enrolment.
    """

    __tablename__ = "training_modules"
    __table_args__ = (
        CheckConstraint("due_days >= 0", name="due_days_not_negative"),
        CheckConstraint("pass_mark IS NULL OR pass_mark BETWEEN 0 AND 100",
                        name="pass_mark_range"),
        CheckConstraint("max_attempts IS NULL OR max_attempts >= 1",
                        name="max_attempts_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    curriculum_id: Mapped[int] = mapped_column(ForeignKey("curricula.id"), index=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("journey_stages.id"), index=True)
    # Order within the curriculum; stages come first (by the stage's position).
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    title_ja: Mapped[str] = mapped_column(String(200), default="")
    body_en: Mapped[str] = mapped_column(Text, default="")
    body_ja: Mapped[str] = mapped_column(Text, default="")
    # Due "N days after the enrolment's start date", in the new hire's time zone.
    due_days: Mapped[int] = mapped_column(default=7)
    required: Mapped[bool] = mapped_column(default=True)
    # Quiz: percentage of points needed to pass, attempts allowed (None: unlimited).
    pass_mark: Mapped[int | None]
    max_attempts: Mapped[int | None]
    # Sandbox exercise: where the product's sandbox is.
    sandbox_url: Mapped[str] = mapped_column(String(500), default="")
    archived_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    curriculum: Mapped[Curriculum] = relationship(back_populates="modules")
    stage: Mapped[JourneyStage] = relationship()
    competencies: Mapped[list[Competency]] = relationship(
        secondary=module_competencies, order_by=Competency.code,
    )
    questions: Mapped[list["QuizQuestion"]] = relationship(
        back_populates="module", order_by="QuizQuestion.position",
    )

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class QuizQuestion(db.Model):
    """A single-choice or multiple-choice question. Archived, not deleted, when removed."""

    __tablename__ = "quiz_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("training_modules.id"), index=True)
    position: Mapped[int]
    multiple: Mapped[bool] = mapped_column(default=False)  # several right answers
    prompt_en: Mapped[str] = mapped_column(Text, default="")
    prompt_ja: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None]

    module: Mapped[TrainingModule] = relationship(back_populates="questions")
    choices: Mapped[list["QuizChoice"]] = relationship(
        back_populates="question", cascade="all, delete-orphan",
        order_by="QuizChoice.position",
    )


class QuizChoice(db.Model):
    """One answer of a question, with the explanation shown after submission."""

    __tablename__ = "quiz_choices"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("quiz_questions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    text_en: Mapped[str] = mapped_column(Text, default="")
    text_ja: Mapped[str] = mapped_column(Text, default="")
    correct: Mapped[bool] = mapped_column(default=False)
    explanation_en: Mapped[str] = mapped_column(Text, default="")
    explanation_ja: Mapped[str] = mapped_column(Text, default="")

    question: Mapped[QuizQuestion] = relationship(back_populates="choices")
