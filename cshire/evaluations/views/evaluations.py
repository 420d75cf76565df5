"""One evaluation: the page (KPIs, both parts, the plan, the history), saving each
part, the workflow steps with their confirmation, reopening, the development goals."""

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from cshire.auth.access import ensure_allowed, ensure_found, roles, signed_in
from cshire.auth.models import MANAGERS
from cshire.evaluations.forms.evaluations import (
    GoalForm,
    ManagerReviewForm,
    ReopenForm,
    SelfReviewForm,
    StepForm,
)
from cshire.evaluations.messages import EVALUATION_AUDIT_LABELS, EVALUATION_STATUS_LABELS
from cshire.evaluations.models.cycles import DevelopmentGoal, Rater
from cshire.evaluations.services.evaluations import (
    STEPS,
    GoalInput,
    PartInput,
    RatingInput,
    add_goal,
    can_manage_evaluation,
    can_reopen,
    can_view_evaluation,
    check_complete,
    is_evaluated,
    journey_steps,
    kpi_section,
    load_evaluation,
    manager_open,
    manager_visible,
    may_take_step,
    rated_competencies,
    ratings_of,
    remove_goal,
    reopen,
    save_manager,
    save_self,
    self_open,
    self_visible,
    step_key,
    take_step,
    unrated,
    update_goal,
    visible_history,
)
from cshire.evaluations.views.blueprint import bp
from cshire.extensions import db
from cshire.forms import rows_for
from cshire.i18n import localized
from cshire.submit import submit

STEP_QUESTIONS = {
    "submit_self": (_l("Submit your self-review?"), _l("Submit self-review"),
                    _l("Your ratings and reflection are locked once submitted, and your "
                       "manager sees them. Only your manager can reopen them, with a "
                       "reason.")),
    "submit_manager": (_l("Submit the manager review?"), _l("Submit manager review"),
                       _l("Your ratings, summary and development plan are locked once "
                          "submitted. The CSM sees them only when you share the "
                          "evaluation.")),
    "share": (_l("Share the evaluation with the CSM?"), _l("Share with the CSM"),
              _l("The CSM will see your ratings, your summary and the development plan, "
                 "and can acknowledge them.")),
    "acknowledge": (_l("Acknowledge this evaluation?"), _l("Acknowledge"),
                    _l("Acknowledging says you have read your manager's review and the "
                       "development plan; it does not mean you agree with every rating. "
                       "Add a comment if you want it on record.")),
}
PART_LABELS = {"self": _l("self-review"), "manager": _l("manager review")}


def evaluation_url(evaluation) -> str:
    return url_for("evaluations.evaluation_detail", evaluation_id=evaluation.id)


def _viewed(evaluation_id: int):
    evaluation = ensure_found(load_evaluation(evaluation_id))
    # Someone who may not see it learns nothing about it, not even that it exists.
    ensure_found(evaluation if can_view_evaluation(current_user, evaluation) else None)
    return evaluation


def _managed(evaluation_id: int):
    evaluation = _viewed(evaluation_id)
    ensure_allowed(can_manage_evaluation(current_user, evaluation))
    return evaluation


# ------------------------------------------------------------------ the forms


def _fill(form, evaluation, rater: Rater, text: str) -> None:
    """Load the stored part into an unbound form."""
    form.version.data = evaluation.version
    form.text.data = text
    stored = ratings_of(evaluation, rater)
    while form.ratings.entries:
        form.ratings.pop_entry()
    for competency in rated_competencies(evaluation):
        rating = stored.get(competency.id)
        form.ratings.append_entry({
            "competency_id": competency.id,
            "level": str(rating.level) if rating and rating.level else "",
            "evidence": rating.evidence if rating else ""})


def _rows(form, competencies) -> list:
    """(competency, rating sub-form) in the order of ``competencies``."""
    return rows_for(form.ratings, "competency_id", competencies)


