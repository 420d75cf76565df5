"""The scoring form over HTTP: drafts, autosave, edit conflicts, submission,
reopening and the audit trail."""

import re

import pytest
from flask import url_for
from sqlalchemy import select

from cshire.audit import AuditEntry
from cshire.extensions import db
from cshire.interviews.services.scoring import answer_field, reopen_scorecard
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text as _text
from tests.interviews.factories_process import scoring_data as _scoring_data


@pytest.fixture
def seat(app):
    return make.committed_seat()


def test_the_scoring_form_shows_questions_in_order_with_probes_and_anchors(client, seat):
    login(client, seat.interviewer)
    body = _text(client.get(url_for("interviews.scorecard_form", scorecard_id=seat.id)))
    positions = [body.index(f"Question {n} about") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert "What did the customer say?" in body and "High answer 3" in body
    assert 'for="answers-0-rating-0"' in body and 'for="answers-0-note"' in body
    assert ">Save draft</button>" in body and ">Submit scorecard</button>" in body
    assert "scorecard-autosave.js" in body and "<script>" not in body
    assert 'style="' not in body


def test_a_saved_draft_is_intact_after_a_reload(client, seat):
    login(client, seat.interviewer)
    url = url_for("interviews.scorecard_form", scorecard_id=seat.id)
    data = _scoring_data(seat, [4, None], notes={0: "Named the renewal risk"})
    assert client.post(url, data=data).status_code == 302
    body = _text(client.get(url))
    checked = re.findall(r'<input checked id="(answers-\d-rating-\d)"', body)
    assert checked == ["answers-0-rating-3", "answers-1-rating-5"]  # 4, and "not asked"
    assert "Named the renewal risk" in body
    assert 'value="Out of time"' in body


def test_autosave_returns_the_new_version_and_refuses_a_stale_one(client, seat):
    login(client, seat.interviewer)
    url = url_for("interviews.scorecard_autosave", scorecard_id=seat.id)
    first = client.post(url, data=_scoring_data(seat, [3]))
    assert first.status_code == 200 and first.json["ok"] and first.json["version"] == 2
    stale = client.post(url, data=_scoring_data(seat, [5], version=1))
    assert stale.status_code == 409
    assert stale.json["ok"] is False and stale.json["error"] == "edit_conflict"
    assert "Someone else saved this while you were editing" in stale.json["message"]
    db.session.expire_all()
    assert seat.answers[0].rating == 3


def test_autosave_of_a_submitted_scorecard_answers_why_it_is_refused(client, seat):
    make.rate(seat, [4, 3, 5])
    db.session.commit()
    login(client, seat.interviewer)
    refused = client.post(url_for("interviews.scorecard_autosave", scorecard_id=seat.id),
                          data=_scoring_data(seat, [1]))
    assert refused.status_code == 409
    assert refused.json["error"] == "locked" and "submitted and locked" in refused.json["message"]


def test_a_stale_explicit_save_keeps_the_input_and_says_so(client, seat):
    login(client, seat.interviewer)
    url = url_for("interviews.scorecard_form", scorecard_id=seat.id)
    client.post(url_for("interviews.scorecard_autosave", scorecard_id=seat.id),
                data=_scoring_data(seat, [3]))
    response = client.post(url, data=_scoring_data(seat, [5], version=1,
                                                   notes={0: "My unsaved words"}))
    body = _text(response)
    assert response.status_code == 200
    assert "Someone else saved this while you were editing" in body
    assert "My unsaved words" in body
    assert 'name="version" id="version" value="2"' in body  # saving again replaces
    again = client.post(url, data=_scoring_data(seat, [5], version=2))
    assert again.status_code == 302


def test_a_tampered_question_id_is_refused_without_a_server_error(client, seat):
    login(client, seat.interviewer)
    data = _scoring_data(seat, [4])
    data["answers-0-item_id"] = "x1"
    response = client.post(url_for("interviews.scorecard_form", scorecard_id=seat.id),
                           data=data)
    assert response.status_code == 200
    assert "The form does not match this interview kit" in _text(response)


def test_submitting_an_incomplete_scorecard_lists_problems_and_keeps_the_draft(client, seat):
    login(client, seat.interviewer)
    url = url_for("interviews.scorecard_form", scorecard_id=seat.id)
    response = client.post(url, data=_scoring_data(seat, [4], action="submit",
                                                   recommendation=""))
    body = _text(response)
    assert "Question 2: choose a rating" in body and "Choose an overall recommendation" in body
    assert "Your input was saved as a draft." in body
    assert 'name="version" id="version" value="2"' in body  # the kept draft's version
    db.session.expire_all()
    assert seat.status == "draft" and seat.answers[0].rating == 4


def test_submit_locks_and_the_hiring_manager_reopens_with_a_reason(client, seat):
    login(client, seat.interviewer)
    url = url_for("interviews.scorecard_form", scorecard_id=seat.id)
    done = client.post(url, data=_scoring_data(seat, [4, 3, 5], action="submit"),
                       follow_redirects=True)
    assert "Scorecard submitted." in _text(done) and "locked" in _text(done)
    assert client.post(url, data=_scoring_data(seat, [1, 1, 1], version=3)).status_code == 403
    manager = seat.interview.application.opening.hiring_manager
    login(client, manager)
    reopen = url_for("interviews.scorecard_reopen", scorecard_id=seat.id)
    assert ">Reopen</button>" in _text(client.get(reopen))
    assert client.post(reopen, data={"reason": "Rated the wrong answer"}).status_code == 302
    entry = db.session.scalars(select(AuditEntry)).one()
    assert (entry.entity_type, entry.entity_id) == ("scorecards", seat.id)
    assert (entry.actor, entry.reason) == (manager, "Rated the wrong answer")
    login(client, seat.interviewer)
    trail = _text(client.get(url))
    assert "Audit trail" in trail and "Rated the wrong answer" in trail


def test_the_audit_trail_names_each_question_and_reads_its_values(client, seat):
    make.rate(seat, [4, 3, 5])
    manager = seat.interview.application.opening.hiring_manager
    reopen_scorecard(seat, actor=manager, reason="Check question 3")
    db.session.commit()
    login(client, seat.interviewer)
    url = url_for("interviews.scorecard_form", scorecard_id=seat.id)
    client.post(url, data=_scoring_data(seat, [4, 3, None], recommendation="strong_yes"))
    body = _text(client.get(url))
    assert "Question 3 — rating" in body and "Question 3 — not asked" in body
    assert "<td>Submitted</td>" in body and "<td>Draft</td>" in body
    assert "<td>Strong yes</td>" in body and "<td>yes</td>" in body  # not asked: yes
    assert answer_field(seat.interview.stage.kit_version.items[2].id, "rating") not in body


def test_the_scoring_form_issues_a_fixed_number_of_queries(client, app):
    version = make.kit_version(per_competency=4)
    application = make.application(make.opening(version=version))
    me = make.interviewer()
    interview = make.interview(application, [me])
    mine = interview.scorecards[0]
    manager = application.opening.hiring_manager
    db.session.commit()
    login(client, me)
    state = {"rated": 0}

    def grow(n):
        for _ in range(n):
            make.add_seat(interview, make.interviewer())
        state["rated"] += n
        make.rate(mine, [3] * state["rated"], submit=False)
        item = version.items[state["rated"] - 1]
        db.session.add(AuditEntry(entity_type="scorecards", entity_id=mine.id,
                                  field=answer_field(item.id, "note"), actor=manager))

    assert_fixed_query_count(client, url_for("interviews.scorecard_form",
                                             scorecard_id=mine.id), grow)


# --------------------------------------------------------------- crafted input


def _post_both(client, seat, data: dict) -> tuple:
    """The same body posted to the scoring form and to the autosave endpoint."""
    form = client.post(url_for("interviews.scorecard_form", scorecard_id=seat.id), data=data)
    autosave = client.post(url_for("interviews.scorecard_autosave", scorecard_id=seat.id),
                           data=data)
    return form, autosave


@pytest.fixture
def rated_seat(client, seat):
    """Ivan's draft with question 1 rated 4, signed in as Ivan."""
    make.rate(seat, [4], recommendation=None, submit=False)
    db.session.commit()
    login(client, seat.interviewer)
    return seat


@pytest.mark.parametrize("rating", ["7", "0", "-1", "abc", "3.5", "²", "9" * 30])
def test_a_rating_outside_1_to_5_or_not_a_number_is_refused_by_name(client, rated_seat,
                                                                   rating):
    data = _scoring_data(rated_seat, [4, 2])
    data["answers-0-rating"] = rating
    form, autosave = _post_both(client, rated_seat, data)
    expected = f"Question 1: “{rating}” is not a rating; ratings go from 1 to 5."
    assert form.status_code == 200 and expected in _text(form)
    assert autosave.status_code == 422 and autosave.json["error"] == "rating_invalid"
    assert expected in autosave.json["message"]
    db.session.expire_all()
    assert [a.rating for a in rated_seat.answers] == [4]  # kept, never cleared
    assert rated_seat.version == 2  # nothing saved


@pytest.mark.parametrize("item_id", ["x1", "", "²", "1e3", "-5"])
def test_a_malformed_question_id_is_a_clear_error_not_an_edit_conflict(client, rated_seat,
                                                                       item_id):
    data = _scoring_data(rated_seat, [4, 2])
    data["answers-1-item_id"] = item_id
    form, autosave = _post_both(client, rated_seat, data)
    expected = f"“{item_id}” is not a question id"
    assert form.status_code == 200 and expected in _text(form)
    assert autosave.status_code == 422 and autosave.json["error"] == "item_id_invalid"
    assert expected in autosave.json["message"]


def test_a_question_id_beyond_any_integer_is_not_in_the_kit(client, rated_seat):
    data = _scoring_data(rated_seat, [4])
    data["answers-0-item_id"] = str(2**64)
    form, autosave = _post_both(client, rated_seat, data)
    assert form.status_code == 200 and f"question id {2**64} is not in it" in _text(form)
    assert autosave.status_code == 422 and autosave.json["error"] == "question_unknown"


def test_the_same_question_posted_twice_is_refused_and_nothing_is_duplicated(client, seat):
    login(client, seat.interviewer)
    data = _scoring_data(seat, [4, 2])
    data["answers-1-item_id"] = data["answers-0-item_id"]  # question 1 twice, unanswered
    form, autosave = _post_both(client, seat, data)
    assert form.status_code == 200
    assert "Question 1 is in the form twice" in _text(form)
    assert autosave.status_code == 422 and autosave.json["error"] == "question_repeated"
    db.session.expire_all()
    assert seat.answers == [] and seat.version == 1


def test_a_text_longer_than_its_column_is_a_message_not_a_server_error(client, rated_seat):
    data = _scoring_data(rated_seat, [4, None])
    data["answers-1-not_asked_reason"] = "r" * 301
    form, autosave = _post_both(client, rated_seat, data)
    expected = ("Question 2: the reason why it was not asked is 301 characters long; "
                "at most 300 fit.")
    assert form.status_code == 200 and expected in _text(form)
    assert autosave.status_code == 422 and autosave.json["error"] == "answers_invalid"
    assert expected in autosave.json["problems"]
    db.session.expire_all()
    assert len(rated_seat.answers) == 1 and rated_seat.version == 2


def test_every_problem_is_listed_on_the_page_and_leads_to_its_question(client, seat):
    login(client, seat.interviewer)
    response = client.post(url_for("interviews.scorecard_form", scorecard_id=seat.id),
                           data=_scoring_data(seat, [4], action="submit", recommendation=""))
    body = _text(response)
    listed = body.split('id="problems-title"')[1].split("</section>")[0]
    assert '<a href="#question-2">Question 2: choose a rating' in listed
    assert '<a href="#question-3">Question 3: choose a rating' in listed
    assert "Choose an overall recommendation." in listed
    assert 'id="question-2"' in body
    # The summary is flashed once; each problem is on the page once.
    assert body.count("Question 2: choose a rating") == 1
    assert body.count("The scorecard is not complete yet") == 1


@pytest.mark.parametrize("version", ["²", "abc", ""])
def test_a_malformed_version_is_taken_for_a_stale_page_never_a_server_error(client,
                                                                          rated_seat,
                                                                          version):
    data = _scoring_data(rated_seat, [5], version=0)
    data["version"] = version
    form, autosave = _post_both(client, rated_seat, data)
    assert form.status_code == 200
    assert "Someone else saved this while you were editing" in _text(form)
    assert autosave.status_code == 409 and autosave.json["error"] == "edit_conflict"
