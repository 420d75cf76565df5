"""The field-readiness sign-off."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, TextAreaField
from wtforms.validators import Length, Optional

from cshire.forms import VersionedForm


class SignOffForm(VersionedForm, FlaskForm):
    signed_on = DateField(_l("Ready for the field on"), validators=[Optional()])
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=2000)])
    make_csm = BooleanField(_l("Change their role from new hire to CSM"))
