"""User-facing text for the auth rules' error codes (shared by views and the CLI)."""

from flask_babel import lazy_gettext as _l

from cshire.auth.services import AuthError

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
}


def message_for(error: AuthError) -> str:
    return str(MESSAGES[error.code]) % error.params if error.params else str(MESSAGES[error.code])
