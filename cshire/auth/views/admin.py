"""Administration: users, their roles and teams (admins only)."""

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import case, func, select

from cshire.audit import history
from cshire.auth.access import ensure_found, roles
from cshire.auth.forms import OrganisationSettingsForm, TeamForm, UserForm, zone_choices
from cshire.auth.messages import AUDIT_LABELS, AUDIT_VALUES, ROLE_LABELS
from cshire.auth.models import Role, Team, User
from cshire.auth.services import (
    all_teams,
    create_user,
    organisation_zone,
    reset_password,
    save_team,
    set_active,
    set_organisation_zone,
    teams_query,
    update_user,
    users_page_query,
    users_with_role,
)
from cshire.auth.views.blueprint import bp
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.pagination import paginate
from cshire.sorting import SortKeys
from cshire.submit import submit

# The columns the lists sort by (cshire/sorting.py); a related name is a subquery, so the
# services' queries need no join for it.
_team_name = select(func.lower(Team.name)).where(Team.id == User.team_id).scalar_subquery()
USER_SORTS = SortKeys(
    "name", User.id, name=func.lower(User.display_name), email=User.email, team=_team_name,
    status=case((User.active.is_(True), 0), else_=1),
)
_manager_name = (select(func.lower(User.display_name)).where(User.id == Team.manager_id)
                 .scalar_subquery())
TEAM_SORTS = SortKeys("name", Team.id, name=func.lower(Team.name), manager=_manager_name)


def _team_choices(form: UserForm) -> None:
    form.team_id.choices = [(0, _("No team"))] + [(t.id, t.name) for t in all_teams()]


def _selected_team(team_id: int) -> Team | None:
    return db.session.get(Team, team_id) if team_id else None


def _roles_of(form: UserForm) -> set[Role]:
    return {Role(r) for r in form.roles.data}


@bp.route("/admin/users")
@roles(Role.ADMIN)
def users():
    search = request.args.get("q", "").strip()
    role_name = request.args.get("role", "")
    role = Role(role_name) if role_name in Role._value2member_map_ else None
    sort = USER_SORTS.read(request.args)
    page = paginate(USER_SORTS.apply(users_page_query(search, role), sort))
    return render_template(
        "auth/users.html", page=page, search=search, role=role, role_labels=ROLE_LABELS,
        sort=sort,
    )


@bp.route("/admin/users/new", methods=["GET", "POST"])
@roles(Role.ADMIN)
def new_user():
    form = UserForm()
    _team_choices(form)
    form.password.description = ""
    if form.validate_on_submit() and (done := submit(
        lambda: create_user(
            email=form.email.data, display_name=form.display_name.data,
            password=form.password.data or "", roles=_roles_of(form),
            locale=form.locale.data, team=_selected_team(form.team_id.data),
        ),
        success=lambda user: _("User %(name)s created.", name=user.display_name),
        redirect_to=url_for("auth.users"), form=form,
    )):
        return done
    return render_template("auth/user_form.html", form=form, user=None)


@bp.route("/admin/users/<int:user_id>/edit", methods=["GET", "POST"])
@roles(Role.ADMIN)
def edit_user(user_id: int):
    """The user's details and roles, and the history of what administrators changed."""
    user = ensure_found(db.session.get(User, user_id))
    form = UserForm(obj=user)
    _team_choices(form)
    if request.method == "GET":
        form.roles.data = sorted(role.value for role in user.roles)
        form.team_id.data = user.team_id or 0
    form.email.data = user.email  # the email is the sign-in name; it is not edited here
    if form.validate_on_submit() and (done := submit(
        lambda: _save_user(user, form),
        success=lambda saved: _("Changes to %(name)s saved.", name=saved.display_name),
        redirect_to=url_for("auth.users"), form=form,
    )):
        return done
    return render_template("auth/user_form.html", form=form, user=user, history=history(user),
                           audit_labels=AUDIT_LABELS, audit_values=AUDIT_VALUES)


def _save_user(user: User, form: UserForm) -> User:
    update_user(
        user, actor=current_user, display_name=form.display_name.data,
        locale=form.locale.data, roles=_roles_of(form),
        team=_selected_team(form.team_id.data), active=form.active.data,
    )
    if form.password.data:
        reset_password(user, form.password.data)
    return user


@bp.route("/admin/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@roles(Role.ADMIN)
def deactivate_user(user_id: int):
    """GET asks for confirmation; POST deactivates (the user can no longer sign in)."""
    user = ensure_found(db.session.get(User, user_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        submit(lambda: set_active(user, actor=current_user, active=False),
               success=_("%(name)s is deactivated.", name=user.display_name),
               redirect_to=url_for("auth.users"))
        return redirect(url_for("auth.users"))
    return render_template("auth/confirm_deactivate.html", form=form, user=user)


@bp.route("/admin/teams")
@roles(Role.ADMIN)
def teams():
    sort = TEAM_SORTS.read(request.args)
    teams = list(db.session.scalars(TEAM_SORTS.apply(teams_query(), sort)))
    return render_template("auth/teams.html", teams=teams, sort=sort)


@bp.route("/admin/teams/new", methods=["GET", "POST"])
@bp.route("/admin/teams/<int:team_id>/edit", methods=["GET", "POST"])
@roles(Role.ADMIN)
def edit_team(team_id: int | None = None):
    team = ensure_found(db.session.get(Team, team_id)) if team_id else None
    form = TeamForm(obj=team)
    managers = users_with_role(Role.MANAGER)
    form.manager_id.choices = [(0, _("No manager"))] + [(u.id, u.display_name) for u in managers]
    if request.method == "GET" and team is not None:
        form.manager_id.data = team.manager_id or 0
    if form.validate_on_submit() and (done := submit(
        lambda: save_team(team, name=form.name.data, manager=_selected_manager(form)),
        success=lambda saved: _("Team %(name)s saved.", name=saved.name),
        redirect_to=url_for("auth.teams"), form=form,
    )):
        return done
    return render_template("auth/team_form.html", form=form, team=team)


@bp.route("/admin/settings", methods=["GET", "POST"])
@roles(Role.ADMIN)
def settings():
    form = OrganisationSettingsForm()
    form.default_timezone.choices = zone_choices()
    if request.method == "GET":
        form.default_timezone.data = organisation_zone()
    if form.validate_on_submit() and (done := submit(
        lambda: set_organisation_zone(form.default_timezone.data, actor=current_user),
        success=_("Settings saved."), redirect_to=url_for("auth.settings"), form=form,
    )):
        return done
    return render_template("auth/settings.html", form=form)


def _selected_manager(form: TeamForm) -> User | None:
    return db.session.get(User, form.manager_id.data) if form.manager_id.data else None
