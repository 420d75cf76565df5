"""Independence: nobody on a panel — interviewer, hiring manager or admin — sees another
member's ratings, notes or recommendation for that interview before submitting their
own: in services, pages, PDFs and exports."""

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.services.decisions import candidate_scorecard, record_decision
from cshire.interviews.services.privacy import candidate_export
from cshire.interviews.services.scoring import can_view_scorecard, visible_scorecards
from tests import factories
from tests.conftest import login
from tests.interviews import factories_process as make
from tests.interviews.test_decisions_pdf import _poppler

SECRET_NOTE = "Private evidence of Ana: a vague answer"


@pytest.fixture
def panel(app):
    """Ana submitted her scorecard (with SECRET_NOTE); Ben has not submitted his."""
    ana, ben = make.interviewer("Ana"), make.interviewer("Ben")
    application = make.application(make.opening(threshold=50), status="interviewing")
    interview = make.interview(application, [ana, ben])
    make.rate(make.seat(interview, ana), [1, 2, 1], recommendation="strong_no",
              note=SECRET_NOTE)
    make.rate(make.seat(interview, ben), [5, 5], recommendation=None, note="Ben's draft",
              submit=False)
    db.session.commit()
    return interview, ana, ben


def test_an_interviewer_cannot_see_other_scores_before_submitting(panel):
    interview, ana, ben = panel
    ana_card, ben_card = make.seat(interview, ana), make.seat(interview, ben)
    assert not can_view_scorecard(ben, ana_card)
    assert visible_scorecards(ben, interview.scorecards) == [ben_card]
    # Ana has submitted, yet Ben's draft stays his own.
    assert visible_scorecards(ana, interview.scorecards) == [ana_card]


def test_after_submitting_the_interviewer_sees_the_panel(panel):
    interview, _ana, ben = panel
    ben_card = make.seat(interview, ben)
    make.rate(ben_card, [5, 5, 4], recommendation="yes", note="Ben's evidence")
    assert visible_scorecards(ben, interview.scorecards) == list(interview.scorecards)


def test_hiring_manager_and_admin_see_submitted_scorecards_other_managers_do_not(panel):
    interview, ana, _ben = panel
    ana_card = make.seat(interview, ana)
    assert can_view_scorecard(interview.application.opening.hiring_manager, ana_card)
    assert can_view_scorecard(factories.user(Role.ADMIN), ana_card)
    assert not can_view_scorecard(factories.user(Role.MANAGER), ana_card)


def test_the_candidate_scorecard_only_counts_what_the_viewer_may_see(panel):
    interview, ana, ben = panel
    application = interview.application
    as_ben = candidate_scorecard(application, ben)
    assert as_ben.scorecards == [] and as_ben.fit.score is None
    assert sum(as_ben.tally.values()) == 0
    as_manager = candidate_scorecard(application, application.opening.hiring_manager)
    assert as_manager.scorecards == [make.seat(interview, ana)]
    assert as_manager.tally["strong_no"] == 1


def test_the_export_respects_the_same_rule(panel):
    interview, _ana, ben = panel
    candidate = interview.application.candidate
    as_ben = candidate_export(candidate, ben)
    assert as_ben["applications"] == []  # Ben manages no opening
    manager = interview.application.opening.hiring_manager
    exported = candidate_export(candidate, manager)
    scorecards = exported["applications"][0]["interviews"][0]["scorecards"]
    assert [s["interviewer"] for s in scorecards] == ["Ana"]  # Ben's draft is not shown
    assert scorecards[0]["answers"][0]["note"] == SECRET_NOTE


def test_over_http_the_interview_page_hides_other_scores_until_submission(client, panel):
    interview, _ana, ben = panel
    login(client, ben)
    page = client.get(url_for("interviews.interview_detail", interview_id=interview.id))
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert SECRET_NOTE not in body and "Strong no" not in body
    assert "stay hidden until you submit your own scorecard" in body
    make.rate(make.seat(interview, ben), [5, 5, 4], recommendation="yes")
    db.session.commit()
    after = client.get(url_for("interviews.interview_detail", interview_id=interview.id))
    assert SECRET_NOTE in after.get_data(as_text=True)
    assert "Strong no" in after.get_data(as_text=True)


def test_over_http_an_interviewer_cannot_open_another_interviewers_scorecard(client, panel):
    interview, ana, ben = panel
    login(client, ben)
    url = url_for("interviews.scorecard_form", scorecard_id=make.seat(interview, ana).id)
    assert client.get(url).status_code == 403
    autosave = url_for("interviews.scorecard_autosave",
                       scorecard_id=make.seat(interview, ana).id)
    assert client.post(autosave, data={"version": "1"}).status_code == 403


def test_over_http_interviewers_reach_neither_candidate_pages_pdf_nor_export(client, panel):
    interview, ana, _ben = panel
    login(client, ana)
    application = interview.application
    for url in (url_for("interviews.application_scorecard", application_id=application.id),
                url_for("interviews.application_pdf", application_id=application.id),
                url_for("interviews.candidate_export_json",
                        candidate_id=application.candidate_id)):
        assert client.get(url).status_code == 403, url


def test_over_http_an_interviewer_off_the_panel_cannot_open_the_interview(client, panel):
    interview, _ana, _ben = panel
    outsider = make.interviewer("Outsider")
    db.session.commit()
    login(client, outsider)
    url = url_for("interviews.interview_detail", interview_id=interview.id)
    assert client.get(url).status_code == 403


