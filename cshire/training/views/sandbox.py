"""The sandbox exercise page (the new hire records each journey milestone and reflects),
its three POSTs, and the evidence files.

Who: whoever may view the enrolment (``can_view_enrolment``: the new hire, their mentor,
a managing manager, an admin) reads the page and its evidence; only the new hire writes.
"""

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import ensure_allowed, ensure_found, signed_in
from cshire.submit import submit
from cshire.training.forms.sandbox import SandboxRecordForm, SandboxReflectionForm
from cshire.training.messages import (
    MILESTONE_STATUS_LABELS,
    PROGRESS_STATUS_LABELS,
    REVIEW_OUTCOME_LABELS,
    TrainingError,
)
from cshire.training.services.access import can_view_enrolment
from cshire.training.services.progress import ensure_unlocked, submissions
from cshire.training.services.sandbox import (
    EvidenceUpload,
    RecordInput,
    ReflectionInput,
    evidence_file,
    hand_in_exercise,
    is_locked,
    is_web_link,
    journey_stages,
    load_enrolment,
    load_exercise,
    progress_status,
    record_milestone,
    records_by_milestone,
    reflection_of,
    save_reflection,
)
from cshire.training.views.blueprint import bp
from cshire.uploads import MAX_UPLOAD_BYTES, read_limited, stored_file_response

EXERCISE_URL = "/enrolments/<int:enrolment_id>/modules/<int:module_id>/sandbox"
# A record's POST may carry a file somewhat over the 5 MB evidence limit: it then gets the
# upload error under its field with the rest of the form kept, rather than the bare 413
# page the app's request limit (5 MB) gives. Beyond this, the 413 page all the same.
RECORD_REQUEST_LIMIT = 4 * MAX_UPLOAD_BYTES


@bp.url_value_preprocessor
def _raise_record_request_limit(endpoint: str | None, _values: dict | None) -> None:
    """Runs before the app's before-request hooks (CSRF, the NUL check), which read the
    form, so the limit is in force when the body is parsed."""
    if endpoint == "training.sandbox_record":
        request.max_content_length = RECORD_REQUEST_LIMIT


def _exercise(enrolment_id: int, module_id: int, *, writing: bool = False):
    enrolment, module = ensure_found(load_exercise(enrolment_id, module_id))
    ensure_allowed(can_view_enrolment(current_user, enrolment))
    if writing:
        ensure_allowed(enrolment.user_id == current_user.id)
    return enrolment, module


def _page_url(enrolment, module, anchor: str | None = None) -> str:
    return url_for("training.sandbox", enrolment_id=enrolment.id, module_id=module.id,
                   _anchor=anchor)


def _stage_locked(enrolment, module) -> bool:
    try:
        ensure_unlocked(enrolment, module)
    except TrainingError:
        return True
    return False


def _render(enrolment, module, bound_record: tuple[int, SandboxRecordForm] | None = None,
            reflection_form: SandboxReflectionForm | None = None):
    """The page; after a refused POST the one bound form keeps what was typed."""
    records = records_by_milestone(enrolment, module)
    reflection = reflection_of(enrolment, module)
    status = progress_status(enrolment, module)
    forms = {}
    for stage in (stages := journey_stages(module)):
        for milestone in stage.milestones:
            forms[milestone.id] = SandboxRecordForm(
                formdata=None, obj=records.get(milestone.id), prefix=f"m{milestone.id}")
    if bound_record is not None:
        forms[bound_record[0]] = bound_record[1]
    is_new_hire = enrolment.user_id == current_user.id
    stage_locked = _stage_locked(enrolment, module)
    # One record form open at a time (the page stays a readable list): the one just
    # refused, else the first milestone not recorded yet.
    open_milestone_id = bound_record[0] if bound_record is not None else next(
        (m.id for stage in stages for m in stage.milestones if m.id not in records), None)
    return render_template(
        "training/sandbox_exercise.html", enrolment=enrolment, module=module, stages=stages,
        records=records, forms=forms, open_milestone_id=open_milestone_id,
        status=status, is_new_hire=is_new_hire,
        stage_locked=stage_locked,
        editable=is_new_hire and not stage_locked and not is_locked(status),
        reflection=reflection,
        reflection_form=reflection_form or SandboxReflectionForm(formdata=None, obj=reflection),
        sandbox_link=module.sandbox_url if is_web_link(module.sandbox_url) else None,
        rounds=submissions(enrolment, module), status_labels=PROGRESS_STATUS_LABELS,
        milestone_labels=MILESTONE_STATUS_LABELS, outcome_labels=REVIEW_OUTCOME_LABELS,
    )


