"""Who may see which enrolment — the one object-level rule of training.

A new hire sees only their own enrolment; a mentor their mentees'; a manager those of
the members of the teams they manage and those they enrolled themselves; an admin every
one. Everything hanging off an enrolment (progress, attempts, submissions, sandbox
records, evidence files, the training record) follows the same rule. Reviewing and
signing off are for the mentor, the managing manager or an admin — never the new hire.
"""

from sqlalchemy import Select, or_, select

from cshire.auth.models import Role, Team, User
from cshire.extensions import db
from cshire.training.models.enrolments import Enrolment


def _manages(user: User, enrolment: Enrolment) -> bool:
    if not user.has_role(Role.MANAGER):
        return False
    if enrolment.enrolled_by_id == user.id:
        return True
    team_id = enrolment.user.team_id
    return team_id is not None and db.session.scalar(
        select(Team.id).where(Team.id == team_id, Team.manager_id == user.id)
    ) is not None


def can_view_enrolment(user: User, enrolment: Enrolment) -> bool:
    return (
        enrolment.user_id == user.id
        or enrolment.mentor_id == user.id
        or user.has_role(Role.ADMIN)
        or _manages(user, enrolment)
    )


def can_supervise_enrolment(user: User, enrolment: Enrolment) -> bool:
    """Review submissions, add modules, sign off: the mentor, a managing manager, an
    admin — and never the new hire themself (even when they also hold another role)."""
    if enrolment.user_id == user.id:
        return False
    return (
        enrolment.mentor_id == user.id
        or user.has_role(Role.ADMIN)
        or _manages(user, enrolment)
    )


def can_manage_enrolment(user: User, enrolment: Enrolment) -> bool:
    """Change the enrolment itself (mentor, start date, modules): managers and admins."""
    if enrolment.user_id == user.id:
        return False
    return user.has_role(Role.ADMIN) or _manages(user, enrolment)


def visible_enrolments_query(user: User) -> Select:
    """The enrolments ``user`` may see, as one query (lists, queues, reports)."""
    query = select(Enrolment)
    if user.has_role(Role.ADMIN):
        return query
    conditions = [Enrolment.user_id == user.id, Enrolment.mentor_id == user.id]
    if user.has_role(Role.MANAGER):
        managed_users = (
            select(User.id).join(Team, User.team_id == Team.id)
            .where(Team.manager_id == user.id)
        )
        conditions += [Enrolment.enrolled_by_id == user.id,
                       Enrolment.user_id.in_(managed_users)]
    return query.where(or_(*conditions))
