"""The question-bank form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    SelectField,
    TextAreaField,
)
from wtforms.validators import Optional

from cshire.interviews.forms.choices import language_choices, optional_int
from cshire.interviews.messages import QUESTION_TYPE_LABELS


class QuestionForm(FlaskForm):
    competency = SelectField(_l("Competency"), coerce=optional_int, validate_choice=False)
    question_type = SelectField(
        _l("Type"), choices=list(QUESTION_TYPE_LABELS.items())
    )
    language = SelectField(_l("Language"), choices=language_choices())
    text = TextAreaField(_l("Question"), validators=[Optional()],
                         description=_l("Situational: put the candidate into a real CS scene. "
                                        "Behavioural: “Tell me about a time…”."))
    probes = TextAreaField(_l("Follow-up probes"), validators=[Optional()],
                           description=_l("One probe per line."))
    anchor_low = TextAreaField(_l("What a level-1 answer sounds like"), validators=[Optional()])
    anchor_mid = TextAreaField(_l("What a level-3 answer sounds like"), validators=[Optional()])
    anchor_high = TextAreaField(_l("What a level-5 answer sounds like"), validators=[Optional()])
