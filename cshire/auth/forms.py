from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from cshire.auth.messages import ROLE_LABELS
from cshire.auth.services import MIN_PASSWORD_LENGTH
from cshire.forms import MultiCheckboxField
from cshire.timezones import zone_names

LANGUAGE_CHOICES = [("en", "English"), ("ja", "日本語")]


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Keep me signed in on this device"))


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    new_password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH)]
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("new_password", message=_l("The passwords differ."))],
    )


class LanguageForm(FlaskForm):
    language = SelectField(_l("Language"), choices=LANGUAGE_CHOICES)


class UserForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    locale = SelectField(_l("Preferred language"), choices=LANGUAGE_CHOICES)
    roles = MultiCheckboxField(
        _l("Roles"), choices=[(role.value, label) for role, label in ROLE_LABELS.items()]
    )
    team_id = SelectField(_l("Team"), coerce=int, validate_choice=True)
    active = BooleanField(_l("Active (may sign in)"), default=True)
    password = PasswordField(
        _l("Initial password"),
        validators=[Optional(), Length(min=MIN_PASSWORD_LENGTH)],
        description=_l("At least %(n)s characters. Leave empty to keep the current one.",
                       n=MIN_PASSWORD_LENGTH),
    )


class TeamForm(FlaskForm):
    name = StringField(_l("Team name"), validators=[DataRequired(), Length(max=120)])
    manager_id = SelectField(_l("Manager"), coerce=int)


def zone_choices(default_label: str | None = None) -> list[tuple[str, str]]:
    """Every zone (``Asia/Tokyo``…); with ``default_label``, a first "use the default"."""
    choices = [(zone, zone.replace("_", " ")) for zone in zone_names()]
    return [("", default_label), *choices] if default_label else choices


class OrganisationSettingsForm(FlaskForm):
    default_timezone = SelectField(
        _l("Default time zone"),
        description=_l("Everyone sees and enters times in this zone unless they chose "
                       "their own."))


class PreferencesForm(FlaskForm):
    timezone = SelectField(_l("Time zone"))
