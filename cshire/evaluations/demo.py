"""Evaluations' demo data: its ordered ``STEPS`` (see ``cshire/demo.py``).

Two steps, after the people and the training demo (which makes the ``saas`` journey
and promotes its earlier cohorts to CSMs):

- ``evaluations accounts``: customer accounts for every CSM of the teams the content
  designs, with their journey events on the ``saas`` journey over the last two complete
  quarters (and the current one so far; accounts live before them have older events),
  and the NPS each designed CSM had in those two quarters. A CSM promoted from a
  training cohort owns accounts from their sign-off on.
- ``evaluations cycles``: a finished cycle for the earlier quarter (every evaluation
  acknowledged: self and manager ratings with evidence, a reflection on the weakest
  step, a development plan) and an open one for the last quarter, each evaluation where
  the content says (drafts, self-reviews waiting for their manager, one shared and
  waiting for the acknowledgement…).

Who is strong or weak where is content (``demo_content``); the accounts' paths are
drawn from a random stream per person, every draw made whatever the date, so the same
people convert alike whenever the demo is loaded. Dates are relative to today. A
quarter's new accounts move through the journey within that quarter, so its step
figures are complete when it ends. Idempotent: a person's accounts by their external
ids, a KPI value by (person, metric, period), a cycle by (journey, period).
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from itertools import pairwise, product
from typing import Any

from sqlalchemy import insert, select

from cshire.auth.models import Role, User
from cshire.auth.services import members_with_role_query
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.evaluations.demo_content import evaluations_demo
from cshire.evaluations.models.accounts import CHURNED, CustomerAccount, JourneyEvent
from cshire.evaluations.models.cycles import (
    DevelopmentGoal,
    Evaluation,
    EvaluationCycle,
    EvaluationRating,
    EvaluationStatus,
    Rater,
)
from cshire.evaluations.models.kpis import KpiValue
from cshire.evaluations.rules.periods import Period, period_of, previous
from cshire.evaluations.services.metrics import team_metrics
from cshire.extensions import db
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.journey import Journey

SEED = "evaluations-demo"
ID_PREFIX = "DEMO-"  # external ids: DEMO-<the email's local part>-<number>
FIRST_ENTRY_DAYS = 30  # a quarter's new accounts enter onboarding in its first 30 days
# Days from entering a stage to entering the next: short enough that a quarter's new
# accounts are through the journey before it ends (30 + 3 × 18 < 90).
STAGE_DAYS = (6, 18)
HISTORY_DAYS = (120, 540)  # accounts live before the earlier quarter started that long ago
RENEWED_AGAIN = 0.3  # of the renewed accounts, renewing once more in a quarter
STALLED_CHURN = 0.3  # of the accounts stuck in onboarding, churning within weeks
STATUS_ORDER = list(EvaluationStatus)


def quarters(today: date) -> tuple[Period, Period, Period]:
    """The earlier and the last complete quarter before today, and the current one."""
    current = period_of(today, quarterly=True)
    last = previous(current)
    return previous(last), last, current


# --- step 1: accounts, journey events, KPI values --------------------------------------


@dataclass(frozen=True)
class Habits:
    """How a CSM's accounts move: the content's person, or its ``newcomers``."""

    touch: str
    arr: float
    new_accounts: int
    history_accounts: int
    conversion: tuple[float, ...]
    churn: float
    re_entries: float


def load_accounts(lang: str) -> list[str]:
    content = evaluations_demo()
    journey = _journey()
    if journey is None:
        return ["evaluations accounts: skipped (run the training demo first)"]
    today = date.today()
    names = _AccountNames(content["account_names"], lang)
    designed = {p["email"]: p for p in content["people"]}
    owned = set(db.session.scalars(
        select(CustomerAccount.owner_id).where(CustomerAccount.external_id.like(f"{ID_PREFIX}%"))))
    accounts = events = 0
    for csm in _team_csms():
        if csm.id in owned:
            continue
        person = designed.get(csm.email)
        habits = _habits(person or content["newcomers"], history=person is not None)
        made = _Book(csm, habits, journey, today, since=None if person else _promoted_on(csm))
        accounts, events = accounts + made.write(names), events + len(made.events)
    kpis = _nps(content["people"], content["kpi_note"][lang], today)
    return [f"evaluations: {accounts} customer accounts, {events} journey events, "
            f"{kpis} NPS values"]


def _journey() -> Journey | None:
    return db.session.scalar(select(Journey).where(Journey.code == evaluations_demo()["journey"]))


def _users(emails: Sequence[str]) -> dict[str, User]:
    return {u.email: u for u in db.session.scalars(select(User).where(User.email.in_(emails)))}


def _team_csms() -> list[User]:
    """Every CSM of the teams the designed people belong to, by email."""
    people = _users([p["email"] for p in evaluations_demo()["people"]]).values()
    team_ids = {u.team_id for u in people if u.team_id is not None}
    return sorted(db.session.scalars(members_with_role_query(Role.CSM, team_ids=team_ids)),
                  key=lambda u: u.email)


def _habits(text: dict[str, Any], *, history: bool) -> Habits:
    return Habits(touch=text["touch"], arr=text["arr"], new_accounts=text["new_accounts"],
                  history_accounts=text["history_accounts"] if history else 0,
                  conversion=tuple(text["conversion"]), churn=text["churn"],
                  re_entries=text.get("re_entries", 0.0))


def _promoted_on(csm: User) -> date | None:
    """The day a CSM promoted from training was signed off (None: a CSM all along)."""
    return db.session.scalar(
        select(Enrolment.signed_off_on).where(Enrolment.user_id == csm.id,
                                              Enrolment.promoted_to_csm.is_(True))
        .order_by(Enrolment.signed_off_on))


class _AccountNames:
    """Distinct company names in the demo's language, in a fixed shuffled order."""

    def __init__(self, text: dict[str, Any], lang: str) -> None:
        joiner = " " if lang == "en" else ""
        plain = [joiner.join((s[lang], i[lang]))
                 for s, i in product(text["stems"], text["industries"])]
        branched = [joiner.join((name, b[lang]))
                    for b, name in product(text["branches"], plain)]
        self.names = plain + branched
        random.Random(SEED).shuffle(self.names)  # noqa: S311 - demo data
        taken = db.session.scalar(
            select(db.func.count()).select_from(CustomerAccount)
            .where(CustomerAccount.external_id.like(f"{ID_PREFIX}%")))
        self.next = taken or 0

    def take(self) -> str:
        name = self.names[self.next % len(self.names)]
        self.next += 1
        return name


