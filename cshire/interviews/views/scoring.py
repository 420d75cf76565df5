"""The interviewer's scorecard: the scoring form with autosave, and reopening a submitted one."""

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.extensions import db
from cshire.interviews.forms.scoring import NOT_ASKED, ReopenForm, ScorecardForm
from cshire.interviews.messages import RECOMMENDATION_LABELS, message, problem_message
from cshire.interviews.services.openings import (
    PANEL_ROLES,
    HiringError,
    can_manage_opening,
)
from cshire.interviews.services.scoring import (
    AnswerInput,
    IncompleteScorecard,
    ScorecardInput,
    answer_rows,
    can_view_scorecard,
    kit_items,
    load_scorecard,
    reopen_scorecard,
    save_draft,
    submit_scorecard,
)
from cshire.interviews.views.blueprint import bp


def scorecard_input(form: ScorecardForm) -> ScorecardInput:
    """The posted scoring form as a service input; ValueError on tampered ids."""
    answers = []
    for entry in form.answers.entries:
        rating = entry.form.rating.data or ""
        answers.append(AnswerInput(
            kit_item_id=int(entry.form.item_id.data),
            rating=int(rating) if rating.isdigit() else None,
            not_asked=rating == NOT_ASKED,
            not_asked_reason=entry.form.not_asked_reason.data or "",
            note=entry.form.note.data or "",
        ))
    version = str(form.version.data or "")
    return ScorecardInput(version=int(version) if version.isdigit() else -1,
                          recommendation=form.recommendation.data or None, answers=answers)


def fill_scorecard_form(form: ScorecardForm, scorecard, rows) -> None:
    """Load a stored scorecard into an unbound form (``rows``: kit item, answer)."""
    form.version.data = scorecard.version
    form.recommendation.data = scorecard.recommendation
    while form.answers.entries:
        form.answers.pop_entry()
    for item, answer in rows:
        rating = ""
        if answer is not None:
            rating = NOT_ASKED if answer.not_asked else str(answer.rating or "")
        form.answers.append_entry({
            "item_id": item.id, "rating": rating,
            "not_asked_reason": answer.not_asked_reason if answer else "",
            "note": answer.note if answer else "",
        })


def pair_entries(form: ScorecardForm, items) -> list:
    """(kit item, answer sub-form) for every question in kit order; a question missing
    from the posted data gets an empty sub-form so the page always shows all of them."""
    entries = {}
    for entry in form.answers.entries:
        entries.setdefault(str(entry.form.item_id.data), entry)
    pairs = []
    for item in items:
        entry = entries.get(str(item.id))
        if entry is None:
            entry = form.answers.append_entry({"item_id": item.id})
        pairs.append((item, entry))
    return pairs


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
        "interviews/scoring_form.html", scorecard=scorecard, form=form, editable=editable,
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
    return render_template("interviews/scoring_reopen.html", form=form, scorecard=scorecard)
