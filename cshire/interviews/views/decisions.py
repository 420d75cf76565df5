"""The hiring manager's candidate scorecard (page, PDF, JSON export), decisions, debrief
notes and status, and the comparison of an opening's candidates by fit.
"""

import json

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.cache import cached_page, current_generation
from cshire.database import utcnow
from cshire.interviews.forms.decisions import DebriefForm, DecisionForm, StatusForm
from cshire.interviews.messages import (
    APPLICATION_STATUS_LABELS,
    OUTCOME_LABELS,
    RECOMMENDATION_LABELS,
)
from cshire.interviews.reports import candidate_radar, pdf_filename, scorecard_evidence
from cshire.interviews.services.candidates import allowed_statuses, change_status, is_closed
from cshire.interviews.services.decisions import (
    add_debrief_note,
    application_manager_id,
    candidate_scorecard,
    comparison,
    load_application_for_scorecard,
    record_decision,
)
from cshire.interviews.services.openings import (
    can_manage_opening,
    manages,
    opening_manager_id,
)
from cshire.interviews.services.privacy import (
    can_export,
    candidate_export,
    load_candidate_for_export,
)
from cshire.interviews.services.ratings import MIN_INTERVIEWS
from cshire.interviews.views.blueprint import bp
from cshire.interviews.views.openings import _managed_opening
from cshire.pdf import pdf_response
from cshire.submit import submit


@bp.route("/openings/<int:opening_id>/compare")
@roles(*MANAGERS)
def opening_compare(opening_id: int):
    generation = current_generation()  # before any data is read: see cshire.cache
    ensure_allowed(manages(current_user, ensure_found(opening_manager_id(opening_id))))
    return cached_page(opening_id, lambda: _render_compare(_managed_opening(opening_id)),
                       generation=generation)


def _render_compare(opening) -> str:
    # The page cache keys on the query string, so each order and filter is its own entry.
    view = comparison(opening, current_user, sort=request.args.get("sort"),
                      include_closed=request.args.get("closed") == "1")
    return render_template("interviews/decisions_compare.html", opening=opening, view=view,
                           statuses=APPLICATION_STATUS_LABELS)


def _managed_application(application_id: int):
    application = ensure_found(load_application_for_scorecard(application_id))
    ensure_allowed(can_manage_opening(current_user, application.opening))
    return application


def _status_choices(application) -> list[tuple[str, str]]:
    return [(s.value, APPLICATION_STATUS_LABELS[s.value]) for s in allowed_statuses(application)]


def _render_candidate(application, decision_form=None, debrief_form=None):
    card = candidate_scorecard(application, current_user)
    status_form = StatusForm()
    status_form.status.choices = _status_choices(application)
    status_form.seen.data = application.status
    decision_form = decision_form or DecisionForm()
    # Always the step shown now: after a refusal, deciding again is deliberate.
    decision_form.step.data = card.next_step
    decision_form.seen.data = application.status
    return render_template(
        "interviews/decisions_scorecard.html", card=card, radar=candidate_radar(card),
        decision_form=decision_form, debrief_form=debrief_form or DebriefForm(),
        status_form=status_form, statuses=APPLICATION_STATUS_LABELS, outcomes=OUTCOME_LABELS,
        recommendations=RECOMMENDATION_LABELS, min_interviews=MIN_INTERVIEWS,
        closed=is_closed(application),
    )


@bp.route("/applications/<int:application_id>")
@roles(*MANAGERS)
def application_scorecard(application_id: int):
    generation = current_generation()  # before any data is read: see cshire.cache
    ensure_allowed(manages(current_user, ensure_found(application_manager_id(application_id))))
    return cached_page(application_id, lambda: _render_candidate(
        _managed_application(application_id)), generation=generation)


def _scorecard_url(application) -> str:
    return url_for("interviews.application_scorecard", application_id=application.id)


@bp.route("/applications/<int:application_id>/decision", methods=["POST"])
@roles(*MANAGERS)
def application_decide(application_id: int):
    application = _managed_application(application_id)
    form = DecisionForm()
    if form.validate_on_submit() and (done := submit(
        lambda: record_decision(application, actor=current_user, outcome=form.outcome.data,
                                rationale=form.rationale.data,
                                departure_reason=form.departure_reason.data or "",
                                step=form.loaded_step, seen=form.seen.data or None),
        success=_("Decision recorded."), redirect_to=_scorecard_url(application), form=form,
    )):
        return done
    return _render_candidate(application, decision_form=form), 422


@bp.route("/applications/<int:application_id>/debrief", methods=["POST"])
@roles(*MANAGERS)
def application_debrief(application_id: int):
    application = _managed_application(application_id)
    form = DebriefForm()
    if form.validate_on_submit() and (done := submit(
        lambda: add_debrief_note(application, actor=current_user, text=form.text.data),
        success=_("Debrief note added."), redirect_to=_scorecard_url(application), form=form,
    )):
        return done
    return _render_candidate(application, debrief_form=form), 422


@bp.route("/applications/<int:application_id>/status", methods=["POST"])
@roles(*MANAGERS)
def application_status(application_id: int):
    application = _managed_application(application_id)
    form = StatusForm()
    # Any status is read, and the service says why a move is refused: a decision,
    # or not possible from here.
    form.status.choices = list(APPLICATION_STATUS_LABELS.items())
    if form.validate_on_submit():
        submit(lambda: change_status(application, form.status.data, actor=current_user,
                                     note=form.note.data or "", seen=form.seen.data or None),
               success=_("Status changed to %(status)s.",
                         status=APPLICATION_STATUS_LABELS[form.status.data]),
               redirect_to=_scorecard_url(application))
    else:
        flash(_("Choose a new status."), "error")
    return redirect(_scorecard_url(application))


@bp.route("/applications/<int:application_id>/scorecard.pdf")
@roles(*MANAGERS)
def application_pdf(application_id: int):
    application = _managed_application(application_id)
    card = candidate_scorecard(application, current_user)
    return pdf_response(
        "interviews/decisions_scorecard_pdf.html", pdf_filename(card),
        ascii_filename=f"scorecard-{application.id}.pdf", card=card,
        radar=candidate_radar(card), evidence=scorecard_evidence(card),
        statuses=APPLICATION_STATUS_LABELS, outcomes=OUTCOME_LABELS,
        recommendations=RECOMMENDATION_LABELS, min_interviews=MIN_INTERVIEWS,
        generated_at=utcnow(),
    )


@bp.route("/candidates/<int:candidate_id>/export.json")
@roles(*MANAGERS)
def candidate_export_json(candidate_id: int):
    """A data-subject export: everything held about one candidate, as JSON."""
    candidate = ensure_found(load_candidate_for_export(candidate_id))
    ensure_allowed(can_export(current_user, candidate))
    body = json.dumps(candidate_export(candidate, current_user), ensure_ascii=False, indent=2)
    response = Response(body, mimetype="application/json")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="candidate-{candidate.id}.json"')
    response.headers["Cache-Control"] = "no-store"
    return response
