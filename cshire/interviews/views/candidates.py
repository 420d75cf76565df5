"""Candidates: adding one to an opening and importing a CSV file of them."""

from flask import Response, current_app, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import roles
from cshire.auth.models import MANAGERS
from cshire.csv_import import template_csv
from cshire.interviews.forms.candidates import CandidateForm, CandidateImportForm
from cshire.interviews.messages import CandidateImportError
from cshire.interviews.services.candidates import (
    IMPORT_COLUMNS,
    CandidateInput,
    ImportResult,
    add_candidate,
    import_candidates,
)
from cshire.interviews.views.blueprint import bp
from cshire.interviews.views.openings import _managed_opening
from cshire.submit import submit

TEMPLATE_FILENAME = "candidates-template.csv"


@bp.route("/openings/<int:opening_id>/candidates/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def candidate_new(opening_id: int):
    opening = _managed_opening(opening_id)
    form = CandidateForm()
    if form.validate_on_submit() and (done := submit(
        lambda: add_candidate(opening, CandidateInput(
            name=form.name.data, email=form.email.data, phone=form.phone.data or "",
            source=form.source.data or "", notes=form.notes.data or "",
            consent_on=form.consent_on.data), actor=current_user),
        success=lambda application: _("%(name)s added to the opening.",
                                      name=application.candidate.name),
        redirect_to=url_for("interviews.opening_detail", opening_id=opening.id), form=form,
    )):
        return done
    return render_template("interviews/candidates_form.html", form=form, opening=opening)


@bp.route("/openings/<int:opening_id>/candidates/import", methods=["GET", "POST"])
@roles(*MANAGERS)
def candidate_import(opening_id: int):
    """The page lists every bad line of a refused file in a table (number and reason);
    the flash says only what the refusal means as a whole."""
    opening = _managed_opening(opening_id)
    form, refused = CandidateImportForm(), []

    def run() -> ImportResult:
        try:
            return import_candidates(opening, form.file.data.stream, actor=current_user,
                                     max_rows=current_app.config["CSV_IMPORT_MAX_ROWS"])
        except CandidateImportError as error:
            refused.append(error)
            # The headline alone: submit would flash every line, which the table shows.
            raise CandidateImportError(error.code, **error.params) from error

    if form.validate_on_submit() and (done := submit(
        run, success=lambda result: _("%(created)s candidates imported.",
                                      created=result.created),
        redirect_to=url_for("interviews.opening_detail", opening_id=opening.id),
    )):
        return done
    return render_template(
        "interviews/candidates_import.html", form=form, opening=opening,
        errors=_bad_lines(refused[0]) if refused else [],
        more=refused[0].params.get("more", 0) if refused else 0,
        columns=[column.name for column in IMPORT_COLUMNS],
    )


def _bad_lines(error: CandidateImportError) -> list[tuple[int | None, str]]:
    return [(p.line, error.text_for(p.code, p.params)) for p in error.problems]


@bp.route("/openings/<int:opening_id>/candidates/import/template.csv")
@roles(*MANAGERS)
def candidate_import_template(opening_id: int):
    """A file to fill in: the columns and an example row (UTF-8 with a BOM for Excel)."""
    _managed_opening(opening_id)
    return Response(template_csv(IMPORT_COLUMNS), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{TEMPLATE_FILENAME}"'})
