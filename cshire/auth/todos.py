"""What needs an admin, on the home page (see ``cshire/todos.py``): people without a
team, teams without a manager, active accounts with no role. One query."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import func, select

from cshire.auth.models import Role, RoleGrant, Team, User
from cshire.extensions import db
from cshire.todos import DUE, Todo

ADMIN = _l("Admin")
TEAM_ROLES = (Role.CSM.value, Role.NEW_HIRE.value)


def admin_todos(user: User) -> list[Todo]:
    if not user.has_role(Role.ADMIN):
        return []
    has_role = select(RoleGrant.user_id)
    in_team_role = select(RoleGrant.user_id).where(RoleGrant.role.in_(TEAM_ROLES))
    no_team, no_role, no_manager = db.session.execute(select(
        select(func.count(User.id)).where(User.active, User.team_id.is_(None),
                                          User.id.in_(in_team_role)).scalar_subquery(),
        select(func.count(User.id)).where(User.active, User.id.not_in(has_role))
        .scalar_subquery(),
        select(func.count(Team.id)).where(Team.manager_id.is_(None)).scalar_subquery(),
    )).one()
    return [
        Todo(ngettext("%(num)d team member without a team", "%(num)d team members without a team",
                      no_team), no_team, url_for("auth.users"), DUE, str(ADMIN)),
        Todo(ngettext("%(num)d active account with no role", "%(num)d active accounts with no role",
                      no_role), no_role, url_for("auth.users"), DUE, str(ADMIN)),
        Todo(ngettext("%(num)d team without a manager", "%(num)d teams without a manager",
                      no_manager), no_manager, url_for("auth.teams"), DUE, str(ADMIN)),
    ]


TODOS = (admin_todos,)
