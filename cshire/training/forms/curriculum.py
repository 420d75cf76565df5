"""Curriculum forms: the curriculum, a module, and the plain buttons (move)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from cshire.forms import MultiCheckboxField, VersionedForm
from cshire.training.messages import MODULE_KIND_LABELS


def optional_int(value: object) -> int | None:
    """``coerce`` for a select whose first option ("choose…") is empty."""
    return None if value in (None, "", "None") else int(value)  # type: ignore[arg-type]


class CurriculumForm(VersionedForm, FlaskForm):
    name_en = StringField(_l("Name (English)"), validators=[Optional(), Length(max=200)])
    name_ja = StringField(_l("Name (Japanese)"), validators=[Optional(), Length(max=200)])
    description_en = TextAreaField(_l("Description (English)"), validators=[Optional()])
    description_ja = TextAreaField(_l("Description (Japanese)"), validators=[Optional()])
    journey_id = SelectField(
        _l("Success journey"), coerce=optional_int, validators=[DataRequired()],
        description=_l("Modules are grouped by this journey's stages, in its order."))


class ModuleForm(VersionedForm, FlaskForm):
    kind = SelectField(_l("Kind"), choices=[(k.value, label)
                                           for k, label in MODULE_KIND_LABELS.items()])
    stage_id = SelectField(_l("Journey stage"), coerce=optional_int,
                           validators=[DataRequired()])
    title_en = StringField(_l("Title (English)"), validators=[Optional(), Length(max=200)])
    title_ja = StringField(_l("Title (Japanese)"), validators=[Optional(), Length(max=200)])
    body_en = TextAreaField(
        _l("Text (English, Markdown)"), validators=[Optional(), Length(max=100_000)],
        description=_l("The lesson, or the instructions of a quiz, assignment or sandbox "
                       "exercise. Markdown: **bold**, lists, links, tables."))
    body_ja = TextAreaField(_l("Text (Japanese, Markdown)"),
                            validators=[Optional(), Length(max=100_000)])
    due_days = IntegerField(
        _l("Due (days after the start date)"), default=7,
        validators=[Optional(), NumberRange(0, 365)])
    required = BooleanField(_l("Required for field readiness"), default=True)
    competency_ids = MultiCheckboxField(_l("Competencies it builds"), coerce=int)
    pass_mark = IntegerField(_l("Pass mark (%)"), validators=[Optional(), NumberRange(0, 100)],
                             description=_l("Quizzes: the share of questions to get right."))
    max_attempts = IntegerField(
        _l("Attempts allowed"), validators=[Optional(), NumberRange(1, 100)],
        description=_l("Quizzes: leave empty for no limit."))
    sandbox_url = StringField(
        _l("Sandbox address"), validators=[Optional(), Length(max=500)],
        description=_l("Sandbox exercises: where the new hire uses the product as a "
                       "customer."))
