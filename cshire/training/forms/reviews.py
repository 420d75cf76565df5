"""The mentor's review of one round."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import Length, Optional

from cshire.training.models.work import ReviewOutcome


class ReviewForm(FlaskForm):
    outcome = RadioField(_l("Outcome"), choices=[
        (ReviewOutcome.APPROVED.value, _l("Approve: the module is passed")),
        (ReviewOutcome.REVISE.value, _l("Ask for changes: they hand in a new round")),
    ], validators=[Optional()])
    comment = TextAreaField(
        _l("Comment"), validators=[Optional(), Length(max=5000)],
        description=_l("Required when you ask for changes: say what to change and why."))
