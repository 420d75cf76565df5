"""Training's to-dos on the home page (see ``cshire/todos.py``).

New hires: modules overdue and due in the next three days (their own date). Mentors
(anyone who may supervise a new hire): rounds awaiting their review. Managers (of
their teams and the new hires they enrolled; admins of all): new hires with overdue
modules, and enrolments ready for the field-readiness sign-off. Each source issues a
fixed number of queries: the plans are read in one batch (``statuses_of``).
"""

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from cshire.auth.models import MANAGERS, Role, User
from cshire.auth.services import organisation_zone
from cshire.todos import DUE, OVERDUE, UPCOMING, Todo
from cshire.training.services.enrolments import (
    MENTOR_ROLES,
    managed_enrolments_query,
    own_enrolments,
)
from cshire.training.services.readiness import plan_counts, statuses_of
from cshire.training.services.reviews import awaiting_review_count

TRAINING = _l("Training")


def new_hire_todos(user: User) -> list[Todo]:
    if not user.has_role(Role.NEW_HIRE):
        return []
    current = [e for e in own_enrolments(user) if not e.is_signed_off]
    statuses = statuses_of(current, organisation_zone()) if current else []
    overdue = sum(len(s.overdue) for s in statuses)
    soon = sum(len(s.due_soon) for s in statuses)
    url = url_for("training.home")
    return [
        Todo(ngettext("%(num)d training module overdue", "%(num)d training modules overdue",
                      overdue), overdue, url, OVERDUE, str(TRAINING)),
        Todo(ngettext("%(num)d training module due in the next 3 days",
                      "%(num)d training modules due in the next 3 days", soon),
             soon, url, UPCOMING, str(TRAINING)),
    ]


def mentor_todos(user: User) -> list[Todo]:
    if not user.has_role(*MENTOR_ROLES, Role.ADMIN):
        return []
    waiting = awaiting_review_count(user)
    return [Todo(ngettext("%(num)d piece of work awaiting your review",
                          "%(num)d pieces of work awaiting your review", waiting),
                 waiting, url_for("training.reviews"), DUE, str(TRAINING))]


def manager_todos(user: User) -> list[Todo]:
    if not user.has_role(*MANAGERS):
        return []
    zone = organisation_zone()
    plans = plan_counts(managed_enrolments_query(user))
    behind = sum(1 for p in plans if p.behind(zone))
    ready = sum(1 for p in plans if p.ready)
    url = url_for("training.home")
    return [
        Todo(ngettext("%(num)d new hire with overdue training modules",
                      "%(num)d new hires with overdue training modules", behind),
             behind, url, OVERDUE, str(TRAINING)),
        Todo(ngettext("%(num)d new hire ready for the field-readiness sign-off",
                      "%(num)d new hires ready for the field-readiness sign-off", ready),
             ready, url, DUE, str(TRAINING)),
    ]


TODOS = (new_hire_todos, mentor_todos, manager_todos)

