from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from cshire.competencies.messages import CATEGORY_LABELS
from cshire.competencies.models import LEVELS
from cshire.forms import VersionedForm

LEVEL_HINTS = {
    1: _l("Level 1 — clearly below expectations"),
    2: _l("Level 2"),
    3: _l("Level 3 — solid, competent"),
    4: _l("Level 4"),
    5: _l("Level 5 — what a high performer shows"),
}


class CompetencyForm(VersionedForm, FlaskForm):
    code = StringField(
        _l("Code"),
        validators=[
            DataRequired(),
            Length(max=40),
            Regexp(r"^[A-Za-z0-9][A-Za-z0-9 _-]*$",
                   message=_l("Use letters, digits, hyphens and underscores.")),
        ],
        description=_l("A short, stable identifier such as EMPATHY."),
    )
    category = SelectField(
        _l("Category"), choices=[(c.value, label) for c, label in CATEGORY_LABELS.items()]
    )
    name_en = StringField(_l("Name (English)"), validators=[Optional(), Length(max=200)])
    name_ja = StringField(_l("Name (Japanese)"), validators=[Optional(), Length(max=200)])
    description_en = TextAreaField(_l("Description (English)"), validators=[Optional()])
    description_ja = TextAreaField(_l("Description (Japanese)"), validators=[Optional()])

    def level_fields(self) -> list[tuple[int, object, object, object]]:
        """(level, hint, English field, Japanese field) for the template."""
        return [
            (n, LEVEL_HINTS[n], self[f"level{n}_en"], self[f"level{n}_ja"]) for n in LEVELS
        ]


for _n in LEVELS:
    setattr(CompetencyForm, f"level{_n}_en", TextAreaField(
        _l("Anchor for level %(n)s (English)", n=_n), validators=[Optional()]))
    setattr(CompetencyForm, f"level{_n}_ja", TextAreaField(
        _l("Anchor for level %(n)s (Japanese)", n=_n), validators=[Optional()]))


class ImportArchetypeForm(FlaskForm):
    archetype = HiddenField(validators=[DataRequired()])
