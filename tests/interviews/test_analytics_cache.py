"""The agreement figures are cached per state of the submitted scorecards: computed
once, recomputed as soon as a scorecard in scope is submitted or reopened or the
profile changes, and never served stale."""

import pytest
from flask import url_for

from cshire.extensions import db
from cshire.interviews.services import analytics as agreement
from cshire.interviews.services.analytics import agreement_report
from cshire.interviews.services.scoring import reopen_scorecard
from tests.conftest import login
from tests.interviews import factories_process as make


@pytest.fixture
def computations(monkeypatch):
    """How many times the figures were really computed (not taken from the cache)."""
    calls = []
    compute = agreement._compute_numbers

    def counting(*args):
        calls.append(args)
        return compute(*args)

    monkeypatch.setattr(agreement, "_compute_numbers", counting)
    return calls


def _panel_of_two(opening, ratings=(3, 4, 2)):
    a, b = make.interviewer(), make.interviewer()
    interview = make.interview(make.application(opening), [a, b])
    for seat in interview.scorecards:
        make.rate(seat, list(ratings))
    return interview


def test_the_figures_are_computed_once_while_nothing_changes(app, computations):
    opening = make.opening()
    _panel_of_two(opening)
    db.session.commit()
    first = agreement_report(opening.hiring_manager)
    second = agreement_report(opening.hiring_manager)
    assert len(computations) == 1
    assert first.n_scorecards == second.n_scorecards == 2


def test_a_new_submission_is_counted_at_once(app, computations):
    opening = make.opening()
    _panel_of_two(opening)
    db.session.commit()
    assert agreement_report(opening.hiring_manager).n_scorecards == 2
    _panel_of_two(opening, ratings=(5, 5, 5))
    db.session.commit()
    report = agreement_report(opening.hiring_manager)
    assert report.n_scorecards == 4 and report.n_interviews == 2
    assert len(computations) == 2


def test_a_reopened_scorecard_drops_out_at_once(app, computations):
    opening = make.opening()
    interview = _panel_of_two(opening)
    db.session.commit()
    assert agreement_report(opening.hiring_manager).n_scorecards == 2
    reopen_scorecard(interview.scorecards[0], actor=opening.hiring_manager, reason="Typo")
    db.session.commit()
    assert agreement_report(opening.hiring_manager).n_scorecards == 1
    assert len(computations) == 2


def test_a_profile_change_recomputes_the_fit_based_figures(app, computations):
    opening = make.opening()
    _panel_of_two(opening)
    db.session.commit()
    agreement_report(opening.hiring_manager)
    opening.profile.version += 1  # what every saved profile edit does
    db.session.commit()
    agreement_report(opening.hiring_manager)
    assert len(computations) == 2


def test_each_scope_has_its_own_figures(app, computations):
    mine = make.opening()
    other = make.opening(mine.hiring_manager)
    _panel_of_two(mine)
    db.session.commit()
    manager = mine.hiring_manager
    assert agreement_report(manager, opening_id=other.id).n_scorecards == 0
    assert agreement_report(manager, opening_id=mine.id).n_scorecards == 2
    assert agreement_report(manager).n_scorecards == 2
    assert len(computations) == 3


def test_the_page_shows_the_latest_opening_unless_all_are_asked_for(app, client):
    older = make.opening()
    manager = older.hiring_manager
    newer = make.opening(manager)
    _panel_of_two(older)
    db.session.commit()
    login(client, manager)
    default = client.get(url_for("interviews.analytics")).get_data(as_text=True)
    assert f'<option value="{newer.id}" selected>' in default
    assert "0 submitted scorecards from 0 interviews" in default
    overall = client.get(url_for("interviews.analytics", opening="")).get_data(as_text=True)
    assert "2 submitted scorecards from 1 interviews" in overall
