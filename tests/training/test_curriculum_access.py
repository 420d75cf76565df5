"""Object-level access to the new hire's lesson and quiz pages: only people who may
see the enrolment read them, and only its new hire acts on them."""

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.curriculum import ModuleKind
from tests import factories
from tests.conftest import login
from tests.training import factories as make

PAGES = ("training.module", "training.lesson")
QUIZ_PAGES = ("training.module", "training.quiz")


@pytest.fixture
def world(app):
    curriculum = make.curriculum()
    lesson = make.module(curriculum)
    quiz = make.module(curriculum, ModuleKind.QUIZ)
    make.question(quiz)
    mentor = factories.user(Role.CSM)
    team_manager = factories.user(Role.MANAGER)
    new_hire = factories.user(Role.NEW_HIRE, team=factories.team(manager=team_manager))
    enrolment = make.enrolment(curriculum, new_hire=new_hire, mentor=mentor)
    other_mentee = make.enrolment(curriculum, mentor=factories.user(Role.CSM))
    db.session.commit()
    return {"enrolment": enrolment, "lesson": lesson, "quiz": quiz, "mentor": mentor,
            "team_manager": team_manager, "other_mentee": other_mentee}


def _get(client, endpoint, enrolment, module):
    return client.get(url_for(endpoint, enrolment_id=enrolment.id, module_id=module.id))


def test_another_new_hire_cannot_open_the_enrolments_modules(app, client, world):
    login(client, world["other_mentee"].user)
    for endpoint in PAGES:
        assert _get(client, endpoint, world["enrolment"], world["lesson"]).status_code == 403
    for endpoint in ("training.lesson_read", "training.quiz_start"):
        module = world["lesson"] if endpoint == "training.lesson_read" else world["quiz"]
        response = client.post(url_for(endpoint, enrolment_id=world["enrolment"].id,
                                       module_id=module.id))
        assert response.status_code == 403


def test_the_mentor_of_another_mentee_and_a_csm_mentoring_nobody_are_refused(
        app, client, world):
    for user in (world["other_mentee"].mentor, factories.user(Role.CSM)):
        db.session.commit()
        login(client, user)
        for endpoint in QUIZ_PAGES:
            assert _get(client, endpoint, world["enrolment"], world["quiz"]).status_code == 403


def test_the_mentor_and_the_team_manager_read_but_do_not_act(app, client, world):
    for user in (world["mentor"], world["team_manager"]):
        login(client, user)
        page = _get(client, "training.lesson", world["enrolment"], world["lesson"])
        assert page.status_code == 200 and "Mark as read" not in page.get_data(as_text=True)
        assert client.post(url_for("training.lesson_read", enrolment_id=world["enrolment"].id,
                                   module_id=world["lesson"].id)).status_code == 403


def test_a_module_off_the_plan_is_not_found(app, client, world):
    login(client, world["enrolment"].user)
    foreign = make.module(make.curriculum())
    archived = make.module(world["enrolment"].curriculum)
    archived.archived_at = archived.created_at
    db.session.commit()
    for module in (foreign, archived):
        assert _get(client, "training.module", world["enrolment"], module).status_code == 404
    assert client.get(url_for("training.lesson", enrolment_id=10**6,
                              module_id=world["lesson"].id)).status_code == 404


def test_an_archived_module_worked_on_stays_readable_but_takes_no_new_work(
        app, client, world):
    enrolment, lesson = world["enrolment"], world["lesson"]
    login(client, enrolment.user)
    client.post(url_for("training.lesson_read", enrolment_id=enrolment.id,
                        module_id=lesson.id))
    lesson.archived_at = lesson.created_at
    db.session.commit()
    page = _get(client, "training.lesson", enrolment, lesson).get_data(as_text=True)
    assert "Archived — results kept" in page and "Passed" in page
