"""Do our interviewers agree? Reliability, calibration and question statistics from
submitted scorecards (the numbers come from ``services.ratings``).

The unit of agreement is the interview: one candidate at one stage, rated
independently by its panel. Panels differ from interview to interview, so the
one-way intraclass correlations apply (Shrout & Fleiss 1979, case 1): ICC(1,1) is
the reliability of one interviewer's score, ICC(1,k) that of the panel's mean.
Krippendorff's alpha (interval) copes with interviewers missing from interviews.

Each figure carries its n and is withheld ("not enough data") below a stated
minimum: a coefficient from three interviews is noise, not information.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from cshire import stats
from cshire.auth.models import User
from cshire.cache import memo
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import InterviewKitVersion, KitItem
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.scoring import Scorecard
from cshire.interviews.services import analytics_parts as parts
from cshire.interviews.services.openings import managed_opening_ids
from cshire.interviews.services.ratings import MIN_INTERVIEWS, SUBMITTED

MIN_SHARED = 3  # shared interviews before an interviewer's leniency is shown
MIN_ITEM_RATINGS = 10  # ratings of a question before its statistics are judged
LENIENCY_MARGIN = 0.5  # mean difference from co-raters that counts as lenient / harsh
FLAT_SD = 0.5  # a question whose ratings vary less than this hardly separates candidates
EXTREME_SHARE = 0.8  # share of ratings at the ceiling (5) or floor (1) that is too much
LOW_ITEM_REST = 0.2  # item–rest correlation below which a question measures something else


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
    item: KitItem  # its id inside ``ReportNumbers``
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
    optionally one opening or one kit version.

    The figures come from ``report_numbers`` (cached until a scorecard in scope is
    submitted or reopened); the people, competencies and questions they describe are
    loaded fresh, and so are the scorecards still open, which change with the clock.
    """
    opening_ids = tuple(db.session.scalars(scope_opening_ids(user, opening_id)))
    numbers = report_numbers(opening_ids, kit_version_id)
    kits = [kit_version_id] if kit_version_id else None
    return AgreementReport(
        overall=numbers.overall,
        competencies=_competency_agreement(numbers),
        interviewers=_calibration(numbers, _open_after_interview(
            opening_ids, kits, now or utcnow())),
        kits=_question_stats(numbers),
        n_scorecards=numbers.n_scorecards,
        n_interviews=numbers.n_interviews,
    )


# ------------------------------------------------------- the figures, cached


@dataclass(frozen=True)
class Calibration:
    """One interviewer's numbers (``InterviewerCalibration`` without the user)."""

    n_scorecards: int
    mean: float | None
    sd: float | None
    leniency: Figure


@dataclass(frozen=True)
class ReportNumbers:
    """Every figure of the report, keyed by ids: what the cache holds (no ORM objects,
    which belong to one request's session)."""

    overall: AgreementFigures
    competencies: dict[int, AgreementFigures]
    interviewers: dict[int, Calibration]
    questions: dict[int, list[QuestionStat]]  # kit version id → stats (``item`` = its id)
    n_scorecards: int
    n_interviews: int


MAX_CACHED_REPORTS = 200  # per worker process; each holds a few thousand numbers


def report_numbers(opening_ids: tuple[int, ...],
                   kit_version_id: int | None = None) -> ReportNumbers:
    """The figures for these openings (and kit version), from the cached sums of their
    parts (``analytics_parts``: one part per opening and kit version).

    A new or reopened scorecard, or an edited profile, changes one part's fingerprint:
    that part alone is recomputed (from its own ratings), the others come from the
    cache, and their exact sums combine into the very figures a computation over all
    the ratings gives. The figures are kept too, under the scope and every part's
    fingerprint, so an unchanged scope is not even combined again.
    """
    keys = tuple(parts.part_keys(opening_ids, kit_version_id))
    return memo("agreement_reports", MAX_CACHED_REPORTS).get(
        (opening_ids, kit_version_id, keys),
        lambda: _compute_numbers(parts.combined_sums(keys)))


def _compute_numbers(sums: parts.Sums) -> ReportNumbers:
    return ReportNumbers(
        overall=_figures(sums.overall),
        competencies={c: _figures(s) for c, s in sums.competencies.items()},
        interviewers={u: _interviewer_numbers(s) for u, s in sums.interviewers.items()},
        questions={kv: _kit_question_stats(kit) for kv, kit in sums.kits.items()},
        n_scorecards=sums.n_scorecards,
        n_interviews=sums.n_interviews,
    )


