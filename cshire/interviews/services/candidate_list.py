"""The opening's candidate list: each application with its current stage, its fit and
its last activity, filtered, sorted by any of its columns (``cshire/sorting.py``) and
loaded in a fixed number of queries whatever the page holds.

- The current stage is the stage of the application's latest interview (by its time);
  none before the first interview is scheduled.
- The fit is the candidate scorecard's (``services.decisions``): the profile-weighted
  mean of the competency means of every submitted scorecard, on the 0–100 scale. The
  page shows the value computed by ``ratings.weighted_fit``; the list is *ordered* by the
  same formula written in SQL, so that a page of a list sorted by fit is one query.
- The last activity is the latest of: a status change, an interview scheduled or held,
  a scorecard submitted, a decision, a debrief note.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Float, Select, Subquery, and_, cast, func, select, union_all

from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Candidate,
)
from cshire.interviews.models.decisions import DebriefNote, HiringDecision
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import KitItem
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.profiles import ProfileCompetency
from cshire.interviews.models.scoring import Scorecard, ScorecardAnswer, ScorecardStatus
from cshire.interviews.services.candidates import (
    CLOSED_STATUSES,
    applications_query,
    status_order,
)
from cshire.interviews.services.decisions import to_percent
from cshire.interviews.services.ratings import weighted_fit
from cshire.sorting import Sort, SortKeys

SUBMITTED = ScorecardStatus.SUBMITTED.value


@dataclass(frozen=True)
class CandidateFilters:
    status: str = ""  # one application status, or "" for any
    include_closed: bool = False  # hired, rejected and withdrawn are left out by default


def candidate_filters(args: Mapping[str, str]) -> CandidateFilters:
    """The list's filters from the query string; an unknown status is ignored."""
    status = args.get("status", "")
    return CandidateFilters(
        status=status if status in ApplicationStatus._value2member_map_ else "",
        include_closed=args.get("closed") == "1",
    )


@dataclass(frozen=True)
class CandidateRow:
    application: Application
    stage: OpeningStage | None  # of the latest interview; None before the first
    fit: float | None  # 0–100; None before a submitted rating of a profile competency
    last_activity: datetime
    stages_left: bool  # a stage of the opening has no interview of this application yet

    @property
    def closed(self) -> bool:
        return self.application.status in CLOSED_STATUSES

    @property
    def can_schedule(self) -> bool:
        """Scheduling refuses a closed application and a stage already held."""
        return self.stages_left and not self.closed


class CandidateList:
    """One opening's list. ``sorts`` are its orders; ``query`` the applications a page
    holds; ``rows`` what the page shows of them."""

    def __init__(self, opening: Opening, *, now: datetime | None = None) -> None:
        self.opening = opening
        self.now = now or utcnow()
        self._fit = _fit_table(opening)
        self._activity = _activity_table(opening, self.now)
        self.sorts = SortKeys(
            "-applied", Application.id,
            name=func.lower(Candidate.name), source=func.lower(Candidate.source),
            status=status_order(),
            stage=_latest_stage_position(), fit=self._fit.c.fit,
            activity=self._activity.c.at, applied=Application.created_at,
        )

    def query(self, filters: CandidateFilters, sort: Sort) -> Select:
        query = applications_query(self.opening, filters.status,
                                   include_closed=filters.include_closed)
        if sort.key == "fit":
            query = query.outerjoin(self._fit, self._fit.c.application_id == Application.id)
        elif sort.key == "activity":
            query = query.outerjoin(self._activity,
                                    self._activity.c.application_id == Application.id)
        return self.sorts.apply(query, sort)

    def rows(self, applications: Sequence[Application]) -> list[CandidateRow]:
        """Three queries, whatever the number of applications."""
        ids = [a.id for a in applications]
        stages, held = self._stages(ids)
        means = _competency_means(ids)
        weights = {e.competency_id: e.weight for e in self.opening.profile.entries}
        activity = dict(db.session.execute(
            select(self._activity.c.application_id, self._activity.c.at)
            .where(self._activity.c.application_id.in_(ids))).all()) if ids else {}
        return [CandidateRow(
            application=a, stage=stages.get(a.id),
            fit=to_percent(weighted_fit(weights, means.get(a.id, {}))),
            last_activity=activity.get(a.id) or a.created_at,
            stages_left=len(held[a.id]) < len(self.opening.stages),
        ) for a in applications]

    def _stages(self, ids: list[int]) -> tuple[dict[int, OpeningStage], dict[int, set[int]]]:
        """Each application's latest stage, and the ids of the stages it has had."""
        by_id = {stage.id: stage for stage in self.opening.stages}
        latest: dict[int, OpeningStage] = {}
        held: dict[int, set[int]] = defaultdict(set)
        if ids:
            for application_id, stage_id in db.session.execute(
                select(Interview.application_id, Interview.stage_id)
                .where(Interview.application_id.in_(ids))
                .order_by(Interview.scheduled_at, Interview.id)
            ):
                latest[application_id] = by_id[stage_id]  # the later one wins
                held[application_id].add(stage_id)
        return latest, held


