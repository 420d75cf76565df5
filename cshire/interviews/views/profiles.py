"""High-performer profiles: list, create (empty or from a starter set), edit, archive."""

from collections.abc import Iterable

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from cshire.audit import history
from cshire.auth.access import ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.competencies.services import active_competencies
from cshire.competencies.starter_sets import ARCHETYPES, COMPETENCIES
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.i18n import current_language
from cshire.interviews.forms.profiles import ArchetypeForm, ProfileForm
from cshire.interviews.messages import PROFILE_AUDIT_VALUES, HiringError, profile_audit_label
from cshire.interviews.models.exemplars import ExemplarMember
from cshire.interviews.models.kits import InterviewKit
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency
from cshire.interviews.reports import profile_radar
from cshire.interviews.services.exemplars import suggested_entries, suggestion_for
from cshire.interviews.services.profiles import (
    EntryInput,
    ProfileInput,
    create_from_archetype,
    create_profile,
    get_profile,
    profile_query,
    set_archived,
    update_profile,
)
from cshire.interviews.views.blueprint import bp
from cshire.pagination import paginate
from cshire.sorting import SortKeys
from cshire.submit import submit

# The orders of the profile list (cshire/sorting.py).
PROFILE_SORTS = SortKeys(
    "name", HighPerformerProfile.id, name=func.lower(HighPerformerProfile.name),
    role=func.lower(HighPerformerProfile.role_title),
    competencies=select(func.count(ProfileCompetency.id))
    .where(ProfileCompetency.profile_id == HighPerformerProfile.id).scalar_subquery(),
)


def entry_data(entries: Iterable[EntryInput]) -> list[dict]:
    """Rows to pre-fill a ``ProfileForm`` with (``data={"entries": …}``)."""
    return [
        {"competency": e.competency_id, "weight": e.weight, "target_level": e.target_level}
        for e in entries
    ]


def profile_or_404(profile_id: int) -> HighPerformerProfile:
    return ensure_found(get_profile(profile_id))


def _profile_url(profile: HighPerformerProfile) -> str:
    return url_for("interviews.profile", profile_id=profile.id)


def _input_from(form: ProfileForm) -> ProfileInput:
    return ProfileInput(form.name.data or "", form.role_title.data or "",
                        form.description.data or "", form.entry_inputs())


def _problems(form: ProfileForm) -> list[str]:
    """Every message the refused form shows next to a field, in form order: the summary
    above a long form."""
    fields = [form.name, form.role_title, form.description]
    fields += [row[name] for row in form.entries for name in ("competency", "weight",
                                                             "target_level")]
    return [error for field in fields for error in field.errors]


def _form_page(form: ProfileForm, profile: HighPerformerProfile | None, problems=(),
               blank_rows: int = 0):
    competencies = active_competencies()
    if profile is not None:  # an archived competency still in the profile stays selectable
        competencies += [e.competency for e in profile.entries
                         if e.competency.archived_at is not None]
    form.prepare(competencies, blank_rows=blank_rows)
    return render_template("interviews/profiles_form.html", form=form, profile=profile,
                           problems=problems)


def _save(form: ProfileForm, profile: HighPerformerProfile | None, action, success):
    """Submit the profile form: the redirect, or its page again with every problem
    shown by its row and listed above the form."""
    if done := submit(action, success=success, redirect_to=_profile_url, form=form):
        return done
    return _form_page(form, profile, _problems(form))


@bp.route("/profiles")
@roles(*MANAGERS)
def profiles():
    archived = request.args.get("archived") == "1"
    sort = PROFILE_SORTS.read(request.args)
    page = paginate(PROFILE_SORTS.apply(profile_query(include_archived=archived), sort))
    return render_template("interviews/profiles_index.html", page=page, archived=archived,
                           sort=sort)


