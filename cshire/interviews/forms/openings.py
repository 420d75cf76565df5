"""Opening forms: the opening with its first two stages, and adding a stage."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from cshire.interviews.forms.choices import _int_or_none


class OpeningForm(FlaskForm):
    title = StringField(_l("Role / title"), validators=[DataRequired(), Length(max=200)],
                        description=_l("For example: Customer Success Manager — high touch."))
    description = TextAreaField(_l("Description"), validators=[Optional()])
    profile_id = SelectField(_l("High-performer profile"), coerce=_int_or_none,
                             validators=[DataRequired()])
    hiring_manager_id = SelectField(_l("Hiring manager"), coerce=_int_or_none,
                                    validators=[DataRequired()])
    fit_threshold = IntegerField(
        _l("Fit threshold (0–100, optional)"), validators=[Optional(), NumberRange(0, 100)],
        description=_l("The declared rule: advance or hire candidates whose fit is at or "
                       "above this value. Decisions that depart from it need a reason."))
    notes_required = BooleanField(_l("Require an evidence note with every rating"))
    stage1_name = StringField(_l("Stage 1 name"), validators=[Optional(), Length(max=120)])
    stage1_kit = SelectField(_l("Stage 1 interview kit"), coerce=_int_or_none,
                             validators=[Optional()])
    stage2_name = StringField(_l("Stage 2 name (optional)"),
                              validators=[Optional(), Length(max=120)])
    stage2_kit = SelectField(_l("Stage 2 interview kit"), coerce=_int_or_none,
                             validators=[Optional()])


class StageForm(FlaskForm):
    name = StringField(_l("Stage name"), validators=[DataRequired(), Length(max=120)])
    kit_version_id = SelectField(_l("Interview kit (published version)"), coerce=_int_or_none,
                                 validators=[DataRequired()])
