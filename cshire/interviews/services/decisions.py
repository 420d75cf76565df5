"""The candidate scorecard the hiring manager reads and decides on, and the
comparison of an opening's candidates.

Rules (the page explains each in words):

- a competency's score is the mean of every submitted rating of it, across
  questions, interviewers and stages; its gap is score − the profile's target;
- the fit is Σ weight × score / Σ weight over the profile competencies that have a
  score, on the 1–5 scale, and (fit − 1) / 4 × 100 on the 0–100 scale;
- the band is fit ± 1.96 × SEM, SEM = √(Σ SEMᵢ²) / m over the candidate's m
  scorecards, SEMᵢ = SD × √(1 − ICC(1,1)) of that scorecard's kit version
  (``ratings.kit_reliability``); no band while a kit's reliability is unknown;
- a competency is flagged for the debrief when two scorecards' means on it are
  2 or more points apart;
- a decision departs from the opening's rule when it hires, offers or advances below
  the fit threshold (or without any fit), or rejects at or above it; it then needs a
  reason, which is kept with the decision;
- one decision per step: decisions are numbered per application, and a decision
  taken on a page that no longer shows the latest one, or at the same moment as
  another, is refused, naming the one that came first;
- a hiring manager or admin on an interview's panel sees the other panel members'
  scorecards only once their own is submitted (``scoring.can_view_scorecard``), and
  decides only then: a decision counts every submitted scorecard.
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import joinedload, lazyload, selectinload

from cshire import stats
from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.models.candidates import Application, ApplicationEvent, ApplicationStatus
from cshire.interviews.models.decisions import DebriefNote, DecisionOutcome, HiringDecision
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import InterviewKitVersion, KitItem
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency
from cshire.interviews.models.scoring import (
    Recommendation,
    Scorecard,
    ScorecardAnswer,
    ScorecardStatus,
)
from cshire.interviews.rules.comparison import Z95, noise_tiers, parse_sort, sort_by
from cshire.interviews.services.candidates import is_closed, move_application, step_taken
from cshire.interviews.services.openings import can_manage_opening
from cshire.interviews.services.ratings import (
    KitReliability,
    band_sem,
    kit_reliability,
    weighted_fit,
)
from cshire.interviews.services.scoring import (
    visible_scorecards,
    withheld_interview_ids,
    withheld_interviews,
)

FLAG_SPREAD = 2  # points between two scorecards on a competency that call for a debrief


def to_percent(score: float | None) -> float | None:
    """1–5 → 0–100: 1 is 0, 3 is 50, 5 is 100."""
    return None if score is None else (score - 1) / 4 * 100


def departs_from_rule(outcome: str, fit_percent: float | None,
                      threshold: float | None) -> bool:
    """Does this decision go against the opening's declared fit threshold?"""
    if threshold is None or outcome not in (o.value for o in DecisionOutcome):
        return False
    if outcome == DecisionOutcome.REJECT.value:
        return fit_percent is not None and fit_percent >= threshold
    return fit_percent is None or fit_percent < threshold


@dataclass
class CompetencyScore:
    competency: Competency
    weight: float
    target: int
    ratings: list[int] = field(default_factory=list)
    by_scorecard: list[tuple[Scorecard, float]] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.ratings)

    # Cached: read several times per page, computed once the ratings are complete.
    @cached_property
    def mean(self) -> float | None:
        return stats.mean(self.ratings)

    @cached_property
    def sd(self) -> float | None:
        return stats.sample_sd(self.ratings)

    @property
    def low(self) -> int | None:
        return min(self.ratings, default=None)

    @property
    def high(self) -> int | None:
        return max(self.ratings, default=None)

    @property
    def gap(self) -> float | None:
        return None if self.mean is None else self.mean - self.target

    @property
    def spread(self) -> float | None:
        """How far apart the scorecards' means on this competency are."""
        values = [v for _, v in self.by_scorecard]
        return max(values) - min(values) if len(values) >= 2 else None

    @property
    def flagged(self) -> bool:
        return self.spread is not None and self.spread >= FLAG_SPREAD

    def mean_of(self, scorecard: Scorecard) -> float | None:
        return next((v for s, v in self.by_scorecard if s is scorecard), None)