class _Book:
    """One CSM's accounts and their events, drawn from the person's random stream."""

    def __init__(self, csm: User, habits: Habits, journey: Journey, today: date, *,
                 since: date | None) -> None:
        self.csm, self.habits, self.today, self.since = csm, habits, today, since
        self.rng = random.Random(f"{SEED}/{csm.email}")  # noqa: S311 - demo data
        self.stages = [stage.code for stage in journey.stages]
        self.journey_id = journey.id
        self.accounts: list[list[tuple[str, date]]] = []  # each account's events
        three = quarters(today)
        for _ in range(habits.history_accounts):
            self._live_account(three[0].start, three)
        for number, quarter in enumerate(three):
            for _ in range(max(0, habits.new_accounts + self.rng.randint(-2, 2))):
                self._new_account(quarter, three[number + 1:])
        # Every draw is made above whatever the date; what has not happened yet is cut.
        self.accounts = [[(code, day) for code, day in events if day < today]
                         for events in self.accounts]
        self.accounts = [events for events in self.accounts if events]

    @property
    def events(self) -> list[tuple[str, date]]:
        return [event for events in self.accounts for event in events]

    def _gap(self) -> timedelta:
        return timedelta(days=self.rng.randint(*STAGE_DAYS))

    def _live_account(self, before: date, quarters_: Sequence[Period]) -> None:
        """A customer since long ago: through onboarding and some stages later, then,
        in each quarter, churned or (now and then) renewed again."""
        day = before - timedelta(days=self.rng.randint(*HISTORY_DAYS))
        reached = self.rng.randint(1, len(self.stages) - 1)
        events = []
        for code in self.stages[:reached + 1]:
            events.append((code, min(day, before - timedelta(days=1))))
            day += timedelta(days=self.rng.randint(20, 60))
        self._later_quarters(events, quarters_)
        self.accounts.append(events)

    def _later_quarters(self, events: list[tuple[str, date]],
                        quarters_: Sequence[Period]) -> None:
        """In each quarter an account is live: churned, or now and then renewed again."""
        for quarter in quarters_:
            day = quarter.start + timedelta(days=self.rng.randint(0, 80))
            churned, renewed = self.rng.random() < self.habits.churn, self.rng.random()
            if churned:
                events.append((CHURNED, day))
                return
            if events[-1][0] == self.stages[-1] and renewed < RENEWED_AGAIN:
                events.append((self.stages[-1], day))  # a re-entry: not counted again

    def _new_account(self, quarter: Period, later: Sequence[Period]) -> None:
        """Enters onboarding early in ``quarter`` and moves on step by step, each with
        the person's conversion rate; an expanded account may fall back to adoption.
        A CSM promoted during the quarter is handed theirs in the two weeks after."""
        day = quarter.start + timedelta(days=self.rng.randint(0, FIRST_ENTRY_DAYS))
        draws = [self.rng.random() for _ in range(len(self.stages) + 2)]
        if self.since is not None and day < self.since:
            if self.since > quarter.end:
                return  # before they were a CSM
            day = self.since + timedelta(days=self.rng.randint(0, 14))
        events = [(self.stages[0], day)]
        for code, rate, draw in zip(self.stages[1:], self.habits.conversion, draws,
                                    strict=False):
            if draw >= rate:
                break
            day += self._gap()
            events.append((code, day))
        fell_back, stalled = draws[-2] < self.habits.re_entries, draws[-1] < STALLED_CHURN
        if len(events) == 3 and fell_back:  # expanded, then back to adoption
            events.append((self.stages[1], day + timedelta(days=self.rng.randint(3, 8))))
        elif len(events) == 1 and stalled:
            events.append((CHURNED, day + timedelta(days=self.rng.randint(20, 40))))
        if events[-1][0] != CHURNED:
            self._later_quarters(events, later)
        self.accounts.append(events)

    def write(self, names: _AccountNames) -> int:
        """Insert the accounts, then their events (executemany: no object per row)."""
        local = self.csm.email.split("@")[0].upper()
        ids = [f"{ID_PREFIX}{local}-{n:04d}" for n in range(1, len(self.accounts) + 1)]
        if not ids:
            return 0
        created = datetime.combine(self.today, time(), tzinfo=UTC)
        db.session.execute(insert(CustomerAccount), [
            {"external_id": external_id, "name": names.take(), "owner_id": self.csm.id,
             "touch_model": self.habits.touch, "arr": self._arr(), "created_at": created,
             "updated_at": created} for external_id in ids])
        by_external = dict(db.session.execute(
            select(CustomerAccount.external_id, CustomerAccount.id)
            .where(CustomerAccount.owner_id == self.csm.id)).all())
        rows = [{"account_id": by_external[external_id], "journey_id": self.journey_id,
                 "stage_code": code, "entered_on": day, "imported_at": created}
                for external_id, events in zip(ids, self.accounts, strict=True)
                for code, day in sorted(set(events), key=lambda e: e[1])]
        db.session.execute(insert(JourneyEvent), rows)
        return len(ids)

    def _arr(self) -> Decimal:
        return Decimal(round(self.habits.arr * self.rng.lognormvariate(0, 0.4), -3))


