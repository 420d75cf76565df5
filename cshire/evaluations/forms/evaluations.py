"""Evaluation forms: each side's part (ratings with evidence and a text), a workflow
step, reopening with a reason, a development goal."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from cshire.evaluations.forms.cycles import optional_int
from cshire.forms import VersionedForm

LEVEL_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


class RatingForm(Form):
    """One competency (a sub-form: CSRF is on the parent)."""

    competency_id = HiddenField()
    level = RadioField(_l("Level"), choices=LEVEL_CHOICES, validate_choice=False)
    evidence = TextAreaField(_l("Evidence"), validators=[Optional(), Length(max=5000)])


class SelfReviewForm(VersionedForm, FlaskForm):
    ratings = FieldList(FormField(RatingForm))
    text = TextAreaField(_l("Your reflection on this step"),
                         validators=[Optional(), Length(max=5000)],
                         description=_l("What held your customers at this step, and what "
                                        "you will try next."))


class ManagerReviewForm(VersionedForm, FlaskForm):
    ratings = FieldList(FormField(RatingForm))
    text = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=5000)],
                         description=_l("The few observations that carry your ratings, "
                                        "and what the CSM should grow next."))


class StepForm(VersionedForm, FlaskForm):
    comment = TextAreaField(_l("Comment (optional)"), validators=[Optional(), Length(max=2000)],
                            description=_l("Kept in the evaluation's history."))


class ReopenForm(VersionedForm, FlaskForm):
    reason = TextAreaField(_l("Reason for reopening"),
                           validators=[DataRequired(), Length(max=2000)],
                           description=_l("Kept in the evaluation's history."))


class GoalForm(VersionedForm, FlaskForm):
    competency_id = SelectField(_l("Competency"), coerce=optional_int, validate_choice=False,
                                validators=[Optional()])
    journey_step = SelectField(_l("Journey step"), validate_choice=False,
                               validators=[Optional()])
    goal = TextAreaField(_l("Goal"), validators=[DataRequired(), Length(max=2000)],
                         description=_l("What the CSM should be able to do, in a sentence."))
    actions = TextAreaField(_l("Actions"), validators=[Optional(), Length(max=5000)],
                            description=_l("How they will get there: training, shadowing, "
                                           "practice on real accounts."))
    due_on = DateField(_l("Due"), validators=[Optional()])
