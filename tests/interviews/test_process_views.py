"""The hiring process over HTTP: forms, redirects, messages, object-level access and
a fixed number of queries on the busy pages."""

import io
import re
from datetime import timedelta

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.openings import Opening
from cshire.interviews.models.scoring import ScorecardChange
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_process as make


def _text(response) -> str:
    return response.get_data(as_text=True)


def _scoring_data(scorecard, ratings, *, version=None, action="save", recommendation="yes",
                  notes=None):
    """The POST body of the scoring form for these ratings (None: not asked)."""
    data = {"version": str(scorecard.version if version is None else version),
            "action": action, "recommendation": recommendation or ""}
    items = scorecard.interview.stage.kit_version.items
    for i, (item, rating) in enumerate(zip(items, ratings, strict=False)):
        data[f"answers-{i}-item_id"] = str(item.id)
        data[f"answers-{i}-rating"] = "na" if rating is None else str(rating)
        data[f"answers-{i}-not_asked_reason"] = "Out of time" if rating is None else ""
        data[f"answers-{i}-note"] = (notes or {}).get(i, "Specific example")
    return data


@pytest.fixture
def seat(app):
    """An interviewer's empty scorecard on a three-question kit, committed."""
    application = make.application(make.opening(threshold=60), status="interviewing")
    interview = make.interview(application, [make.interviewer("Ivan")])
    db.session.commit()
    return interview.scorecards[0]


# ------------------------------------------------------------------ openings


def test_a_manager_creates_an_opening_through_the_form(client, app):
    manager = factories.user(Role.MANAGER)
    version = make.kit_version()
    db.session.commit()
    login(client, manager)
    form = client.get(url_for("interviews.opening_new"))
    assert 'for="title"' in _text(form) and 'for="fit_threshold"' in _text(form)
    response = client.post(url_for("interviews.opening_new"), data={
        "title": "CSM — high touch", "profile_id": version.kit.profile_id,
        "hiring_manager_id": manager.id, "fit_threshold": "60", "notes_required": "y",
        "stage1_name": "Screening", "stage1_kit": version.id,
        "stage2_name": "", "stage2_kit": ""})
    assert response.status_code == 302
    opening = db.session.query(Opening).one()
    assert (opening.title, opening.fit_threshold, opening.notes_required) == (
        "CSM — high touch", 60, True)
    listing = client.get(url_for("interviews.openings"))
    assert "CSM — high touch" in _text(listing)


