"""The declarative base every model inherits, the column types models share, and the
version column that detects edit conflicts."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Engine, MetaData, event
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, registry
from sqlalchemy.types import TypeDecorator

# Named constraints make Alembic migrations reviewable and let SQLite batch mode
# drop or alter a constraint by name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (the default of every timestamp)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC that always comes back timezone-aware.

    SQLite has no time zones, so without this a value written as aware would be
    read back naive and comparisons with ``utcnow()`` would fail.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    # One registry carries both settings: Flask-SQLAlchemy subclasses this base, and
    # SQLAlchemy 2.1 only honours a type map that lives on the registry.
    registry = registry(
        metadata=MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={datetime: UTCDateTime()},
    )


class Versioned:
    """Mixin: a ``version`` counter that SQLAlchemy increments on every UPDATE of the row
    and checks in its WHERE clause, so a save that raced another one fails with
    ``StaleDataError`` instead of silently overwriting it.

    That covers the milliseconds inside one request. The minutes between loading a form
    and saving it are covered by the form carrying the version it was loaded at
    (``cshire.forms.VersionedForm``) and the service calling
    ``cshire.audit.ensure_current(entity, form_version)`` before it changes anything.
    Changes to child rows alone do not update this row: a service that edits only
    children must touch a column of the parent (``updated_at``) to bump the version.
    """

    version: Mapped[int] = mapped_column(default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}


@event.listens_for(Engine, "connect")
def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    """SQLite ignores foreign keys unless each connection turns them on."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
