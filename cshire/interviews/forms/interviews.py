"""The interview form: stage, time, place and panel."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, Length, Optional

from cshire.forms import MultiCheckboxField
from cshire.interviews.forms.choices import _int_or_none
from cshire.timezones import LocalDateTimeField


class InterviewForm(FlaskForm):
    stage_id = SelectField(_l("Stage"), coerce=_int_or_none, validators=[DataRequired()])
    scheduled_at = LocalDateTimeField(_l("Date and time"), validators=[DataRequired()])
    location = StringField(_l("Place or video link"), validators=[Optional(), Length(max=200)])
    panel = MultiCheckboxField(_l("Panel"), coerce=int)
