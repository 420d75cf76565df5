"""The metrics page's filters: a GET form (no CSRF: it changes nothing), so a bad
period or window is a message under its field, never an error page."""

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from wtforms import DateField, Form, IntegerField, SelectField, StringField
from wtforms.validators import NumberRange, Optional, ValidationError

from cshire.evaluations.messages import EvaluationError
from cshire.evaluations.rules.periods import parse_period

MAX_WINDOW_DAYS = 3650


def _known_period(_form: Form, field: StringField) -> None:
    try:
        parse_period(field.data)
    except ValueError:
        raise ValidationError(EvaluationError.text_for("bad_period", {})) from None


class MetricsFilterForm(Form):
    team = SelectField(_l("Team"), coerce=int, validate_choice=True)
    journey = SelectField(_l("Journey"))
    # The format is in the placeholder and, after a wrong one, in the error: a help
    # line under one field would break the filter bar's row.
    period = StringField(_l("Period"), validators=[_known_period],
                         render_kw={"placeholder": "2026-Q3", "size": 9})
    as_of = DateField(_l("As of"), validators=[Optional()])
    window = IntegerField(_l("Window (days)"),
                          validators=[Optional(), NumberRange(min=1, max=MAX_WINDOW_DAYS)])


def filter_args(args: MultiDict) -> MultiDict:
    """The query string without its empty values: an emptied field means "the default"."""
    return MultiDict([(key, value) for key, value in args.items(multi=True) if value.strip()])
