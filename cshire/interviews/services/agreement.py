"""Do our interviewers agree? Reliability, calibration and question statistics from
submitted scorecards, plus the reliability of a kit that puts a band around a
candidate's fit.

The unit of agreement is the interview: one candidate at one stage, rated
independently by its panel. Panels differ from interview to interview, so the
one-way intraclass correlations apply (Shrout & Fleiss 1979, case 1): ICC(1,1) is
the reliability of one interviewer's score, ICC(1,k) that of the panel's mean.
Krippendorff's alpha (interval) copes with interviewers missing from interviews.

Each figure carries its n and is withheld ("not enough data") below a stated
minimum: a coefficient from three interviews is noise, not information.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from cshire import stats
from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models import (
    Application,
    HighPerformerProfile,
    Interview,
    InterviewKitVersion,
    KitItem,
    Opening,
    OpeningStage,
    ProfileCompetency,
    Scorecard,
    ScorecardAnswer,
    ScorecardStatus,
)
from cshire.interviews.services.openings import managed_opening_ids

MIN_INTERVIEWS = 5  # interviews with two or more submitted scorecards, for a coefficient
MIN_SHARED = 3  # shared interviews before an interviewer's leniency is shown
MIN_ITEM_RATINGS = 10  # ratings of a question before its statistics are judged
LENIENCY_MARGIN = 0.5  # mean difference from co-raters that counts as lenient / harsh
FLAT_SD = 0.5  # a question whose ratings vary less than this hardly separates candidates
EXTREME_SHARE = 0.8  # share of ratings at the ceiling (5) or floor (1) that is too much
LOW_ITEM_REST = 0.2  # item–rest correlation below which a question measures something else
SUBMITTED = ScorecardStatus.SUBMITTED.value


@dataclass(frozen=True)
class Rating:
    """One answer of one submitted scorecard, flattened for the statistics."""

    opening_id: int
    kit_version_id: int
    interview_id: int
    scorecard_id: int
    interviewer_id: int
    kit_item_id: int
    competency_id: int
    rating: int | None
    not_asked: bool


@dataclass(frozen=True)
class Figure:
    """A coefficient with its n; ``value`` is None when n is below the minimum or the
    statistic is undefined for the data."""

    value: float | None
    n: int
    band: str | None = None


def _figure(value: float | None, n: int, minimum: int = MIN_INTERVIEWS,
            banded: bool = True) -> Figure:
    if n < minimum or value is None:
        return Figure(None, n)
    return Figure(value, n, stats.koo_li_band(value) if banded else None)


def rating_rows(opening_ids: Select | Iterable[int] | None = None,
                kit_version_ids: Iterable[int] | None = None) -> list[Rating]:
    """Every answer of every submitted scorecard in scope (one query)."""
    query = (
        select(Application.opening_id, OpeningStage.kit_version_id, Scorecard.interview_id,
               Scorecard.id, Scorecard.interviewer_id, ScorecardAnswer.kit_item_id,
               KitItem.competency_id, ScorecardAnswer.rating, ScorecardAnswer.not_asked)
        .select_from(ScorecardAnswer)
        .join(Scorecard, ScorecardAnswer.scorecard_id == Scorecard.id)
        .join(Interview, Scorecard.interview_id == Interview.id)
        .join(OpeningStage, Interview.stage_id == OpeningStage.id)
        .join(Application, Interview.application_id == Application.id)
        .join(KitItem, ScorecardAnswer.kit_item_id == KitItem.id)
        .where(Scorecard.status == SUBMITTED)
    )
    if opening_ids is not None:
        query = query.where(Application.opening_id.in_(opening_ids))
    if kit_version_ids is not None:
        query = query.where(OpeningStage.kit_version_id.in_(list(kit_version_ids)))
    return [Rating(*row) for row in db.session.execute(query)]


def profile_weights(opening_ids: Iterable[int]) -> dict[int, dict[int, float]]:
    """Opening id → {competency id: weight} of the opening's profile."""
    rows = db.session.execute(
        select(Opening.id, ProfileCompetency.competency_id, ProfileCompetency.weight)
        .join(ProfileCompetency, ProfileCompetency.profile_id == Opening.profile_id)
        .where(Opening.id.in_(list(set(opening_ids))))
    )
    weights: dict[int, dict[int, float]] = defaultdict(dict)
    for opening_id, competency_id, weight in rows:
        weights[opening_id][competency_id] = weight
    return dict(weights)


