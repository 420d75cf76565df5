"""Profile from the team's own high performers: the rating grid, the CSV upload and its
template, and the suggested levels and weights.
"""

from collections.abc import Iterable, Mapping

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from cshire.auth.access import roles
from cshire.auth.models import MANAGERS
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.interviews.forms.exemplars import ExemplarCsvForm
from cshire.interviews.messages import PROFILE_MESSAGES
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.reports import suggestion_radar
from cshire.interviews.services.exemplars import (
    ExemplarInput,
    accept_suggestion,
    exemplar_csv_template,
    exemplars_of,
    parse_exemplar_csv,
    save_exemplars,
    suggestion_for,
    team_members_query,
)
from cshire.interviews.services.profiles import (
    Problem,
    ProfileError,
)
from cshire.interviews.views.blueprint import bp
from cshire.interviews.views.profiles import _actor, _profile_or_404, message
from cshire.pagination import paginate


def parse_exemplar_grid(
    formdata: Mapping[str, str], member_ids: Iterable[int], competency_ids: Iterable[int]
) -> list[ExemplarInput]:
    """The rating grid: ``rating-<member>-<competency>`` selects (empty = not rated)
    and ``high-<member>`` checkboxes. A value that is not a number counts as empty;
    the service checks the range."""
    competency_ids = list(competency_ids)
    rows = []
    for member_id in member_ids:
        ratings = {}
        for competency_id in competency_ids:
            raw = (formdata.get(f"rating-{member_id}-{competency_id}") or "").strip()
            ratings[competency_id] = int(raw) if raw.lstrip("-").isdigit() else None
        rows.append(ExemplarInput(member_id, bool(formdata.get(f"high-{member_id}")), ratings))
    return rows


EXEMPLARS_PER_PAGE = 50  # members per page of the rating grid


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
        "interviews/exemplars_grid.html", profile=profile, members=members, form=form,
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
    return render_template("interviews/exemplars_upload.html", profile=profile,
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
        "interviews/exemplars_suggestion.html", profile=profile, rows=rows,
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
