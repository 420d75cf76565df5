"""Interviews over HTTP: scheduling with a panel, and "My interviews"."""

from datetime import timedelta

from flask import url_for

from cshire.database import utcnow
from cshire.extensions import db
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text as _text


def test_scheduling_an_interview_seats_the_panel(client, app):
    opening = make.opening()
    application = make.application(opening)
    ana, ben = make.interviewer("Ana"), make.interviewer("Ben")
    db.session.commit()
    login(client, opening.hiring_manager)
    response = client.post(
        url_for("interviews.interview_new", application_id=application.id),
        data={"stage_id": opening.stages[0].id, "scheduled_at": "2030-05-01T10:00",
              "panel": [ana.id, ben.id], "location": "Room 3"})
    assert response.status_code == 302
    db.session.expire_all()
    (interview,) = application.interviews
    assert {s.interviewer for s in interview.scorecards} == {ana, ben}
    assert interview.scheduled_at.isoformat() == "2030-05-01T10:00:00+00:00"  # UTC by default
    assert application.status == "interviewing"


def test_a_panel_member_who_started_scoring_stays_on_the_panel(client, app):
    seat = make.committed_seat()
    interview = seat.interview
    make.rate(seat, [3], submit=False)
    other = make.interviewer("Olga")
    db.session.commit()
    login(client, interview.application.opening.hiring_manager)
    response = client.post(url_for("interviews.interview_edit", interview_id=interview.id),
                           data={"stage_id": interview.stage_id,
                                 "scheduled_at": "2030-05-01T10:00", "panel": [other.id]})
    assert response.status_code == 200
    assert "Ivan has already started their scorecard" in _text(response)
    db.session.expire_all()
    assert [s.interviewer.display_name for s in interview.scorecards] == ["Ivan"]


def test_my_interviews_is_in_the_navigation_of_interviewers(client, app):
    seat = make.committed_seat()
    login(client, seat.interviewer)
    body = _text(client.get(url_for("interviews.my_interviews")))
    assert ">My interviews</a>" in body and "Waiting for my scorecard" in body
    assert "Openings</a>" not in body


def test_my_interviews_issues_a_fixed_number_of_queries(client, app):
    me = make.interviewer()
    opening = make.opening()
    db.session.commit()
    login(client, me)

    def grow(n):
        for k in range(n):
            make.interview(make.application(opening), [me],
                           when=utcnow() + timedelta(days=k + 1))
            make.interview(make.application(opening), [me])
            done = make.interview(make.application(opening), [me, make.interviewer()])
            make.rate(make.seat(done, me), [3, 3, 3])

    assert_fixed_query_count(client, url_for("interviews.my_interviews"), grow)