def _nps(people: Sequence[dict[str, Any]], note: str, today: date) -> int:
    """Each designed person's NPS in the two quarters, entered by their manager."""
    earlier, last, _current = quarters(today)
    users = _users([p["email"] for p in people])
    existing = set(db.session.execute(
        select(KpiValue.user_id, KpiValue.period).where(KpiValue.metric == "nps")).all())
    added = 0
    for person in people:
        user = users.get(person["email"])
        if user is None:
            continue
        for period, value in zip((earlier, last), person["nps"], strict=True):
            if (user.id, period.label) in existing:
                continue
            respondents = 6 + (person["new_accounts"] + person["history_accounts"]) // 3
            db.session.add(KpiValue(
                user=user, metric="nps", period=period.label, value=Decimal(value),
                n=respondents, note=note, entered_by_id=_manager_id(user),
                entered_at=_at(period.end, 6)))
            added += 1
    db.session.flush()
    return added


def _manager_id(user: User) -> int | None:
    return user.team.manager_id if user.team is not None else None


def _at(day: date, days: float = 0, hour: int = 10) -> datetime:
    """``days`` after ``day`` at ``hour`` UTC, never later than now."""
    return min(datetime.combine(day, time(hour), tzinfo=UTC) + timedelta(days=days), utcnow())


