"""Kit forms: a new kit; publishing a draft, swapping and moving its questions (each
carries the draft's version the page was loaded at)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    IntegerField,
    RadioField,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import NumberInput

from cshire.forms import VersionedForm
from cshire.interviews.forms.choices import language_choices, optional_int


class KitForm(FlaskForm):
    name = StringField(_l("Kit name"), validators=[DataRequired(), Length(max=200)])
    profile = SelectField(_l("Profile"), coerce=optional_int, validate_choice=False)
    language = SelectField(_l("Language of the questions"), choices=language_choices())
    size_by = RadioField(
        _l("Length"), default="questions",
        choices=[("questions", _l("A number of questions")),
                 ("minutes", _l("An interview length in minutes"))],
    )
    total_questions = IntegerField(_l("Number of questions"), default=10,
                                   validators=[Optional()], widget=NumberInput(min=1, max=40))
    interview_minutes = IntegerField(_l("Interview minutes"), validators=[Optional()],
                                     widget=NumberInput(min=1))
    minutes_per_question = IntegerField(
        _l("Minutes per question"), default=6,
        validators=[InputRequired(), NumberRange(min=1, max=60)], widget=NumberInput(min=1, max=60),
    )


class DraftForm(VersionedForm, FlaskForm):
    """A change to a draft version (publish): ``DraftForm(obj=version)``."""


class SwapForm(DraftForm):
    question = IntegerField(validators=[Optional()])


class MoveForm(DraftForm):
    direction = StringField(validators=[Optional()])
