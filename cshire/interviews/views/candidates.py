"""Candidates: adding one to an opening, importing a CSV file of them, and finding
them by name or email (the search box in the header)."""

from flask import Response, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func

from cshire.auth.access import roles
from cshire.auth.models import MANAGERS
from cshire.csv_import import template_csv
from cshire.interviews.forms.candidates import CandidateForm, CandidateImportForm
from cshire.interviews.messages import APPLICATION_STATUS_LABELS, CandidateImportError
from cshire.interviews.models.candidates import Application, Candidate
from cshire.interviews.models.openings import Opening
from cshire.interviews.services.candidates import (
    IMPORT_COLUMNS,
    MAX_SEARCH_LENGTH,
    CandidateInput,
    ImportResult,
    add_candidate,
    import_candidates,
    search_matches,
    search_query,
)
from cshire.interviews.services.openings import PANEL_ROLES
from cshire.interviews.views.blueprint import bp
from cshire.interviews.views.openings import _managed_opening
from cshire.pagination import paginate
from cshire.sorting import SortKeys
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


# The orders of the search results (cshire/sorting.py): ``search_query`` joins the
# candidate and the opening. No order by status, which only managers see.
SEARCH_SORTS = SortKeys("name", Application.id, name=func.lower(Candidate.name),
                        opening=func.lower(Opening.title))


@bp.route("/search")
@roles(*PANEL_ROLES)
def candidate_search():
    """Candidates the viewer may see, found by name or email (``search_query``)."""
    text = request.args.get("q", "").strip()[:MAX_SEARCH_LENGTH]
    sort = SEARCH_SORTS.read(request.args)
    page = paginate(SEARCH_SORTS.apply(search_query(current_user, text), sort)) if text else None
    return render_template(
        "interviews/candidates_search.html", text=text, page=page, sort=sort,
        matches=search_matches(current_user, page.items) if page else [],
        statuses=APPLICATION_STATUS_LABELS,
    )


@bp.app_context_processor
def candidate_search_box() -> dict:
    """The header's search box (base.html), for those who may search."""
    allowed = bool(current_user) and current_user.is_authenticated and current_user.has_role(
        *PANEL_ROLES)
    return {"candidate_search_url": url_for("interviews.candidate_search") if allowed else None}
