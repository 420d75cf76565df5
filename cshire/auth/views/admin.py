"""Administration: users, their roles and teams (admins only)."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import ensure_found, roles
from cshire.auth.forms import ROLE_LABELS, TeamForm, UserForm
from cshire.auth.messages import message_for
from cshire.auth.models import Role, Team, User
from cshire.auth.services import (
    AuthError,
    all_teams,
    create_user,
    reset_password,
    save_team,
    set_active,
    update_user,
    users_page_query,
    users_with_role,
)
from cshire.auth.views.blueprint import bp
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.pagination import paginate


def _team_choices(form: UserForm) -> None:
    form.team_id.choices = [(0, _("No team"))] + [(t.id, t.name) for t in all_teams()]


def _selected_team(team_id: int) -> Team | None:
    return db.session.get(Team, team_id) if team_id else None


@bp.route("/admin/users")
@roles(Role.ADMIN)
def users():
    search = request.args.get("q", "").strip()
    role_name = request.args.get("role", "")
    role = Role(role_name) if role_name in Role._value2member_map_ else None
    page = paginate(users_page_query(search, role))
    return render_template(
        "auth/users.html", page=page, search=search, role=role, role_labels=ROLE_LABELS
    )


@bp.route("/admin/users/new", methods=["GET", "POST"])
@roles(Role.ADMIN)
def new_user():
    form = UserForm()
    _team_choices(form)
    form.password.description = ""
    if form.validate_on_submit():
        if not form.password.data:
            form.password.errors.append(_("Set an initial password."))
        else:
            try:
                user = create_user(
                    email=form.email.data, display_name=form.display_name.data,
                    password=form.password.data, roles={Role(r) for r in form.roles.data},
                    locale=form.locale.data, team=_selected_team(form.team_id.data),
                )
            except AuthError as error:
                flash(message_for(error), "error")
            else:
                db.session.commit()
                flash(_("User %(name)s created.", name=user.display_name), "success")
                return redirect(url_for("auth.users"))
    return render_template("auth/user_form.html", form=form, user=None)


@bp.route("/admin/users/<int:user_id>/edit", methods=["GET", "POST"])
@roles(Role.ADMIN)
def edit_user(user_id: int):
    user = ensure_found(db.session.get(User, user_id))
    form = UserForm(obj=user)
    _team_choices(form)
    if request.method == "GET":
        form.roles.data = sorted(role.value for role in user.roles)
        form.team_id.data = user.team_id or 0
    form.email.data = user.email  # the email is the sign-in name; it is not edited here
    if form.validate_on_submit():
        try:
            update_user(
                user, actor=current_user, display_name=form.display_name.data,
                locale=form.locale.data, roles={Role(r) for r in form.roles.data},
                team=_selected_team(form.team_id.data), active=form.active.data,
            )
            if form.password.data:
                reset_password(user, form.password.data)
        except AuthError as error:
            flash(message_for(error), "error")
        else:
            db.session.commit()
            flash(_("Changes to %(name)s saved.", name=user.display_name), "success")
            return redirect(url_for("auth.users"))
    return render_template("auth/user_form.html", form=form, user=user)


@bp.route("/admin/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@roles(Role.ADMIN)
def deactivate_user(user_id: int):
    """GET asks for confirmation; POST deactivates (the user can no longer sign in)."""
    user = ensure_found(db.session.get(User, user_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            set_active(user, actor=current_user, active=False)
        except AuthError as error:
            flash(message_for(error), "error")
        else:
            db.session.commit()
            flash(_("%(name)s is deactivated.", name=user.display_name), "success")
        return redirect(url_for("auth.users"))
    return render_template("auth/confirm_deactivate.html", form=form, user=user)


@bp.route("/admin/teams")
@roles(Role.ADMIN)
def teams():
    return render_template("auth/teams.html", teams=all_teams())


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
    if form.validate_on_submit():
        manager = db.session.get(User, form.manager_id.data) if form.manager_id.data else None
        try:
            team = save_team(team, name=form.name.data, manager=manager)
        except AuthError as error:
            flash(message_for(error), "error")
        else:
            db.session.commit()
            flash(_("Team %(name)s saved.", name=team.name), "success")
            return redirect(url_for("auth.teams"))
    return render_template("auth/team_form.html", form=form, team=team)
