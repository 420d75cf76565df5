"""Form pieces every package uses."""

from flask_wtf import FlaskForm
from wtforms import SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token for a POST-only button (archive, deactivate…)."""


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as checkboxes, which work with a keyboard and need no JS."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