# --- step 2: the cycles ----------------------------------------------------------------


def load_cycles(lang: str) -> list[str]:
    journey = _journey()
    if journey is None:
        return ["evaluations cycles: skipped (run the training demo first)"]
    today = date.today()
    earlier, last, _current = quarters(today)
    made = []
    for period, finished in ((earlier, True), (last, False)):
        if _cycle(journey, period) is None:
            _Cycle(journey, period, lang, finished=finished, today=today).write()
            made.append(period.label)
    return [f"evaluations cycles: {', '.join(made) or 'none new'} (finished {earlier.label}, "
            f"open {last.label})"]


def _cycle(journey: Journey, period: Period) -> EvaluationCycle | None:
    return db.session.scalar(select(EvaluationCycle).where(
        EvaluationCycle.journey_id == journey.id, EvaluationCycle.period == period.label))


class _Cycle:
    """A cycle and one evaluation per designed person, with everything its state holds."""

    def __init__(self, journey: Journey, period: Period, lang: str, *, finished: bool,
                 today: date) -> None:
        self.content = evaluations_demo()
        self.journey, self.period, self.lang = journey, period, lang
        self.finished, self.today = finished, today
        self.competencies = list(db.session.scalars(
            select(Competency).where(Competency.archived_at.is_(None))
            .order_by(Competency.category, Competency.code)))
        self.leniency = {row["manager"]: row["points"] for row in self.content["leniency"]}
        self.step_competencies = {row["step"]: set(row["competencies"])
                                  for row in self.content["step_competencies"]}
        self.evidence = {row["level"]: row["notes"] for row in self.content["evidence"]}

    def write(self) -> None:
        admin = db.session.scalar(select(User).where(User.email == "admin@example.com"))
        end = self.period.end
        cycle = EvaluationCycle(
            name=self.content["cycle_name"][self.lang].replace("{period}", self.period.label),
            period=self.period.label, journey=self.journey,
            self_due_on=end + timedelta(days=14) if self.finished else self.today + timedelta(5),
            manager_due_on=end + timedelta(days=28) if self.finished
            else self.today + timedelta(19),
            created_by_id=admin.id if admin else None, created_at=_at(end, -7),
            closed_at=_at(end, 40) if self.finished else None)
        db.session.add(cycle)
        db.session.flush()
        people = self.content["people"]
        users = _users([p["email"] for p in people])
        present = [(p, users[p["email"]]) for p in people if p["email"] in users]
        weakest = self._weakest_steps([u for _p, u in present])
        ratings = []
        for person, user in present:
            status = EvaluationStatus.ACKNOWLEDGED if self.finished else EvaluationStatus(
                person["open_status"])
            ratings += self._evaluation(cycle, person, user, status, weakest.get(user.id, ""))
        db.session.execute(insert(EvaluationRating), ratings)

    def _weakest_steps(self, members: list[User]) -> dict[int, str]:
        """Each member's weakest step in the period, as the metrics page computes it."""
        metrics = team_metrics(self.journey, self.period, members)
        return {row.csm.id: f"{row.weakest.from_stage}→{row.weakest.to_stage}"
                for row in metrics.members if row.weakest is not None}

    def _evaluation(self, cycle: EvaluationCycle, person: dict[str, Any], user: User,
                    status: EvaluationStatus, weakest: str) -> list[dict[str, Any]]:
        # Seeded by the cycle's role, not its period: the same ratings whatever the date.
        role = "finished" if self.finished else "open"
        rng = random.Random(f"{SEED}/{role}/{user.email}")  # noqa: S311 - demo data
        reached = STATUS_ORDER.index(status)
        self_done = reached >= STATUS_ORDER.index(EvaluationStatus.SELF_SUBMITTED)
        manager_done = reached >= STATUS_ORDER.index(EvaluationStatus.MANAGER_SUBMITTED)
        manager = user.team.manager if user.team is not None else None
        evaluation = Evaluation(cycle=cycle, csm=user, manager=manager, status=status.value)
        self._timeline(evaluation, reached, rng)
        if self_done:
            evaluation.weakest_step = weakest
            evaluation.weakest_step_reflection = self._reflection(weakest, rng)
        levels = self._levels(person, rng)
        if manager_done:
            evaluation.manager_summary = self._summary(person["level"])
            evaluation.goals = self._goals(weakest, levels)
        db.session.add(evaluation)
        db.session.flush()
        rows = []
        self_share = 1.0 if self_done else person.get("self_rated", 0.0)
        self_rated = self.competencies[:round(self_share * len(self.competencies))]
        for competency in self_rated:
            level = _clip(levels[competency.id] + person["self_bias"] + rng.choice((0, 0, 0, 1)))
            rows.append(self._rating(evaluation, competency, Rater.SELF, level, rng))
        if manager_done:
            points = self.leniency.get(manager.email if manager else "", 0)
            for competency in self.competencies:
                level = _clip(levels[competency.id] + points)
                rows.append(self._rating(evaluation, competency, Rater.MANAGER, level, rng))
        return rows

    def _levels(self, person: dict[str, Any], rng: random.Random) -> dict[int, int]:
        """The level the person works at on each competency: lower on those that show
        their weakest step (and churn, when it is high), higher on their strongest."""
        steps = [f"{a.code}→{b.code}" for a, b in pairwise(self.journey.stages)]
        rates = list(zip(person["conversion"], steps, strict=True))
        weak, strong = min(rates)[1], max(rates)[1]
        churny = person["churn"] >= 0.15
        levels = {}
        for competency in self.competencies:
            level = person["level"] + rng.choice((-1, 0, 0, 0, 0, 1))
            if competency.code in self.step_competencies.get(weak, ()):
                level -= 1
            elif competency.code in self.step_competencies.get(strong, ()):
                level += 1
            if churny and competency.code in self.content["churn_competencies"]:
                level -= 1
            levels[competency.id] = _clip(level)
        return levels

    def _rating(self, evaluation: Evaluation, competency: Competency, rater: Rater, level: int,
                rng: random.Random) -> dict[str, Any]:
        return {"evaluation_id": evaluation.id, "competency_id": competency.id,
                "rater": rater.value, "level": level,
                "evidence": rng.choice(self.evidence[level])[self.lang]}

    def _timeline(self, evaluation: Evaluation, reached: int, rng: random.Random) -> None:
        """When each step was taken: weeks after the quarter for a finished cycle, the
        last few days for the open one."""
        if self.finished:
            base, offsets = self.period.end, (7, 15, 21, 25)
        else:
            base, offsets = self.today, (-6, -4, -2, -1)
        moments = [_at(base, days + rng.random() / 2, hour=9 + rng.randint(0, 8))
                   for days in offsets]
        evaluation.created_at = _at(self.period.end, -7)
        for field, moment, step in zip(
                ("self_submitted_at", "manager_submitted_at", "shared_at", "acknowledged_at"),
                moments, range(1, len(STATUS_ORDER)), strict=True):
            if reached >= step:
                setattr(evaluation, field, moment)
        evaluation.updated_at = max([evaluation.created_at, *moments[:reached]])

    def _reflection(self, step: str, rng: random.Random) -> str:
        texts = {row["step"]: row["texts"] for row in self.content["reflections"]}
        return rng.choice(texts[step])[self.lang] if step in texts else ""

    def _summary(self, level: int) -> str:
        summaries = {row["level"]: row["text"] for row in self.content["summaries"]}
        nearest = min(summaries, key=lambda known: abs(known - level))
        return summaries[nearest][self.lang]

    def _goals(self, weakest: str, levels: dict[int, int]) -> list[DevelopmentGoal]:
        """A goal on the weakest step, and one on the lowest-rated competency."""
        due = self.period.end + timedelta(days=120)
        goals = []
        step_goal = next((g for g in self.content["goals"] if g["step"] == weakest), None)
        if step_goal is not None:
            goals.append(DevelopmentGoal(
                position=1, journey_step=weakest, goal=step_goal["goal"][self.lang],
                actions=step_goal["actions"][self.lang], due_on=due))
        lowest = min(self.competencies, key=lambda c: levels[c.id])
        name = lowest.name_ja if self.lang == "ja" else lowest.name_en
        text = self.content["competency_goal"]
        goals.append(DevelopmentGoal(
            position=len(goals) + 1, competency=lowest,
            goal=text["goal"][self.lang].replace("{competency}", name),
            actions=text["actions"][self.lang], due_on=due))
        return goals


def _clip(level: int) -> int:
    return max(1, min(5, level))


STEPS = (
    ("evaluations accounts", load_accounts),
    ("evaluations cycles", load_cycles),
)
