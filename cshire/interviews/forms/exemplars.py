"""Exemplar-rating forms: the CSV upload and accepting the suggestion (the grid is
read by its view)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired

from cshire.forms import VersionedForm


class ExemplarCsvForm(FlaskForm):
    file = FileField(
        _l("CSV file"),
        validators=[FileRequired(), FileAllowed(["csv", "txt"], _l("Upload a .csv file."))],
        description=_l("Columns: email, is_high_performer (1 or 0), then one column per "
                       "competency code with a rating from 1 to 5 (empty: not rated)."),
    )


class AcceptSuggestionForm(VersionedForm, FlaskForm):
    """The profile's version the suggestion page showed (``AcceptSuggestionForm(obj=profile)``)."""
