"""Forms of what a hiring manager prepares: profiles, exemplar ratings, the question
bank and kits. They check the shape of the input; the rules are in the services."""

from collections.abc import Iterable, Mapping

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    FieldList,
    FloatField,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import NumberInput

from cshire.competencies.models import Competency
from cshire.i18n import LANGUAGE_NAMES, localized
from cshire.interviews.models.design import QuestionType
from cshire.interviews.services.exemplars import (
    ExemplarInput,
)
from cshire.interviews.services.profiles import (
    EntryInput,
)
from cshire.interviews.services.questions import QuestionFilters

BLANK_ROWS = 3  # empty entry rows offered under a profile's competencies

QUESTION_TYPE_LABELS = {
    QuestionType.SITUATIONAL.value: _l("Situational (a CS scene)"),
    QuestionType.BEHAVIOURAL.value: _l("Behavioural (past behaviour)"),
}
QUESTION_STATUS_LABELS = {"active": _l("Active"), "retired": _l("Retired")}


def optional_int(value: object) -> int | None:
    """``coerce`` for selects whose first option ("choose…") is empty."""
    if value in (None, ""):
        return None
    return int(value)  # type: ignore[arg-type]


def competency_choices(competencies: Iterable[Competency], prompt: str) -> list[tuple[str, str]]:
    return [("", prompt)] + [
        (str(c.id), f"{localized(c, 'name')} ({c.code})") for c in competencies
    ]


def language_choices() -> list[tuple[str, str]]:
    return [(code, name) for code, name in LANGUAGE_NAMES.items()]


# --- profiles --------------------------------------------------------------------------


class EntryForm(Form):
    """One competency row of a profile (a sub-form: the outer form carries CSRF)."""

    competency = SelectField(_l("Competency"), coerce=optional_int, validate_choice=False)
    weight = FloatField(_l("Weight"), validators=[Optional()],
                        widget=NumberInput(step="0.1", min="0.1"))
    target_level = IntegerField(_l("Target level"), validators=[Optional()],
                                widget=NumberInput(min=1, max=5))
    remove = BooleanField(_l("Remove"))


class ProfileForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)],
                       description=_l("The role it describes, e.g. “CSM — high touch”."))
    role_title = StringField(_l("Role title"), validators=[Optional(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional()])
    entries = FieldList(FormField(EntryForm), min_entries=0)
    version = HiddenField()

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


def entry_data(entries: Iterable[EntryInput]) -> list[dict]:
    """Rows to pre-fill a ``ProfileForm`` with (``data={"entries": …}``)."""
    return [
        {"competency": e.competency_id, "weight": e.weight, "target_level": e.target_level}
        for e in entries
    ]


class ArchetypeForm(FlaskForm):
    archetype = HiddenField(validators=[DataRequired()])


class ExemplarCsvForm(FlaskForm):
    file = FileField(
        _l("CSV file"),
        validators=[FileRequired(), FileAllowed(["csv", "txt"], _l("Upload a .csv file."))],
        description=_l("Columns: email, is_high_performer (1 or 0), then one column per "
                       "competency code with a rating from 1 to 5 (empty: not rated)."),
    )


def parse_exemplar_grid(
    formdata: Mapping[str, str], member_ids: Iterable[int], competency_ids: Iterable[int]
) -> list[ExemplarInput]:
    """The rating grid: ``rating-<member>-<competency>`` selects (empty = not rated)
    and ``high-<member>`` checkboxes. A value that is not a number counts as empty;
    the service checks the range."""
    competency_ids = list(competency_ids)
    rows = []
    for member_id in member_ids:
        ratings = {}
        for competency_id in competency_ids:
            raw = (formdata.get(f"rating-{member_id}-{competency_id}") or "").strip()
            ratings[competency_id] = int(raw) if raw.lstrip("-").isdigit() else None
        rows.append(ExemplarInput(member_id, bool(formdata.get(f"high-{member_id}")), ratings))
    return rows


# --- question bank ---------------------------------------------------------------------


class QuestionForm(FlaskForm):
    competency = SelectField(_l("Competency"), coerce=optional_int, validate_choice=False)
    question_type = SelectField(
        _l("Type"), choices=list(QUESTION_TYPE_LABELS.items())
    )
    language = SelectField(_l("Language"), choices=language_choices())
    text = TextAreaField(_l("Question"), validators=[Optional()],
                         description=_l("Situational: put the candidate into a real CS scene. "
                                        "Behavioural: “Tell me about a time…”."))
    probes = TextAreaField(_l("Follow-up probes"), validators=[Optional()],
                           description=_l("One probe per line."))
    anchor_low = TextAreaField(_l("What a level-1 answer sounds like"), validators=[Optional()])
    anchor_mid = TextAreaField(_l("What a level-3 answer sounds like"), validators=[Optional()])
    anchor_high = TextAreaField(_l("What a level-5 answer sounds like"), validators=[Optional()])


def question_filters(args: Mapping[str, str]) -> QuestionFilters:
    """The bank list's filters from the query string; unknown values are ignored."""
    competency = args.get("competency", "")
    return QuestionFilters(
        search=args.get("q", "").strip()[:200],
        competency_id=int(competency) if competency.isdigit() else None,
        question_type=args.get("type", "") if args.get("type") in QUESTION_TYPE_LABELS else "",
        language=args.get("language", "") if args.get("language") in LANGUAGE_NAMES else "",
        status=args.get("status", "") if args.get("status") in QUESTION_STATUS_LABELS else "",
    )


# --- kits ------------------------------------------------------------------------------


class KitForm(FlaskForm):
    name = StringField(_l("Kit name"), validators=[DataRequired(), Length(max=200)])
    profile = SelectField(_l("Profile"), coerce=optional_int, validate_choice=False)
    language = SelectField(_l("Language of the questions"), choices=language_choices())
    size_by = RadioField(
        _l("Length"), default="questions",
        choices=[("questions", _l("A number of questions")),
                 ("minutes", _l("An interview length in minutes"))],
    )
    total_questions = IntegerField(_l("Number of questions"), default=10,
                                   validators=[Optional()], widget=NumberInput(min=1, max=40))
    interview_minutes = IntegerField(_l("Interview minutes"), validators=[Optional()],
                                     widget=NumberInput(min=1))
    minutes_per_question = IntegerField(
        _l("Minutes per question"), default=6,
        validators=[InputRequired(), NumberRange(min=1, max=60)], widget=NumberInput(min=1, max=60),
    )


class SwapForm(FlaskForm):
    question = IntegerField(validators=[Optional()])


class MoveForm(FlaskForm):
    direction = StringField(validators=[Optional()])
