"""The assignment page (instructions, hand-in, rounds with the mentor's comments) and
the download of a handed-in file."""

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import ensure_allowed, ensure_found, signed_in
from cshire.auth.services import organisation_zone
from cshire.submit import submit
from cshire.training.forms.assignments import HandInForm
from cshire.training.models.work import ProgressStatus
from cshire.training.services.access import can_view_enrolment
from cshire.training.services.assignments import (
    HandInInput,
    assignment_module,
    hand_in_assignment,
    rounds,
    submission_with_file,
)
from cshire.training.services.readiness import statuses_of
from cshire.training.views.blueprint import bp
from cshire.training.views.enrolments import page_helpers, viewable_enrolment
from cshire.uploads import read_limited, stored_file_response


def _hand_in_input(form: HandInForm) -> HandInInput:
    upload = form.file.data
    if upload is None or not getattr(upload, "filename", ""):
        return HandInInput(text=form.text.data or "")
    return HandInInput(text=form.text.data or "", filename=upload.filename,
                       data=read_limited(upload.stream))


@bp.route("/enrolments/<int:enrolment_id>/modules/<int:module_id>/assignment",
          methods=["GET", "POST"])
@signed_in
def assignment(enrolment_id: int, module_id: int):
    enrolment = viewable_enrolment(enrolment_id)
    module = ensure_found(assignment_module(enrolment, module_id))
    status = statuses_of([enrolment], organisation_zone())[0]
    step = next((s for s in status.steps if s.module_id == module.id), None)
    unlocked = any(p.unlocked and p.stage_position == module.stage.position
                   for _stage, p in status.stages)
    form = HandInForm()
    page_url = url_for("training.assignment", enrolment_id=enrolment.id, module_id=module.id)
    if form.validate_on_submit() and (done := submit(
        lambda: hand_in_assignment(enrolment, module, _hand_in_input(form), actor=current_user),
        success=_("Handed in. Your mentor has been asked to review it."),
        redirect_to=page_url, form=form,
    )):
        return done
    may_hand_in = (enrolment.user_id == current_user.id and unlocked and step is not None
                   and step.status not in (ProgressStatus.PASSED, ProgressStatus.SUBMITTED))
    return render_template(
        "training/assignments_page.html", **page_helpers(), enrolment=enrolment,
        module=module, step=step, unlocked=unlocked, form=form, may_hand_in=may_hand_in,
        rounds=rounds(enrolment, module), today=status.today)


@bp.route("/submissions/<int:submission_id>/file")
@signed_in
def submission_file(submission_id: int):
    """A handed-in file, for whoever may see the enrolment."""
    submission = ensure_found(submission_with_file(submission_id))
    ensure_allowed(can_view_enrolment(current_user, submission.enrolment))
    return stored_file_response(ensure_found(submission.file))
