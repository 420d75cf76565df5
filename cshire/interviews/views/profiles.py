"""High-performer profiles and exemplar ratings: managers and admins only."""

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from cshire.auth.access import MANAGERS, ensure_found, roles
from cshire.competencies.services import active_competencies
from cshire.competencies.starter_sets import ARCHETYPES, COMPETENCIES
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.i18n import current_language
from cshire.interviews.forms.design import (
    ArchetypeForm,
    ExemplarCsvForm,
    ProfileForm,
    entry_data,
    parse_exemplar_grid,
)
from cshire.interviews.models.design import (
    ExemplarMember,
    HighPerformerProfile,
    InterviewKit,
)
from cshire.interviews.reports_design import profile_radar, suggestion_radar
from cshire.interviews.services.exemplars import (
    accept_suggestion,
    exemplar_csv_template,
    exemplars_of,
    parse_exemplar_csv,
    save_exemplars,
    suggested_entries,
    suggestion_for,
    team_members_query,
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

EXEMPLARS_PER_PAGE = 50  # members per page of the rating grid

PROFILE_MESSAGES = {
    "name_required": _l("Enter a name."),
    "no_competency": _l("Add at least one competency."),
    "competency_required": _l("Row %(row)s: choose a competency."),
    "unknown_competency": _l("Row %(row)s: this competency does not exist."),
    "duplicate_competency": _l("Row %(row)s: %(code)s is already in row %(first)s."),
    "weight_positive": _l("Row %(row)s: the weight must be a number greater than 0."),
    "level_range": _l("Row %(row)s: the target level must be a whole number from 1 to 5."),
    "stale": _l("Someone else saved this profile while you were editing. Your input is still "
                "in the form: compare it with the current profile, then save again."),
    "archived": _l("This profile is archived. Restore it before changing it."),
    "unknown_archetype": _l("There is no such starter set."),
    "rating_not_in_profile": _l("Row %(row)s: a rating for a competency outside this profile."),
    "rating_range": _l("Row %(row)s: ratings go from 1 to 5."),
    "no_ratings": _l("There are no ratings yet: rate team members first."),
    "csv_empty": _l("Line %(row)s: the file is empty."),
    "csv_encoding": _l("Line %(row)s: the file is not UTF-8 or Shift_JIS text."),
    "csv_header": _l("Line %(row)s: the header must start with email,is_high_performer."),
    "csv_unknown_code": _l("Line %(row)s: “%(code)s” is not a competency of this profile."),
    "csv_duplicate_code": _l("Line %(row)s: the column %(code)s appears twice."),
    "csv_no_codes": _l("Line %(row)s: add one column per competency code after "
                       "is_high_performer."),
    "csv_no_rows": _l("Line %(row)s: there is a header but no team member below it."),
    "csv_columns": _l("Line %(row)s: expected %(expected)s columns, found %(found)s."),
    "csv_unknown_email": _l("Line %(row)s: %(email)s is not an active team member "
                            "(role CSM)."),
    "csv_duplicate_email": _l("Line %(row)s: %(email)s is already on line %(first)s."),
    "csv_flag": _l("Line %(row)s: is_high_performer must be 1 or 0 (yes or no), "
                   "not “%(value)s”."),
    "csv_rating": _l("Line %(row)s: “%(value)s” is not a rating from 1 to 5."),
}
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
    return render_template("interviews/profile_form.html", form=form, profile=profile,
                           problems=problems)


@bp.route("/profiles")
@roles(*MANAGERS)
def profiles():
    archived = request.args.get("archived") == "1"
    page = paginate(profile_query(include_archived=archived))
    return render_template("interviews/profile_index.html", page=page, archived=archived)


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
    return render_template("interviews/profile_archetypes.html", form=form,
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
        "interviews/profile_detail.html", profile=profile, chart=profile_radar(profile),
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
    return render_template("interviews/profile_confirm_archive.html", form=form,
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


@bp.route("/profiles/<int:profile_id>/exemplars", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_exemplars(profile_id: int):
    """The rating grid: team members × the profile's competencies, one page of members
    at a time (a large team is thousands of selects). Saving a page stores only the
    members on it; the others keep their ratings."""
    profile = _profile_or_404(profile_id)
    page = paginate(team_members_query(), per_page=EXEMPLARS_PER_PAGE)
    members = page.items
    form = ConfirmForm()
    submitted = None
    if form.validate_on_submit():
        submitted = parse_exemplar_grid(request.form, [m.id for m in members],
                                        [e.competency_id for e in profile.entries])
        try:
            count = save_exemplars(profile, submitted, actor=_actor())
        except ProfileError as error:
            for problem in error.problems:
                flash(message(problem), "error")
        else:
            db.session.commit()
            flash(_("Ratings saved: %(count)s team members rated.", count=count), "success")
            return redirect(url_for("interviews.profile_exemplars", profile_id=profile.id,
                                    page=page.page if page.page > 1 else None))
    return render_template(
        "interviews/profile_exemplars.html", profile=profile, members=members, form=form,
        grid=_grid(profile, members, submitted), page=page,
    )


def _grid(profile: HighPerformerProfile, members, submitted) -> dict[int, tuple[bool, dict]]:
    """member id → (high performer?, {competency id: rating}) to show in the grid: what
    was just submitted when it was refused, else what is stored."""
    if submitted is not None:
        return {row.member_id: (row.is_high_performer, row.ratings) for row in submitted}
    return {
        member_id: (m.is_high_performer, {r.competency_id: r.rating for r in m.ratings})
        for member_id, m in exemplars_of(profile, [m.id for m in members]).items()
    }


@bp.route("/profiles/<int:profile_id>/exemplars/upload", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_exemplars_upload(profile_id: int):
    profile = _profile_or_404(profile_id)
    form = ExemplarCsvForm()
    problems: list[str] = []
    if form.validate_on_submit():
        try:
            rows = parse_exemplar_csv(profile, _decode(form.file.data.read()))
            count = save_exemplars(profile, rows, actor=_actor())
        except ProfileError as error:
            problems = [message(p) for p in error.problems]
        else:
            db.session.commit()
            flash(_("%(count)s rows imported; %(rated)s team members are rated now.",
                    count=len(rows), rated=count), "success")
            return redirect(url_for("interviews.profile_suggestion", profile_id=profile.id))
    return render_template("interviews/profile_exemplars_upload.html", profile=profile,
                           form=form, problems=problems)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Shift_JIS as Excel saves it in Japan."""
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ProfileError(Problem("csv_encoding", 1))


@bp.route("/profiles/<int:profile_id>/exemplars/template.csv")
@roles(*MANAGERS)
def profile_exemplars_template(profile_id: int):
    profile = _profile_or_404(profile_id)
    return Response(
        exemplar_csv_template(profile), mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="profile-{profile.id}-ratings.csv"',
                 "Cache-Control": "no-store"},
    )


@bp.route("/profiles/<int:profile_id>/suggestion")
@roles(*MANAGERS)
def profile_suggestion(profile_id: int):
    profile = _profile_or_404(profile_id)
    rows = suggestion_for(profile)
    return render_template(
        "interviews/profile_suggestion.html", profile=profile, rows=rows,
        chart=suggestion_radar(rows), form=ConfirmForm(),
        unreliable=[row for row in rows if not row.suggestion.reliable],
    )


@bp.route("/profiles/<int:profile_id>/suggestion/accept", methods=["POST"])
@roles(*MANAGERS)
def profile_suggestion_accept(profile_id: int):
    profile = _profile_or_404(profile_id)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("interviews.profile_suggestion", profile_id=profile.id))
    try:
        version = request.form.get("version", "")
        changed = accept_suggestion(profile, version=int(version) if version.isdigit() else -1)
        db.session.commit()
    except ProfileError as error:
        db.session.rollback()
        flash(message(error.problems[0]), "error")
        return redirect(url_for("interviews.profile_suggestion", profile_id=profile.id))
    except StaleDataError:
        db.session.rollback()
        flash(str(PROFILE_MESSAGES["stale"]), "error")
        return redirect(url_for("interviews.profile_suggestion", profile_id=profile.id))
    flash(_("Suggestion accepted: %(count)s competencies changed.", count=changed), "success")
    return redirect(url_for("interviews.profile", profile_id=profile.id))