@dataclass(frozen=True)
class Fit:
    score: float | None  # 1–5
    coverage: float  # share of the profile's weight that has a score
    scorecards: int  # submitted scorecards behind it
    sem: float | None  # on the 1–5 scale; None while a kit's reliability is unknown
    reliabilities: tuple[KitReliability, ...] = ()

    @property
    def percent(self) -> float | None:
        return to_percent(self.score)

    @property
    def band(self) -> tuple[float, float] | None:
        """The 95% band on the 0–100 scale, clipped to the scale."""
        if self.score is None or self.sem is None:
            return None
        low, high = self.score - Z95 * self.sem, self.score + Z95 * self.sem
        return to_percent(max(low, 1.0)), to_percent(min(high, 5.0))


def _fit(weights: dict[int, float], means: dict[int, float], kit_versions: list[int],
         reliability: dict[int, KitReliability]) -> Fit:
    """``kit_versions`` holds the kit version of each submitted scorecard."""
    total = sum(weights.values())
    covered = sum(w for c, w in weights.items() if c in means)
    return Fit(
        score=weighted_fit(weights, means),
        coverage=covered / total if total else 0.0,
        scorecards=len(kit_versions),
        sem=band_sem(reliability[kv] for kv in kit_versions if kv in reliability)
        if kit_versions and all(kv in reliability for kv in kit_versions) else None,
        reliabilities=tuple(reliability[kv] for kv in sorted(set(kit_versions))
                            if kv in reliability),
    )


# ---------------------------------------------------------- candidate page


@dataclass(frozen=True)
class KitAgreement:
    kit_name: str
    version: int | None
    icc: float | None
    n_interviews: int  # with two or more submitted scorecards
    band: str | None  # "poor" … "excellent"; None while the reliability is not known


@dataclass
class CandidateScorecard:
    application: Application
    competencies: list[CompetencyScore]
    fit: Fit
    scorecards: list[Scorecard]  # submitted and visible to the viewer
    pending: list[Scorecard]  # panel seats not submitted yet
    tally: dict[str, int]
    departures: dict[str, bool]  # outcome → would it depart from the rule?
    kit_versions: dict[int, InterviewKitVersion]  # the kits of this candidate's stages
    # Interviews whose submitted scorecards are hidden from the viewer until they
    # submit their own (they sit on the panel): not counted above.
    withheld: list[Interview] = field(default_factory=list)

    @property
    def flags(self) -> list[CompetencyScore]:
        return [c for c in self.competencies if c.flagged]

    @property
    def flag_scorecards(self) -> list[Scorecard]:
        """The scorecards that rated a flagged competency: the columns of the
        disagreements table, in the page's order."""
        rated = {id(s) for c in self.flags for s, _ in c.by_scorecard}
        return [s for s in self.scorecards if id(s) in rated]

    @property
    def agreements(self) -> list[KitAgreement]:
        """How well the panels of each kit behind the fit agree, for the page to say
        in words: the band of ICC(1,1) (Koo & Li), or unknown while too few panels."""
        result = []
        for r in self.fit.reliabilities:
            version = self.kit_versions.get(r.kit_version_id)
            result.append(KitAgreement(
                kit_name=version.kit.name if version else "–",
                version=version.number if version else None,
                icc=r.icc, n_interviews=r.n_interviews,
                band=stats.koo_li_band(r.icc) if r.known else None,
            ))
        return result

    @property
    def next_step(self) -> int:
        """The number the next decision takes, as this page shows the decisions: the
        decision form carries it, so a decision taken meanwhile is noticed."""
        return max((d.step for d in self.application.decisions), default=0) + 1


def application_manager_id(application_id: int) -> int | None:
    """The hiring manager of the application's opening, in one light query: the access
    check made before a cached page is served."""
    return db.session.scalar(
        select(Opening.hiring_manager_id).join(Application, Application.opening_id == Opening.id)
        .where(Application.id == application_id)
    )


def load_application_for_scorecard(application_id: int) -> Application | None:
    """Everything the candidate scorecard shows, in a fixed number of queries (seven):
    to-one relations are joined, collections selected once each, and the people
    shown need no roles loaded."""
    people = (lazyload(User.role_grants),)
    return db.session.scalar(
        select(Application).where(Application.id == application_id).options(
            joinedload(Application.candidate),
            joinedload(Application.opening).joinedload(Opening.profile)
            .selectinload(HighPerformerProfile.entries)
            .joinedload(ProfileCompetency.competency),
            selectinload(Application.interviews).joinedload(Interview.stage)
            .joinedload(OpeningStage.kit_version).joinedload(InterviewKitVersion.kit),
            selectinload(Application.interviews).selectinload(Interview.scorecards)
            .joinedload(Scorecard.interviewer).options(*people),
            selectinload(Application.events).joinedload(ApplicationEvent.actor)
            .options(*people),
            selectinload(Application.decisions).joinedload(HiringDecision.decided_by)
            .options(*people),
            selectinload(Application.debrief_notes).joinedload(DebriefNote.author)
            .options(*people),
        )
    )


