"""The ONE competency model that hiring, training and evaluations share."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.database import Versioned, utcnow
from cshire.extensions import db

LEVELS = (1, 2, 3, 4, 5)


class CompetencyCategory(StrEnum):
    SKILL = "skill"  # スキル
    MINDSET = "mindset"  # マインド
    THINKING = "thinking"  # 考え方 (way of thinking)


class Competency(Versioned, db.Model):
    """A competency with five behaviourally anchored levels.

    Never deleted once anything may refer to it: ``archived_at`` hides it from new
    work while old interviews and evaluations keep their meaning.
    """

    __tablename__ = "competencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    category: Mapped[str] = mapped_column(String(20))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_ja: Mapped[str] = mapped_column(Text, default="")
    archetype: Mapped[str | None] = mapped_column(String(40))  # starter set it came from
    archived_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    levels: Mapped[list["CompetencyLevel"]] = relationship(
        back_populates="competency",
        cascade="all, delete-orphan",
        order_by="CompetencyLevel.level",
    )

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def level(self, number: int) -> "CompetencyLevel | None":
        return next((lvl for lvl in self.levels if lvl.level == number), None)


class CompetencyLevel(db.Model):
    """What a level looks like in behaviour (the anchor of a BARS scale)."""

    __tablename__ = "competency_levels"
    __table_args__ = (
        UniqueConstraint("competency_id", "level"),
        CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    competency_id: Mapped[int] = mapped_column(
        ForeignKey("competencies.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[int]
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_ja: Mapped[str] = mapped_column(Text, default="")

    competency: Mapped[Competency] = relationship(back_populates="levels")
