"""Openings: the hiring manager's list, the opening with its candidates and stages."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS, User
from cshire.auth.services import users_with_any_role
from cshire.interviews.forms.openings import OpeningForm, StageForm
from cshire.interviews.messages import APPLICATION_STATUS_LABELS
from cshire.interviews.models.openings import Opening
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.services.candidate_list import CandidateList, candidate_filters
from cshire.interviews.services.openings import (
    OpeningInput,
    StageInput,
    active_profiles,
    add_stage,
    can_manage_opening,
    create_opening,
    load_opening,
    openings_query,
    published_kit_versions,
    status_counts,
    update_opening,
)
from cshire.interviews.views.blueprint import bp
from cshire.pagination import paginate
from cshire.sorting import SortKeys
from cshire.submit import submit

# The orders of the openings list (cshire/sorting.py); related names are subqueries.
OPENING_SORTS = SortKeys(
    "-opened", Opening.id, title=func.lower(Opening.title),
    profile=select(func.lower(HighPerformerProfile.name))
    .where(HighPerformerProfile.id == Opening.profile_id).scalar_subquery(),
    manager=select(func.lower(User.display_name))
    .where(User.id == Opening.hiring_manager_id).scalar_subquery(),
    threshold=Opening.fit_threshold, opened=Opening.created_at,
)


def _managed_opening(opening_id: int):
    opening = ensure_found(load_opening(opening_id))
    ensure_allowed(can_manage_opening(current_user, opening))
    return opening


def _kit_choices() -> list[tuple[int | None, str]]:
    return [(None, "—")] + [
        (v.id, _("%(kit)s (version %(number)s)", kit=v.kit.name, number=v.number))
        for v in published_kit_versions()
    ]


def _opening_form(opening=None) -> OpeningForm:
    form = OpeningForm(obj=opening)
    form.profile_id.choices = [(p.id, p.name) for p in active_profiles()]
    if opening is not None and opening.profile_id not in dict(form.profile_id.choices):
        form.profile_id.choices.append((opening.profile_id, opening.profile.name))
    managers = users_with_any_role(MANAGERS)
    form.hiring_manager_id.choices = [(u.id, u.display_name) for u in managers]
    form.stage1_kit.choices = form.stage2_kit.choices = _kit_choices()
    if request.method == "GET" and opening is None:
        form.hiring_manager_id.data = current_user.id
        form.stage1_name.data = _("First interview")
    return form


def _opening_input(form: OpeningForm, closed: bool | None = None) -> OpeningInput:
    return OpeningInput(
        title=form.title.data or "", description=form.description.data or "",
        profile_id=form.profile_id.data, hiring_manager_id=form.hiring_manager_id.data,
        fit_threshold=form.fit_threshold.data, notes_required=form.notes_required.data,
        stages=[StageInput(form.stage1_name.data or "", form.stage1_kit.data),
                StageInput(form.stage2_name.data or "", form.stage2_kit.data)],
        closed=closed,
    )


def _detail_url(opening: Opening) -> str:
    return url_for("interviews.opening_detail", opening_id=opening.id)


@bp.route("/openings")
@roles(*MANAGERS)
def openings():
    show_closed = request.args.get("closed") == "1"
    sort = OPENING_SORTS.read(request.args)
    page = paginate(OPENING_SORTS.apply(
        openings_query(current_user, include_closed=show_closed), sort))
    return render_template("interviews/openings_index.html", page=page, show_closed=show_closed,
                           sort=sort)


@bp.route("/openings/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def opening_new():
    form = _opening_form()
    if form.validate_on_submit() and (done := submit(
        lambda: create_opening(_opening_input(form), actor=current_user),
        success=lambda opening: _("Opening “%(title)s” created.", title=opening.title),
        redirect_to=_detail_url, form=form,
    )):
        return done
    return render_template("interviews/openings_form.html", form=form, opening=None)


@bp.route("/openings/<int:opening_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def opening_edit(opening_id: int):
    opening = _managed_opening(opening_id)
    form = _opening_form(opening)
    closed = request.form.get("closed") == "1"  # a plain checkbox of the page
    if form.validate_on_submit() and (done := submit(
        lambda: update_opening(opening, _opening_input(form, closed), actor=current_user),
        success=_("Opening saved."), redirect_to=_detail_url(opening), form=form,
    )):
        return done
    return render_template("interviews/openings_form.html", form=form, opening=opening)


@bp.route("/openings/<int:opening_id>")
@roles(*MANAGERS)
def opening_detail(opening_id: int):
    """The opening and its candidates: open applications by default, sortable."""
    opening = _managed_opening(opening_id)
    filters = candidate_filters(request.args)
    listing = CandidateList(opening)
    sort = listing.sorts.read(request.args)
    page = paginate(listing.query(filters, sort))
    stage_form = StageForm()
    stage_form.kit_version_id.choices = _kit_choices()
    return render_template(
        "interviews/openings_detail.html", opening=opening, filters=filters, sort=sort,
        page=page, rows=listing.rows(page.items), counts=status_counts(opening),
        statuses=APPLICATION_STATUS_LABELS, stage_form=stage_form,
    )


@bp.route("/openings/<int:opening_id>/stages", methods=["POST"])
@roles(*MANAGERS)
def opening_stage_add(opening_id: int):
    opening = _managed_opening(opening_id)
    form = StageForm()
    form.kit_version_id.choices = _kit_choices()
    if form.validate_on_submit():
        submit(lambda: add_stage(opening, StageInput(form.name.data, form.kit_version_id.data)),
               success=lambda stage: _("Stage “%(name)s” added.", name=stage.name),
               redirect_to=_detail_url(opening))
    else:
        flash(_("Give the stage a name and choose a published kit."), "error")
    return redirect(_detail_url(opening))
