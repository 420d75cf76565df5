"""Hiring's to-dos on the home page (see ``cshire/todos.py``).

Interviewers: scorecards waiting for them (overdue a day after the interview) and their
interviews of the coming week. Hiring managers (of their openings; admins of all):
applications ready for a decision, past interviews whose panel has not submitted.
Each is one aggregate query.
"""

from datetime import timedelta

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import and_, exists, func, select

from cshire.auth.models import MANAGERS, Role, User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import Application, ApplicationStatus
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.openings import Opening
from cshire.interviews.models.scoring import Scorecard, ScorecardStatus
from cshire.interviews.services.openings import PANEL_ROLES
from cshire.todos import DUE, OVERDUE, UPCOMING, Todo

HIRING = _l("Hiring")
OVERDUE_AFTER = timedelta(days=1)  # a scorecard is due the day of its interview
COMING_UP = timedelta(days=7)
DRAFT = ScorecardStatus.DRAFT.value


def interviewer_todos(user: User) -> list[Todo]:
    if not user.has_role(*PANEL_ROLES):
        return []
    now = utcnow()
    mine = (select(
        func.count().filter(Interview.scheduled_at < now - OVERDUE_AFTER),
        func.count().filter(Interview.scheduled_at.between(now - OVERDUE_AFTER, now)),
        func.count().filter(Interview.scheduled_at.between(now, now + COMING_UP)),
    ).select_from(Scorecard).join(Interview, Scorecard.interview_id == Interview.id)
        .where(Scorecard.interviewer_id == user.id, Scorecard.status == DRAFT))
    overdue, waiting, upcoming = db.session.execute(mine).one()
    url = url_for("interviews.my_interviews")
    return [
        Todo(ngettext("%(num)d scorecard overdue", "%(num)d scorecards overdue", overdue),
             overdue, url, OVERDUE, str(HIRING)),
        Todo(ngettext("%(num)d scorecard waiting for you", "%(num)d scorecards waiting for you",
                      waiting), waiting, url, DUE, str(HIRING)),
        Todo(ngettext("%(num)d interview in the coming week",
                      "%(num)d interviews in the coming week", upcoming),
             upcoming, url, UPCOMING, str(HIRING)),
    ]


def hiring_manager_todos(user: User) -> list[Todo]:
    if not user.has_role(*MANAGERS):
        return []
    now = utcnow()
    past_draft = exists().where(Scorecard.interview_id == Interview.id,
                                Scorecard.status == DRAFT)
    openings = select(Opening.id).where(Opening.closed_at.is_(None))
    if not user.has_role(Role.ADMIN):
        openings = openings.where(Opening.hiring_manager_id == user.id)
    incomplete = db.session.scalar(
        select(func.count(Interview.id)).join(Application)
        .where(Application.opening_id.in_(openings), Interview.scheduled_at < now, past_draft))
    ready = db.session.scalar(
        select(func.count(Application.id))
        .where(Application.opening_id.in_(openings),
               Application.status == ApplicationStatus.INTERVIEWING.value,
               exists().where(Interview.application_id == Application.id),
               ~exists().where(Interview.application_id == Application.id,
                               and_(Interview.scheduled_at > now)),
               ~exists().where(Interview.application_id == Application.id,
                               Interview.scheduled_at <= now, past_draft)))
    url = url_for("interviews.openings")
    return [
        Todo(ngettext("%(num)d candidate ready for a decision",
                      "%(num)d candidates ready for a decision", ready),
             ready, url, DUE, str(HIRING)),
        Todo(ngettext("%(num)d past interview still missing scorecards",
                      "%(num)d past interviews still missing scorecards", incomplete),
             incomplete, url, OVERDUE, str(HIRING)),
    ]


def pipelines(user: User) -> list[dict]:
    """Each open opening the user manages (admins: all) with its applications counted by
    status, for the home page's pipeline table (one query)."""
    if not user.has_role(*MANAGERS):
        return []
    query = (select(Opening.id, Opening.title, Application.status, func.count(Application.id))
             .join(Application, Application.opening_id == Opening.id, isouter=True)
             .where(Opening.closed_at.is_(None))
             .group_by(Opening.id, Opening.title, Application.status)
             .order_by(Opening.title, Opening.id))
    if not user.has_role(Role.ADMIN):
        query = query.where(Opening.hiring_manager_id == user.id)
    rows: dict[int, dict] = {}
    for opening_id, title, status, count in db.session.execute(query):
        row = rows.setdefault(opening_id, {"id": opening_id, "title": title, "counts": {}})
        if status:
            row["counts"][status] = count
    return list(rows.values())


TODOS = (interviewer_todos, hiring_manager_todos)
