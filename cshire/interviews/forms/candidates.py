"""Candidate forms: adding one candidate and importing a CSV file."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    DateField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, Optional


class CandidateForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    email = StringField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    phone = StringField(_l("Phone (optional)"), validators=[Optional(), Length(max=40)])
    source = StringField(_l("Source"), validators=[Optional(), Length(max=120)],
                         description=_l("Where the candidate came from: referral, job board…"))
    notes = TextAreaField(_l("Notes"), validators=[Optional()])
    consent_on = DateField(_l("Consent date"), validators=[Optional()],
                           description=_l("The day the candidate agreed to the processing "
                                          "of their data."))


class CandidateImportForm(FlaskForm):
    file = FileField(_l("CSV file"), validators=[
        FileRequired(), FileAllowed(["csv", "txt"], _l("Upload a .csv file."))])
