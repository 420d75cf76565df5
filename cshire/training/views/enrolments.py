"""Training's home (what each role has to do), enrolling new hires, and the enrolment
page (progress per stage and module, interview gaps, sign-off, history)."""

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from cshire.audit import YES_NO, history
from cshire.auth.access import ensure_allowed, ensure_found, roles, signed_in
from cshire.auth.models import MANAGERS, User
from cshire.auth.services import organisation_zone
from cshire.forms import ConfirmForm
from cshire.i18n import localized
from cshire.request_input import id_arg
from cshire.submit import submit
from cshire.training.forms.enrolments import EnrolmentEditForm, EnrolmentForm
from cshire.training.forms.readiness import SignOffForm
from cshire.training.messages import (
    ENROLMENT_AUDIT_LABELS,
    MODULE_KIND_LABELS,
    PROGRESS_STATUS_LABELS,
    REVIEW_OUTCOME_LABELS,
)
from cshire.training.models.enrolments import Enrolment
from cshire.training.reports import module_results
from cshire.training.services.access import (
    can_manage_enrolment,
    can_supervise_enrolment,
    can_view_enrolment,
)
from cshire.training.services.enrolments import (
    EnrolmentInput,
    add_module,
    curriculum_choices,
    enrol,
    hired_applications,
    interview_gaps,
    load_enrolment,
    managed_enrolments,
    matching_application,
    mentee_enrolments,
    mentor_choices,
    new_hire_choices,
    own_enrolments,
    unenrolled_new_hires,
    update_enrolment,
)
from cshire.training.services.readiness import cohort_summaries, statuses_of
from cshire.training.services.reviews import awaiting_review_count
from cshire.training.views.blueprint import bp


def page_helpers() -> dict:
    """What every training page of this area formats modules and statuses with."""
    return {"kinds": MODULE_KIND_LABELS, "statuses": PROGRESS_STATUS_LABELS,
            "outcomes": REVIEW_OUTCOME_LABELS}


@bp.route("/")
@signed_in
def home():
    """A new hire's own plan; a mentor's mentees; a manager's cohorts and who is
    behind — every enrolment read in one batch."""
    own, mentees = own_enrolments(current_user), mentee_enrolments(current_user)
    managed = managed_enrolments(current_user)
    unique = {e.id: e for e in (*own, *mentees, *managed)}
    statuses = {s.enrolment.id: s for s in statuses_of(list(unique.values()),
                                                       organisation_zone())}
    is_manager = current_user.has_role(*MANAGERS)
    managed_statuses = [statuses[e.id] for e in managed]
    return render_template(
        "training/enrolments_home.html", **page_helpers(),
        own=[statuses[e.id] for e in own], mentees=[statuses[e.id] for e in mentees],
        cohorts=cohort_summaries(managed_statuses) if is_manager else [],
        behind=sorted((s for s in managed_statuses if s.overdue),
                      key=lambda s: -len(s.overdue)),
        ready=[s for s in managed_statuses if s.ready], is_manager=is_manager,
        unenrolled=unenrolled_new_hires() if is_manager else [],
        waiting=awaiting_review_count(current_user) if (mentees or is_manager) else 0,
    )


def _enrolment_form() -> EnrolmentForm:
    form = EnrolmentForm()
    new_hires = new_hire_choices()
    form.new_hire_ids.choices = [(u.id, f"{u.display_name} ({u.email})") for u in new_hires]
    form.curriculum_id.choices = [(None, _("Choose a curriculum…"))] + [
        (c.id, localized(c, "name")) for c in curriculum_choices()]
    form.mentor_id.choices = [(None, _("Choose a mentor…"))] + [
        (u.id, u.display_name) for u in mentor_choices()]
    applications = hired_applications(current_user)
    form.application_id.choices = [(None, "—")] + [
        (a.id, _("%(name)s (%(email)s) — %(opening)s", name=a.candidate.name,
                 email=a.candidate.email, opening=a.opening.title)) for a in applications]
    chosen = next((u for u in new_hires if u.id == id_arg("new_hire")), None)
    if request.method == "GET" and chosen is not None:
        form.new_hire_ids.data = [chosen.id]
        form.application_id.data = matching_application(chosen, applications)
    return form


def _created(enrolments: list[Enrolment]) -> str:
    if len(enrolments) == 1:
        return _("%(name)s is enrolled.", name=enrolments[0].user.display_name)
    return ngettext("%(num)d new hire enrolled.", "%(num)d new hires enrolled.",
                    len(enrolments))