def _whole_number(text: str) -> int | str | None:
    text = text.strip()
    if not text:
        return None
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else text


def _part_input(form) -> PartInput:
    return PartInput(
        version=form.loaded_version, text=form.text.data or "",
        ratings=[RatingInput(_whole_number(str(e.form.competency_id.data or "")),
                             _whole_number(str(e.form.level.data or "")),
                             e.form.evidence.data or "") for e in form.ratings.entries])


def _goal_input(form: GoalForm) -> GoalInput:
    return GoalInput(version=form.loaded_version, competency_id=form.competency_id.data,
                     journey_step=form.journey_step.data or "", goal=form.goal.data or "",
                     actions=form.actions.data or "", due_on=form.due_on.data)


def _goal_form(evaluation, goal=None) -> GoalForm:
    form = GoalForm(obj=goal)
    if request.method == "GET":
        form.version.data = evaluation.version
    form.competency_id.choices = [("", _("No competency"))] + [
        (c.id, localized(c, "name")) for c in rated_competencies(evaluation)]
    form.journey_step.choices = [("", _("No journey step"))] + [
        (key, f"{localized(a, 'name')} → {localized(b, 'name')}")
        for key, a, b in journey_steps(evaluation)]
    return form


# ------------------------------------------------------------------- the page


def _audit_labels(competencies, evaluation) -> dict:
    labels = dict(EVALUATION_AUDIT_LABELS)
    for competency in competencies:
        name = localized(competency, "name")
        for rater, side in ((Rater.SELF, _("Self")), (Rater.MANAGER, _("Manager"))):
            labels[f"{rater.value}.{competency.id}.level"] = _(
                "%(side)s: %(competency)s — level", side=side, competency=name)
            labels[f"{rater.value}.{competency.id}.evidence"] = _(
                "%(side)s: %(competency)s — evidence", side=side, competency=name)
    for goal in evaluation.goals:
        for name, label in (("goal", _("goal")), ("actions", _("actions")),
                            ("due_on", _("due")), ("competency_id", _("competency")),
                            ("journey_step", _("journey step"))):
            labels[f"goal.{goal.id}.{name}"] = _("Goal %(n)s: %(what)s", n=goal.position,
                                                 what=label)
    return labels


def _audit_values(competencies):
    """How stored values read in the history: statuses and competencies by name."""
    statuses = {status.value: label for status, label in EVALUATION_STATUS_LABELS.items()}
    names = {str(c.id): localized(c, "name") for c in competencies}

    def shown(field: str, stored: str) -> str:
        if field == "status":
            return str(statuses.get(stored, stored))
        return names.get(stored, stored) if field.endswith(".competency_id") else stored

    return shown


def _page(evaluation, *, self_form=None, manager_form=None, goal_form=None):
    viewer = current_user
    competencies = rated_competencies(evaluation)
    if self_form is None:
        self_form = SelfReviewForm(formdata=None)
        _fill(self_form, evaluation, Rater.SELF, evaluation.weakest_step_reflection)
    if manager_form is None:
        manager_form = ManagerReviewForm(formdata=None)
        _fill(manager_form, evaluation, Rater.MANAGER, evaluation.manager_summary)
    manages = can_manage_evaluation(viewer, evaluation)
    if goal_form is None and manages:
        goal_form = _goal_form(evaluation)
    kpis = kpi_section(evaluation)
    weakest = kpis.metrics.weakest if kpis.metrics else None
    history = visible_history(evaluation, viewer)
    return render_template(
        "evaluations/evaluations_detail.html", evaluation=evaluation, cycle=evaluation.cycle,
        competencies=competencies, statuses=EVALUATION_STATUS_LABELS,
        self_rows=_rows(self_form, competencies), self_form=self_form,
        manager_rows=_rows(manager_form, competencies), manager_form=manager_form,
        goal_form=goal_form, kpis=kpis, weakest=weakest,
        self_ratings=ratings_of(evaluation, Rater.SELF),
        manager_ratings=ratings_of(evaluation, Rater.MANAGER),
        is_csm=is_evaluated(viewer, evaluation), manages=manages,
        self_editable=is_evaluated(viewer, evaluation) and self_open(evaluation),
        manager_editable=manages and manager_open(evaluation),
        show_self=self_visible(viewer, evaluation),
        show_manager=manager_visible(viewer, evaluation),
        steps=[a for a in STEPS if may_take_step(viewer, evaluation, a)
               and evaluation.status == STEPS[a][1]],
        step_labels={a: STEP_QUESTIONS[a][1] for a in STEPS},
        reopenable=[p for p in ("self", "manager") if can_reopen(viewer, evaluation, p)],
        part_labels=PART_LABELS, history=history,
        audit_labels=_audit_labels(competencies, evaluation),
        audit_values=_audit_values(competencies),
        goal_steps={key: (a, b) for key, a, b in journey_steps(evaluation)},
    )


