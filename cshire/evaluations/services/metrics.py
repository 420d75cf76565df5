"""Journey metrics per CSM from the imported events: the one function the metrics page,
its CSV export, the ``cshire metrics`` command and the evaluation form's KPI section all
call, so they show the same numbers."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select

from cshire.auth.models import Role, RoleGrant, Team, User
from cshire.evaluations.models.accounts import CustomerAccount, JourneyEvent
from cshire.evaluations.rules.metrics import (
    AccountHistory,
    ChurnMetric,
    StepMetric,
    churn,
    combined,
    step_metrics,
    weakest_step,
)
from cshire.evaluations.rules.periods import Period, period_of, previous
from cshire.extensions import db
from cshire.training.models.journey import Journey


@dataclass
class CsmMetrics:
    csm: User
    steps: list[StepMetric]
    churn: ChurnMetric
    accounts: int

    @property
    def weakest(self) -> StepMetric | None:
        return weakest_step(self.steps)


@dataclass
class TeamMetrics:
    journey: Journey
    period: Period
    as_of: date
    window_days: int | None
    members: list[CsmMetrics]
    steps: list[StepMetric]  # the members' counts added up
    churn: ChurnMetric

    @property
    def weakest(self) -> StepMetric | None:
        return weakest_step(self.steps)


def histories(journey: Journey, owner_ids: Iterable[int]) -> dict[int, list[AccountHistory]]:
    """Every account of these owners with its events on ``journey``, by owner (one
    query; accounts with no events on the journey are left out)."""
    owner_ids = list(owner_ids)
    if not owner_ids:
        return {}
    # The journey is filtered here, not in SQL: with it in the WHERE clause a database
    # without statistics (a fresh SQLite file) walks every event of the journey (500,000
    # at the bench's large scale: ~2 s) instead of the owners' accounts and their events
    # by index (~20 ms). An account is normally on one journey, so little is read twice.
    rows = db.session.execute(
        select(CustomerAccount.id, CustomerAccount.owner_id, JourneyEvent.journey_id,
               JourneyEvent.stage_code, JourneyEvent.entered_on)
        .join(JourneyEvent, JourneyEvent.account_id == CustomerAccount.id)
        .where(CustomerAccount.owner_id.in_(owner_ids))
    )
    events: dict[tuple[int, int], list[tuple[str, date]]] = defaultdict(list)
    for account_id, owner_id, journey_id, stage_code, entered_on in rows:
        if journey_id == journey.id:
            events[(owner_id, account_id)].append((stage_code, entered_on))
    by_owner: dict[int, list[AccountHistory]] = defaultdict(list)
    for (owner_id, account_id), account_events in events.items():
        by_owner[owner_id].append(AccountHistory(account_id, owner_id, tuple(account_events)))
    return by_owner


def team_metrics(journey: Journey, period: Period, members: list[User], *,
                 as_of: date | None = None, window_days: int | None = None) -> TeamMetrics:
    """Metrics of each of ``members`` (in the order given) and of them together."""
    as_of = as_of or date.today()
    stages = [stage.code for stage in journey.stages]
    by_owner = histories(journey, [m.id for m in members])
    rows = []
    for member in members:
        owned = by_owner.get(member.id, [])
        rows.append(CsmMetrics(
            csm=member,
            steps=step_metrics(owned, stages, period, as_of=as_of, window_days=window_days),
            churn=churn(owned, period, as_of),
            accounts=len(owned),
        ))
    every_history = [h for owned in by_owner.values() for h in owned]
    return TeamMetrics(
        journey=journey, period=period, as_of=as_of, window_days=window_days, members=rows,
        steps=combined([r.steps for r in rows]) if rows else step_metrics(
            [], stages, period, as_of=as_of),
        churn=churn(every_history, period, as_of),
    )


# --- what the pages, the export and the command measure ------------------------------

# The columns of ``flask cshire metrics --format csv``; the page's export adds the
# median after them, so the two files agree column for column.
CSV_COLUMNS = ("csm_email", "from_stage", "to_stage", "entered", "converted",
               "conversion_rate")
EXPORT_COLUMNS = (*CSV_COLUMNS, "median_days", "median_days_n")


def default_period(today: date | None = None) -> Period:
    """The last complete quarter: a quarter still running would show cohorts that have
    not had the time to convert."""
    return previous(period_of(today or date.today(), quarterly=True))


def journeys() -> list[Journey]:
    """The journeys one may measure, the first one the default (stages loaded with them)."""
    return list(db.session.scalars(select(Journey).order_by(Journey.id)))


def journey_by_code(code: str) -> Journey | None:
    return db.session.scalar(select(Journey).where(Journey.code == code.strip()))


def _is_csm():
    return exists().where(RoleGrant.user_id == User.id, RoleGrant.role == Role.CSM.value)


def team_csms(team: Team) -> list[User]:
    """The team's active CSMs, the people measured on its page, by name."""
    return list(db.session.scalars(
        select(User).where(User.team_id == team.id, User.active, _is_csm())
        .order_by(User.display_name, User.id)))


def default_team(teams: list[Team]) -> Team | None:
    """The team the metrics page opens on: the one with the most active CSMs (a manager
    of a small new-hire team and a large one sees the large one first), then by name."""
    if not teams:
        return None
    sizes = dict(db.session.execute(
        select(User.team_id, func.count()).where(
            User.team_id.in_([t.id for t in teams]), User.active, _is_csm())
        .group_by(User.team_id)).all())
    return max(teams, key=lambda team: sizes.get(team.id, 0))  # max keeps the first tie


def csms_with_accounts() -> list[User]:
    """Every active CSM who owns customer accounts (the command without ``--team``)."""
    owns = exists().where(CustomerAccount.owner_id == User.id)
    return list(db.session.scalars(
        select(User).where(User.active, _is_csm(), owns).order_by(User.display_name, User.id)))


def rate_text(rate: float | None) -> str:
    """A rate as the CSV files write it: 4 decimals, empty when nothing entered the step."""
    return "" if rate is None else f"{rate:.4f}"


def csv_rows(metrics: TeamMetrics, *, with_median: bool = False) -> list[list[object]]:
    """One row per CSM and step: the same rows for the command and the page's export."""
    rows: list[list[object]] = []
    for member in metrics.members:
        for step in member.steps:
            row: list[object] = [member.csm.email, step.from_stage, step.to_stage,
                                 step.entered, step.converted, rate_text(step.rate)]
            if with_median:
                median_days = step.median_days
                row += ["" if median_days is None else f"{median_days:g}", len(step.days)]
            rows.append(row)
    return rows
