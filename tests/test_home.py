"""The home page says what to do next: each package's to-dos for the signed-in user, with
a count and a link, overdue first, in a fixed number of queries."""

from datetime import timedelta

from cshire.auth.models import Role
from cshire.database import utcnow
from cshire.extensions import db
from cshire.todos import DUE, OVERDUE, UPCOMING, Todo, collect
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_process as make


def _home(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_to_dos_come_overdue_first_and_empty_ones_are_left_out():
    def source(_user):
        return [Todo("later", 2, "/a", UPCOMING), Todo("none", 0, "/b", DUE),
                Todo("late", 1, "/c", OVERDUE), Todo("now", 3, "/d", DUE)]

    assert [t.text for t in collect(None, [source])] == ["late", "now", "later"]


def test_an_interviewer_sees_overdue_waiting_and_upcoming_scorecards(app, client):
    ivan = make.interviewer("Ivan")
    now = utcnow()
    for days_ago in (3, 2, 0.1):  # two overdue, one waiting (today)
        make.interview(make.application(make.opening(), status="interviewing"), [ivan],
                       when=now - timedelta(days=days_ago))
    make.interview(make.application(make.opening(), status="interviewing"), [ivan],
                   when=now + timedelta(days=2))
    done = make.interview(make.application(make.opening(), status="interviewing"), [ivan],
                          when=now - timedelta(days=5))
    make.rate(make.seat(done, ivan), [4, 4, 4])
    db.session.commit()
    body = _home(login(client, ivan))
    assert "2 scorecards overdue" in body
    assert "1 scorecard waiting for you" in body
    assert "1 interview in the coming week" in body
    assert body.index("2 scorecards overdue") < body.index("1 scorecard waiting for you")


def test_a_hiring_manager_sees_decisions_missing_scorecards_and_pipelines(app, client):
    manager = factories.user(Role.MANAGER, Role.INTERVIEWER)
    opening = make.opening(manager)
    panelist = make.interviewer()
    ready = make.application(opening, status="interviewing")
    make.rate(make.seat(make.interview(ready, [panelist]), panelist), [3, 3, 3])
    waiting = make.application(opening, status="interviewing")
    make.interview(waiting, [panelist])  # past, nobody submitted
    make.application(opening)  # applied
    someone_elses = make.application(make.opening(), status="interviewing")
    make.interview(someone_elses, [panelist])
    db.session.commit()
    body = _home(login(client, manager))
    assert "1 candidate ready for a decision" in body
    assert "1 past interview still missing scorecards" in body
    assert opening.title in body and someone_elses.opening.title not in body


def test_an_admin_sees_what_needs_an_admin(app, client):
    admin = factories.user(Role.ADMIN)
    factories.user(Role.CSM)  # in no team
    factories.team(manager=None)
    db.session.commit()
    body = _home(login(client, admin))
    assert "1 team member without a team" in body
    assert "1 team without a manager" in body


def test_nothing_to_do_says_so(app, client):
    body = _home(login(client, factories.user(Role.CSM)))
    assert "Nothing needs you right now." in body


def test_the_home_page_issues_a_fixed_number_of_queries(app, client):
    manager = factories.user(Role.ADMIN, Role.MANAGER, Role.INTERVIEWER)
    db.session.commit()
    login(client, manager)

    def grow(n):
        for _ in range(n):
            opening = make.opening(manager)
            application = make.application(opening, status="interviewing")
            make.interview(application, [manager])
            factories.user(Role.CSM)

    assert_fixed_query_count(client, "/", grow)