@bp.route("/profiles/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_new():
    form = ProfileForm()
    adding_rows = "add_rows" in request.form
    if not adding_rows and form.validate_on_submit():
        return _save(form, None, lambda: create_profile(_input_from(form), actor=current_user),
                     lambda profile: _("Profile “%(name)s” created.", name=profile.name))
    first_visit = request.method == "GET"
    return _form_page(form, None, blank_rows=5 if first_visit else 3 if adding_rows else 0)


@bp.route("/profiles/from-starter-set", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_from_archetype():
    form = ArchetypeForm()
    if form.validate_on_submit() and (done := submit(
        lambda: create_from_archetype(form.archetype.data, actor=current_user,
                                      language=current_language()),
        success=lambda profile: _(
            "Profile “%(name)s” created from the starter set. Adjust it to what your own "
            "high performers show.", name=profile.name),
        redirect_to=_profile_url,
    )):
        return done
    return render_template("interviews/profiles_archetypes.html", form=form,
                           archetypes=_archetype_cards(current_language()))


def _archetype_cards(language: str) -> list[dict]:
    """Starter sets in the viewer's language (their texts are ``Text(en, ja)`` pairs)."""
    def pick(text) -> str:
        return getattr(text, language, "") or text.en

    return [
        {"code": a.code, "name": pick(a.name), "description": pick(a.description),
         "profile_name": pick(a.profile_name),
         "profile": [{"code": e.code, "weight": e.weight, "target_level": e.target_level,
                      "name": pick(COMPETENCIES[e.code].name) if e.code in COMPETENCIES
                      else e.code} for e in a.profile]}
        for a in ARCHETYPES.values()
    ]


@bp.route("/profiles/<int:profile_id>")
@roles(*MANAGERS)
def profile(profile_id: int):
    """The profile, its kits and exemplar count, and who changed what (the page is for
    managers and admins only)."""
    profile = profile_or_404(profile_id)
    kits = db.session.scalars(
        select(InterviewKit).where(InterviewKit.profile_id == profile.id)
        .order_by(InterviewKit.name)
    ).all()
    rated = db.session.scalar(
        select(func.count(ExemplarMember.id)).where(ExemplarMember.profile_id == profile.id)
    )
    total_weight = sum(e.weight for e in profile.entries) or 1
    return render_template(
        "interviews/profiles_detail.html", profile=profile, chart=profile_radar(profile),
        kits=kits, rated=rated, total_weight=total_weight, confirm_form=ConfirmForm(),
        history=history(profile), audit_labels=profile_audit_label,
        audit_values=PROFILE_AUDIT_VALUES,
    )


@bp.route("/profiles/<int:profile_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_edit(profile_id: int):
    profile = profile_or_404(profile_id)
    if profile.archived_at is not None:
        flash(HiringError("profile_archived").message(), "error")
        return redirect(_profile_url(profile))
    form = ProfileForm() if request.method == "POST" else _prefilled(profile)
    adding_rows = "add_rows" in request.form
    if not adding_rows and form.validate_on_submit():
        return _save(form, profile, lambda: update_profile(
            profile, _input_from(form), version=form.loaded_version, actor=current_user),
            lambda saved: _("Profile “%(name)s” saved.", name=saved.name))
    return _form_page(form, profile, blank_rows=3 if request.method == "GET" or adding_rows else 0)


def _prefilled(profile: HighPerformerProfile) -> ProfileForm:
    """The edit form with the profile, or with the exemplar suggestion applied when the
    manager chose "Edit suggestion" (nothing is saved until they press Save)."""
    if request.args.get("from") == "suggestion" and suggestion_for(profile):
        entries = suggested_entries(profile)
        flash(_("The suggestion is filled in below. Nothing is saved until you press Save."),
              "info")
    else:
        entries = [EntryInput(e.competency_id, e.weight, e.target_level) for e in profile.entries]
    return ProfileForm(data={
        "name": profile.name, "role_title": profile.role_title,
        "description": profile.description, "version": profile.version,
        "entries": entry_data(entries),
    })


@bp.route("/profiles/<int:profile_id>/archive", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_archive(profile_id: int):
    """GET asks for confirmation; POST archives (kits built from it stay as they are)."""
    profile = profile_or_404(profile_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        return submit(
            lambda: set_archived(profile, True, actor=current_user),
            success=_("Profile “%(name)s” is archived.", name=profile.name),
            redirect_to=url_for("interviews.profiles"),
        ) or redirect(_profile_url(profile))
    return render_template("interviews/profiles_confirm_archive.html", form=form,
                           profile=profile)


@bp.route("/profiles/<int:profile_id>/restore", methods=["POST"])
@roles(*MANAGERS)
def profile_restore(profile_id: int):
    profile = profile_or_404(profile_id)
    if ConfirmForm().validate_on_submit():
        submit(lambda: set_archived(profile, False, actor=current_user),
               success=_("Profile “%(name)s” is active again.", name=profile.name),
               redirect_to=_profile_url(profile))
    return redirect(_profile_url(profile))
