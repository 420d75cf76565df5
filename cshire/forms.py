"""Form pieces every package uses."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token for a POST-only button (archive, deactivate…)."""


class VersionedForm:
    """Mixin for the form of a ``Versioned`` record: a hidden field carries the version
    the form was loaded at (``Form(obj=record)`` fills it; ``form.hidden_tag()`` renders
    it), and the service passes ``form.loaded_version`` to ``ensure_current``."""

    version = HiddenField()

    @property
    def loaded_version(self) -> int | None:
        """None when the field is missing or tampered with: never taken for current."""
        value = str(self.version.data or "")  # type: ignore[attr-defined]
        # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
        return int(value) if value.isascii() and value.isdigit() else None


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as checkboxes, which work with a keyboard and need no JS."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
