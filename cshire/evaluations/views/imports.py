"""The CRM imports page (managers and admins): customer accounts, journey events and
KPI values, each uploaded → previewed → confirmed.

The preview runs the import as a dry run (nothing written) and shows its counts and
first rows, or every problem with its line. The checked file travels to the
confirmation in a hidden field (base64 of its bytes, at most ``IMPORT_MAX_BYTES``): no
server-side state, so any app server can take the confirmation, and the import checks
everything again before it writes. Larger files go through the CLI
(``flask cshire import-…``).
"""

import base64
import binascii

from flask import Response, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from cshire.auth.access import roles
from cshire.auth.models import MANAGERS
from cshire.csv_import import format_problems, template_csv
from cshire.evaluations.forms.imports import (
    ConfirmImportForm,
    EventsUploadForm,
    ImportUploadForm,
)
from cshire.evaluations.messages import EvaluationImportError
from cshire.evaluations.services.imports import (
    ACCOUNT_COLUMNS,
    EVENT_COLUMNS,
    KPI_COLUMNS,
    ImportSummary,
    import_accounts,
    import_events,
    import_kpis,
)
from cshire.evaluations.views.blueprint import bp
from cshire.extensions import db
from cshire.i18n import localized
from cshire.submit import submit
from cshire.training.models.journey import Journey

IMPORT_MAX_BYTES = 2 * 1024 * 1024  # base64 makes it 2.7 MB: under MAX_CONTENT_LENGTH
KINDS = ("accounts", "events", "kpis")
COLUMNS = {"accounts": ACCOUNT_COLUMNS, "events": EVENT_COLUMNS, "kpis": KPI_COLUMNS}
JOURNEY_IMPORT = "training.journey_import"  # the journey JSON import (training)


@bp.route("/imports")
@roles(*MANAGERS)
def imports():
    return _index({kind: _upload_form(kind) for kind in KINDS})


@bp.route("/imports/<kind>/preview", methods=["POST"])
@roles(*MANAGERS)
def import_preview(kind: str):
    """Check the uploaded file and show what importing it would do; writes nothing."""
    forms = {other: _upload_form(other) for other in KINDS}
    form = forms[_known(kind)]
    if not form.validate_on_submit():
        return _index(forms)
    data = form.file.data.read(IMPORT_MAX_BYTES + 1)
    if len(data) > IMPORT_MAX_BYTES:
        form.file.errors = [EvaluationImportError.text_for(
            "import_too_large", {"max": IMPORT_MAX_BYTES // (1024 * 1024)})]
        return _index(forms)
    journey = form.journey.data if kind == "events" else ""
    confirm = ConfirmImportForm(formdata=None, content=base64.b64encode(data).decode("ascii"),
                                journey=journey)
    try:
        summary, problems = _run(kind, data, journey, dry_run=True), []
    except EvaluationImportError as error:
        summary, problems = None, format_problems(error) or [error.message()]
    finally:
        db.session.rollback()  # a dry run: nothing to keep
    return _preview(kind, journey, summary, problems, confirm)


@bp.route("/imports/<kind>/confirm", methods=["POST"])
@roles(*MANAGERS)
def import_confirm(kind: str):
    """Import the previewed file: checked again in full, written all or nothing."""
    _known(kind)
    form = ConfirmImportForm()
    data = _carried_file(form) if form.validate_on_submit() else None
    if data is None:
        flash(EvaluationImportError.text_for("import_expired", {}), "error")
        return redirect(url_for("evaluations.imports"))
    journey = form.journey.data or ""
    problems: list[str] = []
    if done := submit(lambda: _run(kind, data, journey, dry_run=False),
                      success=lambda summary: _imported(kind, summary),
                      redirect_to=url_for("evaluations.imports"), problems=problems):
        return done
    return _preview(kind, journey, None, problems, form)


@bp.route("/imports/<kind>/template.csv")
@roles(*MANAGERS)
def import_template(kind: str):
    """A file to fill in: the columns and an example row (UTF-8 with a BOM for Excel)."""
    return Response(template_csv(COLUMNS[_known(kind)]), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{kind}-template.csv"'})


def _known(kind: str) -> str:
    if kind not in KINDS:
        abort(404)
    return kind


def _journeys() -> list[Journey]:
    return list(db.session.scalars(select(Journey).order_by(Journey.code)))


def _upload_form(kind: str) -> ImportUploadForm:
    if kind != "events":
        return ImportUploadForm(prefix=kind)
    form = EventsUploadForm(prefix=kind)
    form.journey.choices = [(journey.code, f"{localized(journey, 'name') or journey.code} "
                                           f"({journey.code})") for journey in _journeys()]
    return form


def _index(forms: dict[str, ImportUploadForm]):
    journey_import = (url_for(JOURNEY_IMPORT) if JOURNEY_IMPORT in current_app.view_functions
                      else None)
    return render_template(
        "evaluations/imports_index.html", forms=forms, journey_import=journey_import,
        columns={kind: [column.name for column in COLUMNS[kind]] for kind in KINDS},
        max_rows=current_app.config["CSV_IMPORT_MAX_ROWS"],
        max_mb=IMPORT_MAX_BYTES // (1024 * 1024),
    )


def _preview(kind: str, journey: str, summary: ImportSummary | None, problems: list[str],
             confirm: ConfirmImportForm):
    return render_template(
        "evaluations/imports_preview.html", kind=kind, journey=journey, summary=summary,
        problems=problems, confirm=confirm,
        columns=[column.name for column in COLUMNS[kind]],
    )


def _carried_file(form: ConfirmImportForm) -> bytes | None:
    """The file the preview checked, or None when the field was not a whole file."""
    text = form.content.data or ""
    if len(text) > (IMPORT_MAX_BYTES + 2) // 3 * 4:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def _run(kind: str, data: bytes, journey: str, *, dry_run: bool) -> ImportSummary:
    max_rows = current_app.config["CSV_IMPORT_MAX_ROWS"]
    if kind == "accounts":
        return import_accounts(data, max_rows=max_rows, dry_run=dry_run)
    if kind == "events":
        return import_events(journey, data, max_rows=max_rows, dry_run=dry_run)
    return import_kpis(data, actor=current_user, max_rows=max_rows, dry_run=dry_run)


def _imported(kind: str, summary: ImportSummary) -> str:
    if kind == "accounts":
        return _("Accounts imported — created: %(created)s, updated: %(updated)s, "
                 "unchanged: %(unchanged)s.", created=summary.created,
                 updated=summary.updated, unchanged=summary.unchanged)
    if kind == "events":
        return _("Journey events imported — added: %(created)s, duplicates ignored: "
                 "%(duplicates)s.", created=summary.created, duplicates=summary.duplicates)
    return _("KPI values imported — created: %(created)s, updated: %(updated)s, "
             "unchanged: %(unchanged)s.", created=summary.created, updated=summary.updated,
             unchanged=summary.unchanged)