def weighted_fit(weights: Mapping[int, float], means: Mapping[int, float]) -> float | None:
    """Σ weight × score / Σ weight over the profile competencies that have a score."""
    rated = [(w, means[c]) for c, w in weights.items() if c in means]
    total = sum(w for w, _ in rated)
    return None if not rated or total <= 0 else sum(w * m for w, m in rated) / total


class _Scorecards:
    """Ratings regrouped per scorecard: competency means, overall mean, fit."""

    def __init__(self, rows: list[Rating], weights: Mapping[int, Mapping[int, float]]):
        self.meta: dict[int, Rating] = {}
        by_comp: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for row in rows:
            self.meta.setdefault(row.scorecard_id, row)
            if row.rating is not None:
                by_comp[row.scorecard_id][row.competency_id].append(row.rating)
        self.competency_means = {
            sid: {c: sum(v) / len(v) for c, v in comps.items()} for sid, comps in by_comp.items()
        }
        self.overall_mean = {
            sid: stats.mean([r for v in comps.values() for r in v])
            for sid, comps in by_comp.items()
        }
        self.fit = {
            sid: weighted_fit(weights.get(self.meta[sid].opening_id, {}), means)
            for sid, means in self.competency_means.items()
        }

    def panels(self) -> dict[int, list[int]]:
        """Interview id → its scorecard ids, for interviews with two or more."""
        by_interview: dict[int, list[int]] = defaultdict(list)
        for sid, row in self.meta.items():
            by_interview[row.interview_id].append(sid)
        return {i: sorted(s) for i, s in by_interview.items() if len(s) >= 2}


# ----------------------------------------------------------- kit reliability


@dataclass(frozen=True)
class KitReliability:
    """How far one interviewer's fit score for a candidate is from the panel's.

    ``icc`` is ICC(1,1) of single-scorecard fit scores (1–5) over the interviews of
    this kit version with two or more submitted scorecards; ``sd`` their SD. The
    standard error of measurement of one scorecard is SD × √(1 − ICC(1,1)).
    """

    kit_version_id: int
    icc: float | None
    sd: float | None
    n_interviews: int

    @property
    def known(self) -> bool:
        return self.icc is not None and self.sd is not None and self.n_interviews >= MIN_INTERVIEWS

    @property
    def sem_single(self) -> float | None:
        if not self.known:
            return None
        return self.sd * math.sqrt(1 - min(max(self.icc, 0.0), 1.0))


def kit_reliability(kit_version_ids: Iterable[int]) -> dict[int, KitReliability]:
    """Reliability per kit version, cached per application until a scorecard of that
    version is submitted or reopened or a profile changes (the fingerprint query)."""
    ids = sorted(set(kit_version_ids))
    if not ids:
        return {}
    fingerprints = {
        kv: (count, last, versions) for kv, count, last, versions in db.session.execute(
            select(OpeningStage.kit_version_id, func.count(Scorecard.id),
                   func.max(Scorecard.submitted_at), func.sum(HighPerformerProfile.version))
            .join(Interview, Interview.stage_id == OpeningStage.id)
            .join(Scorecard, Scorecard.interview_id == Interview.id)
            .join(Application, Interview.application_id == Application.id)
            .join(Opening, Application.opening_id == Opening.id)
            .join(HighPerformerProfile, Opening.profile_id == HighPerformerProfile.id)
            .where(Scorecard.status == SUBMITTED, OpeningStage.kit_version_id.in_(ids))
            .group_by(OpeningStage.kit_version_id)
        )
    }
    cache = current_app.extensions.setdefault("cshire.kit_reliability", {})
    result = {kv: cache[(kv, fingerprints.get(kv))] for kv in ids
              if (kv, fingerprints.get(kv)) in cache}
    missing = [kv for kv in ids if kv not in result]
    if missing:
        if len(cache) > 1000:
            cache.clear()
        for kv, reliability in _compute_reliability(missing).items():
            cache[(kv, fingerprints.get(kv))] = reliability
            result[kv] = reliability
    return result


