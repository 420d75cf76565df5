"""Cycle forms: a new cycle, adding participants, confirming a removal or the close."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from cshire.forms import MultiCheckboxField, VersionedForm


def optional_int(value: object) -> int | None:
    """``coerce`` for a select whose first option ("choose…") is empty."""
    text = str(value or "")
    return int(text) if text.isascii() and text.isdigit() else None


class CycleForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)],
                       description=_l("For example: 2026 Q3 review."))
    period = StringField(_l("Period"), validators=[DataRequired(), Length(max=7)],
                         description=_l("The month (2026-07) or quarter (2026-Q3) whose "
                                        "metrics the evaluations show."))
    journey_id = SelectField(_l("Journey"), coerce=optional_int, validate_choice=False,
                             validators=[Optional()])
    self_due_on = DateField(_l("Self-review due"), validators=[Optional()])
    manager_due_on = DateField(_l("Manager review due"), validators=[Optional()])
    participant_ids = MultiCheckboxField(_l("Participants"), coerce=int,
                                         validate_choice=False)


class ParticipantsForm(VersionedForm, FlaskForm):
    participant_ids = MultiCheckboxField(_l("CSMs to add"), coerce=int, validate_choice=False)


class ConfirmForm(VersionedForm, FlaskForm):
    """A confirmation that carries the version of what it changes."""
