"""A journey's stages and milestones: managers and admins add, edit, reorder and delete
them (deleting asks first, and is refused while anything refers to the row)."""

from flask import redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.submit import submit
from cshire.training.forms.journey import MilestoneForm, StageForm
from cshire.training.messages import References
from cshire.training.models.journey import Journey, JourneyStage, Milestone
from cshire.training.services.journey import (
    MilestoneInput,
    StageInput,
    add_milestone,
    add_stage,
    delete_milestone,
    delete_stage,
    move_milestone,
    move_stage,
    references,
    update_milestone,
    update_stage,
)
from cshire.training.views.blueprint import bp
from cshire.training.views.journey import detail_url

STEPS = {"up": -1, "down": 1}


def _versioned_form(form_class, journey: Journey, obj=None):
    """The form carries the journey's version (see ``forms.journey._Named``)."""
    form = form_class(obj=obj)
    if request.method == "GET":
        form.version.data = journey.version
    return form


def _texts(form) -> dict[str, str]:
    return {name: form[name].data or "" for name in
            ("code", "name_en", "name_ja", "description_en", "description_ja")}


def _stage_input(form: StageForm) -> StageInput:
    return StageInput(**_texts(form), playbook_en=form.playbook_en.data or "",
                      playbook_ja=form.playbook_ja.data or "")


def _milestone_input(form: MilestoneForm) -> MilestoneInput:
    return MilestoneInput(**_texts(form), is_handoff=bool(form.is_handoff.data))


# ---------------------------------------------------------------------- stages


@bp.route("/journeys/<int:journey_id>/stages/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def stage_new(journey_id: int):
    journey = ensure_found(db.session.get(Journey, journey_id))
    form = _versioned_form(StageForm, journey)
    if form.validate_on_submit() and (done := submit(
        lambda: add_stage(journey, _stage_input(form), version=form.loaded_version,
                          actor=current_user),
        success=lambda stage: _("Stage %(code)s added.", code=stage.code),
        redirect_to=detail_url(journey), form=form,
    )):
        return done
    return render_template("training/journey_stage_form.html", form=form, journey=journey,
                           stage=None)


@bp.route("/journeys/stages/<int:stage_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def stage_edit(stage_id: int):
    stage = ensure_found(db.session.get(JourneyStage, stage_id))
    form = _versioned_form(StageForm, stage.journey, stage)
    if form.validate_on_submit() and (done := submit(
        lambda: update_stage(stage, _stage_input(form), version=form.loaded_version,
                             actor=current_user),
        success=lambda saved: _("Stage %(code)s saved.", code=saved.code),
        redirect_to=detail_url(stage.journey), form=form,
    )):
        return done
    return render_template("training/journey_stage_form.html", form=form,
                           journey=stage.journey, stage=stage)


@bp.route("/journeys/stages/<int:stage_id>/move/<any(up, down):direction>",
          methods=["POST"])
@roles(*MANAGERS)
def stage_move(stage_id: int, direction: str):
    stage = ensure_found(db.session.get(JourneyStage, stage_id))
    target = detail_url(stage.journey) + f"#stage-{stage.id}"
    if ConfirmForm().validate_on_submit():
        submit(lambda: move_stage(stage, STEPS[direction], actor=current_user),
               redirect_to=target)
    return redirect(target)


@bp.route("/journeys/stages/<int:stage_id>/delete", methods=["GET", "POST"])
@roles(*MANAGERS)
def stage_delete(stage_id: int):
    """GET asks first — or says why the stage cannot go; POST deletes it."""
    stage = ensure_found(db.session.get(JourneyStage, stage_id))
    journey, form = stage.journey, ConfirmForm()
    if form.validate_on_submit():
        return submit(lambda: delete_stage(stage, actor=current_user),
                      success=_("Stage %(code)s deleted.", code=stage.code),
                      redirect_to=detail_url(journey)) or redirect(detail_url(journey))
    uses = references(stage_ids=[stage.id], milestone_ids=[m.id for m in stage.milestones])
    return render_template("training/journey_delete.html", form=form, journey=journey,
                           stage=stage, milestone=None, uses=References(uses) if uses else None)


# ---------------------------------------------------------------------- milestones


@bp.route("/journeys/stages/<int:stage_id>/milestones/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def milestone_new(stage_id: int):
    stage = ensure_found(db.session.get(JourneyStage, stage_id))
    form = _versioned_form(MilestoneForm, stage.journey)
    if form.validate_on_submit() and (done := submit(
        lambda: add_milestone(stage, _milestone_input(form), version=form.loaded_version,
                              actor=current_user),
        success=lambda milestone: _("Milestone %(code)s added.", code=milestone.code),
        redirect_to=detail_url(stage.journey) + f"#stage-{stage.id}", form=form,
    )):
        return done
    return render_template("training/journey_milestone_form.html", form=form,
                           journey=stage.journey, stage=stage, milestone=None)


@bp.route("/journeys/milestones/<int:milestone_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def milestone_edit(milestone_id: int):
    milestone = ensure_found(db.session.get(Milestone, milestone_id))
    stage = milestone.stage
    form = _versioned_form(MilestoneForm, stage.journey, milestone)
    if form.validate_on_submit() and (done := submit(
        lambda: update_milestone(milestone, _milestone_input(form),
                                 version=form.loaded_version, actor=current_user),
        success=lambda saved: _("Milestone %(code)s saved.", code=saved.code),
        redirect_to=detail_url(stage.journey) + f"#stage-{stage.id}", form=form,
    )):
        return done
    return render_template("training/journey_milestone_form.html", form=form,
                           journey=stage.journey, stage=stage, milestone=milestone)


@bp.route("/journeys/milestones/<int:milestone_id>/move/<any(up, down):direction>",
          methods=["POST"])
@roles(*MANAGERS)
def milestone_move(milestone_id: int, direction: str):
    milestone = ensure_found(db.session.get(Milestone, milestone_id))
    target = detail_url(milestone.stage.journey) + f"#stage-{milestone.stage_id}"
    if ConfirmForm().validate_on_submit():
        submit(lambda: move_milestone(milestone, STEPS[direction], actor=current_user),
               redirect_to=target)
    return redirect(target)


@bp.route("/journeys/milestones/<int:milestone_id>/delete", methods=["GET", "POST"])
@roles(*MANAGERS)
def milestone_delete(milestone_id: int):
    milestone = ensure_found(db.session.get(Milestone, milestone_id))
    stage = milestone.stage
    journey, form = stage.journey, ConfirmForm()
    target = detail_url(journey) + f"#stage-{stage.id}"
    if form.validate_on_submit():
        return submit(lambda: delete_milestone(milestone, actor=current_user),
                      success=_("Milestone %(code)s deleted.", code=milestone.code),
                      redirect_to=target) or redirect(target)
    uses = references(milestone_ids=[milestone.id])
    return render_template("training/journey_delete.html", form=form, journey=journey,
                           stage=stage, milestone=milestone,
                           uses=References(uses) if uses else None)
