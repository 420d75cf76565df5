"""The opening's candidate list: current stage, fit, last activity, the closed filter,
its orders, and a fixed number of queries."""

from datetime import timedelta

import pytest
from flask import url_for
from werkzeug.datastructures import MultiDict

from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.decisions import HiringDecision
from cshire.interviews.services.candidate_list import (
    CandidateFilters,
    CandidateList,
    candidate_filters,
)
from cshire.interviews.services.decisions import candidate_scorecard
from cshire.sorting import Sort
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text

NOW = utcnow()
DAY = timedelta(days=1)


def _weighted_opening(stages: int = 1):
    """An opening whose profile weighs its competencies 2, 1, 1 (kit items in that order)."""
    a, b, c = (factories.competency() for _ in range(3))
    profile = make.profile(weights={a.code: 2.0, b.code: 1.0, c.code: 1.0},
                           competencies=[a, b, c])
    return make.opening(stages=stages, version=make.kit_version(profile))


def _scored(opening, *ratings_per_interviewer, name=None):
    application = make.application(opening, name=name, status="interviewing")
    panel = [make.interviewer() for _ in ratings_per_interviewer]
    held = make.interview(application, panel, when=NOW - 2 * DAY)
    for user, ratings in zip(panel, ratings_per_interviewer, strict=True):
        make.rate(make.seat(held, user), ratings)
    return application


def _rows(opening, sort="-applied", **filters):
    listing = CandidateList(opening, now=NOW)
    applications = list(db.session.scalars(
        listing.query(CandidateFilters(**filters), Sort.parse(sort))).unique())
    return listing.rows(applications)


def _names(opening, sort, **filters) -> list[str]:
    return [row.application.candidate.name for row in _rows(opening, sort, **filters)]


# --- what a row shows ---------------------------------------------------------------------


def test_the_fit_is_the_candidate_scorecards_on_the_0_to_100_scale(app):
    opening = _weighted_opening()
    # Worked example: competency means 3, 2, 4 (weights 2, 1, 1) → (2×3 + 2 + 4) / 4 = 3.0,
    # which is 50 on the 0–100 scale.
    application = _scored(opening, [4, 2, 3], [2, 2, 5])
    [row] = _rows(opening)
    assert row.fit == pytest.approx(50.0)
    assert row.fit == pytest.approx(candidate_scorecard(application, opening.hiring_manager)
                                    .fit.percent)


def test_an_application_without_a_submitted_rating_has_no_fit(app):
    opening = _weighted_opening()
    application = make.application(opening, status="interviewing")
    make.rate(make.seat(make.interview(application, [ana := make.interviewer()]), ana),
              [5, 5, 5], submit=False)
    assert [row.fit for row in _rows(opening)] == [None]


def test_the_current_stage_is_the_stage_of_the_latest_interview(app):
    opening = make.opening(stages=2)
    first, second = opening.stages
    before = make.application(opening, name="Before any interview")
    one = make.application(opening, name="One interview", status="interviewing")
    make.interview(one, [make.interviewer()], stage=first, when=NOW - 3 * DAY)
    two = make.application(opening, name="Two interviews", status="interviewing")
    make.interview(two, [make.interviewer()], stage=second, when=NOW + DAY)
    make.interview(two, [make.interviewer()], stage=first, when=NOW - DAY)
    stages = {row.application.id: row.stage for row in _rows(opening)}
    assert stages == {before.id: None, one.id: first, two.id: second}


def test_the_last_activity_is_the_latest_thing_that_happened(app):
    opening = make.opening()
    manager = opening.hiring_manager

    def applied(name, days_ago):
        application = make.application(opening, name=name, status="interviewing")
        application.events[0].at = NOW - days_ago * DAY
        return application

    applied("Applied 5 days ago", 5)
    noted = applied("Debrief note yesterday", 9)
    make.add_debrief(noted, manager).created_at = NOW - DAY
    held = applied("Interview held 3 days ago", 7)
    make.interview(held, [make.interviewer()], when=NOW - 3 * DAY).created_at = NOW - 6 * DAY
    upcoming = applied("Interview scheduled 8 days ago, held in 2 days", 9)
    make.interview(upcoming, [make.interviewer()], when=NOW + 2 * DAY).created_at = NOW - 8 * DAY
    decided = applied("Decided 2 days ago", 9)
    decided.decisions.append(HiringDecision(step=1, outcome="advance", decided_by=manager,
                                            decided_at=NOW - 2 * DAY))
    db.session.flush()
    rows = _rows(opening, "-activity")
    assert [(r.application.candidate.name, (NOW - r.last_activity).days) for r in rows] == [
        ("Debrief note yesterday", 1), ("Decided 2 days ago", 2),
        ("Interview held 3 days ago", 3), ("Applied 5 days ago", 5),
        ("Interview scheduled 8 days ago, held in 2 days", 8)]


def test_a_submitted_scorecard_is_activity(app):
    opening = _weighted_opening()
    application = _scored(opening, [3, 3, 3])
    application.events[0].at = NOW - 30 * DAY
    application.interviews[0].created_at = NOW - 30 * DAY
    application.interviews[0].scheduled_at = NOW - 29 * DAY
    db.session.flush()
    [row] = _rows(opening)
    assert row.last_activity == application.interviews[0].scorecards[0].submitted_at


# --- filters --------------------------------------------------------------------------------


def test_closed_applications_are_left_out_unless_asked_for_or_chosen(app):
    opening = make.opening()
    for status in ("applied", "interviewing", "offer", "hired", "rejected", "withdrawn"):
        make.application(opening, name=status.title(), status=status)
    assert sorted(_names(opening, "name")) == ["Applied", "Interviewing", "Offer"]
    assert len(_names(opening, "name", include_closed=True)) == 6
    assert _names(opening, "name", status="rejected") == ["Rejected"]


