"""The candidate scorecard: competency statistics, fit, band, flags, tally, decisions
against the opening's rule, and the comparison of candidates."""

import math

import pytest

from cshire import stats
from cshire.auth.models import Role
from cshire.interviews.services.decisions import (
    HiringError,
    add_debrief_note,
    candidate_scorecard,
    compare_candidates,
    departs_from_rule,
    record_decision,
    to_percent,
)
from cshire.interviews.services.ratings import weighted_fit
from tests import factories
from tests.interviews import factories_process as make


def _scored(opening, ratings_by_interviewer, stage=None):
    """An application with one interview whose panel submitted these ratings."""
    panel = list(ratings_by_interviewer)
    application = make.application(opening, status="interviewing")
    interview = make.interview(application, panel, stage=stage)
    for user, ratings in ratings_by_interviewer.items():
        make.rate(make.seat(interview, user), ratings)
    return application


def test_fit_is_the_weighted_mean_of_competency_scores():
    # Worked example: weights 3 and 1, scores 4 and 2 → (3×4 + 1×2) / 4 = 3.5.
    assert weighted_fit({1: 3.0, 2: 1.0}, {1: 4.0, 2: 2.0}) == pytest.approx(3.5)
    # A competency with no score leaves the sum (and the divisor).
    assert weighted_fit({1: 3.0, 2: 1.0, 3: 5.0}, {1: 4.0, 2: 2.0}) == pytest.approx(3.5)
    assert weighted_fit({1: 1.0}, {}) is None


@pytest.mark.parametrize(("score", "percent"), [(1, 0), (2, 25), (3, 50), (3.5, 62.5), (5, 100)])
def test_the_0_to_100_scale_maps_1_to_0_and_5_to_100(score, percent):
    assert to_percent(score) == pytest.approx(percent)


@pytest.mark.parametrize(("outcome", "fit", "threshold", "departs"), [
    ("hire", 59.9, 60, True), ("hire", 60, 60, False), ("advance", 40, 60, True),
    ("advance", None, 60, True), ("reject", 60, 60, True), ("reject", 59, 60, False),
    ("reject", None, 60, False), ("hire", 10, None, False), ("reject", 90, None, False),
])
def test_which_decisions_depart_from_the_rule(outcome, fit, threshold, departs):
    assert departs_from_rule(outcome, fit, threshold) is departs


def test_competency_statistics_pool_submitted_ratings_across_stages(app):
    c1, c2 = factories.competency(), factories.competency()
    profile = make.profile(weights={c1.code: 3, c2.code: 1}, targets={c1.code: 5, c2.code: 3},
                           competencies=[c1, c2])
    opening = make.opening(stages=2, version=make.kit_version(profile))
    ana, ben, cy = make.interviewer("Ana"), make.interviewer("Ben"), make.interviewer("Cy")
    application = _scored(opening, {ana: [4, 2], ben: [3, 1]})
    second = make.interview(application, [cy, ana], stage=opening.stages[1])
    make.rate(make.seat(second, cy), [5, 3])
    make.rate(make.seat(second, ana), [1, 1], submit=False)  # a draft is not counted
    card = candidate_scorecard(application, opening.hiring_manager)
    first, other = card.competencies
    assert (first.competency, first.weight, first.target) == (c1, 3, 5)
    assert (first.n, first.mean, first.low, first.high) == (3, 4.0, 3, 5)
    assert first.sd == pytest.approx(stats.sample_sd([4, 3, 5]))
    assert first.gap == pytest.approx(-1.0)
    assert (other.n, other.mean, other.gap) == (3, 2.0, -1.0)
    assert card.fit.score == pytest.approx((3 * 4 + 1 * 2) / 4)
    assert card.fit.percent == pytest.approx(62.5)
    assert card.fit.coverage == 1.0 and card.fit.scorecards == 3
    assert [s.interviewer for s in card.pending] == [ana]