@bp.route("/<int:evaluation_id>")
@signed_in
def evaluation_detail(evaluation_id: int):
    return _page(_viewed(evaluation_id))


def _save_part(evaluation, form, save, rater: Rater):
    """Save a part; with "Save and submit…" also check it is complete (the problems
    under the unrated rows) and go to the confirmation. The draft is kept either way."""
    wants_submit = request.form.get("action") == "submit"
    action = "submit_self" if rater == Rater.SELF else "submit_manager"

    def run():
        save(evaluation, _part_input(form))
        if wants_submit:
            check_complete(evaluation, rater, [c for c, _e in _rows(
                form, rated_competencies(evaluation))])
        return evaluation

    return submit(
        run, keep_on_error=True, form=form,
        success=None if wants_submit else _("Draft saved."),
        redirect_to=url_for("evaluations.evaluation_step", evaluation_id=evaluation.id,
                            action=action) if wants_submit else evaluation_url(evaluation))


@bp.route("/<int:evaluation_id>/self", methods=["POST"])
@signed_in
def evaluation_self(evaluation_id: int):
    evaluation = _viewed(evaluation_id)
    ensure_allowed(is_evaluated(current_user, evaluation))
    form = SelfReviewForm()
    weakest = kpi_section(evaluation).metrics
    step = weakest.weakest if weakest else None
    key = step_key(step.from_stage, step.to_stage) if step else ""
    if form.validate_on_submit():
        if done := _save_part(evaluation, form, lambda e, data: save_self(
                e, data, actor=current_user, weakest_step=key), Rater.SELF):
            return done
        # Refused after ensure_current passed, or for a conflict (the stored version
        # is then the one to overwrite knowingly): either way the kept input now
        # stands at the stored version (a draft saved before "submit" was refused).
        form.version.data = evaluation.version
    return _page(evaluation, self_form=form)


@bp.route("/<int:evaluation_id>/manager", methods=["POST"])
@roles(*MANAGERS)
def evaluation_manager(evaluation_id: int):
    evaluation = _managed(evaluation_id)
    form = ManagerReviewForm()
    if form.validate_on_submit():
        if done := _save_part(evaluation, form, lambda e, data: save_manager(
                e, data, actor=current_user), Rater.MANAGER):
            return done
        form.version.data = evaluation.version  # as for the self part
    return _page(evaluation, manager_form=form)


@bp.route("/<int:evaluation_id>/steps/<any(submit_self, submit_manager, share, acknowledge)"
          ":action>", methods=["GET", "POST"])
