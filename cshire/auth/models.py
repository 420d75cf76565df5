"""Users, their roles and teams."""

import secrets
from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cshire.database import utcnow
from cshire.extensions import db


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    INTERVIEWER = "interviewer"
    CSM = "csm"  # a team member who owns customer accounts and is evaluated
    NEW_HIRE = "new_hire"


# The roles that manage people and content (hiring, training, evaluations); defined once.
MANAGERS: frozenset[Role] = frozenset({Role.MANAGER, Role.ADMIN})


class Team(db.Model):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    # use_alter: users and teams refer to each other; this FK is added after both exist.
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL", use_alter=True)
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    manager: Mapped["User | None"] = relationship(foreign_keys=[manager_id])
    members: Mapped[list["User"]] = relationship(
        back_populates="team", foreign_keys="User.team_id", order_by="User.display_name"
    )


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class User(UserMixin, db.Model):
    """A person who signs in. ``session_token`` is part of the id Flask-Login keeps in
    the session and the remember-me cookie: replacing it (sign-out, password change)
    ends every session of the user on every device at once."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    locale: Mapped[str] = mapped_column(String(5), default="en")
    active: Mapped[bool] = mapped_column(default=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    # An IANA zone (Asia/Tokyo); None: the organisation's default time zone.
    timezone: Mapped[str | None] = mapped_column(String(64))

    team: Mapped[Team | None] = relationship(back_populates="members", foreign_keys=[team_id])
    role_grants: Mapped[list["RoleGrant"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        """What Flask-Login stores in the session and the remember-me cookie."""
        return f"{self.id}:{self.session_token}"

    def end_all_sessions(self) -> None:
        """Every session and remember-me cookie issued so far stops working."""
        self.session_token = new_session_token()

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(Role(grant.role) for grant in self.role_grants)

    def has_role(self, *roles: Role) -> bool:
        """True when the user holds at least one of ``roles``."""
        # Asked for every navigation link on every page: compare the stored strings
        # rather than building a set of enums each time.
        return any(grant.role in roles for grant in self.role_grants)

    def __repr__(self) -> str:
        return f"<User {self.email}>"


class RoleGrant(db.Model):
    """One role held by one user; a user may hold several."""

    __tablename__ = "role_grants"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))

    user: Mapped[User] = relationship(back_populates="role_grants")


class LoginAttempt(db.Model):
    """Sign-in attempts counted under one key in a fixed window (``cshire/auth/throttle.py``).

    Keys: an email with the client's address, and an email alone. Rows exist for unknown
    emails too, so the lock-out never reveals which addresses have accounts; they live in
    the database so every worker counts the same attempts.
    """

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    attempts: Mapped[int] = mapped_column(default=0)
    window_started_at: Mapped[datetime] = mapped_column(default=utcnow)


class OrganisationSettings(db.Model):
    """Settings an admin sets for everyone (one row): the default time zone."""

    __tablename__ = "organisation_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    default_timezone: Mapped[str] = mapped_column(String(64), default="UTC")
