"""The agreement report is combined from cached parts (one per opening and kit
version): the combined figures are the very ones computed from all the ratings at
once, and a new scorecard, a reopened one or an edited profile recomputes only the
parts it changes (issue 8, point 13: the report over all openings stays fast after a
write)."""

from dataclasses import asdict, is_dataclass
from datetime import timedelta

import pytest
from flask import url_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cshire import stats
from cshire.auth.models import Role
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.kits import KitItem
from cshire.interviews.models.openings import Opening
from cshire.interviews.services import analytics, analytics_parts
from cshire.interviews.services.analytics import (
    MIN_SHARED,
    AgreementFigures,
    Calibration,
    QuestionStat,
    ReportNumbers,
    report_numbers,
)
from cshire.interviews.services.ratings import (
    ScorecardRatings,
    profile_weights,
    rating_rows,
)
from cshire.interviews.services.scoring import reopen_scorecard
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_process as make

TOLERANCE = 1e-9


# ------------------------------------------------ the figures from all ratings at once


def _from_scratch(opening_ids: tuple[int, ...], kit_version_id: int | None = None
                  ) -> ReportNumbers:
    """Every figure straight from the ratings in scope with the plain statistics of
    ``cshire.stats`` (no parts, no sums): the reference the combined report must equal."""
    rows = rating_rows(opening_ids, [kit_version_id] if kit_version_id else None)
    cards = ScorecardRatings(rows, profile_weights({r.opening_id for r in rows}))
    panels = list(cards.panels().values())
    competency_ids = {c for means in cards.competency_means.values() for c in means}
    return ReportNumbers(
        overall=_figures(panels, cards.fit),
        competencies={c: _figures(panels, {s: m.get(c) for s, m in cards.competency_means.items()})
                      for c in competency_ids},
        interviewers=_interviewers(rows, cards, panels),
        questions=_questions(rows),
        n_scorecards=len(cards.meta),
        n_interviews=len({r.interview_id for r in rows}),
    )


def _targets(panels, values) -> list[list[float]]:
    """Per interview with two or more scores, its scores."""
    targets = [[values[s] for s in sids if values.get(s) is not None] for sids in panels]
    return [t for t in targets if len(t) >= 2]


def _alpha(targets) -> float | None:
    seats = max((len(t) for t in targets), default=0)
    # Krippendorff's data matrix: one row per panel seat, one column per interview.
    matrix = [[t[seat] if seat < len(t) else None for t in targets] for seat in range(seats)]
    return stats.krippendorff_alpha(matrix, "interval") if targets else None


def _figures(panels, values) -> AgreementFigures:
    targets = _targets(panels, values)
    n = len(targets)
    return AgreementFigures(
        icc_single=analytics._figure(stats.icc(targets, "ICC(1,1)"), n),
        icc_panel=analytics._figure(stats.icc(targets, "ICC(1,k)"), n),
        alpha=analytics._figure(_alpha(targets), n, banded=False),
        n_scorecards=sum(len(t) for t in targets),
    )


def _interviewers(rows, cards, panels) -> dict[int, Calibration]:
    result = {}
    for user_id in {meta.interviewer_id for meta in cards.meta.values()}:
        ratings = [r.rating for r in rows if r.interviewer_id == user_id and r.rating is not None]
        differences = []
        for sids in panels:
            scored = [s for s in sids if cards.overall_mean.get(s) is not None]
            for s in scored:
                others = [cards.overall_mean[o] for o in scored if o != s]
                if others and cards.meta[s].interviewer_id == user_id:
                    differences.append(cards.overall_mean[s] - sum(others) / len(others))
        result[user_id] = Calibration(
            n_scorecards=sum(1 for m in cards.meta.values() if m.interviewer_id == user_id),
            mean=stats.mean(ratings), sd=stats.sample_sd(ratings),
            leniency=analytics._figure(stats.mean(differences), len(differences), MIN_SHARED,
                                       banded=False),
        )
    return result


