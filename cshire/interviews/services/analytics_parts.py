"""The agreement report in parts: one part per opening and kit version, whose exact
sums are cached under a fingerprint of that part alone.

Every interview belongs to one opening (its application's) and one kit version (its
stage's), so parts share no interview, scorecard or rating, and every scope of the
report (a manager's openings, one opening, one kit version) is a union of whole
parts. A part holds the sufficient statistics of its figures (``cshire.stats``'
mergeable sums), which add up over parts exactly: the combined figure is the very one
computed from all the ratings at once. A new or reopened scorecard changes one part's
fingerprint; the report then recomputes that part from its few hundred ratings and
combines it with the others' cached sums, instead of reading every rating again.

Parts do not depend on who asks: managers and admins share them.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, Self

from sqlalchemy import func, select

from cshire import stats
from cshire.cache import memo
from cshire.extensions import db
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import KitItem
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.models.scoring import Scorecard
from cshire.interviews.services.ratings import (
    SUBMITTED,
    Rating,
    ScorecardRatings,
    profile_weights,
    rating_rows,
)

MAX_CACHED_PARTS = 5000  # per worker process; the large bench scale has 400 parts
MAX_CACHED_GROUPS = 1000  # groups of about √n parts (see ``combined_sums``)


class PartKey(NamedTuple):
    """One part and the fingerprint of what its sums were computed from: its submitted
    scorecards' count and latest submission time (a submission changes both, a
    reopening the count) and the version of the opening's profile, whose weights make
    the fit scores. A changed fingerprint is a new key: a stale part is never used."""

    opening_id: int
    kit_version_id: int
    submitted: int
    last_submitted_at: datetime | None
    profile_id: int
    profile_version: int


@dataclass(frozen=True)
class AgreementSums:
    """ICC(1,·) and interval-alpha sums of one kind of per-scorecard score (the fit,
    or the mean rating of one competency) over the interviews with two or more."""

    icc: stats.OneWaySums
    alpha: stats.IntervalAlphaSums

    @classmethod
    def of(cls, panels: Iterable[list[int]], values: Mapping[int, float | None]) -> Self:
        targets = []
        for sids in panels:
            scored = [values[s] for s in sids if values.get(s) is not None]
            if len(scored) >= 2:
                targets.append(scored)
        return cls(stats.OneWaySums.of(targets), stats.IntervalAlphaSums.of(targets))

    @classmethod
    def combine(cls, parts: Sequence[Self]) -> Self:
        return cls(stats.OneWaySums.combine(p.icc for p in parts),
                   stats.IntervalAlphaSums.combine(p.alpha for p in parts))


@dataclass(frozen=True)
class InterviewerSums:
    """One interviewer's scorecards, their 1–5 ratings, and per shared interview the
    difference between their scorecard's mean and their co-raters' (leniency)."""

    n_scorecards: int
    ratings: stats.Moments
    differences: stats.Moments

    @classmethod
    def combine(cls, parts: Sequence[Self]) -> Self:
        return cls(sum(p.n_scorecards for p in parts),
                   stats.Moments.combine(p.ratings for p in parts),
                   stats.Moments.combine(p.differences for p in parts))


@dataclass(frozen=True)
class QuestionSums:
    """One kit question's ratings, how many sat at 5 and at 1, how often it was not
    asked, and its item–rest correlation sums."""

    ratings: stats.Moments
    ceiling: int
    floor: int
    not_asked: int
    item_rest: stats.PearsonSums

    @classmethod
    def combine(cls, parts: Sequence[Self]) -> Self:
        return cls(stats.Moments.combine(p.ratings for p in parts),
                   sum(p.ceiling for p in parts), sum(p.floor for p in parts),
                   sum(p.not_asked for p in parts),
                   stats.PearsonSums.combine(p.item_rest for p in parts))


@dataclass(frozen=True)
class KitSums:
    """A kit version's questions: their ids in the kit's order and one sums each."""

    items: tuple[int, ...]
    questions: tuple[QuestionSums, ...]

    @classmethod
    def combine(cls, parts: Sequence[Self]) -> Self:
        return cls(parts[0].items, tuple(
            QuestionSums.combine(column) for column in zip(*(p.questions for p in parts),
                                                           strict=True)))


@dataclass(frozen=True)
class Sums:
    """Everything the report needs from one part, or from several combined (ids and
    numbers only: a cached value outlives the request's session)."""

    overall: AgreementSums  # of the fit scores
    competencies: dict[int, AgreementSums]
    interviewers: dict[int, InterviewerSums]
    kits: dict[int, KitSums]  # kit version id → its questions (versions with ratings)
    n_scorecards: int  # submitted scorecards with at least one answer
    n_interviews: int

    @classmethod
    def combine(cls, parts: Sequence[Self]) -> Self:
        return cls(
            overall=AgreementSums.combine([p.overall for p in parts]),
            competencies=_combine_by_id(AgreementSums, [p.competencies for p in parts]),
            interviewers=_combine_by_id(InterviewerSums, [p.interviewers for p in parts]),
            kits=_combine_by_id(KitSums, [p.kits for p in parts]),
            n_scorecards=sum(p.n_scorecards for p in parts),
            n_interviews=sum(p.n_interviews for p in parts),
        )


def _combine_by_id(kind: type, dicts: Sequence[Mapping[int, Any]]) -> dict[int, Any]:
    grouped: dict[int, list] = defaultdict(list)
    for by_id in dicts:
        for key, sums in by_id.items():
            grouped[key].append(sums)
    return {key: sums[0] if len(sums) == 1 else kind.combine(sums)
            for key, sums in grouped.items()}


def part_keys(opening_ids: Sequence[int], kit_version_id: int | None = None) -> list[PartKey]:
    """The parts of a scope with their fingerprints, ordered by opening and kit version.

    Three queries: the submitted scorecards' count and latest submission per opening
    and stage (answered from covering indexes alone: it runs on every report), then
    the stages' kit versions and the openings' profile versions (small tables).
    """
    query = (
        select(Application.opening_id, Interview.stage_id, func.count(Scorecard.id),
               func.max(Scorecard.submitted_at))
        .select_from(Scorecard)
        .join(Interview, Scorecard.interview_id == Interview.id)
        .join(Application, Interview.application_id == Application.id)
        .where(Scorecard.status == SUBMITTED, Application.opening_id.in_(list(opening_ids)))
        .group_by(Application.opening_id, Interview.stage_id)
    )
    if kit_version_id:
        query = query.where(Interview.stage_id.in_(
            select(OpeningStage.id).where(OpeningStage.kit_version_id == kit_version_id)))
    by_stage = db.session.execute(query).all()
    versions = dict(db.session.execute(
        select(OpeningStage.id, OpeningStage.kit_version_id)
        .where(OpeningStage.id.in_(sorted({stage for _, stage, _, _ in by_stage})))).all())
    profiles = {opening: (profile, version) for opening, profile, version in db.session.execute(
        select(Opening.id, Opening.profile_id, HighPerformerProfile.version)
        .join(HighPerformerProfile, Opening.profile_id == HighPerformerProfile.id)
        .where(Opening.id.in_(sorted({opening for opening, _, _, _ in by_stage}))))}
    # Two stages of one opening may use the same kit version: one part.
    parts: dict[tuple[int, int], tuple[int, datetime | None]] = {}
    for opening, stage, count, last in by_stage:
        pair = (opening, versions[stage])
        before_count, before_last = parts.get(pair, (0, None))
        parts[pair] = (before_count + count, max(filter(None, (before_last, last)), default=None))
    return [PartKey(opening, kv, count, last, *profiles[opening])
            for (opening, kv), (count, last) in sorted(parts.items())]


def combined_sums(keys: Sequence[PartKey]) -> Sums:
    """The sums of all these parts, combined in two levels.

    Combining all of hundreds of parts after every write would cost more than
    recomputing the one part that changed, so the parts (in ``part_keys``' order) are
    combined in groups of about √n, each group's sums cached under its parts' keys,
    and then the groups: after a write, one group is combined again from its cached
    parts, then the √n groups' sums. (An opening's first scorecard with a kit version
    adds a part and shifts the groups after it: those are combined again once.)
    """
    size = max(1, math.isqrt(len(keys)))
    groups = [tuple(keys[i:i + size]) for i in range(0, len(keys), size)]
    cache = memo("agreement_groups", MAX_CACHED_GROUPS)
    # Every part a missing group needs, computed together (a fixed number of queries).
    part_sums([key for group in groups if not cache.known(group) for key in group])
    return Sums.combine([cache.get(group, lambda group=group: Sums.combine(part_sums(group)))
                         for group in groups])


def part_sums(keys: Sequence[PartKey]) -> list[Sums]:
    """Each part's sums, from the cache or computed: the missing parts together, in
    one pass over their ratings (a fixed number of queries however many)."""
    cache = memo("agreement_parts", MAX_CACHED_PARTS)
    missing = [key for key in keys if not cache.known(key)]
    computed = _compute_parts(missing) if missing else {}

    def compute(key: PartKey) -> Sums:
        # Evicted between ``known`` and ``get`` (only under heavy churn): compute alone.
        found = computed.get((key.opening_id, key.kit_version_id))
        return found if found is not None else _compute_parts([key])[
            (key.opening_id, key.kit_version_id)]

    return [cache.get(key, lambda key=key: compute(key)) for key in keys]


def _compute_parts(keys: Sequence[PartKey]) -> dict[tuple[int, int], Sums]:
    pairs = {(key.opening_id, key.kit_version_id) for key in keys}
    openings = sorted({o for o, _ in pairs})
    versions = sorted({kv for _, kv in pairs})
    rows: dict[tuple[int, int], list[Rating]] = defaultdict(list)
    for row in rating_rows(openings, versions):
        if (row.opening_id, row.kit_version_id) in pairs:  # not another of their pairs
            rows[(row.opening_id, row.kit_version_id)].append(row)
    weights = profile_weights(openings)
    items = _kit_items(versions)
    return {(o, kv): _part(kv, rows.get((o, kv), []), weights, items.get(kv, []))
            for o, kv in pairs}


def _kit_items(kit_version_ids: list[int]) -> dict[int, list[int]]:
    """Kit version id → its question ids in the kit's order."""
    items: dict[int, list[int]] = defaultdict(list)
    for item_id, version_id in db.session.execute(
        select(KitItem.id, KitItem.kit_version_id)
        .where(KitItem.kit_version_id.in_(kit_version_ids))
        .order_by(KitItem.kit_version_id, KitItem.position, KitItem.id)
    ):
        items[version_id].append(item_id)
    return items


def _part(kit_version_id: int, rows: list[Rating],
          weights: Mapping[int, Mapping[int, float]], items: list[int]) -> Sums:
    cards = ScorecardRatings(rows, weights)
    panels = list(cards.panels().values())
    competency_ids = {c for means in cards.competency_means.values() for c in means}
    return Sums(
        overall=AgreementSums.of(panels, cards.fit),
        competencies={c: AgreementSums.of(panels, {
            sid: means.get(c) for sid, means in cards.competency_means.items()
        }) for c in competency_ids},
        interviewers=_interviewer_sums(rows, cards, panels),
        kits={kit_version_id: KitSums(tuple(items), _question_sums(items, rows))} if rows
        else {},
        n_scorecards=len(cards.meta),
        n_interviews=len({r.interview_id for r in rows}),
    )


def _interviewer_sums(rows: list[Rating], cards: ScorecardRatings,
                      panels: list[list[int]]) -> dict[int, InterviewerSums]:
    ratings: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        if row.rating is not None:
            ratings[row.interviewer_id].append(row.rating)
    differences: dict[int, list[float]] = defaultdict(list)
    for sids in panels:
        scored = [s for s in sids if cards.overall_mean.get(s) is not None]
        for s in scored:
            others = [cards.overall_mean[o] for o in scored if o != s]
            if others:
                differences[cards.meta[s].interviewer_id].append(
                    cards.overall_mean[s] - sum(others) / len(others))
    counts: dict[int, int] = defaultdict(int)
    for meta in cards.meta.values():
        counts[meta.interviewer_id] += 1
    return {
        user_id: InterviewerSums(count, stats.Moments.of(ratings.get(user_id, [])),
                                 stats.Moments.of(differences.get(user_id, [])))
        for user_id, count in counts.items()
    }


def _question_sums(items: list[int], rows: list[Rating]) -> tuple[QuestionSums, ...]:
    """One scorecard per row of a grid over the kit's questions (None: not rated)."""
    column = {item: i for i, item in enumerate(items)}
    grid: dict[int, list[int | None]] = defaultdict(lambda: [None] * len(items))
    not_asked: dict[int, int] = defaultdict(int)
    for row in rows:
        if row.kit_item_id not in column:
            continue
        if row.not_asked:
            not_asked[row.kit_item_id] += 1
        grid[row.scorecard_id][column[row.kit_item_id]] = row.rating
    item_rest = stats.item_rest_sums(list(grid.values()), width=len(items))
    result = []
    for i, item in enumerate(items):
        values = [r[i] for r in grid.values() if r[i] is not None]
        result.append(QuestionSums(stats.Moments.of(values), values.count(5), values.count(1),
                                   not_asked[item], item_rest[i]))
    return tuple(result)