def test_adding_and_importing_candidates(client, app):
    opening = make.opening()
    db.session.commit()
    login(client, opening.hiring_manager)
    added = client.post(url_for("interviews.candidate_new", opening_id=opening.id),
                        data={"name": "Aiko Tanaka", "email": "aiko@example.org"})
    assert added.status_code == 302
    bad = (b"name,email\nGood,good@example.org\nBad,not-an-email\n"
           b"Twice,good@example.org\n")
    response = client.post(url_for("interviews.candidate_import", opening_id=opening.id),
                           data={"file": (io.BytesIO(bad), "candidates.csv")},
                           content_type="multipart/form-data")
    body = _text(response)
    assert response.status_code == 200
    assert "Nothing was imported" in body
    assert re.search(r"<td class=\"num\">3</td><td>not-an-email is not a valid", body)
    assert "appears twice in the file (first on line 2)" in body
    good = b"name,email,consent_date\nGood,good@example.org,2026-04-01\n"
    imported = client.post(url_for("interviews.candidate_import", opening_id=opening.id),
                           data={"file": (io.BytesIO(good), "candidates.csv")},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "1 candidates imported" in _text(imported)
    assert db.session.query(Application).count() == 2


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
    assert interview.scheduled_at.isoformat() == "2030-05-01T10:00:00+00:00"
    assert application.status == "interviewing"


# ------------------------------------------------------------ the scoring form


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
    assert stale.json["error"] == "stale" and "saved elsewhere" in stale.json["message"]


def test_a_stale_explicit_save_keeps_the_input_and_says_so(client, seat):
    login(client, seat.interviewer)
    url = url_for("interviews.scorecard_form", scorecard_id=seat.id)
    client.post(url_for("interviews.scorecard_autosave", scorecard_id=seat.id),
                data=_scoring_data(seat, [3]))
    response = client.post(url, data=_scoring_data(seat, [5], version=1,
                                                   notes={0: "My unsaved words"}))
    body = _text(response)
    assert response.status_code == 200
    assert "saved elsewhere" in body and "My unsaved words" in body
    assert 'name="version" id="version" value="2"' in body  # saving again replaces


def test_submitting_an_incomplete_scorecard_lists_problems_and_keeps_the_draft(client, seat):
    login(client, seat.interviewer)
    url = url_for("interviews.scorecard_form", scorecard_id=seat.id)
    response = client.post(url, data=_scoring_data(seat, [4], action="submit",
                                                   recommendation=""))
    body = _text(response)
    assert "Question 2: choose a rating" in body and "Choose an overall recommendation" in body
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
    change = db.session.query(ScorecardChange).one()
    assert (change.actor, change.reason) == (manager, "Rated the wrong answer")
    login(client, seat.interviewer)
    trail = _text(client.get(url))
    assert "Audit trail" in trail and "Rated the wrong answer" in trail


# --------------------------------------------------------- candidate scorecard


def _scored_application(threshold=60):
    opening = make.opening(threshold=threshold)
    application = make.application(opening, name="Sato Aiko", status="interviewing")
    ana, ben = make.interviewer("Ana"), make.interviewer("Ben")
    interview = make.interview(application, [ana, ben])
    make.rate(make.seat(interview, ana), [1, 2, 2], recommendation="no")
    make.rate(make.seat(interview, ben), [4, 2, 3], recommendation="yes")
    db.session.commit()
    return application


def test_the_candidate_scorecard_explains_fit_and_flags_disagreements(client, app):
    application = _scored_application()
    login(client, application.opening.hiring_manager)
    body = _text(client.get(url_for("interviews.application_scorecard",
                                    application_id=application.id)))
    assert "Fit = Σ (weight × competency score) / Σ weight" in body
    # Competency means 2.5, 2.0, 2.5 with equal weights: fit 2.33 → (2.33 − 1) / 4 = 33.
    assert "<strong>33</strong> / 100" in body
    assert "Disagreements to discuss" in body and "Ana (Stage 1) 1.0; Ben (Stage 1) 4.0" in body
    assert "No uncertainty band yet" in body
    assert "<svg" in body and "Profile target" in body
    assert ">Record decision</button>" in body and ">Scorecard (PDF)</a>" in body
    assert ">Compare candidates</a>" in body


def test_a_decision_against_the_rule_requires_a_reason(client, app):
    application = _scored_application()
    login(client, application.opening.hiring_manager)
    url = url_for("interviews.application_decide", application_id=application.id)
    refused = client.post(url, data={"outcome": "hire", "rationale": "Great attitude"})
    assert refused.status_code == 422
    assert "departs from the opening" in _text(refused)
    assert "Great attitude" in _text(refused)  # the input is kept
    accepted = client.post(url, data={"outcome": "hire", "rationale": "Great attitude",
                                      "departure_reason": "References outweigh the score"},
                           follow_redirects=True)
    assert "Decision recorded." in _text(accepted)
    assert "References outweigh the score" in _text(accepted)
    assert "Departs from the rule" in _text(accepted)


def test_debrief_notes_and_status_changes(client, app):
    application = _scored_application()
    login(client, application.opening.hiring_manager)
    client.post(url_for("interviews.application_debrief", application_id=application.id),
                data={"text": "Ask about the renewal story"})
    client.post(url_for("interviews.application_status", application_id=application.id),
                data={"status": "withdrawn", "note": "Accepted another offer"})
    body = _text(client.get(url_for("interviews.application_scorecard",
                                    application_id=application.id)))
    assert "Ask about the renewal story" in body
    assert "Interviewing → Withdrawn" in body and "Accepted another offer" in body


def test_the_comparison_and_the_agreement_pages(client, app):
    application = _scored_application()
    opening = application.opening
    login(client, opening.hiring_manager)
    compare = _text(client.get(url_for("interviews.opening_compare", opening_id=opening.id)))
    assert "Sato Aiko" in compare and "reliability not known yet" in compare
    agreement = _text(client.get(url_for("interviews.analytics", opening=opening.id)))
    assert "not enough data" in agreement and "Interviewer calibration" in agreement
    assert "Question statistics" in agreement
    other = make.opening()
    db.session.commit()
    assert client.get(url_for("interviews.analytics", opening=other.id)).status_code == 403


# ------------------------------------------------------------- object level


def test_a_manager_cannot_open_another_managers_opening(client, app):
    opening = make.opening()
    application = make.application(opening)
    other = factories.user(Role.MANAGER)
    db.session.commit()
    login(client, other)
    for url in (url_for("interviews.opening_detail", opening_id=opening.id),
                url_for("interviews.application_scorecard", application_id=application.id),
                url_for("interviews.opening_compare", opening_id=opening.id)):
        assert client.get(url).status_code == 403
    assert opening.title not in _text(client.get(url_for("interviews.openings")))


def test_a_new_hire_reaches_nothing_of_hiring(client, app):
    _scored_application()
    login(client, factories.user(Role.NEW_HIRE))
    db.session.commit()
    assert client.get(url_for("interviews.my_interviews")).status_code == 403
    assert client.get(url_for("interviews.openings")).status_code == 403


def test_my_interviews_is_in_the_navigation_of_interviewers(client, seat):
    login(client, seat.interviewer)
    body = _text(client.get(url_for("interviews.my_interviews")))
    assert ">My interviews</a>" in body and "Waiting for my scorecard" in body
    assert "Openings</a>" not in body


# -------------------------------------------------------------- query counts


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
        db.session.add(ScorecardChange(scorecard=mine, actor=manager, field="note"))

    assert_fixed_query_count(client, url_for("interviews.scorecard_form",
                                             scorecard_id=mine.id), grow)


def test_the_candidate_scorecard_issues_a_fixed_number_of_queries(client, app):
    opening = make.opening(stages=2)
    application = make.application(opening, status="interviewing")
    first = make.interview(application, [make.interviewer()])
    second = make.interview(application, [make.interviewer()], stage=opening.stages[1])
    db.session.commit()
    login(client, opening.hiring_manager)

    def grow(n):
        for _ in range(n):
            for interview in (first, second):
                make.rate(make.add_seat(interview, make.interviewer()), [2, 4, 5])
            make.add_debrief(application, opening.hiring_manager)

    assert_fixed_query_count(client, url_for("interviews.application_scorecard",
                                             application_id=application.id), grow)


def test_the_comparison_issues_a_fixed_number_of_queries(client, app):
    opening = make.opening()
    db.session.commit()
    login(client, opening.hiring_manager)

    def grow(n):
        for _ in range(n):
            application = make.application(opening, status="interviewing")
            interview = make.interview(application, [make.interviewer(), make.interviewer()])
            for seat in interview.scorecards:
                make.rate(seat, [3, 4, 2])

    assert_fixed_query_count(client, url_for("interviews.opening_compare",
                                             opening_id=opening.id), grow)
