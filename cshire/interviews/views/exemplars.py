"""Profile from the team's own high performers: the rating grid, the CSV upload and its
template, and the suggested levels and weights.
"""

from collections.abc import Iterable, Mapping

from flask import Response, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import roles
from cshire.auth.models import MANAGERS
from cshire.forms import ConfirmForm
from cshire.interviews.forms.exemplars import AcceptSuggestionForm, ExemplarCsvForm
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.reports import suggestion_radar
from cshire.interviews.services.exemplars import (
    ExemplarInput,
    accept_suggestion,
    exemplar_csv_template,
    exemplars_of,
    import_exemplar_csv,
    save_exemplars,
    suggestion_for,
    team_members_query,
)
from cshire.interviews.views.blueprint import bp
from cshire.interviews.views.profiles import profile_or_404
from cshire.pagination import paginate
from cshire.submit import submit


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
            whole = raw.isascii() and raw.lstrip("-").isdigit()
            ratings[competency_id] = int(raw) if whole else None
        rows.append(ExemplarInput(member_id, bool(formdata.get(f"high-{member_id}")), ratings))
    return rows


EXEMPLARS_PER_PAGE = 50  # members per page of the rating grid


def _suggestion_url(profile: HighPerformerProfile) -> str:
    return url_for("interviews.profile_suggestion", profile_id=profile.id)


@bp.route("/profiles/<int:profile_id>/exemplars", methods=["GET", "POST"])
@roles(*MANAGERS)
def profile_exemplars(profile_id: int):
    """The rating grid: team members × the profile's competencies, one page of members
    at a time (a large team is thousands of selects). Saving a page stores only the
    members on it; the others keep their ratings."""
    profile = profile_or_404(profile_id)
    page = paginate(team_members_query(), per_page=EXEMPLARS_PER_PAGE)
    members = page.items
    form = ConfirmForm()
    submitted = None
    if form.validate_on_submit():
        submitted = parse_exemplar_grid(request.form, [m.id for m in members],
                                        [e.competency_id for e in profile.entries])
        if done := submit(
            lambda: save_exemplars(profile, submitted, actor=current_user),
            success=lambda count: _("Ratings saved: %(count)s team members rated.",
                                    count=count),
            redirect_to=url_for("interviews.profile_exemplars", profile_id=profile.id,
                                page=page.page if page.page > 1 else None),
        ):
            return done
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
    """All or nothing: a refused file lists every bad line, with its number, on the page."""
    profile = profile_or_404(profile_id)
    form = ExemplarCsvForm()
    problems: list[str] = []
    if form.validate_on_submit() and (done := submit(
        lambda: import_exemplar_csv(profile, form.file.data.stream, actor=current_user,
                                    max_rows=current_app.config["CSV_IMPORT_MAX_ROWS"]),
        success=lambda result: _("%(count)s rows imported; %(rated)s team members are rated "
                                 "now.", count=result.rows, rated=result.rated),
        redirect_to=_suggestion_url(profile), problems=problems,
    )):
        return done
    return render_template("interviews/exemplars_upload.html", profile=profile,
                           form=form, problems=problems)


@bp.route("/profiles/<int:profile_id>/exemplars/template.csv")
@roles(*MANAGERS)
def profile_exemplars_template(profile_id: int):
    profile = profile_or_404(profile_id)
    return Response(
        exemplar_csv_template(profile), mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="profile-{profile.id}-ratings.csv"',
                 "Cache-Control": "no-store"},
    )


@bp.route("/profiles/<int:profile_id>/suggestion")
@roles(*MANAGERS)
def profile_suggestion(profile_id: int):
    profile = profile_or_404(profile_id)
    rows = suggestion_for(profile)
    return render_template(
        "interviews/exemplars_suggestion.html", profile=profile, rows=rows,
        chart=suggestion_radar(rows), form=AcceptSuggestionForm(obj=profile),
        unreliable=[row for row in rows if not row.suggestion.reliable],
    )


@bp.route("/profiles/<int:profile_id>/suggestion/accept", methods=["POST"])
@roles(*MANAGERS)
def profile_suggestion_accept(profile_id: int):
    """Accepting is recorded with its reason; on a refusal (no ratings, or someone saved
    the profile since the suggestion was shown) the suggestion page says why."""
    profile = profile_or_404(profile_id)
    form = AcceptSuggestionForm()
    if form.validate_on_submit() and (done := submit(
        lambda: accept_suggestion(profile, version=form.loaded_version, actor=current_user),
        success=lambda changed: _("Suggestion accepted: %(count)s competencies changed.",
                                  count=changed),
        redirect_to=url_for("interviews.profile", profile_id=profile.id),
    )):
        return done
    return redirect(_suggestion_url(profile))