def _figures(sums: parts.AgreementSums) -> AgreementFigures:
    """ICC(1,1), ICC(1,k) and alpha from the sums over the panels' scores."""
    n = sums.icc.targets
    return AgreementFigures(
        icc_single=_figure(sums.icc.icc("ICC(1,1)"), n),
        icc_panel=_figure(sums.icc.icc("ICC(1,k)"), n),
        alpha=_figure(sums.alpha.alpha(), n, banded=False),
        n_scorecards=sums.icc.values,
    )


def _competency_agreement(numbers: ReportNumbers) -> list[CompetencyAgreement]:
    competencies = db.session.scalars(
        select(Competency).where(Competency.id.in_(list(numbers.competencies)))
        .order_by(Competency.code)
    )
    return [CompetencyAgreement(c, numbers.competencies[c.id]) for c in competencies]


def _interviewer_numbers(sums: parts.InterviewerSums) -> Calibration:
    return Calibration(
        n_scorecards=sums.n_scorecards,
        mean=sums.ratings.mean(),
        sd=sums.ratings.sample_sd(),
        leniency=_figure(sums.differences.mean(), sums.differences.n, MIN_SHARED,
                         banded=False),
    )


NO_SCORECARDS = Calibration(0, None, None, _figure(None, 0, MIN_SHARED, banded=False))


def _calibration(numbers: ReportNumbers,
                 open_after: dict[int, int]) -> list[InterviewerCalibration]:
    """Everyone with a submitted scorecard or one still open after the interview."""
    user_ids = set(numbers.interviewers) | set(open_after)
    users = db.session.scalars(
        select(User).where(User.id.in_(user_ids)).order_by(User.display_name))
    result = []
    for user in users:
        figures = numbers.interviewers.get(user.id, NO_SCORECARDS)
        result.append(InterviewerCalibration(
            interviewer=user, n_scorecards=figures.n_scorecards, mean=figures.mean,
            sd=figures.sd, leniency=figures.leniency,
            open_after_interview=open_after.get(user.id, 0),
        ))
    return result


def _open_after_interview(opening_ids: tuple[int, ...], kits: list[int] | None,
                          now: datetime) -> dict[int, int]:
    """Interviewer → scorecards still not submitted although the interview took place."""
    query = (
        select(Scorecard.interviewer_id, func.count(Scorecard.id))
        .join(Interview, Scorecard.interview_id == Interview.id)
        .join(Application, Interview.application_id == Application.id)
        .join(OpeningStage, Interview.stage_id == OpeningStage.id)
        .where(Scorecard.status != SUBMITTED, Interview.scheduled_at < now,
               Application.opening_id.in_(opening_ids))
        .group_by(Scorecard.interviewer_id)
    )
    if kits:
        query = query.where(OpeningStage.kit_version_id.in_(kits))
    return dict(db.session.execute(query).all())


def _question_stats(numbers: ReportNumbers) -> list[KitQuestions]:
    versions = db.session.scalars(
        select(InterviewKitVersion).where(InterviewKitVersion.id.in_(list(numbers.questions)))
        .options(selectinload(InterviewKitVersion.kit),
                 selectinload(InterviewKitVersion.items).selectinload(KitItem.competency))
    )
    result = []
    for version in versions:
        stats_by_item = {q.item: q for q in numbers.questions[version.id]}
        result.append(KitQuestions(version, [
            replace(stats_by_item[item.id], item=item) for item in version.items
            if item.id in stats_by_item
        ]))
    return result


def _kit_question_stats(kit: parts.KitSums) -> list[QuestionStat]:
    """The questions of one kit version, in the kit's order; ``QuestionStat.item`` is
    the id here (``_question_stats`` puts the question in its place)."""
    result = []
    for item, sums in zip(kit.items, kit.questions, strict=True):
        n, asked_or_not = sums.ratings.n, sums.ratings.n + sums.not_asked
        stat = QuestionStat(
            item=item, n=n, mean=sums.ratings.mean(), sd=sums.ratings.sample_sd(),
            share_not_asked=sums.not_asked / asked_or_not if asked_or_not else None,
            item_rest=sums.item_rest.correlation(),
            share_ceiling=sums.ceiling / n if n else None,
            share_floor=sums.floor / n if n else None,
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