def _compute_reliability(kit_version_ids: list[int]) -> dict[int, KitReliability]:
    rows = rating_rows(kit_version_ids=kit_version_ids)
    cards = _Scorecards(rows, profile_weights({r.opening_id for r in rows}))
    targets: dict[int, list[list[float]]] = defaultdict(list)
    for sids in cards.panels().values():
        fits = [cards.fit[s] for s in sids if cards.fit.get(s) is not None]
        if len(fits) >= 2:
            targets[cards.meta[sids[0]].kit_version_id].append(fits)
    result = {}
    for kv in kit_version_ids:
        panels = targets.get(kv, [])
        result[kv] = KitReliability(
            kit_version_id=kv,
            icc=stats.icc(panels, "ICC(1,1)") if panels else None,
            sd=stats.sample_sd([v for p in panels for v in p]),
            n_interviews=len(panels),
        )
    return result


def band_sem(reliabilities: Iterable[KitReliability]) -> float | None:
    """SEM of a candidate's fit pooled from their scorecards (one reliability per
    scorecard, by its kit version): √(Σ SEMᵢ²) / m. None when any is unknown."""
    sems = [r.sem_single for r in reliabilities]
    if not sems or any(s is None for s in sems):
        return None
    return math.sqrt(sum(s * s for s in sems)) / len(sems)


# ---------------------------------------------------------------- the report


@dataclass(frozen=True)
class AgreementFigures:
    icc_single: Figure  # ICC(1,1)
    icc_panel: Figure  # ICC(1,k)
    alpha: Figure  # Krippendorff's alpha, interval
    n_scorecards: int


@dataclass(frozen=True)
class CompetencyAgreement:
    competency: Competency
    figures: AgreementFigures


@dataclass(frozen=True)
class InterviewerCalibration:
    interviewer: User
    n_scorecards: int
    mean: float | None
    sd: float | None
    leniency: Figure  # mean difference from co-raters on the same interviews
    open_after_interview: int

    @property
    def tendency(self) -> str | None:
        """"lenient", "harsh" or "in_line"; None while leniency is unknown."""
        if self.leniency.value is None:
            return None
        if self.leniency.value >= LENIENCY_MARGIN:
            return "lenient"
        if self.leniency.value <= -LENIENCY_MARGIN:
            return "harsh"
        return "in_line"


@dataclass(frozen=True)
class QuestionStat:
    item: KitItem
    n: int
    mean: float | None
    sd: float | None
    share_not_asked: float | None
    item_rest: float | None
    share_ceiling: float | None
    share_floor: float | None
    flags: list[str] = field(default_factory=list)  # why it does not discriminate


@dataclass(frozen=True)
class KitQuestions:
    kit_version: InterviewKitVersion
    questions: list[QuestionStat]


@dataclass(frozen=True)
class AgreementReport:
    overall: AgreementFigures
    competencies: list[CompetencyAgreement]
    interviewers: list[InterviewerCalibration]
    kits: list[KitQuestions]
    n_scorecards: int
    n_interviews: int


def scope_opening_ids(user: User, opening_id: int | None = None) -> Select:
    """The openings the report covers: those ``user`` manages, or one of them."""
    ids = managed_opening_ids(user)
    return ids.where(Opening.id == opening_id) if opening_id else ids