def _questions(rows) -> dict[int, list[QuestionStat]]:
    result = {}
    for version_id in {r.kit_version_id for r in rows}:
        items = list(db.session.scalars(select(KitItem.id).where(
            KitItem.kit_version_id == version_id).order_by(KitItem.position, KitItem.id)))
        grid = {}
        for r in rows:
            if r.kit_version_id == version_id:
                grid.setdefault(r.scorecard_id, [None] * len(items))[items.index(r.kit_item_id)] \
                    = r.rating
        item_rest = stats.item_rest_correlations(list(grid.values()))
        stats_of_version = []
        for i, item in enumerate(items):
            values = [g[i] for g in grid.values() if g[i] is not None]
            not_asked = sum(1 for r in rows if r.kit_item_id == item and r.not_asked)
            asked_or_not = len(values) + not_asked
            stat = QuestionStat(
                item=item, n=len(values), mean=stats.mean(values), sd=stats.sample_sd(values),
                share_not_asked=not_asked / asked_or_not if asked_or_not else None,
                item_rest=item_rest[i],
                share_ceiling=values.count(5) / len(values) if values else None,
                share_floor=values.count(1) / len(values) if values else None)
            stat.flags.extend(analytics._question_flags(stat))
            stats_of_version.append(stat)
        result[version_id] = stats_of_version
    return result


def _assert_same(combined, scratch, where="report") -> None:
    """Equal structure; numbers equal to 1e-9 (None where the other is None)."""
    if is_dataclass(combined):
        combined, scratch = asdict(combined), asdict(scratch)
    if isinstance(combined, dict):
        assert combined.keys() == scratch.keys(), where
        for key in combined:
            _assert_same(combined[key], scratch[key], f"{where}.{key}")
    elif isinstance(combined, list):
        assert len(combined) == len(scratch), where
        for i, (a, b) in enumerate(zip(combined, scratch, strict=True)):
            _assert_same(a, b, f"{where}[{i}]")
    elif isinstance(combined, float) and isinstance(scratch, float):
        assert combined == pytest.approx(scratch, abs=TOLERANCE, rel=0), where
    else:
        assert combined == scratch, where


def _all_openings() -> tuple[int, ...]:
    return tuple(db.session.scalars(select(Opening.id).order_by(Opening.id)))


# ---------------------------------------------------------------- combined == scratch


def test_the_demo_report_combined_from_parts_equals_the_one_from_all_ratings(app):
    from cshire.demo import load_demo

    load_demo("en")
    openings = _all_openings()
    combined = report_numbers(openings)
    assert combined.overall.icc_single.value is not None  # a report worth comparing
    _assert_same(combined, _from_scratch(openings))
    for version_id in combined.questions:
        _assert_same(report_numbers(openings, version_id), _from_scratch(openings, version_id))
    # One more scorecard and a reopened one: cached parts and recomputed ones combined.
    manager = db.session.get(Opening, openings[0]).hiring_manager
    submitted = [s for s in _demo_scorecards() if s.is_submitted]
    reopen_scorecard(submitted[0], actor=manager, reason="Rated the wrong candidate")
    drafts = [s for s in _demo_scorecards() if not s.is_submitted
              and s.interview.scheduled_at < utcnow() and s is not submitted[0]]
    make.rate(drafts[0], [3] * len(drafts[0].interview.stage.kit_version.items))
    after = report_numbers(openings)
    assert after.n_scorecards == combined.n_scorecards  # one out, one in
    _assert_same(after, _from_scratch(openings))


def _demo_scorecards():
    from cshire.interviews.models.scoring import Scorecard

    return list(db.session.scalars(select(Scorecard).order_by(Scorecard.id)))


