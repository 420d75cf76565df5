"""Profile forms: the competency rows of a profile and the starter-set choice."""

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    FloatField,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import NumberInput

from cshire.competencies.models import Competency
from cshire.forms import VersionedForm
from cshire.interviews.forms.choices import competency_choices, optional_int
from cshire.interviews.services.profiles import (
    EntryInput,
)

BLANK_ROWS = 3  # empty entry rows offered under a profile's competencies


class EntryForm(Form):
    """One competency row of a profile (a sub-form: the outer form carries CSRF)."""

    competency = SelectField(_l("Competency"), coerce=optional_int, validate_choice=False)
    weight = FloatField(_l("Weight"), validators=[Optional()],
                        widget=NumberInput(step="0.1", min="0.1"))
    target_level = IntegerField(_l("Target level"), validators=[Optional()],
                                widget=NumberInput(min=1, max=5))
    remove = BooleanField(_l("Remove"))


class ProfileForm(VersionedForm, FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)],
                       description=_l("The role it describes, e.g. “CSM — high touch”."))
    role_title = StringField(_l("Role title"), validators=[Optional(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional()])
    entries = FieldList(FormField(EntryForm), min_entries=0)

    def prepare(self, competencies: Iterable[Competency], *, blank_rows: int = BLANK_ROWS) -> None:
        """Offer the competencies in every row and add empty rows to fill in."""
        for _ in range(blank_rows):
            self.entries.append_entry()
        choices = competency_choices(competencies, str(_l("— choose a competency —")))
        for row in self.entries:
            row.competency.choices = choices

    def entry_inputs(self) -> list[EntryInput]:
        """One input per row, in row order; a removed row counts as blank so row
        numbers in error messages match what the manager sees."""
        return [
            EntryInput(None, None, None) if row.remove.data else
            EntryInput(row.competency.data, row.weight.data, row.target_level.data)
            for row in self.entries
        ]


class ArchetypeForm(FlaskForm):
    archetype = HiddenField(validators=[DataRequired()])