def candidate_scorecard(application: Application, viewer: User) -> CandidateScorecard:
    """The scorecard of one application as ``viewer`` may see it (independence)."""
    seats = [s for i in application.interviews for s in i.scorecards]
    shown = [s for s in visible_scorecards(viewer, seats) if s.is_submitted]
    entries = application.opening.profile.entries
    scores = {e.competency_id: CompetencyScore(e.competency, e.weight, e.target_level)
              for e in entries}
    ratings = _ratings([s.id for s in shown])
    for scorecard in shown:
        for competency_id, values in ratings.get(scorecard.id, {}).items():
            if competency_id in scores:
                scores[competency_id].ratings.extend(values)
                scores[competency_id].by_scorecard.append((scorecard, sum(values) / len(values)))
    kit_versions = [s.interview.stage.kit_version_id for s in shown]
    fit = _fit({e.competency_id: e.weight for e in entries},
               {c: s.mean for c, s in scores.items() if s.mean is not None},
               kit_versions, kit_reliability(kit_versions))
    threshold = application.opening.fit_threshold
    return CandidateScorecard(
        application=application,
        competencies=list(scores.values()),
        fit=fit,
        scorecards=shown,
        pending=[s for s in seats if not s.is_submitted],
        tally=_tally(shown),
        departures={o.value: departs_from_rule(o.value, fit.percent, threshold)
                    for o in DecisionOutcome},
        kit_versions={i.stage.kit_version_id: i.stage.kit_version
                      for i in application.interviews},
        withheld=withheld_interviews(viewer, application.interviews),
    )


def submitted_competency_scores(application_id: int) -> list[CompetencyScore]:
    """Per competency of the opening's profile, every submitted rating of the
    application, as the candidate scorecard counts them — for training's interview
    gaps of a hired new hire. Aggregates only (no scorecard, note or interviewer is
    returned), so no viewer's independence is at stake. Four queries."""
    application = db.session.scalar(
        select(Application).where(Application.id == application_id).options(
            joinedload(Application.opening).joinedload(Opening.profile)
            .selectinload(HighPerformerProfile.entries)
            .joinedload(ProfileCompetency.competency)))
    if application is None:
        return []
    scores = {e.competency_id: CompetencyScore(e.competency, e.weight, e.target_level)
              for e in application.opening.profile.entries}
    submitted = list(db.session.scalars(
        select(Scorecard.id).join(Interview, Scorecard.interview_id == Interview.id)
        .where(Interview.application_id == application_id,
               Scorecard.status == ScorecardStatus.SUBMITTED.value)))
    for by_competency in _ratings(submitted).values():
        for competency_id, values in by_competency.items():
            if competency_id in scores:
                scores[competency_id].ratings.extend(values)
    return list(scores.values())


def _ratings(scorecard_ids: list[int]) -> dict[int, dict[int, list[int]]]:
    """Scorecard id → competency id → its ratings, as plain values (one query: the
    page needs numbers, not answer objects with their question texts)."""
    result: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for scorecard_id, competency_id, rating in db.session.execute(
        select(ScorecardAnswer.scorecard_id, KitItem.competency_id, ScorecardAnswer.rating)
        .join(KitItem, ScorecardAnswer.kit_item_id == KitItem.id)
        .where(ScorecardAnswer.scorecard_id.in_(scorecard_ids),
               ScorecardAnswer.rating.is_not(None))
        .order_by(ScorecardAnswer.scorecard_id, KitItem.position)
    ):
        result[scorecard_id][competency_id].append(rating)
    return result


def _tally(scorecards: list[Scorecard]) -> dict[str, int]:
    counts = Counter(s.recommendation for s in scorecards if s.recommendation)
    return {r.value: counts.get(r.value, 0) for r in Recommendation}


# ------------------------------------------------------------- decisions


