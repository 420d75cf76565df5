"""The auth rules' error codes → text (shared by views and the CLI), and the labels
of roles and of a user's history."""

from flask_babel import lazy_gettext as _l

from cshire.audit import YES_NO
from cshire.auth.models import Role
from cshire.errors import DomainError
from cshire.i18n import LANGUAGE_NAMES

MESSAGES = {
    "invalid": _l("The email or password is not correct."),
    "locked": _l(
        "Too many failed sign-ins for this email. Try again in %(minutes)s minutes."
    ),
    "wrong_current_password": _l("The current password is not correct."),
    "password_too_short": _l("A password needs at least %(length)s characters."),
    "email_taken": _l("A user with this email already exists."),
    "cannot_demote_self": _l(
        "You cannot remove your own administrator role or deactivate yourself."
    ),
    "team_name_taken": _l("A team with this name already exists."),
    "zone_unknown": _l("“%(zone)s” is not a time zone this server knows."),
}


class AuthError(DomainError):
    """A sign-in, password, user or team rule refused the request."""

    messages = MESSAGES


ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.MANAGER: _l("Manager"),
    Role.INTERVIEWER: _l("Interviewer"),
    Role.CSM: _l("Customer success manager"),
    Role.NEW_HIRE: _l("New hire"),
}


def role_field(role: Role) -> str:
    """The audited field that records whether a user holds ``role``."""
    return f"role_{role.value}"


# The history of a user: what each audited field is called, and how values read.
AUDIT_LABELS = {
    "display_name": _l("Name"),
    "locale": _l("Preferred language"),
    "team": _l("Team"),
    "active": _l("Active (may sign in)"),
    **{role_field(role): _l("Role: %(role)s", role=label) for role, label in ROLE_LABELS.items()},
}
AUDIT_VALUES = {
    "locale": LANGUAGE_NAMES,
    "active": YES_NO,
    **{role_field(role): YES_NO for role in Role},
}
