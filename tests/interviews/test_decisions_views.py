"""The candidate scorecard over HTTP: the page, decisions, debrief notes, status, and
the comparison of candidates (with the agreement page it links to)."""

import re

from flask import url_for

from cshire.extensions import db
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text as _text


def test_the_candidate_scorecard_explains_fit_and_flags_disagreements(client, app):
    application = make.scored_application()
    login(client, application.opening.hiring_manager)
    body = _text(client.get(url_for("interviews.application_scorecard",
                                    application_id=application.id)))
    assert "Fit = Σ (weight × competency score) / Σ weight" in body
    # Competency means 2.5, 2.0, 2.5 with equal weights: fit 2.33 → (2.33 − 1) / 4 = 33.
    assert "<strong>33</strong> / 100" in body
    # The first competency: Ana 1, Ben 4, three points apart.
    first = application.opening.profile.entries[0].competency.name_en
    assert _cells(body, "disagreements") == [
        ["Competency", "Ana Stage 1", "Ben Stage 1", "Spread"], [first, "1.0", "4.0", "3.0"]]
    assert "No uncertainty band yet" in body
    assert "<svg" in body and "Profile target" in body
    assert ">Record decision</button>" in body and ">Scorecard (PDF)</a>" in body
    assert ">Compare candidates</a>" in body


def _cells(body: str, table_class: str) -> list[list[str]]:
    """The text of each cell of the table with this class, row by row."""
    table = body.split(f'<table class="{table_class}">')[1].split("</table>")[0]
    return [[" ".join(re.sub(r"<[^>]+>", " ", cell).split())
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]


def test_the_candidate_scorecard_leads_with_the_decision(client, app):
    application = make.scored_application()
    login(client, application.opening.hiring_manager)
    body = _text(client.get(url_for("interviews.application_scorecard",
                                    application_id=application.id)))
    # Fit, the tally (Ana no, Ben yes) and the disagreements come before the decision
    # form; the competency table and the formulas after it, the formulas folded.
    order = [body.index(marker) for marker in (
        'id="fit-title"', 'class="tally"', 'id="flags-title"', ">Record decision</button>",
        'id="competencies-title"', "How these figures are computed")]
    assert order == sorted(order)
    assert _cells(body, "tally")[1] == ["0", "1", "1", "0"]
    assert '<details class="method">' in body
    assert "How well the panels of Kit" in body and "1 interview with two or more" in body


def test_a_decision_against_the_rule_requires_a_reason(client, app):
    application = make.scored_application()
    login(client, application.opening.hiring_manager)
    url = url_for("interviews.application_decide", application_id=application.id)
    refused = client.post(url, data={"outcome": "hire", "rationale": "Great attitude"})
    assert refused.status_code == 422
    assert "departs from the opening" in _text(refused)
    assert 'id="departure_reason-error"' in _text(refused)  # shown at its field
    assert "Great attitude" in _text(refused)  # the input is kept
    accepted = client.post(url, data={"outcome": "hire", "rationale": "Great attitude",
                                      "departure_reason": "References outweigh the score"},
                           follow_redirects=True)
    assert "Decision recorded." in _text(accepted)
    assert "References outweigh the score" in _text(accepted)
    assert "Departs from the rule" in _text(accepted)


def test_a_decision_on_a_closed_application_is_refused_with_a_message(client, app):
    application = make.scored_application()
    application.status = "withdrawn"
    db.session.commit()
    login(client, application.opening.hiring_manager)
    refused = client.post(url_for("interviews.application_decide",
                                  application_id=application.id),
                          data={"outcome": "reject", "rationale": "Too late"})
    assert refused.status_code == 422
    assert "This application is closed." in _text(refused)


def test_debrief_notes_and_status_changes(client, app):
    application = make.scored_application()
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
    application = make.scored_application()
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


def test_a_closed_application_offers_no_interview_to_schedule(client, app):
    from cshire.interviews.models.candidates import ApplicationStatus

    application = make.application(make.opening(), status=ApplicationStatus.REJECTED.value)
    db.session.commit()
    login(client, application.opening.hiring_manager)
    page = client.get(url_for("interviews.application_scorecard",
                              application_id=application.id)).get_data(as_text=True)
    assert "Schedule interview" not in page