def record_decision(application: Application, *, actor: User, outcome: str, rationale: str,
                    departure_reason: str = "", step: int | None = None,
                    seen: str | None = None, now: datetime | None = None) -> HiringDecision:
    """Advance, offer, reject or hire. A decision against the opening's rule needs an
    explicit reason. The fit is recomputed from every submitted scorecard and kept.

    One decision per step: ``step`` and ``seen`` are the decision number and the status
    the decision form was loaded at (``CandidateScorecard.next_step``; None: whatever
    is current). A decision taken after another one, or after a status move, that the
    page did not show is refused (``StepTaken``), and so is the second of two decisions
    taken at the same moment: its status move finds the status changed
    (``move_application``'s guarded UPDATE), or its number taken (a unique key).
    """
    opening = application.opening
    if not can_manage_opening(actor, opening):
        raise HiringError("not_hiring_manager")
    if outcome not in (o.value for o in DecisionOutcome):
        raise HiringError("outcome_invalid")
    number = next_step(application)
    if step is not None and step != number:
        raise step_taken(application, by_decision=True)
    if seen is not None and seen != application.status:
        raise step_taken(application)
    if is_closed(application):
        raise HiringError("application_closed")
    if not rationale.strip():
        raise HiringError("rationale_required")
    card = candidate_scorecard(application, actor)
    if card.withheld:
        raise HiringError("submit_own_first", stage=card.withheld[0].stage.name)
    departs = departs_from_rule(outcome, card.fit.percent, opening.fit_threshold)
    if departs and not departure_reason.strip():
        raise HiringError.on_field("departure_reason", "departure_reason_required")
    now = now or utcnow()
    move_application(application, _status_after(application, outcome), actor=actor,
                     note=rationale, now=now)
    return _insert_decision(
        application, number, outcome=outcome, rationale=rationale.strip(),
        departs_from_rule=departs, departure_reason=departure_reason.strip() if departs else "",
        fit_score=card.fit.percent, fit_threshold=opening.fit_threshold,
        decided_by_id=actor.id, decided_at=now,
    )


def next_step(application: Application) -> int:
    """The number the application's next decision takes (counted in the database)."""
    taken = db.session.scalar(select(func.max(HiringDecision.step))
                              .where(HiringDecision.application_id == application.id))
    return (taken or 0) + 1


def _insert_decision(application: Application, step: int, **values: object) -> HiringDecision:
    """Insert decision number ``step``, or nothing when a decision took that number
    first (ON CONFLICT DO NOTHING: on PostgreSQL it waits for that one to commit)."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    inserted = db.session.execute(
        insert(HiringDecision).values(application_id=application.id, step=step, **values)
        .on_conflict_do_nothing(index_elements=["application_id", "step"])
        .returning(HiringDecision.id)
    ).scalar()
    if inserted is None:
        raise step_taken(application, by_decision=True)
    db.session.expire(application, ["decisions"])
    return db.session.get_one(HiringDecision, inserted)


def _status_after(application: Application, outcome: str) -> str:
    if outcome == DecisionOutcome.HIRE.value:
        return ApplicationStatus.HIRED.value
    if outcome == DecisionOutcome.REJECT.value:
        return ApplicationStatus.REJECTED.value
    if outcome == DecisionOutcome.OFFER.value:
        return ApplicationStatus.OFFER.value
    # Advancing: to the next stage, or to an offer once every stage has been held.
    held = {i.stage_id for i in application.interviews}
    if all(stage.id in held for stage in application.opening.stages):
        return ApplicationStatus.OFFER.value
    return ApplicationStatus.INTERVIEWING.value


def add_debrief_note(application: Application, *, actor: User, text: str) -> DebriefNote:
    if not can_manage_opening(actor, application.opening):
        raise HiringError("not_hiring_manager")
    if not text.strip():
        raise HiringError("note_required")
    note = DebriefNote(author=actor, text=text.strip())
    application.debrief_notes.append(note)
    db.session.flush()
    return note


# ------------------------------------------------------------ comparison


@dataclass
class ComparisonRow:
    application: Application
    fit: Fit
    competency_means: dict[int, float] = field(default_factory=dict)  # competency id → mean
    rank: int | None = None  # by fit, among the rows compared; None without a fit
    tier: int | None = None  # see rules.comparison.noise_tiers


@dataclass
class Comparison:
    """An opening's candidates as the comparison page shows them."""

    rows: list[ComparisonRow]  # in the order asked for
    competencies: list[Competency]  # the profile's, one column each
    sort: str  # a key of ``comparison_sort_keys``
    descending: bool
    include_closed: bool
    closed_hidden: int  # closed applications left out