def test_disagreements_of_two_points_or_more_are_flagged(app):
    c1, c2 = factories.competency(), factories.competency()
    opening = make.opening(version=make.kit_version(make.profile(competencies=[c1, c2]),
                                                    per_competency=2))
    ana, ben = make.interviewer(), make.interviewer()
    # c1: Ana 1.0 vs Ben 3.0 (2 apart); c2: Ana 2.0 vs Ben 3.5 (1.5 apart).
    application = _scored(opening, {ana: [1, 1, 2, 2], ben: [3, 3, 3, 4]})
    card = candidate_scorecard(application, opening.hiring_manager)
    assert [c.competency for c in card.flags] == [c1]


def test_recommendations_are_tallied(app):
    opening = make.opening()
    application = make.application(opening)
    interview = make.interview(application, [make.interviewer() for _ in range(3)])
    for seat, recommendation in zip(interview.scorecards, ("yes", "yes", "strong_no"),
                                    strict=True):
        make.rate(seat, [3, 3, 3], recommendation=recommendation)
    card = candidate_scorecard(application, opening.hiring_manager)
    assert card.tally == {"strong_no": 1, "no": 0, "yes": 2, "strong_yes": 0}


def test_no_band_while_the_kit_reliability_is_unknown(app):
    opening = make.opening()
    ana, ben = make.interviewer(), make.interviewer()
    application = _scored(opening, {ana: [4, 4, 4], ben: [3, 3, 3]})
    card = candidate_scorecard(application, opening.hiring_manager)
    assert card.fit.score is not None
    assert card.fit.band is None and card.fit.sem is None


PANELS = [  # (Ana, Ben) ratings of the three questions, six candidates
    ([1, 2, 1], [2, 2, 2]), ([2, 3, 2], [3, 2, 2]), ([3, 3, 4], [3, 4, 3]),
    ([4, 4, 4], [3, 3, 3]), ([4, 5, 4], [5, 4, 5]), ([5, 5, 5], [4, 5, 4]),
]


def test_the_band_follows_from_the_kits_icc_and_the_number_of_scorecards(app):
    opening = make.opening()
    ana, ben = make.interviewer(), make.interviewer()
    applications = [_scored(opening, {ana: a, ben: b}) for a, b in PANELS]
    # Equal weights and one question per competency: a scorecard's fit is its mean.
    fits = [[sum(a) / 3, sum(b) / 3] for a, b in PANELS]
    icc = stats.icc(fits, "ICC(1,1)")
    sem_one = stats.sample_sd([f for pair in fits for f in pair]) * math.sqrt(1 - icc)
    sem = math.sqrt(2 * sem_one ** 2) / 2
    card = candidate_scorecard(applications[2], opening.hiring_manager)
    assert card.fit.reliabilities[0].icc == pytest.approx(icc)
    assert card.fit.sem == pytest.approx(sem)
    fit = (10 + 10) / 6
    low, high = card.fit.band
    assert low == pytest.approx(to_percent(fit - 1.96 * sem))
    assert high == pytest.approx(to_percent(fit + 1.96 * sem))


def test_comparison_ranks_by_fit_and_groups_candidates_into_noise_tiers(app):
    opening = make.opening()
    ana, ben = make.interviewer(), make.interviewer()
    applications = [_scored(opening, {ana: a, ben: b}) for a, b in PANELS]
    unscored = make.application(opening)
    rows = compare_candidates(opening)
    assert [r.application for r in rows] == [*reversed(applications), unscored]
    manager = opening.hiring_manager
    for row in rows[:-1]:  # the SQL aggregation agrees with the candidate page
        card = candidate_scorecard(row.application, manager)
        assert row.fit.score == pytest.approx(card.fit.score)
        assert row.fit.sem == pytest.approx(card.fit.sem)
    # ICC(1,1) 0.887 gives every candidate SEM 0.277, so the noise between two is
    # 1.96 × √2 × 0.277 = 0.767. Fits 4.67 and 4.50 make tier 1; 3.50 is 1.17 below
    # 4.67 and opens tier 2 with 3.33; 2.33 opens tier 3, and 1.67 is 0.67 from it.
    # A candidate without a fit has no rank and no tier.
    assert [r.tier for r in rows] == [1, 1, 2, 2, 3, 3, None]
    assert [r.rank for r in rows] == [1, 2, 3, 4, 5, 6, None]