RATING = st.one_of(st.none(), st.integers(min_value=1, max_value=5))
PANEL = st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=4, unique=True)
INTERVIEW = st.tuples(st.integers(min_value=0, max_value=2), PANEL,
                      st.lists(st.lists(RATING, min_size=4, max_size=4), min_size=4, max_size=4),
                      st.lists(st.booleans(), min_size=4, max_size=4))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(weights=st.lists(st.sampled_from([0.5, 1.0, 2.0, 3.0]), min_size=3, max_size=3),
       before=st.lists(INTERVIEW, max_size=8), after=st.lists(INTERVIEW, min_size=1, max_size=4))
def test_combined_parts_equal_the_figures_from_all_ratings_for_random_panels(
        app, weights, before, after):
    """Three openings (two sharing a kit version, the third with another kit and
    profile) and five interviewers; random panels, ratings, "not asked" and
    unsubmitted scorecards. Part of the interviews is scored before a first report
    (its parts are cached), the rest after: the second report, made of cached and
    recomputed parts, equals the figures from all the ratings at once."""
    manager = factories.user(Role.MANAGER)
    competencies = [factories.competency() for _ in range(3)]
    codes = {c.code: w for c, w in zip(competencies, weights, strict=True)}
    shared = make.kit_version(make.profile(weights=codes, competencies=competencies))
    other = make.kit_version(make.profile(competencies=competencies[:2]), per_competency=2)
    openings = [make.opening(manager, version=shared), make.opening(manager, version=shared),
                make.opening(manager, version=other)]
    people = [make.interviewer() for _ in range(5)]
    scope = tuple(o.id for o in openings)
    _score(before, openings, people)
    _assert_same(report_numbers(scope), _from_scratch(scope))
    _score(after, openings, people)
    _assert_same(report_numbers(scope), _from_scratch(scope))
    _assert_same_below_the_minimums(scope)
    for version in (shared, other):
        _assert_same(report_numbers(scope, version.id), _from_scratch(scope, version.id))


def _assert_same_below_the_minimums(scope) -> None:
    """The report withholds coefficients from fewer than 5 interviews; the combined
    sums behind them must equal the plain statistics all the same."""
    sums = analytics_parts.part_sums(analytics_parts.part_keys(scope))
    overall = analytics_parts.AgreementSums.combine([p.overall for p in sums])
    rows = rating_rows(scope)
    cards = ScorecardRatings(rows, profile_weights({r.opening_id for r in rows}))
    targets = _targets(list(cards.panels().values()), cards.fit)
    _assert_same([overall.icc.icc("ICC(1,1)"), overall.icc.icc("ICC(1,k)"), overall.alpha.alpha()],
                 [stats.icc(targets, "ICC(1,1)"), stats.icc(targets, "ICC(1,k)"), _alpha(targets)])


def _score(interviews, openings, people) -> None:
    for opening_index, panel, ratings, submitted in interviews:
        opening = openings[opening_index]
        interview = make.interview(make.application(opening), [people[p] for p in panel])
        width = len(opening.stages[0].kit_version.items)
        for seat, values, submit in zip(interview.scorecards, ratings, submitted, strict=False):
            make.rate(seat, values[:width], submit=submit)


# ------------------------------------------------------ only what changed is recomputed


@pytest.fixture
def rows_read(monkeypatch):
    """Each time ratings are regrouped per scorecard (the start of every computation
    from ratings), the opening ids of those ratings."""
    reads: list[set[int]] = []
    original = ScorecardRatings.__init__

    def recording(self, rows, weights):
        reads.append({row.opening_id for row in rows})
        original(self, rows, weights)

    monkeypatch.setattr(ScorecardRatings, "__init__", recording)
    return reads


def _scored_interview(opening, people, ratings=(3, 4, 2)):
    interview = make.interview(make.application(opening), people)
    for seat in interview.scorecards:
        make.rate(seat, list(ratings))
    return interview