def test_the_filters_are_read_from_the_query_string_ignoring_unknown_values():
    assert candidate_filters(MultiDict()) == CandidateFilters(status="", include_closed=False)
    assert candidate_filters(MultiDict({"status": "hired", "closed": "1"})) == CandidateFilters(
        status="hired", include_closed=True)
    assert candidate_filters(MultiDict({"status": "lost", "closed": "yes"})) == CandidateFilters()


# --- orders ----------------------------------------------------------------------------------


def test_sorting_by_fit_follows_the_scorecard_fit_with_unscored_candidates_last(app):
    opening = _weighted_opening()
    # Weighted 2, 1, 1: Heavy (5, 1, 1) fits 3.0 and Light (2, 3, 3) 2.5 — unweighted
    # means would rank them the other way round (2.33 and 2.67).
    ratings = {"Low": [1, 2, 1], "Heavy": [5, 1, 1], "High": [5, 4, 5], "Light": [2, 3, 3]}
    scored = {name: _scored(opening, r, name=name) for name, r in ratings.items()}
    make.application(opening, name="Unscored")
    assert _names(opening, "fit") == ["Low", "Light", "Heavy", "High", "Unscored"]
    assert _names(opening, "-fit") == ["High", "Heavy", "Light", "Low", "Unscored"]
    shown = {row.application.candidate.name: row.fit for row in _rows(opening, "-fit")}
    manager = opening.hiring_manager
    for name, application in scored.items():
        assert shown[name] == pytest.approx(
            candidate_scorecard(application, manager).fit.percent)


def test_sorting_by_name_status_stage_and_application_date(app):
    opening = make.opening(stages=2)
    first, second = opening.stages
    bo = make.application(opening, name="bo", status="offer")
    ana = make.application(opening, name="Ana", status="interviewing")
    cy = make.application(opening, name="Cy")
    make.interview(bo, [make.interviewer()], stage=second, when=NOW - DAY)
    make.interview(ana, [make.interviewer()], stage=first, when=NOW - DAY)
    for application, days_ago in ((bo, 3), (ana, 1), (cy, 2)):
        application.created_at = NOW - days_ago * DAY
    db.session.flush()
    assert _names(opening, "name") == ["Ana", "bo", "Cy"]
    assert _names(opening, "-status") == ["bo", "Ana", "Cy"]
    assert _names(opening, "stage") == ["Ana", "bo", "Cy"], "no stage yet comes last"
    assert _names(opening, "-applied") == ["Ana", "Cy", "bo"]


# --- the page --------------------------------------------------------------------------------


def _page(client, opening, **args):
    return page_text(client.get(url_for("interviews.opening_detail", opening_id=opening.id,
                                        **args)))


def test_the_page_shows_stage_fit_activity_and_sortable_headers(client, app):
    opening = _weighted_opening()
    _scored(opening, [4, 2, 3], [2, 2, 5], name="Sato Aiko")
    db.session.commit()
    html = _page(login(client, opening.hiring_manager), opening, sort="-fit")
    assert "Sato Aiko" in html and ">Stage 1<" in html and '<td class="num">50</td>' in html
    assert 'aria-sort="descending"' in html and "sort=fit" in html
    assert "Last activity" in html


def test_closed_applications_are_hidden_by_default_and_never_offer_scheduling(client, app):
    opening = make.opening()
    make.application(opening, name="Still open", status="interviewing")
    for status in ("hired", "rejected", "withdrawn"):
        make.application(opening, name=f"Closed {status}", status=status)
    db.session.commit()
    login(client, opening.hiring_manager)
    default = _page(client, opening)
    assert "Still open" in default and "Closed" not in default
    assert default.count("Schedule interview") == 1
    everything = _page(client, opening, closed="1")
    assert all(f"Closed {s}" in everything for s in ("hired", "rejected", "withdrawn"))
    assert everything.count("Schedule interview") == 1, "only the open application"


def test_scheduling_is_offered_while_a_stage_of_the_opening_is_left(app):
    opening = make.opening(stages=2)
    first, second = opening.stages
    fresh = make.application(opening, name="Fresh")
    halfway = make.application(opening, name="Halfway", status="interviewing")
    make.interview(halfway, [make.interviewer()], stage=first)
    done = make.application(opening, name="Done", status="offer")
    make.interview(done, [make.interviewer()], stage=first)
    make.interview(done, [make.interviewer()], stage=second)
    offered = {row.application.id: row.can_schedule for row in _rows(opening)}
    assert offered == {fresh.id: True, halfway.id: True, done.id: False}


def test_an_opening_whose_applications_are_all_closed_says_so(client, app):
    opening = make.opening()
    make.application(opening, status="rejected")
    db.session.commit()
    html = _page(login(client, opening.hiring_manager), opening)
    assert "Every application of this opening is closed" in html
    assert "closed=1" in html


@pytest.mark.parametrize("sort", ["-applied", "-fit", "-activity", "stage", "name"])
def test_the_page_issues_a_fixed_number_of_queries_in_every_order(client, app, sort):
    opening = _weighted_opening(stages=2)
    db.session.commit()
    login(client, opening.hiring_manager)

    def grow(n):
        for _ in range(n):
            application = _scored(opening, [3, 4, 5], [2, 3, 4])
            make.add_debrief(application, opening.hiring_manager)
            make.interview(application, [make.interviewer()], stage=opening.stages[1],
                           when=NOW + DAY)

    url = url_for("interviews.opening_detail", opening_id=opening.id, sort=sort)
    assert_fixed_query_count(client, url, grow)
