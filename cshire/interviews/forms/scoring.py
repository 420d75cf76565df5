"""The interviewer's scorecard form and the reopen form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from cshire.forms import VersionedForm
from cshire.interviews.messages import RECOMMENDATION_LABELS

NOT_ASKED = "na"


RATING_CHOICES = [(str(n), str(n)) for n in range(1, 6)] + [(NOT_ASKED, _l("Not asked"))]


class AnswerForm(Form):
    """One kit question on the scoring form (a sub-form: CSRF is on the parent)."""

    item_id = HiddenField()
    rating = RadioField(_l("Rating"), choices=RATING_CHOICES, validate_choice=False)
    not_asked_reason = StringField(_l("Why not asked"), validators=[Optional(), Length(max=300)])
    note = TextAreaField(_l("Evidence note"), validators=[Optional()])


class ScorecardForm(VersionedForm, FlaskForm):
    answers = FieldList(FormField(AnswerForm))
    recommendation = RadioField(
        _l("Overall recommendation"), validate_choice=False,
        choices=list(RECOMMENDATION_LABELS.items()))
    summary = TextAreaField(
        _l("Overall summary (key evidence)"), validators=[Optional()],
        description=_l("The few observations that carry your recommendation."))


class ReopenForm(FlaskForm):
    reason = TextAreaField(_l("Reason for reopening"), validators=[DataRequired()],
                           description=_l("Kept in the scorecard's audit trail."))