def _after_enrolling(enrolments: list[Enrolment]) -> str:
    if len(enrolments) == 1:
        return url_for("training.enrolment_detail", enrolment_id=enrolments[0].id)
    return url_for("training.home")


@bp.route("/enrolments/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def enrolment_new():
    form = _enrolment_form()
    if form.validate_on_submit() and (done := submit(
        lambda: enrol(EnrolmentInput(
            new_hire_ids=form.new_hire_ids.data or [], curriculum_id=form.curriculum_id.data,
            mentor_id=form.mentor_id.data, start_date=form.start_date.data,
            cohort_name=form.cohort_name.data or "",
            application_id=form.application_id.data), actor=current_user),
        success=_created, redirect_to=_after_enrolling, form=form,
    )):
        return done
    return render_template("training/enrolments_new.html", form=form)


def viewable_enrolment(enrolment_id: int) -> Enrolment:
    enrolment = ensure_found(load_enrolment(enrolment_id))
    ensure_allowed(can_view_enrolment(current_user, enrolment))
    return enrolment


def render_enrolment(enrolment: Enrolment, sign_off_form: SignOffForm | None = None):
    """The enrolment page (also re-rendered by a refused sign-off, with its input)."""
    status = statuses_of([enrolment], organisation_zone())[0]
    supervises = can_supervise_enrolment(current_user, enrolment)
    if sign_off_form is None:
        sign_off_form = SignOffForm(obj=enrolment)
        sign_off_form.signed_on.data = status.today
    return render_template(
        "training/enrolments_detail.html", **page_helpers(), enrolment=enrolment,
        status=status, results=module_results(enrolment),
        gaps=interview_gaps(enrolment) if supervises else [],
        supervises=supervises, manages=can_manage_enrolment(current_user, enrolment),
        sign_off_form=sign_off_form, add_form=ConfirmForm(), history=history(enrolment),
        audit_labels=ENROLMENT_AUDIT_LABELS, audit_values={"promoted_to_csm": YES_NO},
    )


@bp.route("/enrolments/<int:enrolment_id>")
@signed_in
def enrolment_detail(enrolment_id: int):
    return render_enrolment(viewable_enrolment(enrolment_id))


def _managed_enrolment(enrolment_id: int) -> Enrolment:
    enrolment = ensure_found(load_enrolment(enrolment_id))
    ensure_allowed(can_manage_enrolment(current_user, enrolment))
    return enrolment


def _detail_url(enrolment: Enrolment) -> str:
    return url_for("training.enrolment_detail", enrolment_id=enrolment.id)


@bp.route("/enrolments/<int:enrolment_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def enrolment_edit(enrolment_id: int):
    enrolment = _managed_enrolment(enrolment_id)
    form = EnrolmentEditForm(obj=enrolment)
    mentors: list[User] = mentor_choices()
    if enrolment.mentor is not None and enrolment.mentor not in mentors:
        mentors.append(enrolment.mentor)  # a former mentor stays readable
    form.mentor_id.choices = [(None, _("Choose a mentor…"))] + [
        (u.id, u.display_name) for u in mentors]
    if form.validate_on_submit() and (done := submit(
        lambda: update_enrolment(enrolment, mentor_id=form.mentor_id.data,
                                 start_date=form.start_date.data,
                                 version=form.loaded_version, actor=current_user,
                                 reason=form.reason.data or ""),
        success=_("Enrolment saved."), redirect_to=_detail_url(enrolment), form=form,
    )):
        return done
    return render_template("training/enrolments_edit.html", form=form, enrolment=enrolment)


@bp.route("/enrolments/<int:enrolment_id>/plan/<int:module_id>", methods=["POST"])
@roles(*MANAGERS)
def enrolment_add_module(enrolment_id: int, module_id: int):
    """"Add to plan" (interview gaps): one click; the module becomes required."""
    enrolment = _managed_enrolment(enrolment_id)
    if ConfirmForm().validate_on_submit():
        submit(lambda: add_module(enrolment, module_id, actor=current_user),
               success=lambda added: _("“%(title)s” is now on the plan.",
                                       title=localized(added.module, "title")),
               redirect_to=_detail_url(enrolment))
    return redirect(_detail_url(enrolment) + "#gaps")
