"""Who may reach which endpoint: one declaration per view, checked on every request.

Every view carries an ``AccessRule`` (``public``, ``signed_in`` or ``roles(...)``).
``tests/test_access.py`` walks ``app.url_map`` and fails when a view has none, so a new
route cannot ship without an explicit decision. Object-level checks (only the
interviewers of this interview…) live in each package's services and use
``ensure_found``/``ensure_allowed`` below so the HTTP answer is uniform.
"""

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, abort, g
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import joinedload

from cshire.auth.models import Role, User
from cshire.auth.services import organisation_zone
from cshire.extensions import db, login_manager
from cshire.request_input import MAX_ID
from cshire.timezones import DEFAULT_ZONE, is_zone

View = TypeVar("View", bound=Callable[..., Any])


@dataclass(frozen=True)
class AccessRule:
    """``roles`` None means any signed-in user; ``public`` needs no sign-in at all."""

    public: bool = False
    roles: frozenset[Role] | None = None

    def allows(self, user: Any) -> bool:
        if self.public:
            return True
        if not user.is_authenticated:
            return False
        return self.roles is None or user.has_role(*self.roles)


def _declare(rule: AccessRule) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if not rule.public and not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not rule.allows(current_user):
                abort(403)
            return view(*args, **kwargs)

        guarded.access_rule = rule  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorator


def public(view: View) -> View:
    """Anyone, signed in or not (login page, health check)."""
    return _declare(AccessRule(public=True))(view)


def signed_in(view: View) -> View:
    """Any signed-in, active user."""
    return _declare(AccessRule())(view)


def roles(*allowed: Role) -> Callable[[View], View]:
    """Signed-in users holding at least one of ``allowed``; others get 403."""
    return _declare(AccessRule(roles=frozenset(allowed)))


def rule_of(view: Callable[..., Any]) -> AccessRule | None:
    return getattr(view, "access_rule", None)


def ensure_found(obj: Any) -> Any:
    """404 for a missing object: also used when a user may not know it exists."""
    if obj is None:
        abort(404)
    return obj


def ensure_allowed(allowed: bool) -> None:
    """403 when an object-level rule says no."""
    if not allowed:
        abort(403)



def select_timezone() -> str:
    """Flask-Babel's time zone for this request: the user's own, else the
    organisation's (read once per request), else UTC."""
    if current_user and current_user.is_authenticated and is_zone(current_user.timezone):
        return current_user.timezone
    if "organisation_zone" not in g:
        try:
            g.organisation_zone = organisation_zone()
        except SQLAlchemyError:  # no tables yet (before the first migration)
            db.session.rollback()
            g.organisation_zone = DEFAULT_ZONE
    return g.organisation_zone


def init_access(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.session_protection = "basic"

    login_manager.login_message = _l("Please sign in to open this page.")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(session_id: str) -> User | None:
        """Every request: the user and their roles in one query — only while the
        session's token is the user's current one (see ``User.session_token``)."""
        user_id, _, token = session_id.partition(":")
        if not (user_id.isascii() and user_id.isdigit()) or int(user_id) > MAX_ID or not token:
            return None
        query = (
            select(User)
            .options(joinedload(User.role_grants))
            .where(User.id == int(user_id), User.active)
        )
        user = db.session.scalars(query).unique().first()
        if user is None or not hmac.compare_digest(user.session_token, token):
            return None
        return user

    # Static files are public by nature; declare it so the route audit sees a rule.
    static_view = app.view_functions.get("static")
    if static_view is not None:
        static_view.access_rule = AccessRule(public=True)  # type: ignore[attr-defined]