def agreement_report(user: User, *, opening_id: int | None = None,
                     kit_version_id: int | None = None,
                     now: datetime | None = None) -> AgreementReport:
    """Agreement over the submitted scorecards of the openings ``user`` manages,
    optionally one opening or one kit version."""
    openings = scope_opening_ids(user, opening_id)
    kits = [kit_version_id] if kit_version_id else None
    rows = rating_rows(openings, kits)
    cards = _Scorecards(rows, profile_weights({r.opening_id for r in rows}))
    panels = cards.panels()
    return AgreementReport(
        overall=_figures(panels, cards.fit, cards),
        competencies=_competency_agreement(panels, cards),
        interviewers=_calibration(rows, cards, panels, openings, kits, now or utcnow()),
        kits=_question_stats(rows),
        n_scorecards=len(cards.meta),
        n_interviews=len({r.interview_id for r in rows}),
    )


def _figures(panels: dict[int, list[int]], values: Mapping[int, float | None],
             cards: _Scorecards) -> AgreementFigures:
    """ICC(1,1), ICC(1,k) and alpha of per-scorecard ``values`` over the panels."""
    targets = []
    raters: dict[int, dict[int, float]] = defaultdict(dict)  # interviewer → interview → value
    for interview_id, sids in panels.items():
        scored = [s for s in sids if values.get(s) is not None]
        if len(scored) < 2:
            continue
        targets.append([values[s] for s in scored])
        for s in scored:
            raters[cards.meta[s].interviewer_id][interview_id] = values[s]
    n = len(targets)
    units = sorted({i for r in raters.values() for i in r})
    data = [[r.get(u) for u in units] for r in raters.values()]
    return AgreementFigures(
        icc_single=_figure(stats.icc(targets, "ICC(1,1)") if n >= 2 else None, n),
        icc_panel=_figure(stats.icc(targets, "ICC(1,k)") if n >= 2 else None, n),
        alpha=_figure(stats.krippendorff_alpha(data, "interval") if data else None, n,
                      banded=False),
        n_scorecards=sum(len(t) for t in targets),
    )


def _competency_agreement(panels: dict[int, list[int]],
                          cards: _Scorecards) -> list[CompetencyAgreement]:
    competency_ids = {c for means in cards.competency_means.values() for c in means}
    competencies = db.session.scalars(
        select(Competency).where(Competency.id.in_(competency_ids)).order_by(Competency.code)
    )
    return [
        CompetencyAgreement(c, _figures(panels, {
            sid: means.get(c.id) for sid, means in cards.competency_means.items()
        }, cards))
        for c in competencies
    ]


def _calibration(rows: list[Rating], cards: _Scorecards, panels: dict[int, list[int]],
                 openings: Select, kits: list[int] | None,
                 now: datetime) -> list[InterviewerCalibration]:
    ratings: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        if row.rating is not None:
            ratings[row.interviewer_id].append(row.rating)
    differences: dict[int, list[float]] = defaultdict(list)
    for sids in panels.values():
        scored = [s for s in sids if cards.overall_mean.get(s) is not None]
        for s in scored:
            others = [cards.overall_mean[o] for o in scored if o != s]
            if others:
                differences[cards.meta[s].interviewer_id].append(
                    cards.overall_mean[s] - sum(others) / len(others))
    counts: dict[int, int] = defaultdict(int)
    for meta in cards.meta.values():
        counts[meta.interviewer_id] += 1
    open_after = _open_after_interview(openings, kits, now)
    user_ids = set(counts) | set(open_after)
    users = db.session.scalars(
        select(User).where(User.id.in_(user_ids)).order_by(User.display_name))
    return [
        InterviewerCalibration(
            interviewer=u, n_scorecards=counts.get(u.id, 0),
            mean=stats.mean(ratings.get(u.id, [])), sd=stats.sample_sd(ratings.get(u.id, [])),
            leniency=_figure(stats.mean(differences.get(u.id, [])),
                             len(differences.get(u.id, [])), MIN_SHARED, banded=False),
            open_after_interview=open_after.get(u.id, 0),
        )
        for u in users
    ]


