"""Training's to-dos on the home page: a new hire's overdue and soon-due modules, a
mentor's rounds awaiting review, a manager's new hires behind and ready for sign-off —
each source a fixed number of queries."""

from datetime import UTC, date, datetime, timedelta

from flask import url_for
from sqlalchemy import select

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.enrolments import AddedModule, Enrolment
from cshire.training.models.work import ModuleProgress, ProgressStatus
from cshire.training.services.readiness import plan_counts, statuses_of
from cshire.training.todos import manager_todos, mentor_todos, new_hire_todos
from tests import factories
from tests.conftest import count_queries, login
from tests.training import factories as make
from tests.training.access_enrolments import hand_in_pdf, people


def _counts(todos) -> list[int]:
    return [t.count for t in todos]


def test_a_new_hire_is_told_what_is_overdue_and_due_in_the_next_three_days(app):
    w = people()
    make.module(w.curriculum, ModuleKind.LESSON, due_days=12)  # due in 2 days
    make.module(w.curriculum, ModuleKind.LESSON, due_days=30)  # later
    w.enrolment1.start_date = date.today() - timedelta(days=10)  # the others: overdue
    with app.test_request_context():
        assert _counts(new_hire_todos(w.newhire1)) == [3, 1]
        assert new_hire_todos(w.mentor) == []


def test_a_mentor_is_told_how_many_rounds_await_their_review(app):
    w = people()
    hand_in_pdf(w.enrolment1, w.assignment)
    hand_in_pdf(w.enrolment2, w.assignment)
    with app.test_request_context():
        assert _counts(mentor_todos(w.mentor)) == [2]
        assert _counts(mentor_todos(factories.user(Role.CSM))) == [0]
        assert mentor_todos(w.newhire1) == []


def test_a_manager_is_told_who_is_behind_and_who_is_ready(app):
    w = people()
    w.enrolment1.start_date = date.today() - timedelta(days=10)
    for module in (w.assignment, w.lesson, w.later):
        db.session.add(ModuleProgress(enrolment=w.enrolment2, module=module,
                                      status=ProgressStatus.PASSED.value))
    db.session.flush()
    with app.test_request_context():
        assert _counts(manager_todos(w.manager)) == [1, 1]
        assert _counts(manager_todos(factories.user(Role.MANAGER))) == [0, 0]


def test_each_source_issues_a_fixed_number_of_queries(app):
    w = people()
    admin = factories.user(Role.ADMIN)
    counts = []
    for size in (1, 5):
        for _ in range(size):
            enrolment = make.enrolment(w.curriculum, new_hire=factories.user(
                Role.NEW_HIRE, team=w.team), mentor=w.mentor, enrolled_by=w.manager)
            hand_in_pdf(enrolment, w.assignment)
        db.session.commit()
        db.session.expire_all()
        with app.test_request_context(), count_queries() as counter:
            for user in (w.newhire1, w.mentor, w.manager, admin):
                mentor_todos(user), manager_todos(user), new_hire_todos(user)
        counts.append(counter.count)
    assert counts[0] == counts[1]


def test_the_home_page_shows_training_to_dos(app, client):
    w = people()
    hand_in_pdf(w.enrolment1, w.assignment)
    db.session.commit()
    page = login(client, w.mentor).get(url_for("main.dashboard")).get_data(as_text=True)
    assert "1 piece of work awaiting your review" in page


def test_the_counts_in_sql_follow_the_same_plan_rule_as_the_pages(app):
    """plan_counts (the home page's to-dos) and statuses_of (the pages) agree on who is
    ready and who is behind: an optional module added for one new hire is required for
    them, an archived module with results is kept but never required, a passed module
    counts once."""
    w = people()
    optional = make.module(w.curriculum, ModuleKind.LESSON, required=False, due_days=1)
    archived = make.module(w.curriculum, ModuleKind.LESSON, due_days=1)
    db.session.add_all([
        AddedModule(enrolment=w.enrolment1, module=optional),
        ModuleProgress(enrolment=w.enrolment1, module=archived,
                       status=ProgressStatus.IN_PROGRESS.value),
        *(ModuleProgress(enrolment=w.enrolment2, module=m, status=ProgressStatus.PASSED.value)
          for m in (w.assignment, w.lesson, w.later)),
    ])
    archived.archived_at = datetime.now(UTC)
    w.enrolment1.start_date = date.today() - timedelta(days=3)
    db.session.flush()
    enrolments = [w.enrolment1, w.enrolment2]
    by_sql = {p.enrolment_id: p for p in plan_counts(
        select(Enrolment).where(Enrolment.id.in_([e.id for e in enrolments])))}
    for status in statuses_of(enrolments, "UTC"):
        counted = by_sql[status.enrolment.id]
        assert counted.must_pass == len(status.required)
        assert counted.ready == status.ready
        assert counted.behind("UTC") == bool(status.overdue)
    assert (by_sql[w.enrolment1.id].ready, by_sql[w.enrolment1.id].behind("UTC")) == (
        False, True)
    assert by_sql[w.enrolment2.id].ready