def comparison_sort_keys(competencies: list[Competency]) -> dict[str, Callable]:
    """The columns the comparison may be sorted by (``?sort=``): key → the row's value.
    A competency's key is ``c<id>``."""
    pipeline = {s.value: i for i, s in enumerate(ApplicationStatus)}
    keys: dict[str, Callable] = {
        "name": lambda r: r.application.candidate.name.casefold(),
        "status": lambda r: pipeline.get(r.application.status),
        "fit": lambda r: r.fit.score,
        "tier": lambda r: r.tier,
        "scorecards": lambda r: r.fit.scorecards,
        "coverage": lambda r: r.fit.coverage,
    }
    for competency in competencies:
        keys[f"c{competency.id}"] = lambda r, c=competency.id: r.competency_means.get(c)
    return keys


def comparison(opening: Opening, viewer: User, *, sort: str | None = None,
               include_closed: bool = False) -> Comparison:
    """The comparison page: closed applications (hired, rejected, withdrawn) left out
    unless asked for, ranks and tiers among the candidates shown, then the order
    asked for (default: by fit, best first)."""
    applications = _applications(opening)
    shown = [a for a in applications if include_closed or not is_closed(a)]
    rows = compare_candidates(opening, viewer, applications=shown)
    competencies = [e.competency for e in opening.profile.entries]
    keys = comparison_sort_keys(competencies)
    key, descending = parse_sort(sort, keys, "-fit")
    return Comparison(sort_by(rows, keys[key], descending), competencies, key, descending,
                      include_closed, len(applications) - len(shown))


def _applications(opening: Opening) -> list[Application]:
    return list(db.session.scalars(
        select(Application).where(Application.opening_id == opening.id)
        .options(selectinload(Application.candidate))
    ))


def compare_candidates(opening: Opening, viewer: User | None = None, *,
                       applications: list[Application] | None = None) -> list[ComparisonRow]:
    """The applications of the opening ranked by fit (unscored last), with bands and
    noise tiers, as ``viewer`` may see them: an interview whose panel they sit on
    without having submitted is left out (independence). None: every submitted
    scorecard. ``applications``: those to compare (default: all of the opening's).

    Fixed number of queries: ratings are averaged per application and competency in
    SQL rather than loaded row by row.
    """
    if applications is None:
        applications = _applications(opening)
    submitted = (Scorecard.status == ScorecardStatus.SUBMITTED.value)
    if viewer is not None:
        submitted = submitted & Interview.id.not_in(withheld_interview_ids(viewer))
    means: dict[int, dict[int, float]] = defaultdict(dict)
    for application_id, competency_id, mean in db.session.execute(
        select(Interview.application_id, KitItem.competency_id, func.avg(ScorecardAnswer.rating))
        .select_from(ScorecardAnswer).join(Scorecard).join(Interview).join(KitItem)
        .join(Application, Interview.application_id == Application.id)
        .where(Application.opening_id == opening.id, submitted,
               ScorecardAnswer.rating.is_not(None))
        .group_by(Interview.application_id, KitItem.competency_id)
    ):
        means[application_id][competency_id] = float(mean)
    kit_versions: dict[int, list[int]] = defaultdict(list)
    for application_id, kv, count in db.session.execute(
        select(Interview.application_id, OpeningStage.kit_version_id, func.count(Scorecard.id))
        .select_from(Scorecard).join(Interview).join(OpeningStage)
        .join(Application, Interview.application_id == Application.id)
        .where(Application.opening_id == opening.id, submitted)
        .group_by(Interview.application_id, OpeningStage.kit_version_id)
    ):
        kit_versions[application_id].extend([kv] * count)
    reliability = kit_reliability(kv for kvs in kit_versions.values() for kv in kvs)
    weights = {e.competency_id: e.weight for e in opening.profile.entries}
    rows = [ComparisonRow(a, _fit(weights, means.get(a.id, {}), kit_versions.get(a.id, []),
                                  reliability), means.get(a.id, {})) for a in applications]
    rows.sort(key=lambda r: (r.fit.score is None, -(r.fit.score or 0), r.application.id))
    tiers = noise_tiers([(r.fit.score, r.fit.sem) for r in rows])
    for rank, (row, tier) in enumerate(zip(rows, tiers, strict=True), start=1):
        row.rank = rank if row.fit.score is not None else None
        row.tier = tier
    return rows
