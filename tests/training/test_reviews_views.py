"""The mentor's review queue and the review of a round: approve or ask for changes,
every round kept, never twice, never your own work, a fixed number of queries."""

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.work import ModuleProgress, ProgressStatus, Submission
from cshire.training.services.reviews import ReviewInput, review
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.training import factories as make
from tests.training.access_enrolments import hand_in_pdf, people


def _text(response) -> str:
    return response.get_data(as_text=True)


def _status(enrolment, module) -> str:
    db.session.expire_all()
    return db.session.query(ModuleProgress).filter_by(
        enrolment_id=enrolment.id, module_id=module.id).one().status


def test_the_queue_lists_rounds_awaiting_review_oldest_first(app, client):
    w = people()
    first = hand_in_pdf(w.enrolment2, w.assignment)
    second = hand_in_pdf(w.enrolment1, w.assignment)
    stranger = make.enrolment(make.curriculum(), mentor=factories.user(Role.CSM))
    hidden = hand_in_pdf(stranger, make.module(stranger.curriculum, make.ModuleKind.ASSIGNMENT))
    db.session.commit()
    page = _text(login(client, w.mentor).get(url_for("training.reviews")))
    assert page.index("Ken Newhire") < page.index("Nao Newhire")
    for submission in (first, second):
        assert url_for("training.submission_review", submission_id=submission.id,
                       _external=False) in page
    assert url_for("training.submission_review", submission_id=hidden.id,
                   _external=False) not in page


def test_asking_for_changes_needs_a_comment_and_keeps_every_round(app, client):
    w = people()
    submission = hand_in_pdf(w.enrolment1, w.assignment)
    db.session.commit()
    client = login(client, w.mentor)
    url = url_for("training.submission_review", submission_id=submission.id)
    refused = client.post(url, data={"outcome": "revise", "comment": " "})
    assert refused.status_code == 200
    assert "a comment is required when asking for changes" in _text(refused)
    assert client.post(url, data={"outcome": "revise", "comment": "Add the KPIs."}
                       ).status_code == 302
    assert _status(w.enrolment1, w.assignment) == ProgressStatus.REVISE
    second = hand_in_pdf(w.enrolment1, w.assignment, text="With KPIs")
    db.session.commit()
    page = _text(client.get(url_for("training.submission_review", submission_id=second.id)))
    assert "Round 2" in page and "Other rounds" in page and "Add the KPIs." in page
    assert client.post(url_for("training.submission_review", submission_id=second.id),
                       data={"outcome": "approved"}).status_code == 302
    assert _status(w.enrolment1, w.assignment) == ProgressStatus.PASSED
    rounds = db.session.query(Submission).order_by(Submission.round).all()
    assert [(s.round, s.outcome) for s in rounds] == [(1, "revise"), (2, "approved")]


def test_a_round_is_reviewed_once(app):
    w = people()
    submission = hand_in_pdf(w.enrolment1, w.assignment)
    review(submission, ReviewInput("approved"), actor=w.mentor)
    with pytest.raises(TrainingError) as twice:
        review(submission, ReviewInput("revise", "Again"), actor=w.manager)
    assert twice.value.code == "already_reviewed"
    assert "Mei Mentor" in twice.value.message()
    assert submission.outcome == "approved"


def test_nobody_reviews_their_own_work_whatever_their_roles(app):
    w = people()
    both = factories.user(Role.NEW_HIRE, Role.ADMIN)
    enrolment = make.enrolment(w.curriculum, new_hire=both, mentor=w.mentor)
    submission = hand_in_pdf(enrolment, w.assignment)
    with pytest.raises(TrainingError) as own:
        review(submission, ReviewInput("approved"), actor=both)
    assert own.value.code == "own_work"


def test_another_mentor_or_another_teams_manager_cannot_review(app):
    w = people()
    submission = hand_in_pdf(w.enrolment1, w.assignment)
    other_mentor, other_manager = factories.user(Role.CSM), factories.user(Role.MANAGER)
    factories.team(manager=other_manager)
    admin = factories.user(Role.ADMIN)
    db.session.commit()
    url = url_for("training.submission_review", submission_id=submission.id)
    assert login(app.test_client(), other_mentor).get(url).status_code == 403
    assert login(app.test_client(), other_manager).get(url).status_code == 403
    assert login(app.test_client(), w.newhire1).get(url).status_code == 403
    for allowed in (w.mentor, w.manager, admin):
        assert login(app.test_client(), allowed).get(url).status_code == 200
    assert "Nao Newhire" not in _text(login(app.test_client(), other_mentor).get(
        url_for("training.reviews")))


def test_the_review_queue_issues_a_fixed_number_of_queries(app, client):
    w = people()
    db.session.commit()

    def grow(n):
        for _ in range(n):
            newcomer = factories.user(Role.NEW_HIRE, team=w.team)
            enrolment = make.enrolment(w.curriculum, new_hire=newcomer, mentor=w.mentor)
            hand_in_pdf(enrolment, w.assignment)

    assert_fixed_query_count(login(client, w.mentor), url_for("training.reviews"), grow)