def test_after_a_new_scorecard_only_its_opening_and_kit_version_is_read_again(app, rows_read):
    first = make.opening()
    manager = first.hiring_manager
    second = make.opening(manager)
    people = [make.interviewer(), make.interviewer()]
    _scored_interview(first, people)
    _scored_interview(second, people)
    assert analytics.agreement_report(manager).n_scorecards == 4
    assert set().union(*rows_read) == {first.id, second.id}
    rows_read.clear()
    _scored_interview(first, people, ratings=(5, 5, 4))
    assert analytics.agreement_report(manager).n_scorecards == 6
    assert rows_read == [{first.id}]  # the second opening's part came from the cache


def test_a_reopened_scorecard_recomputes_only_its_part(app, rows_read):
    first = make.opening()
    manager = first.hiring_manager
    second = make.opening(manager)
    people = [make.interviewer(), make.interviewer()]
    _scored_interview(first, people)
    reopened = _scored_interview(second, people).scorecards[0]
    analytics.agreement_report(manager)
    rows_read.clear()
    reopen_scorecard(reopened, actor=manager, reason="Rated the wrong candidate")
    assert analytics.agreement_report(manager).n_scorecards == 3
    assert rows_read == [{second.id}]


def test_a_profile_change_recomputes_the_parts_of_its_openings_only(app, rows_read):
    first = make.opening()
    manager = first.hiring_manager
    second = make.opening(manager)  # its own kit and profile
    people = [make.interviewer(), make.interviewer()]
    _scored_interview(first, people)
    _scored_interview(second, people)
    analytics.agreement_report(manager)
    rows_read.clear()
    second.profile.version += 1  # what every saved profile edit does
    db.session.flush()
    analytics.agreement_report(manager)
    assert rows_read == [{second.id}]


def test_every_scope_and_every_viewer_shares_the_cached_parts(app, rows_read):
    first = make.opening()
    manager = first.hiring_manager
    second = make.opening(manager)
    people = [make.interviewer(), make.interviewer()]
    _scored_interview(first, people)
    _scored_interview(second, people)
    everything = analytics.agreement_report(manager)
    rows_read.clear()
    one = analytics.agreement_report(manager, opening_id=first.id)
    kit = analytics.agreement_report(manager, kit_version_id=second.stages[0].kit_version_id)
    admin = analytics.agreement_report(factories.user(Role.ADMIN))
    assert (everything.n_scorecards, one.n_scorecards, kit.n_scorecards) == (4, 2, 2)
    assert admin.n_scorecards == 4
    assert rows_read == []  # every part came from the cache


def test_two_stages_with_the_same_kit_version_make_one_part(app):
    opening = make.opening(stages=2)  # both stages use the same kit version
    people = [make.interviewer(), make.interviewer()]
    for stage in opening.stages:
        interview = make.interview(make.application(opening), people, stage=stage)
        for seat in interview.scorecards:
            make.rate(seat, [4, 3, 2])
    (key,) = analytics_parts.part_keys((opening.id,))
    assert (key.opening_id, key.kit_version_id, key.submitted) == (
        opening.id, opening.stages[0].kit_version_id, 4)
    _assert_same(report_numbers((opening.id,)), _from_scratch((opening.id,)))


def test_parts_without_ratings_or_submissions_are_left_out(app):
    opening = make.opening()
    late = make.interviewer()
    make.interview(make.application(opening), [late], when=utcnow() - timedelta(days=1))
    assert analytics_parts.part_keys((opening.id,)) == []
    report = analytics.agreement_report(opening.hiring_manager)
    assert (report.n_scorecards, report.kits) == (0, [])


def test_the_report_over_all_openings_issues_a_fixed_number_of_queries(app, client):
    manager = factories.user(Role.MANAGER)
    people = [make.interviewer(), make.interviewer()]

    def grow(n):
        for _ in range(n):
            _scored_interview(make.opening(manager), people)

    login(client, manager)
    assert_fixed_query_count(client, url_for("interviews.analytics", opening=""), grow)
