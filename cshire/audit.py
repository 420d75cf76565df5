"""The one audit trail: who changed which field of which record, when, from what to
what, and why — and the edit-conflict check that names the last of those changes.

A service changes a record like this (it never commits; the caller does)::

    before = snapshot(competency, "code", "name_en")
    competency.code, competency.name_en = ...
    record_changes(competency, before, actor, reason)

Rows refer to their record by table name and id, so any package's records share one
table without this module importing any package; the actor is a ``users`` row (None
when a command-line task made the change). Values are stored as text.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String, Text, select
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship

from cshire.database import utcnow
from cshire.errors import EditConflict
from cshire.extensions import db

# The row's ``at`` is taken when the change is recorded, ``updated_at`` at the flush.
SAME_SAVE = timedelta(seconds=5)
CREATED = "created"  # the field of the row ``record_created`` writes
# How booleans are stored, and the labels a history shows for them (lower case: the
# msgids "Yes"/"No" are the hiring recommendation, translated as such).
YES_NO = {"true": _l("yes"), "false": _l("no")}


class AuditEntry(db.Model):
    """One changed field of one record."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_entity", "entity_type", "entity_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(60))  # the record's table name
    entity_id: Mapped[int]
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    # By table name: the kernel knows no feature package.
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")

    actor: Mapped[Any] = relationship("User")


@dataclass(frozen=True)
class Change:
    old: object
    new: object


def snapshot(entity: Any, *fields: str) -> dict[str, object]:
    """The current values of ``fields``: take it before applying an edit."""
    return {name: getattr(entity, name) for name in fields}


def diff(before: Mapping[str, object], after: Mapping[str, object]) -> dict[str, Change]:
    """Field → Change for every field whose stored text differs, for values that are
    not attributes (a competency's level anchors, a user's roles)."""
    names = list(dict.fromkeys([*after, *before]))
    return {name: Change(before.get(name), after.get(name)) for name in names
            if as_text(before.get(name)) != as_text(after.get(name))}


def record_changes(entity: Any, changes: Mapping[str, object], actor: Any | None,
                   reason: str | None = None, *, at: datetime | None = None,
                   ) -> list[AuditEntry]:
    """Add one row per field whose value really changed, and none when nothing did.

    ``changes`` maps a field either to a ``Change(old, new)`` or to its old value alone;
    the new one is then read from ``entity``, so a ``snapshot`` taken before the edit
    can be passed as it is. Returns the rows (empty: nothing changed).
    """
    rows = []
    for name, value in changes.items():
        change = value if isinstance(value, Change) else Change(value, getattr(entity, name))
        old, new = as_text(change.old), as_text(change.new)
        if old != new:
            rows.append(_entry(entity, name, old, new, actor, reason, at))
    db.session.add_all(rows)
    return rows


def record_created(entity: Any, actor: Any | None, reason: str | None = None, *,
                   at: datetime | None = None) -> AuditEntry:
    """Who created the record and when (its first values are the ``old`` of later rows)."""
    row = _entry(entity, CREATED, "", "", actor, reason, at)
    db.session.add(row)
    return row


def _entry(entity: Any, field: str, old: str, new: str, actor: Any | None,
           reason: str | None, at: datetime | None) -> AuditEntry:
    entity_type, entity_id = _key(entity)
    return AuditEntry(
        entity_type=entity_type, entity_id=entity_id, field=field, old_value=old,
        new_value=new, actor_id=actor.id if actor is not None else None,
        at=at or utcnow(), reason=(reason or "").strip(),
    )


def _key(entity: Any) -> tuple[str, int]:
    if entity.id is None:  # a record created in this transaction gets its id now
        db.session.flush()
    return entity.__tablename__, entity.id


def as_text(value: object) -> str:
    """How a value is stored: booleans as ``true``/``false`` (see ``YES_NO``), times as
    UTC ISO 8601, nothing as an empty string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    return str(value)


def history(entity: Any) -> list[AuditEntry]:
    """The record's changes, newest first, each with its actor (a fixed number of
    queries however long the history is)."""
    return list(db.session.scalars(_history_query(entity)))


def _history_query(entity: Any):
    entity_type, entity_id = _key(entity)
    return (
        select(AuditEntry)
        .where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id == entity_id)
        .options(joinedload(AuditEntry.actor))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )


def ensure_current(entity: Any, submitted_version: int | None) -> None:
    """Refuse an edit made on a form loaded at another version of ``entity`` (a
    ``Versioned`` record): someone saved in between, and overwriting their save
    silently would lose it. The error names that save when the trail knows it."""
    if submitted_version is not None and submitted_version == entity.version:
        return
    last = db.session.scalars(_history_query(entity).limit(1)).first()
    updated = getattr(entity, "updated_at", None)
    # A later unaudited save (``updated_at`` well after the last row) must not be
    # credited to the author of an earlier one.
    if last is not None and (updated is None or updated - last.at <= SAME_SAVE):
        who = last.actor.display_name if last.actor is not None else None
        raise EditConflict(who=who, when=last.at, current_version=entity.version)
    raise EditConflict(when=updated, current_version=entity.version)
