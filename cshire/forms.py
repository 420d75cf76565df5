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


def rows_for(field_list, key: str, objects) -> list:
    """(object, sub-form entry) for each of ``objects`` in their order, matched on the
    entry's ``key`` field holding the object's id; an object missing from the posted
    data gets an empty entry, so a page always shows every row (questions of a kit,
    competencies of an evaluation)."""
    entries = {}
    for entry in field_list.entries:
        entries.setdefault(str(getattr(entry.form, key).data), entry)
    rows = []
    for obj in objects:
        entry = entries.get(str(obj.id))
        if entry is None:
            entry = field_list.append_entry({key: obj.id})
        rows.append((obj, entry))
    return rows