def test_hiring_below_the_threshold_needs_a_reason_which_is_kept(app):
    opening = make.opening(threshold=60)
    application = _scored(opening, {make.interviewer(): [2, 3, 2]})
    manager = opening.hiring_manager
    with pytest.raises(HiringError) as error:
        record_decision(application, actor=manager, outcome="hire", rationale="Great culture fit")
    assert error.value.code == "departure_reason_required"
    decision = record_decision(application, actor=manager, outcome="hire",
                               rationale="Great culture fit",
                               departure_reason="Strong references from two customers")
    assert decision.departs_from_rule is True
    assert decision.departure_reason == "Strong references from two customers"
    assert decision.fit_score == pytest.approx(to_percent(7 / 3))
    assert decision.fit_threshold == 60
    assert application.status == "hired"
    assert application.events[-1].to_status == "hired"


def test_following_the_rule_needs_no_departure_reason(app):
    opening = make.opening(threshold=60)
    application = _scored(opening, {make.interviewer(): [2, 2, 2]})
    decision = record_decision(application, actor=opening.hiring_manager, outcome="reject",
                               rationale="Below the profile", departure_reason="ignored")
    assert (decision.departs_from_rule, decision.departure_reason) == (False, "")
    assert application.status == "rejected"
    with pytest.raises(HiringError) as closed:
        record_decision(application, actor=opening.hiring_manager, outcome="hire",
                        rationale="Changed my mind")
    assert closed.value.code == "application_closed"


def test_advancing_moves_to_an_offer_once_every_stage_was_held(app):
    opening = make.opening(stages=2)
    ana = make.interviewer()
    application = _scored(opening, {ana: [4, 4, 4]})
    record_decision(application, actor=opening.hiring_manager, outcome="advance",
                    rationale="Next stage")
    assert application.status == "interviewing"
    second = make.interview(application, [ana], stage=opening.stages[1])
    make.rate(second.scorecards[0], [4, 5, 4])
    record_decision(application, actor=opening.hiring_manager, outcome="advance",
                    rationale="Make an offer")
    assert application.status == "offer"


def test_decisions_and_debrief_notes_belong_to_the_hiring_manager(app):
    opening = make.opening()
    application = make.application(opening, status="interviewing")
    other = factories.user(Role.MANAGER)
    with pytest.raises(HiringError) as decision:
        record_decision(application, actor=other, outcome="reject", rationale="No")
    assert decision.value.code == "not_hiring_manager"
    with pytest.raises(HiringError) as rationale:
        record_decision(application, actor=opening.hiring_manager, outcome="reject",
                        rationale=" ")
    assert rationale.value.code == "rationale_required"
    note = add_debrief_note(application, actor=opening.hiring_manager, text="Ask for references")
    assert application.debrief_notes == [note]
    with pytest.raises(HiringError):
        add_debrief_note(application, actor=other, text="Mine")


def test_the_panels_agreement_is_given_its_band(app):
    opening = make.opening()
    ana, ben = make.interviewer(), make.interviewer()
    applications = [_scored(opening, {ana: a, ben: b}) for a, b in PANELS]
    card = candidate_scorecard(applications[0], opening.hiring_manager)
    # ICC(1,1) 0.887 over six panels (see above): "good" (0.75 to 0.90, Koo & Li).
    [agreement] = card.agreements
    assert agreement.icc == pytest.approx(0.8868, abs=1e-4)
    assert (agreement.n_interviews, agreement.band) == (6, "good")
    assert agreement.kit_name == opening.stages[0].kit_version.kit.name


def test_the_disagreements_table_has_a_column_per_scorecard_and_the_spread(app):
    opening = make.opening()
    ana, ben = make.interviewer(), make.interviewer()
    application = _scored(opening, {ana: [1, 3, 4], ben: [4, 3, 5]})
    card = candidate_scorecard(application, opening.hiring_manager)
    [flag] = card.flags  # only the first competency is 2 or more points apart
    assert flag.spread == 3
    assert [s.interviewer for s in card.flag_scorecards] == [ana, ben]
    assert [flag.mean_of(s) for s in card.flag_scorecards] == [1, 4]
