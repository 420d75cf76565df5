"""Forms of the success journey: the journey, a stage, a milestone, the JSON import."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from cshire.forms import VersionedForm

CODE_VALIDATORS = [
    DataRequired(), Length(max=40),
    Regexp(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
           message=_l("Use letters, digits, dots, hyphens and underscores.")),
]


class _Named(VersionedForm, FlaskForm):
    """Code, names and descriptions in both languages. ``version`` is the *journey's*
    version for a stage or milestone too: an edit below the journey moves it."""

    code = StringField(_l("Code"), validators=CODE_VALIDATORS,
                       description=_l("A short, stable identifier such as onboarding; "
                                      "other systems and import files refer to it."))
    name_en = StringField(_l("Name (English)"), validators=[Optional(), Length(max=200)])
    name_ja = StringField(_l("Name (Japanese)"), validators=[Optional(), Length(max=200)])
    description_en = TextAreaField(_l("Description (English)"), validators=[Optional()])
    description_ja = TextAreaField(_l("Description (Japanese)"), validators=[Optional()])


class JourneyForm(_Named):
    pass


class StageForm(_Named):
    playbook_en = TextAreaField(
        _l("Playbook to the next stage (English)"), validators=[Optional()],
        description=_l("The content and tools that move a customer from this stage to the "
                       "next. Markdown: **bold**, lists and [links](https://…)."))
    playbook_ja = TextAreaField(_l("Playbook to the next stage (Japanese)"),
                                validators=[Optional()])


class MilestoneForm(_Named):
    is_handoff = BooleanField(
        _l("Handoff criterion"),
        description=_l("The customer is handed to the next team only once this milestone "
                       "is reached."))


class JourneyImportForm(FlaskForm):
    file = FileField(_l("JSON file"), validators=[
        FileRequired(), FileAllowed(["json"], _l("Upload a .json file."))])


class JourneyImportConfirmForm(FlaskForm):
    """The uploaded file, carried through the preview: nothing is saved before this."""

    content = HiddenField(validators=[DataRequired()])
