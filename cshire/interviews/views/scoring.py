"""The interviewer's scorecard: the scoring form with autosave, and reopening a submitted one."""

from dataclasses import dataclass

from flask import jsonify, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from cshire.audit import history
from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.errors import DomainError, EditConflict, Problem
from cshire.extensions import db
from cshire.forms import rows_for
from cshire.interviews.forms.scoring import NOT_ASKED, ReopenForm, ScorecardForm
from cshire.interviews.messages import (
    ANSWER_AUDIT_LABELS,
    ANSWER_AUDIT_VALUES,
    RECOMMENDATION_LABELS,
    SCORECARD_AUDIT_LABELS,
    SCORECARD_AUDIT_VALUES,
    HiringError,
)
from cshire.interviews.services.openings import PANEL_ROLES, can_manage_opening
from cshire.interviews.services.scoring import (
    AnswerInput,
    ScorecardInput,
    answer_field,
    answer_rows,
    can_view_scorecard,
    kit_items,
    load_scorecard,
    reopen_scorecard,
    save_draft,
    submit_scorecard,
)
from cshire.interviews.views.blueprint import bp
from cshire.submit import submit


def scorecard_input(form: ScorecardForm) -> ScorecardInput:
    """The posted scoring form as a service input. A question id or rating that is not
    a whole number is passed on as the text it was, for the service to refuse by name
    (never silently read as "no rating")."""
    answers = []
    for entry in form.answers.entries:
        rating = str(entry.form.rating.data or "")
        answers.append(AnswerInput(
            kit_item_id=_whole_number(str(entry.form.item_id.data or "")),
            rating=None if rating in ("", NOT_ASKED) else _whole_number(rating),
            not_asked=rating == NOT_ASKED,
            not_asked_reason=entry.form.not_asked_reason.data or "",
            note=entry.form.note.data or "",
        ))
    return ScorecardInput(version=form.loaded_version,
                          recommendation=form.recommendation.data or None, answers=answers,
                          summary=form.summary.data or "")


def _whole_number(text: str) -> int | str:
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    return int(text) if text.isascii() and text.isdigit() else text


def fill_scorecard_form(form: ScorecardForm, scorecard, rows) -> None:
    """Load a stored scorecard into an unbound form (``rows``: kit item, answer)."""
    form.version.data = scorecard.version
    form.recommendation.data = scorecard.recommendation
    form.summary.data = scorecard.summary
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
    """(kit item, answer sub-form) for every question in kit order."""
    return rows_for(form.answers, "item_id", items)


def audit_labels(items) -> tuple[dict, dict]:
    """What each field of the scorecard's audit trail is called (“Question 3 — rating”)
    and how its stored values read."""
    labels, values = dict(SCORECARD_AUDIT_LABELS), dict(SCORECARD_AUDIT_VALUES)
    labels["summary"] = _l("Overall summary")
    for item in items:
        for name, label in ANSWER_AUDIT_LABELS.items():
            labels[answer_field(item.id, name)] = label % {"n": item.position}
        for name, shown in ANSWER_AUDIT_VALUES.items():
            values[answer_field(item.id, name)] = shown
    return labels, values


@dataclass(frozen=True)
class FormProblem:
    """One problem listed above the form: its text, the question it is about (None:
    the overall recommendation) and the field to mark (None: the whole question)."""

    text: str
    position: int | None
    field: str | None

    @property
    def anchor(self) -> str:
        return f"question-{self.position}" if self.position else "recommendation"


def form_problem(error: HiringError, problem: Problem) -> FormProblem:
    return FormProblem(error.text_for(problem.code, problem.params),
                       problem.params.get("position"), problem.field)


def problems_by_question(problems: list[FormProblem]) -> dict:
    """The problems of each question (by position; None: the recommendation)."""
    marked: dict = {}
    for problem in problems:
        marked.setdefault(problem.position, []).append(problem)
    return marked


def rated_count(rows) -> int:
    """How many questions have a rating or "not asked" (the progress bar's count)."""
    chosen = {str(n) for n in range(1, 6)} | {NOT_ASKED}
    return sum(1 for _item, entry in rows if str(entry.form.rating.data or "") in chosen)


