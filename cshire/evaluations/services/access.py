"""Who may see whose evaluations and metrics — the one object-level rule of evaluations.

A CSM sees only their own evaluations and metrics; a manager those of the members of
the teams they manage; an admin everyone's. Nobody sees a peer's evaluation: being in
the same team gives nothing.
"""

from sqlalchemy import select

from cshire.auth.models import Role, Team, User
from cshire.auth.services import manages_member
from cshire.extensions import db


def can_view_member(viewer: User, member: User) -> bool:
    return (viewer.id == member.id or viewer.has_role(Role.ADMIN)
            or (viewer.has_role(Role.MANAGER) and manages_member(viewer, member)))


def can_manage_member(viewer: User, member: User) -> bool:
    """Rate, share, reopen, enter KPI values: the member's manager or an admin, never
    the member themself."""
    if viewer.id == member.id:
        return False
    return viewer.has_role(Role.ADMIN) or (
        viewer.has_role(Role.MANAGER) and manages_member(viewer, member))


def visible_teams(viewer: User) -> list[Team]:
    """The teams whose metrics ``viewer`` may see as a team: all for an admin, the ones
    they manage for a manager, none otherwise."""
    query = select(Team).order_by(Team.name)
    if viewer.has_role(Role.ADMIN):
        return list(db.session.scalars(query))
    if viewer.has_role(Role.MANAGER):
        return list(db.session.scalars(query.where(Team.manager_id == viewer.id)))
    return []
