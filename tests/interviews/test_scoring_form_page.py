"""The scoring form as a page: the sticky bar's progress and buttons, the "why not
asked" field, the anchors beside the choices, the problems marked on their questions,
and the overall summary (key evidence) kept by drafts, autosave and the audit trail."""

import re

import pytest
from flask import url_for
from sqlalchemy import select

from cshire.audit import AuditEntry
from cshire.extensions import db
from cshire.interviews.services.scoring import (
    AnswerInput,
    ScorecardInput,
    reopen_scorecard,
    save_draft,
    submit_scorecard,
)
from tests.conftest import login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text as _text
from tests.interviews.factories_process import scoring_data as _scoring_data


@pytest.fixture
def seat(app):
    return make.committed_seat()


def _form_url(seat) -> str:
    return url_for("interviews.scorecard_form", scorecard_id=seat.id)


def _fieldset(body: str, anchor: str) -> str:
    """The opening tag and contents of the fieldset with this id."""
    start = body.index(f'id="{anchor}"')
    return body[body.rindex("<fieldset", 0, start):body.index("</textarea>", start)]


def test_the_bar_counts_the_questions_rated_or_not_asked_in_the_stored_draft(client, seat):
    make.rate(seat, [4, None], recommendation=None, submit=False)
    db.session.commit()
    login(client, seat.interviewer)
    body = _text(client.get(_form_url(seat)))
    bar = body.split('class="scoring-bar"')[1].split("</form>")[0]
    assert "2 of 3 rated" in bar
    assert 'max="3" value="2"' in bar
    assert ">Save draft</button>" in bar and ">Submit scorecard</button>" in bar
    assert 'data-msg-progress="{done} of {total} rated"' in body
    assert 'data-in-sync="1"' in body  # the page shows what is stored


def test_the_bar_reads_in_japanese(client, seat):
    seat.interviewer.locale = "ja"
    db.session.commit()
    login(client, seat.interviewer)
    body = _text(client.get(_form_url(seat)))
    assert "3問中0問評価済み" in body
    assert 'data-msg-progress="{total}問中{done}問評価済み"' in body


def test_the_why_not_asked_field_is_on_the_page_for_browsers_without_javascript(client,
                                                                                seat):
    login(client, seat.interviewer)
    body = _text(client.get(_form_url(seat)))
    wrappers = re.findall(r'<div class="not-asked-reason"[^>]*>', body)
    assert len(wrappers) == 3
    assert not any("hidden" in tag.replace("data-not-asked-reason", "") for tag in wrappers)
    assert body.count('for="answers-0-not_asked_reason"') == 1
    assert "scorecard-form.js" in body and "<script>" not in body


def test_each_question_describes_ratings_1_3_and_5_by_their_anchors(client, seat):
    login(client, seat.interviewer)
    body = _text(client.get(_form_url(seat)))
    question = _fieldset(body, "question-3")
    assert 'id="question-3-anchor-3"' in question
    assert re.search(r'aria-describedby="question-3-anchor-5"[^>]*value="5"', question)
    assert not re.search(r'aria-describedby="[^"]*"[^>]*value="2"', question)
    assert "High answer 3" in question


def test_a_refused_submit_marks_each_question_and_field_it_lists(client, seat):
    login(client, seat.interviewer)
    data = _scoring_data(seat, [4, None, 2], action="submit", recommendation="")
    data["answers-1-not_asked_reason"] = ""
    data["answers-2-rating"] = ""
    body = _text(client.post(_form_url(seat), data=data))
    listed = body.split('id="problems-title"')[1].split("</section>")[0]
    assert '<a href="#question-2">' in listed and '<a href="#recommendation">' in listed
    first, second, third = (_fieldset(body, f"question-{n}") for n in (1, 2, 3))
    assert "has-problem" not in first and "aria-invalid" not in first
    assert 'class="question has-problem"' in second
    assert re.search(r'aria-invalid="true"[^>]*name="answers-1-not_asked_reason"', second)
    assert 'role="radiogroup" aria-invalid="true"' in third
    assert 'aria-describedby="question-3-flag"' in third and "Needs fixing" in third
    overall = body[body.index('id="recommendation"'):body.index('class="scoring-bar"')]
    assert 'role="radiogroup" aria-invalid="true"' in overall
    assert "data-in-sync" not in body  # after a refusal the page may differ from the store


def test_a_summary_is_saved_with_the_draft_and_kept_after_a_reload(client, seat):
    login(client, seat.interviewer)
    data = _scoring_data(seat, [4])
    data["summary"] = "  Named the renewal risk first.\nAsked for usage data.  "
    assert client.post(_form_url(seat), data=data).status_code == 302
    db.session.expire_all()
    assert seat.summary == "Named the renewal risk first.\nAsked for usage data."
    body = _text(client.get(_form_url(seat)))
    assert "Named the renewal risk first.\nAsked for usage data.</textarea>" in body


def test_autosave_keeps_the_summary(client, seat):
    login(client, seat.interviewer)
    data = _scoring_data(seat, [])
    data["summary"] = "Calm under pressure"
    response = client.post(url_for("interviews.scorecard_autosave", scorecard_id=seat.id),
                           data=data)
    assert response.status_code == 200 and response.json["ok"]
    db.session.expire_all()
    assert seat.summary == "Calm under pressure"


def _submitted_with_summary(seat, summary: str):
    answers = [AnswerInput(item.id, rating=3, note="n")
               for item in seat.interview.stage.kit_version.items]
    save_draft(seat, ScorecardInput(seat.version, "yes", answers, summary=summary),
               actor=seat.interviewer)
    submit_scorecard(seat, actor=seat.interviewer)
    db.session.commit()


def test_the_submitted_scorecard_shows_its_summary_to_the_hiring_manager(client, seat):
    _submitted_with_summary(seat, "Strong discovery questions")
    login(client, seat.interview.application.opening.hiring_manager)
    body = _text(client.get(_form_url(seat)))
    assert "Overall summary (key evidence)" in body and "Strong discovery questions" in body


def test_another_panel_member_does_not_see_the_summary_before_submitting(client, app):
    application = make.application(make.opening(), status="interviewing")
    ana, ben = make.interviewer("Ana"), make.interviewer("Ben")
    held = make.interview(application, [ana, ben])
    _submitted_with_summary(make.seat(held, ana), "Private evidence of Ana")
    login(client, ben)
    body = _text(client.get(url_for("interviews.interview_detail", interview_id=held.id)))
    assert "Private evidence of Ana" not in body
    make.rate(make.seat(held, ben), [3, 3, 3])
    db.session.commit()
    body = _text(client.get(url_for("interviews.interview_detail", interview_id=held.id)))
    assert "Private evidence of Ana" in body


def test_a_summary_changed_after_reopening_is_in_the_audit_trail(client, seat):
    _submitted_with_summary(seat, "First view")
    manager = seat.interview.application.opening.hiring_manager
    reopen_scorecard(seat, actor=manager, reason="Add the evidence")
    answers = [AnswerInput(item.id, rating=3, note="n")
               for item in seat.interview.stage.kit_version.items]
    save_draft(seat, ScorecardInput(seat.version, "yes", answers, summary="Second view"),
               actor=seat.interviewer)
    submit_scorecard(seat, actor=seat.interviewer)
    db.session.commit()
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.field == "summary"))
    assert (entry.old_value, entry.new_value) == ("First view", "Second view")
    login(client, manager)
    trail = _text(client.get(_form_url(seat))).split("Audit trail")[1]
    assert "Overall summary" in trail and "Second view" in trail
