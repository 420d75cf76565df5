"""Interview kits: build, swap, move, publish, version, and the interview guide PDF."""

from flask import redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from cshire.auth.access import ensure_found, roles
from cshire.auth.models import MANAGERS, Role
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.i18n import current_language
from cshire.interviews.forms.kits import DraftForm, KitForm, MoveForm, SwapForm
from cshire.interviews.messages import QUESTION_TYPE_LABELS, kit_audit_label, kit_audit_value
from cshire.interviews.models.kits import InterviewKit, InterviewKitVersion
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.reports import guide_context, guide_filename, guide_notes_size
from cshire.interviews.services.kits import (
    KitRequest,
    OpenedDraft,
    allocation_rows,
    build_kit,
    get_kit,
    get_version,
    kit_history,
    kit_query,
    move_item,
    open_draft,
    publish,
    swap_candidates,
    swap_item,
)
from cshire.interviews.services.profiles import active_profiles
from cshire.interviews.views.blueprint import bp
from cshire.pagination import paginate
from cshire.pdf import pdf_response
from cshire.sorting import SortKeys
from cshire.submit import submit

READERS = (Role.INTERVIEWER, *MANAGERS)


def _manages() -> bool:
    return current_user.has_role(*MANAGERS)


def _request(form: KitForm) -> KitRequest:
    by_minutes = form.size_by.data == "minutes"
    return KitRequest(
        name=form.name.data, profile_id=form.profile.data, language=form.language.data,
        minutes_per_question=form.minutes_per_question.data,
        total_questions=None if by_minutes else form.total_questions.data,
        interview_minutes=form.interview_minutes.data if by_minutes else None,
    )


def _readable_version(kit_id: int, number: int) -> InterviewKitVersion:
    """The version, or 404 for a draft when the viewer only interviews."""
    version = ensure_found(get_version(kit_id, number))
    return ensure_found(version if version.is_published or _manages() else None)


def _version_url(version: InterviewKitVersion) -> str:
    return url_for("interviews.kit_version", kit_id=version.kit_id, number=version.number)


# The orders of the kit list (cshire/sorting.py); the profile's name is a subquery, so
# kit_query needs no join for it.
KIT_SORTS = SortKeys(
    "name", InterviewKit.id, name=func.lower(InterviewKit.name),
    profile=select(func.lower(HighPerformerProfile.name))
    .where(HighPerformerProfile.id == InterviewKit.profile_id).scalar_subquery(),
    language=InterviewKit.language,
)


@bp.route("/kits")
@roles(*READERS)
def kits():
    manages = _manages()
    sort = KIT_SORTS.read(request.args)
    page = paginate(KIT_SORTS.apply(kit_query(published_only=not manages), sort))
    return render_template("interviews/kits_index.html", page=page, manages=manages,
                           sort=sort)