def _save(scorecard, form: ScorecardForm, problems: list):
    """Save the posted draft, then submit it if asked. A refusal's problems (each
    naming its question) go to ``problems`` for the list on the page, and the refusal
    goes on without them, so the submit helper flashes only its summary."""
    try:
        save_draft(scorecard, scorecard_input(form), actor=current_user)
        if request.form.get("action") == "submit":
            submit_scorecard(scorecard, actor=current_user)
    except HiringError as error:
        if not error.problems:
            raise
        problems.extend(form_problem(error, p) for p in error.problems)
        raise HiringError(error.code, **error.params) from error
    return scorecard


@bp.route("/scorecards/<int:scorecard_id>", methods=["GET", "POST"])
@roles(*PANEL_ROLES)
def scorecard_form(scorecard_id: int):
    scorecard = ensure_found(load_scorecard(scorecard_id))
    ensure_allowed(can_view_scorecard(current_user, scorecard))
    editable = scorecard.interviewer_id == current_user.id and not scorecard.is_submitted
    form, problems = ScorecardForm(), []
    if request.method == "POST":
        ensure_allowed(editable)
        # An incomplete scorecard is refused on "submit", yet its draft is kept.
        if done := submit(
            lambda: _save(scorecard, form, problems), keep_on_error=True, form=form,
            success=lambda saved: _("Scorecard submitted.") if saved.is_submitted
            else _("Draft saved."),
            redirect_to=url_for("interviews.scorecard_form", scorecard_id=scorecard.id),
        ):
            return done
        form.version.data = scorecard.version  # saving again now deliberately replaces
    else:
        fill_scorecard_form(form, scorecard, answer_rows(scorecard))
    items = kit_items(scorecard)
    labels, values = audit_labels(items)
    rows = pair_entries(form, items)
    return render_template(
        "interviews/scoring_form.html", scorecard=scorecard, form=form, editable=editable,
        rows=rows, rated=rated_count(rows), recommendations=RECOMMENDATION_LABELS,
        problems=problems, marked=problems_by_question(problems),
        in_sync=request.method == "GET",
        history=history(scorecard), audit_labels=labels,
        audit_values=values, can_reopen=scorecard.is_submitted
        and can_manage_opening(current_user, scorecard.interview.application.opening),
    )


# Refusals of an autosave that are about the scorecard's state (saved elsewhere,
# submitted meanwhile), answered 409: the script stops autosaving. Any other refusal
# is about the input, answered 422: the script shows it and saves the next change.
STATE_REFUSALS = frozenset({"edit_conflict", "locked"})


@bp.route("/scorecards/<int:scorecard_id>/draft", methods=["POST"])
@roles(*PANEL_ROLES)
def scorecard_autosave(scorecard_id: int):
    """Autosave from scorecard-autosave.js: the same fields as the form, JSON back.
    A refusal's ``message`` (with its problems) is shown by the script as it is."""
    scorecard = ensure_found(load_scorecard(scorecard_id))
    ensure_allowed(scorecard.interviewer_id == current_user.id)
    try:
        save_draft(scorecard, scorecard_input(ScorecardForm()), actor=current_user)
        db.session.commit()
    except (DomainError, StaleDataError) as error:
        db.session.rollback()
        refusal = error if isinstance(error, DomainError) else EditConflict()
        problems = refusal.problem_messages()
        message = refusal.message()
        for problem in problems:  # joined as the language joins sentences
            message = _("%(message)s %(detail)s", message=message, detail=problem)
        status = 409 if refusal.code in STATE_REFUSALS else 422
        return jsonify(ok=False, error=refusal.code, message=message,
                       problems=problems), status
    return jsonify(ok=True, version=scorecard.version,
                   message=_("Draft saved at %(time)s.",
                             time=format_datetime(scorecard.updated_at, "short")))


@bp.route("/scorecards/<int:scorecard_id>/reopen", methods=["GET", "POST"])
@roles(*MANAGERS)
def scorecard_reopen(scorecard_id: int):
    scorecard = ensure_found(load_scorecard(scorecard_id))
    ensure_allowed(can_manage_opening(current_user, scorecard.interview.application.opening))
    form = ReopenForm()
    if form.validate_on_submit() and (done := submit(
        lambda: reopen_scorecard(scorecard, actor=current_user, reason=form.reason.data),
        success=_("Scorecard reopened; %(name)s can change it and submit it again.",
                  name=scorecard.interviewer.display_name),
        redirect_to=url_for("interviews.interview_detail", interview_id=scorecard.interview_id),
        form=form,
    )):
        return done
    return render_template("interviews/scoring_reopen.html", form=form, scorecard=scorecard)
