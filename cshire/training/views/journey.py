"""The success journey: everyone signed in reads it; managers and admins shape it, and
import or export it as a JSON file (upload → preview → confirm)."""

from flask import Response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.audit import YES_NO, history
from cshire.auth.access import ensure_found, roles, signed_in
from cshire.auth.models import MANAGERS
from cshire.extensions import db
from cshire.pagination import paginate
from cshire.submit import submit
from cshire.training.forms.journey import (
    JourneyForm,
    JourneyImportConfirmForm,
    JourneyImportForm,
)
from cshire.training.messages import (
    IMPORT_STATUS_LABELS,
    JOURNEY_AUDIT_LABELS,
    JOURNEY_FIELD_LABELS,
)
from cshire.training.models.journey import Journey
from cshire.training.services.journey import (
    JourneyInput,
    create_journey,
    journey_by_code,
    journeys_query,
    load_journey,
    stage_counts,
    update_journey,
)
from cshire.training.services.journey_json import (
    ImportPlan,
    JourneyImportError,
    export_json,
    import_journey,
    plan_import,
    problem_lines,
    read_journey_json,
)
from cshire.training.views.blueprint import bp


def detail_url(journey: Journey) -> str:
    return url_for("training.journey_detail", journey_id=journey.id)


def audit_value(field: str, stored: str) -> str:
    """History values as people read them: a handoff flag as yes / no."""
    if field == "milestone.is_handoff" and ": " in stored:
        label, flag = stored.rsplit(": ", 1)
        return f"{label}: {YES_NO.get(flag, flag)}"
    return stored


@bp.route("/journeys")
@signed_in
def journeys():
    """The journeys; a team with one journey goes straight to it (managers keep the list:
    it is where they add or import another)."""
    is_manager = current_user.has_role(*MANAGERS)
    page = paginate(journeys_query())
    if page.total == 1 and not is_manager:
        return redirect(detail_url(page.items[0]))
    return render_template("training/journey_index.html", page=page, is_manager=is_manager,
                           stage_counts=stage_counts([j.id for j in page.items]))


@bp.route("/journeys/<int:journey_id>")
@signed_in
def journey_detail(journey_id: int):
    journey = ensure_found(load_journey(journey_id))
    is_manager = current_user.has_role(*MANAGERS)
    return render_template(
        "training/journey_detail.html", journey=journey, is_manager=is_manager,
        history=history(journey) if is_manager else None,
        audit_labels=JOURNEY_AUDIT_LABELS, audit_values=audit_value,
    )


def _journey_input(form: JourneyForm) -> JourneyInput:
    return JourneyInput(code=form.code.data or "", name_en=form.name_en.data or "",
                        name_ja=form.name_ja.data or "",
                        description_en=form.description_en.data or "",
                        description_ja=form.description_ja.data or "")


@bp.route("/journeys/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def journey_new():
    form = JourneyForm()
    if form.validate_on_submit() and (done := submit(
        lambda: create_journey(_journey_input(form), actor=current_user),
        success=lambda journey: _("Journey %(code)s created. Add its stages next.",
                                  code=journey.code),
        redirect_to=detail_url, form=form,
    )):
        return done
    return render_template("training/journey_form.html", form=form, journey=None)


@bp.route("/journeys/<int:journey_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def journey_edit(journey_id: int):
    journey = ensure_found(db.session.get(Journey, journey_id))
    form = JourneyForm(obj=journey)
    if form.validate_on_submit() and (done := submit(
        lambda: update_journey(journey, _journey_input(form), version=form.loaded_version,
                               actor=current_user),
        success=lambda saved: _("Changes to %(code)s saved.", code=saved.code),
        redirect_to=detail_url, form=form,
    )):
        return done
    return render_template("training/journey_form.html", form=form, journey=journey)


@bp.route("/journeys/<int:journey_id>/export.json")
@signed_in
def journey_export(journey_id: int):
    """The journey as a JSON file in both languages (the import's format)."""
    journey = ensure_found(load_journey(journey_id))
    return Response(export_json(journey), mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="journey-{journey.code}.json"'})


@bp.route("/journeys/import", methods=["GET", "POST"])
@roles(*MANAGERS)
def journey_import():
    """Upload a file → its preview (nothing written), or every problem with its path."""
    form, problems = JourneyImportForm(), []
    if form.validate_on_submit():
        raw = form.file.data.read()
        try:
            plan = plan_import(read_journey_json(raw))
        except JourneyImportError as error:
            problems = problem_lines(error)
        else:
            confirm = JourneyImportConfirmForm(content=raw.decode("utf-8-sig"))
            return render_template(
                "training/journey_preview.html", plan=plan, form=confirm,
                statuses=IMPORT_STATUS_LABELS, fields=JOURNEY_FIELD_LABELS,
                journey=journey_by_code(plan.code))
    return render_template("training/journey_import.html", form=form, problems=problems)


@bp.route("/journeys/import/confirm", methods=["POST"])
@roles(*MANAGERS)
def journey_import_confirm():
    """Save the previewed file; a refusal now (someone changed the journey meanwhile)
    lists its problems on the upload page."""
    form, problems = JourneyImportConfirmForm(), []

    def run() -> ImportPlan:
        try:
            return import_journey(read_journey_json(form.content.data), actor=current_user)
        except JourneyImportError as error:
            problems.extend(problem_lines(error))
            # The headline alone is flashed: the page lists every problem.
            raise JourneyImportError(error.code) from error

    if not form.validate_on_submit():
        problems.append(_("The file was not received; upload it again."))
    elif done := submit(
        run, success=lambda plan: _("Journey %(code)s imported.", code=plan.code),
        redirect_to=lambda plan: detail_url(journey_by_code(plan.code)),
    ):
        return done
    return render_template("training/journey_import.html", form=JourneyImportForm(),
                           problems=problems)
