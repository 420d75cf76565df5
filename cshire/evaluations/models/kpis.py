"""KPI values that live outside cshire (NPS, CSAT…), per person and period, entered by
hand or imported."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db


class KpiValue(db.Model):
    __tablename__ = "kpi_values"
    __table_args__ = (UniqueConstraint("user_id", "metric", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    metric: Mapped[str] = mapped_column(String(40))  # "nps", "csat"…
    period: Mapped[str] = mapped_column(String(7))  # "2026-07" or "2026-Q3"
    value: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    n: Mapped[int | None]  # how many responses it is based on, when known
    note: Mapped[str] = mapped_column(Text, default="")
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
