"""The hiring manager's forms on a candidate scorecard: status, decision, debrief note."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from cshire.interviews.messages import OUTCOME_LABELS


class StatusForm(FlaskForm):
    status = SelectField(_l("New status"), validators=[DataRequired()])
    note = StringField(_l("Note (optional)"), validators=[Optional(), Length(max=500)])


class DecisionForm(FlaskForm):
    outcome = RadioField(_l("Decision"), choices=list(OUTCOME_LABELS.items()),
                         validators=[DataRequired()])
    rationale = TextAreaField(_l("Rationale"), validators=[DataRequired()])
    departure_reason = TextAreaField(
        _l("Reason for departing from the rule"), validators=[Optional()],
        description=_l("Required when the decision goes against the opening's fit threshold."))


class DebriefForm(FlaskForm):
    text = TextAreaField(_l("Debrief note"), validators=[DataRequired()])
