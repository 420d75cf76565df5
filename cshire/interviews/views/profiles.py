"""High-performer profiles: list, create (empty or from a starter set), edit, archive."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from cshire.auth.access import ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.competencies.services import active_competencies
from cshire.competencies.starter_sets import ARCHETYPES, COMPETENCIES
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.i18n import current_language
from cshire.interviews.forms.profiles import ArchetypeForm, ProfileForm
from cshire.interviews.messages import PROFILE_MESSAGES
from cshire.interviews.models.exemplars import ExemplarMember
from cshire.interviews.models.kits import InterviewKit
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.reports import profile_radar
from cshire.interviews.services.exemplars import (
    suggested_entries,
    suggestion_for,
)
from cshire.interviews.services.profiles import (
    EntryInput,
    Problem,
    ProfileError,
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

if TYPE_CHECKING:
    from cshire.interviews.forms.profiles import ProfileForm


def entry_data(entries: Iterable[EntryInput]) -> list[dict]:
    """Rows to pre-fill a ``ProfileForm`` with (``data={"entries": …}``)."""
    return [
        {"competency": e.competency_id, "weight": e.weight, "target_level": e.target_level}
        for e in entries
    ]


# Which field of a profile row each row problem belongs to (shown next to it).
ROW_FIELDS = {"competency_required": "competency", "unknown_competency": "competency",
              "duplicate_competency": "competency", "weight_positive": "weight",
              "level_range": "target_level"}


def message(problem: Problem) -> str:
    return str(PROFILE_MESSAGES[problem.code]) % {"row": problem.row, **problem.params}


def _actor():
    return current_user._get_current_object()


def _profile_or_404(profile_id: int) -> HighPerformerProfile:
    return ensure_found(get_profile(profile_id))


def _input_from(form: ProfileForm) -> ProfileInput:
    return ProfileInput(form.name.data or "", form.role_title.data or "",
                        form.description.data or "", form.entry_inputs())


def _show_problems(form: ProfileForm, error: ProfileError) -> list[str]:
    """Attach row problems to their fields; return every message for the summary."""
    for problem in error.problems:
        if problem.code in ROW_FIELDS and problem.row and problem.row <= len(form.entries):
            field = form.entries[problem.row - 1][ROW_FIELDS[problem.code]]
            field.errors = [*field.errors, message(problem)]
    return [message(p) for p in error.problems]


def _form_page(form: ProfileForm, profile: HighPerformerProfile | None, problems=(),
               blank_rows: int = 0):
    competencies = active_competencies()
    if profile is not None:  # an archived competency still in the profile stays selectable
        competencies += [e.competency for e in profile.entries
                         if e.competency.archived_at is not None]
    form.prepare(competencies, blank_rows=blank_rows)
    return render_template("interviews/profiles_form.html", form=form, profile=profile,
                           problems=problems)


@bp.route("/profiles")
@roles(*MANAGERS)
def profiles():
    archived = request.args.get("archived") == "1"
    page = paginate(profile_query(include_archived=archived))
    return render_template("interviews/profiles_index.html", page=page, archived=archived)


@bp.route("/profiles/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_new():
    form = ProfileForm()
    adding_rows = "add_rows" in request.form
    if not adding_rows and form.validate_on_submit():
        try:
            profile = create_profile(_input_from(form), actor=_actor())
        except ProfileError as error:
            return _form_page(form, None, _show_problems(form, error))
        db.session.commit()
        flash(_("Profile “%(name)s” created.", name=profile.name), "success")
        return redirect(url_for("interviews.profile", profile_id=profile.id))
    first_visit = request.method == "GET"
    return _form_page(form, None, blank_rows=5 if first_visit else 3 if adding_rows else 0)


@bp.route("/profiles/from-starter-set", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_from_archetype():
    form = ArchetypeForm()
    if form.validate_on_submit():
        try:
            profile = create_from_archetype(form.archetype.data, actor=_actor(),
                                            language=current_language())
        except ProfileError as error:
            flash(message(error.problems[0]), "error")
        else:
            db.session.commit()
            flash(_("Profile “%(name)s” created from the starter set. Adjust it to what your "
                    "own high performers show.", name=profile.name), "success")
            return redirect(url_for("interviews.profile", profile_id=profile.id))
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
    profile = _profile_or_404(profile_id)
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
    )


@bp.route("/profiles/<int:profile_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_edit(profile_id: int):
    profile = _profile_or_404(profile_id)
    if profile.archived_at is not None:
        flash(str(PROFILE_MESSAGES["archived"]), "error")
        return redirect(url_for("interviews.profile", profile_id=profile.id))
    form = ProfileForm() if request.method == "POST" else _prefilled(profile)
    adding_rows = "add_rows" in request.form
    if not adding_rows and form.validate_on_submit():
        try:
            update_profile(profile, _input_from(form), version=_version(form))
            db.session.commit()
        except ProfileError as error:
            return _form_page(form, profile, _show_problems(form, error))
        except StaleDataError:
            db.session.rollback()
            return _form_page(form, profile, [str(PROFILE_MESSAGES["stale"])])
        flash(_("Profile “%(name)s” saved.", name=profile.name), "success")
        return redirect(url_for("interviews.profile", profile_id=profile.id))
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


def _version(form) -> int:
    value = str(form.version.data or "")
    return int(value) if value.isdigit() else -1


@bp.route("/profiles/<int:profile_id>/archive", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_archive(profile_id: int):
    """GET asks for confirmation; POST archives (kits built from it stay as they are)."""
    profile = _profile_or_404(profile_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        set_archived(profile, True)
        db.session.commit()
        flash(_("Profile “%(name)s” is archived.", name=profile.name), "success")
        return redirect(url_for("interviews.profiles"))
    return render_template("interviews/profiles_confirm_archive.html", form=form,
                           profile=profile)


@bp.route("/profiles/<int:profile_id>/restore", methods=["POST"])
@roles(*MANAGERS)
def profile_restore(profile_id: int):
    profile = _profile_or_404(profile_id)
    if ConfirmForm().validate_on_submit():
        set_archived(profile, False)
        db.session.commit()
        flash(_("Profile “%(name)s” is active again.", name=profile.name), "success")
    return redirect(url_for("interviews.profile", profile_id=profile.id))
