"""Enrolment forms: enrol one new hire or a cohort; change the mentor or start date."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from cshire.forms import MultiCheckboxField, VersionedForm


def optional_id(value: object) -> int | None:
    """``coerce`` of a select whose first option ("choose…") is empty."""
    return int(value) if value not in (None, "", "None") else None  # type: ignore[arg-type]


class EnrolmentForm(FlaskForm):
    new_hire_ids = MultiCheckboxField(
        _l("New hires"), coerce=int,
        description=_l("Choose one new hire, or several who start together as a cohort."))
    cohort_name = StringField(
        _l("Cohort name"), validators=[Optional(), Length(max=120)],
        description=_l("Needed when several new hires start together, e.g. “April 2026”."))
    curriculum_id = SelectField(_l("Curriculum"), coerce=optional_id)
    mentor_id = SelectField(_l("Mentor"), coerce=optional_id,
                            description=_l("A CSM, interviewer or manager who reviews "
                                           "their work and signs them off."))
    start_date = DateField(_l("Start date"), validators=[Optional()],
                           description=_l("Due dates count from this day."))
    application_id = SelectField(
        _l("Hired application (optional)"), coerce=optional_id, validators=[Optional()],
        description=_l("Links the new hire to the interviews that hired them, so their "
                       "interview gaps can shape their plan. One new hire only."))


class EnrolmentEditForm(VersionedForm, FlaskForm):
    mentor_id = SelectField(_l("Mentor"), coerce=optional_id)
    start_date = DateField(_l("Start date"), validators=[Optional()],
                           description=_l("Due dates count from this day."))
    reason = TextAreaField(_l("Reason (optional)"), validators=[Optional(), Length(max=500)])


