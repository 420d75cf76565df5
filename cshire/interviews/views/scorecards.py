"""Scorecards: the interviewer's scoring form (with autosave), reopening, and the
candidate scorecard the hiring manager decides on (page, PDF, JSON export)."""

import json

from flask import Response, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from cshire.auth.access import MANAGERS, ensure_allowed, ensure_found, roles
from cshire.cache import cached_page, current_generation
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.forms.process import (
    OUTCOME_LABELS,
    RECOMMENDATION_LABELS,
    APPLICATION_STATUS_LABELS,
    DebriefForm,
    DecisionForm,
    ReopenForm,
    ScorecardForm,
    StatusForm,
    fill_scorecard_form,
    message,
    pair_entries,
    problem_message,
    scorecard_input,
)
from cshire.interviews.reports_process import candidate_radar, pdf_filename
from cshire.interviews.services.candidates import allowed_statuses, change_status
from cshire.interviews.services.openings import (
    PANEL_ROLES,
    HiringError,
    can_manage_opening,
    manages,
)
from cshire.interviews.services.privacy import (
    can_export,
    candidate_export,
    load_candidate_for_export,
)
from cshire.interviews.services.ratings import MIN_INTERVIEWS
from cshire.interviews.services.decisions import (
    add_debrief_note,
    application_manager_id,
    candidate_scorecard,
    load_application_for_scorecard,
    record_decision,
)
from cshire.interviews.services.scoring import (
    IncompleteScorecard,
    answer_rows,
    can_view_scorecard,
    kit_items,
    load_scorecard,
    reopen_scorecard,
    save_draft,
    submit_scorecard,
)
from cshire.interviews.views.blueprint import bp
from cshire.pdf import pdf_response

# --------------------------------------------------------------- scoring form


def _save(scorecard, form: ScorecardForm) -> list[str] | None:
    """Save the posted draft, then submit if asked. None when done (redirect);
    otherwise the problems to show next to the kept input."""
    try:
        save_draft(scorecard, scorecard_input(form), actor=current_user)
        if request.form.get("action") == "submit":
            submit_scorecard(scorecard, actor=current_user)
    except IncompleteScorecard as error:
        db.session.commit()  # the draft is kept even though it cannot be submitted yet
        flash(message(error), "error")
        return [problem_message(p) for p in error.problems]
    except (HiringError, StaleDataError) as error:
        db.session.rollback()
        flash(message(error) if isinstance(error, HiringError)
              else message(HiringError("stale")), "error")
        return []
    db.session.commit()
    return None


@bp.route("/scorecards/<int:scorecard_id>", methods=["GET", "POST"])
@roles(*PANEL_ROLES)
def scorecard_form(scorecard_id: int):
    scorecard = ensure_found(load_scorecard(scorecard_id))
    ensure_allowed(can_view_scorecard(current_user, scorecard))
    editable = scorecard.interviewer_id == current_user.id and not scorecard.is_submitted
    form, problems = ScorecardForm(), []
    if request.method == "POST":
        ensure_allowed(editable)
        try:
            problems = _save(scorecard, form)
        except ValueError:
            problems = [message(HiringError("question_unknown"))]
        if problems is None:
            flash(_("Scorecard submitted.") if scorecard.is_submitted
                  else _("Draft saved."), "success")
            return redirect(url_for("interviews.scorecard_form", scorecard_id=scorecard.id))
        form.version.data = scorecard.version  # saving again now deliberately replaces
    else:
        fill_scorecard_form(form, scorecard, answer_rows(scorecard))
    return render_template(
        "interviews/scorecard_form.html", scorecard=scorecard, form=form, editable=editable,
        rows=pair_entries(form, kit_items(scorecard)), problems=problems,
        recommendations=RECOMMENDATION_LABELS,
        can_reopen=scorecard.is_submitted
        and can_manage_opening(current_user, scorecard.interview.application.opening),
    )


@bp.route("/scorecards/<int:scorecard_id>/draft", methods=["POST"])
@roles(*PANEL_ROLES)
def scorecard_autosave(scorecard_id: int):
    """Autosave from scorecard-autosave.js: the same fields as the form, JSON back."""
    scorecard = ensure_found(load_scorecard(scorecard_id))
    ensure_allowed(scorecard.interviewer_id == current_user.id)
    try:
        save_draft(scorecard, scorecard_input(ScorecardForm()), actor=current_user)
    except (HiringError, StaleDataError, ValueError) as error:
        db.session.rollback()
        code = error.code if isinstance(error, HiringError) else "stale"
        return jsonify(ok=False, error=code, message=message(HiringError(code))), 409
    db.session.commit()
    return jsonify(ok=True, version=scorecard.version,
                   message=_("Draft saved at %(time)s.",
                             time=format_datetime(scorecard.updated_at, "short")))


