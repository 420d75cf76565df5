"""The hiring manager's forms on a candidate scorecard: decision, status, debrief note."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from cshire.interviews.messages import OUTCOME_LABELS


def _whole_number(value) -> int | None:
    """A hidden number the page carries; None when missing or tampered with."""
    text = str(value or "")
    return int(text) if text.isascii() and text.isdigit() else None


class StatusForm(FlaskForm):
    """Moves that are not decisions: to interviewing, withdrawn."""

    status = SelectField(_l("New status"), validators=[DataRequired()])
    note = StringField(_l("Note (optional)"), validators=[Optional(), Length(max=500)])
    seen = HiddenField(id="status-seen")  # the status the page showed


class DecisionForm(FlaskForm):
    outcome = RadioField(_l("Decision"), choices=list(OUTCOME_LABELS.items()),
                         validators=[DataRequired()])
    rationale = TextAreaField(_l("Rationale"), validators=[DataRequired()])
    departure_reason = TextAreaField(
        _l("Reason for departing from the rule"), validators=[Optional()],
        description=_l("Required when the decision goes against the opening's fit threshold."))
    step = HiddenField()  # the number of the decision the page was loaded for
    seen = HiddenField(id="decision-seen")  # the status the page showed

    @property
    def loaded_step(self) -> int | None:
        return _whole_number(self.step.data)


class DebriefForm(FlaskForm):
    text = TextAreaField(_l("Debrief note"), validators=[DataRequired()])
