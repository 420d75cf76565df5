"""Customer accounts and their journey events, imported from CRM exports.

An account's owner is the CSM it is measured on. An event says the account entered a
stage of a journey (by the stage's code) on a date, or churned. Events are facts from
the CRM: importing the same file again adds nothing (one row per account, journey,
stage and date).
"""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.training.models.journey import Journey

CHURNED = "churned"  # the stage code of a churn event


class TouchModel(StrEnum):
    HIGH = "high"
    LOW = "low"
    TECH = "tech"


class CustomerAccount(db.Model):
    __tablename__ = "customer_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    touch_model: Mapped[str] = mapped_column(String(10))
    arr: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    owner: Mapped[User] = relationship()


class JourneyEvent(db.Model):
    """The account entered ``stage_code`` of ``journey`` on ``entered_on``
    (``stage_code`` = "churned": it churned that day)."""

    __tablename__ = "journey_events"
    __table_args__ = (
        UniqueConstraint("account_id", "journey_id", "stage_code", "entered_on"),
        Index("ix_journey_events_journey_stage", "journey_id", "stage_code", "entered_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("customer_accounts.id", ondelete="CASCADE"), index=True
    )
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id"))
    stage_code: Mapped[str] = mapped_column(String(40))
    entered_on: Mapped[date]
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)

    account: Mapped[CustomerAccount] = relationship()
    journey: Mapped[Journey] = relationship()
