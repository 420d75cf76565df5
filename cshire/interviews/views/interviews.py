"""Interviews: "My interviews", scheduling with a panel, and the interview page."""

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.auth.services import users_with_any_role
from cshire.database import utcnow
from cshire.interviews.forms.interviews import InterviewForm
from cshire.interviews.messages import RECOMMENDATION_LABELS
from cshire.interviews.services.interviews import (
    load_application,
    load_interview,
    schedule_interview,
    update_interview,
)
from cshire.interviews.services.openings import (
    PANEL_ROLES,
    can_manage_opening,
)
from cshire.interviews.services.scoring import (
    can_open_interview,
    has_submitted_for,
    visible_scorecards,
)
from cshire.interviews.services.scoring import (
    my_interviews as my_panel_seats,
)
from cshire.interviews.views.blueprint import bp
from cshire.pagination import paginate
from cshire.submit import submit


@bp.route("/my-interviews")
@roles(*PANEL_ROLES)
def my_interviews():
    mine = my_panel_seats(current_user)
    return render_template("interviews/interviews_mine.html", mine=mine,
                           submitted=paginate(mine.submitted))


def _interview_form(application, interview=None) -> InterviewForm:
    form = InterviewForm(obj=interview)
    form.stage_id.choices = [(s.id, s.name) for s in application.opening.stages]
    form.panel.choices = [(u.id, u.display_name) for u in users_with_any_role(PANEL_ROLES)]
    if request.method == "GET" and interview is not None:
        form.panel.data = [s.interviewer_id for s in interview.scorecards]
    elif request.method == "GET":
        held = {i.stage_id for i in application.interviews}
        form.stage_id.data = next((s.id for s in application.opening.stages
                                   if s.id not in held), None)
    return form


def _detail_url(interview) -> str:
    return url_for("interviews.interview_detail", interview_id=interview.id)


@bp.route("/applications/<int:application_id>/interviews/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def interview_new(application_id: int):
    application = ensure_found(load_application(application_id))
    ensure_allowed(can_manage_opening(current_user, application.opening))
    form = _interview_form(application)
    if form.validate_on_submit() and (done := submit(
        lambda: schedule_interview(
            application, stage_id=form.stage_id.data,
            scheduled_at=form.scheduled_at.data, panel_ids=form.panel.data or [],
            location=form.location.data or "", actor=current_user),
        success=_("Interview scheduled."), redirect_to=_detail_url, form=form,
    )):
        return done
    return render_template("interviews/interviews_form.html", form=form,
                           application=application, interview=None)


@bp.route("/interviews/<int:interview_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def interview_edit(interview_id: int):
    interview = ensure_found(load_interview(interview_id))
    application = interview.application
    ensure_allowed(can_manage_opening(current_user, application.opening))
    form = _interview_form(application, interview)
    form.stage_id.data = interview.stage_id  # the stage of a held interview never changes
    if form.validate_on_submit() and (done := submit(
        lambda: update_interview(interview, scheduled_at=form.scheduled_at.data,
                                 panel_ids=form.panel.data or [],
                                 location=form.location.data or ""),
        success=_("Interview updated."), redirect_to=_detail_url(interview), form=form,
    )):
        return done
    return render_template("interviews/interviews_form.html", form=form,
                           application=application, interview=interview)


@bp.route("/interviews/<int:interview_id>")
@roles(*PANEL_ROLES)
def interview_detail(interview_id: int):
    """The panel and, as far as the independence rule allows, its scorecards."""
    interview = ensure_found(load_interview(interview_id))
    ensure_allowed(can_open_interview(current_user, interview))
    shown = visible_scorecards(current_user, interview.scorecards)
    answers = {(s.id, a.kit_item_id): a for s in shown for a in s.answers}
    return render_template(
        "interviews/interviews_detail.html", interview=interview, shown=shown, answers=answers,
        own=next((s for s in interview.scorecards if s.interviewer_id == current_user.id), None),
        is_manager=can_manage_opening(current_user, interview.application.opening),
        own_submitted=has_submitted_for(current_user, interview),
        recommendations=RECOMMENDATION_LABELS, now=utcnow(),
    )
