"""Handing in an assignment: free text and/or a file."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import TextAreaField
from wtforms.validators import Length, Optional


class HandInForm(FlaskForm):
    text = TextAreaField(_l("Your answer"), validators=[Optional(), Length(max=20000)])
    file = FileField(_l("File (optional)"),
                     description=_l("An image (PNG, JPEG, GIF, WebP) or a PDF, up to 5 MB."))
