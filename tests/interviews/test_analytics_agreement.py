"""Agreement analytics: reliability per competency and overall, calibration of
interviewers, question statistics — each with its n and a minimum."""

from datetime import timedelta

import pytest

from cshire import stats
from cshire.auth.models import Role
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.services.analytics import (
    LOW_ITEM_REST,
    MIN_INTERVIEWS,
    MIN_ITEM_RATINGS,
    agreement_report,
)
from cshire.interviews.services.ratings import kit_reliability
from tests import factories
from tests.interviews import factories_process as make

# Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, example C:
# four observers, twelve units, values 1–5 with missing data; published interval
# alpha = .849. Here the observers are interviewers and the units are interviews of a
# one-question kit (unit 12 has a single rating and is not pairable).
KRIPPENDORFF_2011_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def _one_question_opening(manager=None):
    competency = factories.competency("EMPATHY")
    version = make.kit_version(make.profile(competencies=[competency]))
    return make.opening(manager, version=version), competency


def _interviews_from(opening, data, interviewers):
    """One interview per unit (column); each interviewer with a value rates it."""
    for unit in range(len(data[0])):
        panel = [u for u, row in zip(interviewers, data, strict=True) if row[unit] is not None]
        interview = make.interview(make.application(opening), panel)
        for user, row in zip(interviewers, data, strict=True):
            if row[unit] is not None:
                make.rate(make.seat(interview, user), [row[unit]])


def test_agreement_reproduces_krippendorffs_published_example(app):
    opening, competency = _one_question_opening()
    interviewers = [make.interviewer(name) for name in "ABCD"]
    _interviews_from(opening, KRIPPENDORFF_2011_C, interviewers)
    report = agreement_report(opening.hiring_manager)
    (row,) = report.competencies
    assert row.competency == competency
    assert row.figures.alpha.value == pytest.approx(0.849, abs=0.0005)
    assert row.figures.alpha.n == 11  # pairable interviews
    units = zip(*KRIPPENDORFF_2011_C, strict=True)
    targets = [t for t in ([v for v in unit if v is not None] for unit in units) if len(t) >= 2]
    assert row.figures.icc_single.value == pytest.approx(stats.icc(targets, "ICC(1,1)"))
    assert row.figures.icc_panel.value == pytest.approx(stats.icc(targets, "ICC(1,k)"))
    assert row.figures.icc_single.band == stats.koo_li_band(row.figures.icc_single.value)
    # With one weighted competency, the overall (fit) figures are the same numbers.
    assert report.overall.alpha.value == pytest.approx(0.849, abs=0.0005)
    assert (report.n_scorecards, report.n_interviews) == (41, 12)


def test_figures_below_the_minimum_say_not_enough_data_with_their_n(app):
    opening, _ = _one_question_opening()
    a, b = make.interviewer(), make.interviewer()
    data = [[1, 2, 4, 5][: MIN_INTERVIEWS - 1], [2, 2, 5, 4][: MIN_INTERVIEWS - 1]]
    _interviews_from(opening, data, [a, b])
    report = agreement_report(opening.hiring_manager)
    for figure in (report.overall.icc_single, report.overall.icc_panel, report.overall.alpha):
        assert figure.value is None
        assert figure.n == MIN_INTERVIEWS - 1


def test_leniency_is_the_mean_difference_from_co_raters(app):
    opening, _ = _one_question_opening()
    lenient, *others = [make.interviewer(n) for n in ("Lenient", "N1", "N2", "N3")]
    levels = [1, 2, 3, 4]
    data = [[v + 1 for v in levels]] + [list(levels) for _ in others]
    _interviews_from(opening, data, [lenient, *others])
    by_name = {r.interviewer.display_name: r for r in agreement_report(
        opening.hiring_manager).interviewers}
    assert by_name["Lenient"].leniency.value == pytest.approx(1.0)
    assert by_name["Lenient"].leniency.n == 4
    assert by_name["Lenient"].tendency == "lenient"
    assert by_name["N1"].leniency.value == pytest.approx(-1 / 3)
    assert by_name["N1"].tendency == "in_line"
    assert by_name["N1"].n_scorecards == 4
    assert by_name["N1"].mean == pytest.approx(2.5)
    assert by_name["N1"].sd == pytest.approx(stats.sample_sd(levels))