def _competency_means(ids: list[int]) -> dict[int, dict[int, float]]:
    """Application id → competency id → the mean of its submitted ratings (one query)."""
    means: dict[int, dict[int, float]] = {}
    if not ids:
        return means
    for application_id, competency_id, mean in db.session.execute(
        _means_query().where(Interview.application_id.in_(ids))
    ):
        means.setdefault(application_id, {})[competency_id] = float(mean)
    return means


def _means_query() -> Select:
    return (
        select(Interview.application_id.label("application_id"),
               KitItem.competency_id.label("competency_id"),
               func.avg(ScorecardAnswer.rating).label("mean"))
        .select_from(ScorecardAnswer)
        .join(Scorecard, ScorecardAnswer.scorecard_id == Scorecard.id)
        .join(Interview, Scorecard.interview_id == Interview.id)
        .join(KitItem, ScorecardAnswer.kit_item_id == KitItem.id)
        .where(Scorecard.status == SUBMITTED, ScorecardAnswer.rating.is_not(None))
        .group_by(Interview.application_id, KitItem.competency_id)
    )


def _fit_table(opening: Opening) -> Subquery:
    """Each scored application of the opening with its fit on the 1–5 scale: the formula
    of ``ratings.weighted_fit`` in SQL (Σ weight × mean / Σ weight over the profile
    competencies that have a mean), for ordering the list."""
    in_opening = select(Application.id).where(Application.opening_id == opening.id)
    means = _means_query().where(Interview.application_id.in_(in_opening)).subquery()
    weight = ProfileCompetency.weight
    return (
        select(means.c.application_id,
               (func.sum(weight * cast(means.c.mean, Float))
                / func.nullif(func.sum(weight), 0)).label("fit"))
        .join(ProfileCompetency, and_(ProfileCompetency.competency_id == means.c.competency_id,
                                      ProfileCompetency.profile_id == opening.profile_id))
        .group_by(means.c.application_id)
        .subquery()
    )


def _activity_table(opening: Opening, now: datetime) -> Subquery:
    """Each application of the opening with the time of its latest activity."""
    in_opening = select(Application.id).where(Application.opening_id == opening.id)
    held = and_(Interview.application_id.in_(in_opening), Interview.scheduled_at <= now)
    moments = union_all(
        select(ApplicationEvent.application_id.label("application_id"),
               ApplicationEvent.at.label("at"))
        .where(ApplicationEvent.application_id.in_(in_opening)),
        select(Interview.application_id, Interview.created_at)
        .where(Interview.application_id.in_(in_opening)),
        select(Interview.application_id, Interview.scheduled_at).where(held),
        select(Interview.application_id, Scorecard.submitted_at)
        .join(Scorecard, Scorecard.interview_id == Interview.id)
        .where(Interview.application_id.in_(in_opening), Scorecard.status == SUBMITTED),
        select(HiringDecision.application_id, HiringDecision.decided_at)
        .where(HiringDecision.application_id.in_(in_opening)),
        select(DebriefNote.application_id, DebriefNote.created_at)
        .where(DebriefNote.application_id.in_(in_opening)),
    ).subquery()
    return (select(moments.c.application_id, func.max(moments.c.at).label("at"))
            .group_by(moments.c.application_id).subquery())


def _latest_stage_position():
    """The position of the stage of the application's latest interview (a correlated
    subquery: the list's "stage" order)."""
    return (
        select(OpeningStage.position)
        .join(Interview, Interview.stage_id == OpeningStage.id)
        .where(Interview.application_id == Application.id)
        .order_by(Interview.scheduled_at.desc(), Interview.id.desc())
        .limit(1)
        .scalar_subquery()
    )