@signed_in
def evaluation_step(evaluation_id: int, action: str):
    evaluation = _viewed(evaluation_id)
    ensure_allowed(may_take_step(current_user, evaluation, action))
    form = StepForm(obj=evaluation) if request.method == "GET" else StepForm()
    if form.validate_on_submit():
        submit(lambda: take_step(evaluation, action, actor=current_user,
                                 version=form.loaded_version, comment=form.comment.data or ""),
               success=_("Done: the evaluation is now “%(status)s”.",
                         status=EVALUATION_STATUS_LABELS[STEPS[action][2]]),
               redirect_to=evaluation_url(evaluation), form=form)
        return redirect(evaluation_url(evaluation))
    question, button, explanation = STEP_QUESTIONS[action]
    missing = []
    if action in ("submit_self", "submit_manager"):
        missing = unrated(evaluation, Rater.SELF if action == "submit_self" else Rater.MANAGER)
    return render_template(
        "evaluations/evaluations_step.html", form=form, evaluation=evaluation,
        action=action, question=question, button=button, explanation=explanation,
        missing=missing, ready=evaluation.status == STEPS[action][1],
        statuses=EVALUATION_STATUS_LABELS)


@bp.route("/<int:evaluation_id>/reopen/<any(self, manager):part>", methods=["GET", "POST"])
@roles(*MANAGERS)
def evaluation_reopen(evaluation_id: int, part: str):
    evaluation = _managed(evaluation_id)
    form = ReopenForm(obj=evaluation) if request.method == "GET" else ReopenForm()
    if form.validate_on_submit() and (done := submit(
        lambda: reopen(evaluation, part, actor=current_user, reason=form.reason.data or "",
                       version=form.loaded_version),
        success=_("The %(part)s is open again.", part=PART_LABELS[part]),
        redirect_to=evaluation_url(evaluation), form=form,
    )):
        return done
    return render_template("evaluations/evaluations_reopen.html", form=form,
                           evaluation=evaluation, part=part, part_label=PART_LABELS[part],
                           can=can_reopen(current_user, evaluation, part))


# ----------------------------------------------------------------- the plan


@bp.route("/<int:evaluation_id>/goals", methods=["POST"])
@roles(*MANAGERS)
def goal_new(evaluation_id: int):
    evaluation = _managed(evaluation_id)
    form = _goal_form(evaluation)
    if form.validate_on_submit() and (done := submit(
        lambda: add_goal(evaluation, _goal_input(form), actor=current_user),
        success=_("Goal added to the development plan."),
        redirect_to=evaluation_url(evaluation) + "#plan", form=form,
    )):
        return done
    return _page(evaluation, goal_form=form)


def _managed_goal(goal_id: int) -> DevelopmentGoal:
    goal = ensure_found(db.session.get(DevelopmentGoal, goal_id))
    _managed(goal.evaluation_id)
    return goal


@bp.route("/goals/<int:goal_id>", methods=["GET", "POST"])
@roles(*MANAGERS)
def goal_edit(goal_id: int):
    goal = _managed_goal(goal_id)
    evaluation = goal.evaluation
    form = _goal_form(evaluation, goal)
    if form.validate_on_submit() and (done := submit(
        lambda: update_goal(goal, _goal_input(form), actor=current_user),
        success=_("Goal saved."), redirect_to=evaluation_url(evaluation) + "#plan", form=form,
    )):
        return done
    return render_template("evaluations/evaluations_goal.html", form=form, goal=goal,
                           evaluation=evaluation, editable=manager_open(evaluation))


@bp.route("/goals/<int:goal_id>/remove", methods=["GET", "POST"])
@roles(*MANAGERS)
def goal_remove(goal_id: int):
    goal = _managed_goal(goal_id)
    evaluation = goal.evaluation
    form = StepForm(obj=evaluation) if request.method == "GET" else StepForm()
    if form.validate_on_submit() and (done := submit(
        lambda: remove_goal(goal, actor=current_user, version=form.loaded_version),
        success=_("Goal removed from the development plan."),
        redirect_to=evaluation_url(evaluation) + "#plan", form=form,
    )):
        return done
    return render_template("evaluations/evaluations_goal_remove.html", form=form, goal=goal,
                           evaluation=evaluation)

