"""The interview form: stage, time, place and panel."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, Length, Optional

from cshire.forms import MultiCheckboxField
from cshire.interviews.forms.choices import _int_or_none


class InterviewForm(FlaskForm):
    stage_id = SelectField(_l("Stage"), coerce=_int_or_none, validators=[DataRequired()])
    scheduled_at = DateTimeLocalField(_l("Date and time (UTC)"), validators=[DataRequired()],
                                      format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])
    location = StringField(_l("Place or video link"), validators=[Optional(), Length(max=200)])
    panel = MultiCheckboxField(_l("Panel"), coerce=int)