@bp.route("/kits/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def kit_new():
    form = KitForm()
    if request.method == "GET":
        form.language.data = current_language()
        form.profile.data = request.args.get("profile", type=int)
    if form.validate_on_submit() and (done := submit(
        lambda: build_kit(_request(form), actor=current_user),
        success=_("Draft built. Check the allocation, swap or reorder questions, then "
                  "publish."),
        redirect_to=lambda kit: _version_url(kit.versions[0]), form=form,
    )):
        return done
    form.profile.choices = [("", _("— choose a profile —"))] + [
        (str(p.id), p.name) for p in active_profiles()
    ]
    return render_template("interviews/kits_form.html", form=form)


@bp.route("/kits/<int:kit_id>")
@roles(*READERS)
def kit(kit_id: int):
    """The kit's versions; managers also see every version event and who made it."""
    kit = ensure_found(get_kit(kit_id))
    manages = _manages()
    versions = [v for v in kit.versions if manages or v.is_published]
    ensure_found(versions or None)
    return render_template("interviews/kits_detail.html", kit=kit, versions=versions,
                           manages=manages, form=ConfirmForm(),
                           history=kit_history(kit) if manages else None,
                           audit_labels=kit_audit_label, audit_values=kit_audit_value)


@bp.route("/kits/<int:kit_id>/versions/<int:number>")
@roles(*READERS)
def kit_version(kit_id: int, number: int):
    version = _readable_version(kit_id, number)
    editable = not version.is_published and _manages()
    return render_template(
        "interviews/kits_version.html", version=version, kit=version.kit,
        editable=editable, manages=_manages(), types=QUESTION_TYPE_LABELS,
        allocation=allocation_rows(version) if _manages() else [],
        candidates=swap_candidates(version) if editable else {}, form=DraftForm(obj=version),
    )


@bp.route("/kits/<int:kit_id>/versions/<int:number>/items/<int:item_id>/swap",
          methods=["POST"])
@roles(*MANAGERS)
def kit_item_swap(kit_id: int, number: int, item_id: int):
    version = _readable_version(kit_id, number)
    form = SwapForm()
    if form.validate_on_submit():
        submit(lambda: swap_item(version, item_id, form.question.data,
                                 loaded_version=form.loaded_version, actor=current_user),
               success=_("Question swapped."), redirect_to=_version_url(version))
    return redirect(_version_url(version))


@bp.route("/kits/<int:kit_id>/versions/<int:number>/items/<int:item_id>/move",
          methods=["POST"])
@roles(*MANAGERS)
def kit_item_move(kit_id: int, number: int, item_id: int):
    version = _readable_version(kit_id, number)
    form = MoveForm()
    if form.validate_on_submit():
        submit(lambda: move_item(version, item_id, form.direction.data or "",
                                 loaded_version=form.loaded_version, actor=current_user),
               redirect_to=_version_url(version))
    return redirect(_version_url(version) + f"#item-{item_id}")


@bp.route("/kits/<int:kit_id>/versions/<int:number>/publish", methods=["POST"])
@roles(*MANAGERS)
def kit_publish(kit_id: int, number: int):
    version = _readable_version(kit_id, number)
    form = DraftForm()
    if form.validate_on_submit():
        submit(lambda: publish(version, actor=current_user, loaded_version=form.loaded_version),
               success=_("Version %(number)s is published. It will not change any more.",
                         number=version.number),
               redirect_to=_version_url(version))
    return redirect(_version_url(version))


@bp.route("/kits/<int:kit_id>/new-version", methods=["POST"])
@roles(*MANAGERS)
def kit_new_version(kit_id: int):
    kit = ensure_found(db.session.get(InterviewKit, kit_id))
    if ConfirmForm().validate_on_submit() and (done := submit(
        lambda: open_draft(kit, actor=current_user),
        success=_opened_message, redirect_to=lambda opened: _version_url(opened.draft),
    )):
        return done
    return redirect(url_for("interviews.kit", kit_id=kit.id))


def _opened_message(opened: OpenedDraft) -> str:
    """A new draft, or the kit's draft someone (perhaps at the same moment) made."""
    number = opened.draft.number
    if opened.made:
        return _("Version %(number)s is a draft copy you can edit; earlier versions stay "
                 "as they were.", number=number)
    when = format_datetime(opened.started_at, "short")
    if opened.started_by:
        return _("Version %(number)s is already a draft of this kit, started by %(who)s at "
                 "%(when)s; no second draft was made. Continue with this one.",
                 number=number, who=opened.started_by, when=when)
    return _("Version %(number)s is already a draft of this kit, started at %(when)s; no "
             "second draft was made. Continue with this one.", number=number, when=when)


@bp.route("/kits/<int:kit_id>/versions/<int:number>/guide.pdf")
@roles(*READERS)
def kit_guide(kit_id: int, number: int):
    """The printable interview guide; only for published versions (a draft may still
    change, and interviewers must not prepare from one)."""
    version = ensure_found(get_version(kit_id, number))
    ensure_found(version if version.is_published else None)
    notes = guide_notes_size(request.args.get("notes"))
    return pdf_response("interviews/kits_guide_pdf.html", guide_filename(version),
                        ascii_filename=f"interview-guide-{kit_id}-v{number}.pdf",
                        **guide_context(version, notes))
