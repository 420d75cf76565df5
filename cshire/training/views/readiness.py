"""The field-readiness sign-off and the training record (PDF)."""

from flask import url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import ensure_allowed, signed_in
from cshire.auth.services import organisation_zone
from cshire.database import utcnow
from cshire.i18n import localized
from cshire.pdf import pdf_response
from cshire.submit import submit
from cshire.training.forms.readiness import SignOffForm
from cshire.training.messages import (
    MILESTONE_STATUS_LABELS,
    MODULE_KIND_LABELS,
    PROGRESS_STATUS_LABELS,
    REVIEW_OUTCOME_LABELS,
)
from cshire.training.reports import training_record
from cshire.training.services.access import can_supervise_enrolment
from cshire.training.services.readiness import SignOffInput, sign_off, statuses_of
from cshire.training.views.blueprint import bp
from cshire.training.views.enrolments import render_enrolment, viewable_enrolment


@bp.route("/enrolments/<int:enrolment_id>/sign-off", methods=["POST"])
@signed_in
def enrolment_sign_off(enrolment_id: int):
    enrolment = viewable_enrolment(enrolment_id)
    ensure_allowed(can_supervise_enrolment(current_user, enrolment))
    form = SignOffForm()
    if form.validate_on_submit() and (done := submit(
        lambda: sign_off(enrolment, SignOffInput(form.signed_on.data, form.note.data or "",
                                                 form.make_csm.data),
                         version=form.loaded_version, actor=current_user),
        success=_("%(name)s is signed off as ready for the field.",
                  name=enrolment.user.display_name),
        redirect_to=url_for("training.enrolment_detail", enrolment_id=enrolment.id),
        form=form,
    )):
        return done
    return render_enrolment(enrolment, sign_off_form=form)


@bp.route("/enrolments/<int:enrolment_id>/record.pdf")
@signed_in
def enrolment_record(enrolment_id: int):
    """The training record, in the viewer's language."""
    enrolment = viewable_enrolment(enrolment_id)
    status = statuses_of([enrolment], organisation_zone())[0]
    name = _("Training record - %(name)s", name=enrolment.user.display_name)
    return pdf_response(
        "training/record_pdf.html", f"{name}.pdf",
        ascii_filename=f"training-record-{enrolment.id}.pdf",
        record=training_record(status), enrolment=enrolment, generated_at=utcnow(),
        curriculum_name=localized(enrolment.curriculum, "name"),
        kinds=MODULE_KIND_LABELS, statuses=PROGRESS_STATUS_LABELS,
        outcomes=REVIEW_OUTCOME_LABELS, milestone_statuses=MILESTONE_STATUS_LABELS,
    )