def test_leniency_needs_enough_shared_interviews(app):
    opening, _ = _one_question_opening()
    a, b = make.interviewer("A"), make.interviewer("B")
    _interviews_from(opening, [[1, 5], [3, 5]], [a, b])
    row = next(r for r in agreement_report(opening.hiring_manager).interviewers
               if r.interviewer == a)
    assert row.leniency.value is None and row.leniency.n == 2
    assert row.tendency is None


def test_scorecards_still_open_after_the_interview_are_counted(app):
    opening, _ = _one_question_opening()
    late = make.interviewer("Late")
    make.interview(make.application(opening), [late], when=utcnow() - timedelta(days=1))
    make.interview(make.application(opening), [late], when=utcnow() + timedelta(days=1))
    row = next(r for r in agreement_report(opening.hiring_manager).interviewers
               if r.interviewer == late)
    assert (row.open_after_interview, row.n_scorecards) == (1, 0)


def test_question_statistics_flag_questions_that_do_not_discriminate(app):
    c1, c2, c3 = (factories.competency() for _ in range(3))
    opening = make.opening(version=make.kit_version(make.profile(competencies=[c1, c2, c3])))
    interviewer = make.interviewer()
    rows = []
    for n in range(MIN_ITEM_RATINGS):
        level = 1 + n % 5
        rows.append([5, level, None if n == 0 else min(5, level + n % 2)])
        interview = make.interview(make.application(opening), [interviewer])
        make.rate(interview.scorecards[0], rows[-1])
    (kit,) = agreement_report(opening.hiring_manager).kits
    ceiling, varied, partly_asked = kit.questions
    assert ceiling.n == MIN_ITEM_RATINGS and ceiling.mean == 5
    assert ceiling.share_ceiling == 1.0 and "ceiling" in ceiling.flags and "flat" in ceiling.flags
    assert varied.flags == []
    assert varied.item_rest == pytest.approx(stats.item_rest_correlations(rows)[1])
    assert varied.item_rest > LOW_ITEM_REST
    assert partly_asked.share_not_asked == pytest.approx(1 / MIN_ITEM_RATINGS)
    assert partly_asked.n == MIN_ITEM_RATINGS - 1
    assert partly_asked.flags == []  # below the minimum number of ratings: not judged


def test_a_manager_only_sees_the_data_of_their_own_openings(app):
    mine, _ = _one_question_opening()
    theirs = make.opening(version=mine.stages[0].kit_version)
    a, b = make.interviewer(), make.interviewer()
    _interviews_from(theirs, [[1, 2, 3], [1, 2, 3]], [a, b])
    assert agreement_report(mine.hiring_manager).n_scorecards == 0
    assert agreement_report(theirs.hiring_manager).n_scorecards == 6
    admin = factories.user(Role.ADMIN)
    assert agreement_report(admin, opening_id=theirs.id).n_scorecards == 6
    assert agreement_report(admin, opening_id=mine.id).n_scorecards == 0


def test_kit_reliability_is_recomputed_when_a_scorecard_is_submitted(app):
    opening, _ = _one_question_opening()
    version_id = opening.stages[0].kit_version_id
    a, b = make.interviewer(), make.interviewer()
    _interviews_from(opening, [[1, 2, 3, 4, 5], [2, 2, 3, 5, 4]], [a, b])
    db.session.commit()
    before = kit_reliability([version_id])[version_id]
    assert before.known and before.n_interviews == MIN_INTERVIEWS
    _interviews_from(opening, [[5], [1]], [a, b])
    after = kit_reliability([version_id])[version_id]
    assert after.n_interviews == MIN_INTERVIEWS + 1
    assert after.icc < before.icc


def test_the_demo_has_enough_data_for_every_figure(app):
    from cshire.demo import load_demo
    from cshire.interviews.demo_simulation import load_process_demo

    summary = load_demo("en")  # people, competencies, design demo, then this one
    assert any(line.startswith("hiring process: 1 opening, 30 candidates") for line in summary)
    assert load_process_demo("en") == ["hiring process: demo opening already present"]
    admin = factories.user(Role.ADMIN)
    report = agreement_report(admin)
    assert report.overall.icc_single.value is not None
    assert report.overall.alpha.value is not None
    assert all(c.figures.icc_panel.value is not None for c in report.competencies)
    tendencies = {r.interviewer.email: r.tendency for r in report.interviewers}
    assert tendencies["interviewer3@example.com"] == "lenient"
    assert tendencies["interviewer4@example.com"] == "harsh"
    assert any(r.open_after_interview for r in report.interviewers)
    assert all(q.n >= MIN_ITEM_RATINGS for kit in report.kits for q in kit.questions)
