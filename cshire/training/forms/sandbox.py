"""Sandbox exercise forms: one milestone's record, and the structured reflection."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from cshire.forms import VersionedForm
from cshire.training.messages import MILESTONE_STATUS_LABELS
from cshire.training.models.sandbox import MilestoneStatus

DIFFICULTY_CHOICES = [
    (1, _l("1 = easy")), (2, "2"), (3, "3"), (4, "4"), (5, _l("5 = very hard")),
]
NOTE_MAX = 4000


def _int_or_none(value):
    return int(value) if value not in (None, "") else None


class SandboxRecordForm(VersionedForm, FlaskForm):
    status = RadioField(
        _l("How did it go?"),
        choices=[(s.value, MILESTONE_STATUS_LABELS[s]) for s in MilestoneStatus],
        validators=[InputRequired(message=_l("Choose how this milestone went."))])
    minutes_spent = IntegerField(_l("Time spent (minutes)"),
                                 validators=[Optional(), NumberRange(0, 100_000)])
    difficulty = RadioField(_l("Difficulty"), choices=DIFFICULTY_CHOICES, coerce=_int_or_none,
                            validators=[Optional()])
    stuck_note = TextAreaField(
        _l("Where exactly did you get stuck?"), validators=[Length(max=NOTE_MAX)],
        description=_l("Required when stuck: the screen, the step, what you expected and "
                       "what happened. This is the customer's voice, shared without names."))
    evidence_url = StringField(_l("Evidence link (optional)"),
                               validators=[Length(max=500)],
                               description=_l("A web address (http:// or https://)."))
    evidence_file = FileField(_l("Evidence file (optional)"),
                              description=_l("A screenshot (PNG, JPEG, GIF, WebP) or a PDF, "
                                             "at most 5 MB."),
                              render_kw={"accept": "image/png,image/jpeg,image/gif,"
                                                   "image/webp,application/pdf"})
    remove_file = BooleanField(_l("Remove the attached file"))


class SandboxReflectionForm(VersionedForm, FlaskForm):
    what_was_hard = TextAreaField(_l("What was hard for you as a customer?"),
                                  validators=[Length(max=NOTE_MAX)])
    where_stuck = TextAreaField(_l("Where did you get stuck, and how did you get past it?"),
                                validators=[Length(max=NOTE_MAX)])
    tell_customers = TextAreaField(
        _l("What will you tell customers at these points?"), validators=[Length(max=NOTE_MAX)])
    improvement = TextAreaField(_l("What should the product or our content improve?"),
                                validators=[Length(max=NOTE_MAX)])
