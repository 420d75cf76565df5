"""Submitted ratings as plain numbers, per scorecard, and the reliability of a kit
version, which puts the uncertainty band around a candidate's fit.

Shared by the agreement report (``services.analytics``) and the candidate scorecard
(``services.decisions``). The unit of agreement is the interview: one candidate at
one stage, rated independently by its panel, so reliability is the one-way
intraclass correlation ICC(1,1) (Shrout & Fleiss 1979, case 1).
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Select, func, select

from cshire import stats
from cshire.cache import memo
from cshire.extensions import db
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import KitItem
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency
from cshire.interviews.models.scoring import Scorecard, ScorecardAnswer, ScorecardStatus

MIN_INTERVIEWS = 5  # interviews with two or more submitted scorecards, for a coefficient
SUBMITTED = ScorecardStatus.SUBMITTED.value

class Rating(NamedTuple):
    """One answer of one submitted scorecard, flattened for the statistics: a plain
    tuple, as a report may hold hundreds of thousands of them."""

    opening_id: int
    kit_version_id: int
    interview_id: int
    scorecard_id: int
    interviewer_id: int
    kit_item_id: int
    competency_id: int
    rating: int | None
    not_asked: bool


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


class ScorecardRatings:
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
    fingerprints = _fingerprints(ids)
    cache = memo("kit_reliability", 1000)
    missing = [kv for kv in ids if not cache.known((kv, fingerprints.get(kv)))]
    # The missing versions are computed together (one pass over their ratings).
    computed = _compute_reliability(missing) if missing else {}
    return {kv: cache.get((kv, fingerprints.get(kv)), lambda kv=kv: computed[kv])
            for kv in ids}


def _fingerprints(kit_version_ids: list[int]) -> dict[int, tuple]:
    """Per kit version: its submitted scorecards' count and latest submission time,
    and the versions of the profiles whose weights make their fit scores.

    Two small queries rather than one join over every scorecard's profile: the first
    is answered from the scorecards' covering index alone.
    """
    submitted = {
        kv: (count, last) for kv, count, last in db.session.execute(
            select(OpeningStage.kit_version_id, func.count(Scorecard.id),
                   func.max(Scorecard.submitted_at))
            .join(Interview, Interview.stage_id == OpeningStage.id)
            .join(Scorecard, Scorecard.interview_id == Interview.id)
            .where(Scorecard.status == SUBMITTED, OpeningStage.kit_version_id.in_(kit_version_ids))
            .group_by(OpeningStage.kit_version_id)
        )
    }
    profiles: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for kv, profile_id, version in db.session.execute(
        select(OpeningStage.kit_version_id, HighPerformerProfile.id, HighPerformerProfile.version)
        .join(Opening, OpeningStage.opening_id == Opening.id)
        .join(HighPerformerProfile, Opening.profile_id == HighPerformerProfile.id)
        .where(OpeningStage.kit_version_id.in_(kit_version_ids))
        .distinct().order_by(OpeningStage.kit_version_id, HighPerformerProfile.id)
    ):
        profiles[kv].append((profile_id, version))
    return {kv: (submitted.get(kv), tuple(profiles.get(kv, ()))) for kv in kit_version_ids}


def _compute_reliability(kit_version_ids: list[int]) -> dict[int, KitReliability]:
    rows = rating_rows(kit_version_ids=kit_version_ids)
    cards = ScorecardRatings(rows, profile_weights({r.opening_id for r in rows}))
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