@bp.route(EXERCISE_URL)
@signed_in
def sandbox(enrolment_id: int, module_id: int):
    return _render(*_exercise(enrolment_id, module_id))


def _record_input(form: SandboxRecordForm) -> RecordInput:
    return RecordInput(
        status=form.status.data or "", minutes_spent=form.minutes_spent.data,
        difficulty=form.difficulty.data, stuck_note=form.stuck_note.data or "",
        evidence_url=form.evidence_url.data or "", remove_file=bool(form.remove_file.data))


def _upload(form: SandboxRecordForm) -> EvidenceUpload | None:
    file = form.evidence_file.data
    if not getattr(file, "filename", None):
        return None
    return EvidenceUpload(filename=file.filename, data=read_limited(file.stream))


@bp.route(EXERCISE_URL + "/milestones/<int:milestone_id>", methods=["POST"])
@signed_in
def sandbox_record(enrolment_id: int, module_id: int, milestone_id: int):
    enrolment, module = _exercise(enrolment_id, module_id, writing=True)
    form = SandboxRecordForm(prefix=f"m{milestone_id}")
    if form.validate_on_submit() and (done := submit(
        lambda: record_milestone(enrolment, module, milestone_id, _record_input(form),
                                 _upload(form), version=form.loaded_version,
                                 actor=current_user),
        success=_("Milestone record saved."),
        redirect_to=_page_url(enrolment, module, f"milestone-{milestone_id}"), form=form,
    )):
        return done
    return _render(enrolment, module, bound_record=(milestone_id, form)), 422


def _reflection_input(form: SandboxReflectionForm) -> ReflectionInput:
    return ReflectionInput(**{name: form[name].data or "" for name in (
        "what_was_hard", "where_stuck", "tell_customers", "improvement")})


@bp.route(EXERCISE_URL + "/reflection", methods=["POST"])
@signed_in
def sandbox_reflection(enrolment_id: int, module_id: int):
    enrolment, module = _exercise(enrolment_id, module_id, writing=True)
    form = SandboxReflectionForm()
    if form.validate_on_submit() and (done := submit(
        lambda: save_reflection(enrolment, module, _reflection_input(form),
                                version=form.loaded_version, actor=current_user),
        success=_("Reflection saved."),
        redirect_to=_page_url(enrolment, module, "reflection"), form=form,
    )):
        return done
    return _render(enrolment, module, reflection_form=form), 422


@bp.route(EXERCISE_URL + "/hand-in", methods=["POST"])
@signed_in
def sandbox_hand_in(enrolment_id: int, module_id: int):
    """Save the reflection and hand the exercise in for the mentor's review."""
    enrolment, module = _exercise(enrolment_id, module_id, writing=True)
    form = SandboxReflectionForm()
    if form.validate_on_submit() and (done := submit(
        lambda: hand_in_exercise(enrolment, module, _reflection_input(form),
                                 version=form.loaded_version, actor=current_user),
        success=lambda s: _("Round %(round)s handed in for review.", round=s.round),
        redirect_to=_page_url(enrolment, module), form=form,
    )):
        return done
    return _render(enrolment, module, reflection_form=form), 422


@bp.route("/enrolments/<int:enrolment_id>/evidence/<int:file_id>")
@signed_in
def evidence(enrolment_id: int, file_id: int):
    """An evidence file, to whoever may view the enrolment it belongs to (through one of
    its records or a round it handed in)."""
    enrolment = ensure_found(load_enrolment(enrolment_id))
    ensure_allowed(can_view_enrolment(current_user, enrolment))
    stored = ensure_found(evidence_file(enrolment, file_id))
    return stored_file_response(stored, download=request.args.get("download") == "1")
