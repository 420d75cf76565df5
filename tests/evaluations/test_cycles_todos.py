"""Evaluations' to-dos: self-reviews and manager reviews due or overdue by the cycle's
dates, shared evaluations to acknowledge; one query per source."""

from datetime import date, timedelta

from cshire.evaluations.models.cycles import EvaluationStatus
from cshire.evaluations.todos import csm_todos, manager_todos
from cshire.extensions import db
from cshire.todos import DUE, OVERDUE, UPCOMING
from tests.conftest import count_queries
from tests.evaluations import factories_cycles as make

YESTERDAY = date.today() - timedelta(days=1)
NEXT_WEEK = date.today() + timedelta(days=7)


def counts(todos):
    return [(todo.urgency, todo.count) for todo in todos]


def test_csm_and_manager_todos(app):
    team = make.team_with_csms()
    make.cycle(team.manager, [team.csm, team.peer], self_due_on=YESTERDAY,
                      manager_due_on=YESTERDAY)
    soon = make.cycle(team.manager, [team.csm, team.peer], self_due_on=NEXT_WEEK,
                      manager_due_on=NEXT_WEEK)
    shared = make.cycle(team.manager, [team.csm])
    closed = make.cycle(team.manager, [team.csm], self_due_on=YESTERDAY)
    closed.closed_at = closed.created_at
    make.at_status(shared.evaluations[0], EvaluationStatus.SHARED)
    peer_soon = next(e for e in soon.evaluations if e.csm_id == team.peer.id)
    make.at_status(peer_soon, EvaluationStatus.SELF_SUBMITTED)
    db.session.commit()
    for user in (team.csm, team.manager):
        assert user.roles  # loaded, as the signed-in user is
    with app.test_request_context(), count_queries() as queries:
        csm = csm_todos(team.csm)
    assert queries.count == 1
    # Overdue: the late cycle's draft (the closed one does not count); due: the coming
    # one; to acknowledge: the shared one.
    assert counts(csm) == [(OVERDUE, 1), (DUE, 1), (DUE, 1)]
    with app.test_request_context(), count_queries() as queries:
        manager = manager_todos(team.manager)
    assert queries.count == 1
    # Overdue: both drafts of the late cycle; waiting: the peer's submitted self-review
    # of the coming cycle; upcoming: the CSM's draft there.
    assert counts(manager) == [(OVERDUE, 2), (DUE, 1), (UPCOMING, 1)]
    with app.test_request_context():
        assert manager_todos(team.csm) == []