@bp.route("/scorecards/<int:scorecard_id>/reopen", methods=["GET", "POST"])
@roles(*MANAGERS)
def scorecard_reopen(scorecard_id: int):
    scorecard = ensure_found(load_scorecard(scorecard_id))
    ensure_allowed(can_manage_opening(current_user, scorecard.interview.application.opening))
    form = ReopenForm()
    if form.validate_on_submit():
        try:
            reopen_scorecard(scorecard, actor=current_user, reason=form.reason.data)
        except HiringError as error:
            db.session.rollback()
            flash(message(error), "error")
        else:
            db.session.commit()
            flash(_("Scorecard reopened; %(name)s can change it and submit it again.",
                    name=scorecard.interviewer.display_name), "success")
            return redirect(url_for("interviews.interview_detail",
                                    interview_id=scorecard.interview_id))
    return render_template("interviews/scorecard_reopen.html", form=form, scorecard=scorecard)


# ---------------------------------------------------------- candidate scorecard


def _managed_application(application_id: int):
    application = ensure_found(load_application_for_scorecard(application_id))
    ensure_allowed(can_manage_opening(current_user, application.opening))
    return application


def _render_candidate(application, decision_form=None, debrief_form=None, status_form=None):
    card = candidate_scorecard(application, current_user)
    status_form = status_form or StatusForm()
    status_form.status.choices = [(s.value, APPLICATION_STATUS_LABELS[s.value])
                                  for s in allowed_statuses(application)]
    return render_template(
        "interviews/candidate_scorecard.html", card=card, radar=candidate_radar(card),
        decision_form=decision_form or DecisionForm(), debrief_form=debrief_form or DebriefForm(),
        status_form=status_form, statuses=APPLICATION_STATUS_LABELS, outcomes=OUTCOME_LABELS,
        recommendations=RECOMMENDATION_LABELS, min_interviews=MIN_INTERVIEWS,
    )


@bp.route("/applications/<int:application_id>")
@roles(*MANAGERS)
def application_scorecard(application_id: int):
    generation = current_generation()  # before any data is read: see cshire.cache
    ensure_allowed(manages(current_user, ensure_found(application_manager_id(application_id))))
    return cached_page(application_id, lambda: _render_candidate(
        _managed_application(application_id)), generation=generation)


@bp.route("/applications/<int:application_id>/decision", methods=["POST"])
@roles(*MANAGERS)
def application_decide(application_id: int):
    application = _managed_application(application_id)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            record_decision(application, actor=current_user, outcome=form.outcome.data,
                            rationale=form.rationale.data,
                            departure_reason=form.departure_reason.data or "")
        except HiringError as error:
            db.session.rollback()
            flash(message(error), "error")
            if error.code == "departure_reason_required":
                form.departure_reason.errors = [message(error)]
        else:
            db.session.commit()
            flash(_("Decision recorded."), "success")
            return redirect(url_for("interviews.application_scorecard",
                                    application_id=application.id))
    return _render_candidate(application, decision_form=form), 422


@bp.route("/applications/<int:application_id>/debrief", methods=["POST"])
@roles(*MANAGERS)
def application_debrief(application_id: int):
    application = _managed_application(application_id)
    form = DebriefForm()
    if form.validate_on_submit():
        add_debrief_note(application, actor=current_user, text=form.text.data)
        db.session.commit()
        flash(_("Debrief note added."), "success")
        return redirect(url_for("interviews.application_scorecard",
                                application_id=application.id))
    return _render_candidate(application, debrief_form=form), 422


@bp.route("/applications/<int:application_id>/status", methods=["POST"])
@roles(*MANAGERS)
def application_status(application_id: int):
    application = _managed_application(application_id)
    form = StatusForm()
    form.status.choices = [(s.value, s.value) for s in allowed_statuses(application)]
    if form.validate_on_submit():
        try:
            change_status(application, form.status.data, actor=current_user,
                          note=form.note.data or "")
        except HiringError as error:
            db.session.rollback()
            flash(message(error), "error")
        else:
            db.session.commit()
            flash(_("Status changed to %(status)s.", status=APPLICATION_STATUS_LABELS[form.status.data]),
                  "success")
    else:
        flash(_("Choose a new status."), "error")
    return redirect(url_for("interviews.application_scorecard", application_id=application.id))


@bp.route("/applications/<int:application_id>/scorecard.pdf")
@roles(*MANAGERS)
def application_pdf(application_id: int):
    application = _managed_application(application_id)
    card = candidate_scorecard(application, current_user)
    return pdf_response(
        "interviews/candidate_scorecard_pdf.html", pdf_filename(card), card=card,
        radar=candidate_radar(card), statuses=APPLICATION_STATUS_LABELS, outcomes=OUTCOME_LABELS,
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