# ------------------------------------------- a hiring manager or admin on the panel


@pytest.fixture(params=["hiring manager", "admin"])
def seated_manager(request, app):
    """Ana submitted (SECRET_NOTE, strong no); a hiring manager or admin — the opening's
    hiring manager, or an admin — sits on the same panel with a draft of their own."""
    ana = make.interviewer("Ana")
    opening = make.opening(threshold=50)
    manager = (opening.hiring_manager if request.param == "hiring manager"
               else factories.user(Role.ADMIN, name="Adele Admin"))
    application = make.application(opening, name="Sato Aiko", status="interviewing")
    interview = make.interview(application, [ana, manager])
    make.rate(make.seat(interview, ana), [1, 2, 1], recommendation="strong_no",
              note=SECRET_NOTE)
    make.rate(make.seat(interview, manager), [4], recommendation=None, submit=False)
    db.session.commit()
    return interview, ana, manager


def _surfaces(client, interview, ana) -> dict[str, str]:
    application = interview.application
    pages = {
        "interview": url_for("interviews.interview_detail", interview_id=interview.id),
        "candidate": url_for("interviews.application_scorecard",
                             application_id=application.id),
        "compare": url_for("interviews.opening_compare", opening_id=application.opening_id),
        "export": url_for("interviews.candidate_export_json",
                          candidate_id=application.candidate_id),
    }
    db.session.expire_all()
    bodies = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        bodies[name] = response.get_data(as_text=True)
    ana_card = url_for("interviews.scorecard_form", scorecard_id=make.seat(interview, ana).id)
    bodies["ana's scorecard"] = str(client.get(ana_card).status_code)
    return bodies


def test_a_manager_on_the_panel_sees_no_other_scorecard_before_submitting(client,
                                                                       seated_manager):
    interview, ana, manager = seated_manager
    ana_card = make.seat(interview, ana)
    assert not can_view_scorecard(manager, ana_card)
    assert visible_scorecards(manager, interview.scorecards) == [make.seat(interview, manager)]
    login(client, manager)
    seen = _surfaces(client, interview, ana)
    assert SECRET_NOTE not in seen["interview"] and "Strong no" not in seen["interview"]
    assert "stay hidden until you submit your own scorecard" in seen["interview"]
    assert "No submitted scorecard yet, so there is no fit score." in seen["candidate"]
    assert "your own scorecard is not submitted yet" in seen["candidate"]
    assert "<td class=\"num\">0</td>" in seen["compare"]  # no scorecard counted
    assert SECRET_NOTE not in seen["export"] and '"strong_no"' not in seen["export"]
    assert seen["ana's scorecard"] == "403"


def test_a_manager_on_the_panel_sees_the_panel_once_their_own_is_submitted(client,
                                                                        seated_manager):
    interview, ana, manager = seated_manager
    make.rate(make.seat(interview, manager), [4, 4, 4], recommendation="yes")
    db.session.commit()
    login(client, manager)
    seen = _surfaces(client, interview, ana)
    assert SECRET_NOTE in seen["interview"] and "Strong no" in seen["interview"]
    assert "Disagreements to discuss" in seen["candidate"]
    assert "your own scorecard is not submitted yet" not in seen["candidate"]
    assert "<td class=\"num\">2</td>" in seen["compare"]
    assert SECRET_NOTE in seen["export"]
    assert seen["ana's scorecard"] == "200"


def test_the_candidate_pdf_of_a_manager_on_the_panel_hides_the_panel_until_they_submit(
        client, seated_manager, tmp_path):
    interview, _ana, manager = seated_manager
    login(client, manager)
    url = url_for("interviews.application_pdf", application_id=interview.application_id)
    text = _pdf_text(client.get(url), tmp_path / "before.pdf")
    assert "no fit score" in text and "your own scorecard is not submitted yet" in text
    make.rate(make.seat(interview, manager), [4, 4, 4], recommendation="yes")
    db.session.commit()
    text = _pdf_text(client.get(url), tmp_path / "after.pdf")
    assert "no fit score" not in text and "Disagreements to discuss" in text


def _pdf_text(response, path) -> str:
    assert response.status_code == 200
    path.write_bytes(response.data)
    return " ".join(_poppler("pdftotext", path).split())


def test_a_manager_on_the_panel_decides_only_after_submitting_their_own(client,
                                                                     seated_manager):
    interview, _ana, manager = seated_manager
    application = interview.application
    with pytest.raises(HiringError) as refused:
        record_decision(application, actor=manager, outcome="reject", rationale="Weak")
    assert refused.value.code == "submit_own_first"
    make.rate(make.seat(interview, manager), [2, 2, 2], recommendation="no")
    decision = record_decision(application, actor=manager, outcome="reject",
                               rationale="Weak")
    assert decision.fit_score is not None and application.status == "rejected"


def test_a_seat_on_a_panel_that_nobody_has_scored_yet_does_not_hold_a_decision(app):
    """A later stage booked with the manager on its panel hides nothing yet."""
    opening = make.opening(stages=2)
    application = make.application(opening, status="interviewing")
    make.interview(application, [opening.hiring_manager], stage=opening.stages[1])
    decision = record_decision(application, actor=opening.hiring_manager, outcome="reject",
                               rationale="Withdrew interest in the role")
    assert decision.outcome == "reject"
