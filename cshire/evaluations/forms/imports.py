"""The forms of the CRM imports page: one upload form per import, and the confirmation
that carries the checked file to the import."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField, SelectField
from wtforms.validators import InputRequired


class ImportUploadForm(FlaskForm):
    file = FileField(_l("CSV file"), validators=[
        FileRequired(), FileAllowed(["csv", "txt"], _l("Upload a .csv file."))])


class EventsUploadForm(ImportUploadForm):
    """Events name the stages of one journey: the user picks it (choices: the journeys,
    set by the view)."""

    journey = SelectField(_l("Journey"), validators=[InputRequired()], choices=[],
                          description=_l("The journey whose stage codes the file uses."))


class ConfirmImportForm(FlaskForm):
    """The checked file (base64 of its bytes, so Shift_JIS arrives intact) and the
    journey of an events import: the import checks it all again before writing."""

    content = HiddenField(validators=[InputRequired()])
    journey = HiddenField()