def _open_after_interview(openings: Select, kits: list[int] | None,
                          now: datetime) -> dict[int, int]:
    """Interviewer → scorecards still not submitted although the interview took place."""
    query = (
        select(Scorecard.interviewer_id, func.count(Scorecard.id))
        .join(Interview, Scorecard.interview_id == Interview.id)
        .join(Application, Interview.application_id == Application.id)
        .join(OpeningStage, Interview.stage_id == OpeningStage.id)
        .where(Scorecard.status != SUBMITTED, Interview.scheduled_at < now,
               Application.opening_id.in_(openings))
        .group_by(Scorecard.interviewer_id)
    )
    if kits:
        query = query.where(OpeningStage.kit_version_id.in_(kits))
    return dict(db.session.execute(query).all())


def _question_stats(rows: list[Rating]) -> list[KitQuestions]:
    kit_version_ids = sorted({r.kit_version_id for r in rows})
    versions = db.session.scalars(
        select(InterviewKitVersion).where(InterviewKitVersion.id.in_(kit_version_ids))
        .options(selectinload(InterviewKitVersion.kit),
                 selectinload(InterviewKitVersion.items).selectinload(KitItem.competency))
    )
    by_version: dict[int, list[Rating]] = defaultdict(list)
    for row in rows:
        by_version[row.kit_version_id].append(row)
    return [KitQuestions(v, _kit_question_stats(v, by_version[v.id])) for v in versions]


def _kit_question_stats(version: InterviewKitVersion, rows: list[Rating]) -> list[QuestionStat]:
    items = list(version.items)
    column = {item.id: i for i, item in enumerate(items)}
    grid: dict[int, list[int | None]] = defaultdict(lambda: [None] * len(items))
    not_asked: dict[int, int] = defaultdict(int)
    for row in rows:
        if row.kit_item_id not in column:
            continue
        if row.not_asked:
            not_asked[row.kit_item_id] += 1
        grid[row.scorecard_id][column[row.kit_item_id]] = row.rating
    item_rest = stats.item_rest_correlations(list(grid.values())) if grid else []
    result = []
    for i, item in enumerate(items):
        values = [r[i] for r in grid.values() if r[i] is not None]
        asked_or_not = len(values) + not_asked[item.id]
        correlation = item_rest[i] if i < len(item_rest) else None
        stat = QuestionStat(
            item=item, n=len(values), mean=stats.mean(values), sd=stats.sample_sd(values),
            share_not_asked=not_asked[item.id] / asked_or_not if asked_or_not else None,
            item_rest=correlation,
            share_ceiling=values.count(5) / len(values) if values else None,
            share_floor=values.count(1) / len(values) if values else None,
        )
        stat.flags.extend(_question_flags(stat))
        result.append(stat)
    return result


def _question_flags(stat: QuestionStat) -> list[str]:
    """Why a question does not discriminate between candidates (empty list: fine, or
    not enough ratings to judge)."""
    if stat.n < MIN_ITEM_RATINGS:
        return []
    flags = []
    if stat.sd is not None and stat.sd < FLAT_SD:
        flags.append("flat")
    if (stat.share_ceiling or 0) >= EXTREME_SHARE:
        flags.append("ceiling")
    if (stat.share_floor or 0) >= EXTREME_SHARE:
        flags.append("floor")
    if stat.item_rest is not None and stat.item_rest < LOW_ITEM_REST:
        flags.append("low_item_rest")
    return flags


def reportable_scope(user: User) -> tuple[list[Opening], list[InterviewKitVersion]]:
    """The openings and kit versions ``user`` may filter the report by."""
    openings = list(db.session.scalars(
        select(Opening).where(Opening.id.in_(managed_opening_ids(user)))
        .order_by(Opening.title)
    ))
    versions = list(db.session.scalars(
        select(InterviewKitVersion)
        .where(InterviewKitVersion.id.in_(
            select(OpeningStage.kit_version_id)
            .where(OpeningStage.opening_id.in_(managed_opening_ids(user)))))
        .options(selectinload(InterviewKitVersion.kit))
        .order_by(InterviewKitVersion.id)
    ))
    return openings, versions
