"""Generator area for evaluations (issue 11): ``customer_accounts`` accounts owned by the
generated CSMs with ``journey_events`` events on the training area's first journey
(``saas``) over the last three years, KPI values (NPS per quarter, CSAT per month), an
open review cycle for the last complete quarter with every CSM's evaluation in a mixed
state, and a finished cycle for the quarter before it for the bench manager's team.

The bench manager leads their own team here (the people area gives every team another
manager): the evaluations pages show a manager's team. Events are drawn per account as
a path through the stages (some stall, some churn, renewed accounts renew again every
few months), then trimmed from the newest so the total is exactly the scale's.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from bench.context import Context
from bench.training import JOURNEYS, STAGES

JOURNEY = JOURNEYS[0][0]  # the training area's first journey
STAGE_CODES = tuple(code for code, _en, _ja in STAGES)
CHURNED = "churned"
CONVERSION = (0.88, 0.68, 0.82)  # onboarding→adoption, adoption→expansion, expansion→renewal
RENEW_EVERY = (45, 100)  # days between a renewed account's renewals
CHURN_AT_RENEWAL, STALLED_CHURN = 0.06, 0.3
HISTORY_DAYS = 1095  # accounts became customers in the last three years
TOUCH = ("high", "low", "tech")
# The open cycle's evaluations: (status, share). Drafts: half have a self part started.
STATUSES = (("draft", 0.3), ("self_submitted", 0.25), ("manager_submitted", 0.2),
            ("shared", 0.15), ("acknowledged", 0.1))
ORDER = [status for status, _share in STATUSES]
EVIDENCE = ("Ran the quarterly review with the sponsor and agreed two expansion use cases.",
            "四半期レビューでスポンサーと2つの拡大ユースケースを合意した。",
            "Flagged a drop in weekly active users early and brought it back within a month.")
REFLECTION = ("Customers adopt the product, but I wait for them to ask for more. I will bring "
              "one expansion hypothesis to every quarterly review.")
SUMMARY = "A solid quarter. The plan targets the weakest step of the journey."


def generate_evaluations(ctx: Context) -> None:
    journeys = ctx.table("journeys")
    journey_id = ctx.conn.scalar(select(journeys.c.id).where(journeys.c.code == JOURNEY))
    team_of, managers = _teams(ctx)
    csms = sorted(ctx.facts["by_role"]["csm"])
    last, earlier = _quarters(ctx.now.date())
    _accounts_and_events(ctx, csms, journey_id)
    _kpis(ctx, csms, team_of, managers, (earlier, last))
    bench_team = team_of[ctx.facts["bench_manager"]]
    open_cycle, evaluation = _cycle(ctx, journey_id, last, csms, team_of, managers,
                                    finished=False)
    team_csms = [uid for uid in csms if team_of[uid] == bench_team]
    _cycle(ctx, journey_id, earlier, team_csms, team_of, managers, finished=True)
    ctx.facts["evaluations"] = {
        "manager": ctx.facts["bench_manager"], "team": bench_team, "journey": JOURNEY,
        "period": last[0], "csm": team_csms[0], "cycle": open_cycle,
        "evaluation": evaluation[team_csms[0]],
    }


def _teams(ctx: Context) -> tuple[dict[int, int], dict[int, int]]:
    """Every user's team, and every team's manager, after the bench manager takes
    over their own team."""
    users, teams = ctx.table("users"), ctx.table("teams")
    team_of = dict(ctx.conn.execute(select(users.c.id, users.c.team_id)).all())
    bench_team = team_of[ctx.facts["bench_manager"]]
    ctx.update_by_id("teams", {"manager_id": "manager"},
                     [{"row_id": bench_team, "manager": ctx.facts["bench_manager"]}])
    managers = dict(ctx.conn.execute(select(teams.c.id, teams.c.manager_id)).all())
    return team_of, managers


def _quarters(today: date) -> tuple[tuple[str, date, date], tuple[str, date, date]]:
    """The last complete quarter before ``today`` and the one before: (label, first
    day, last day)."""
    def quarter_of(day: date) -> tuple[str, date, date]:
        first_month = 3 * ((day.month - 1) // 3) + 1
        start = date(day.year, first_month, 1)
        after = date(day.year + (first_month == 10), (first_month + 2) % 12 + 1, 1)
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}", start, after - timedelta(days=1)

    current = quarter_of(today)
    last = quarter_of(current[1] - timedelta(days=1))
    return last, quarter_of(last[1] - timedelta(days=1))


# --- accounts and journey events -----------------------------------------------------------


def _accounts_and_events(ctx: Context, csms: list[int], journey_id: int) -> None:
    rng, today = ctx.rng, ctx.now.date()
    n = ctx.scale.customer_accounts
    account_ids = list(ctx.ids("customer_accounts", n))
    created = ctx.at(-1)
    ctx.insert("customer_accounts", (
        {"id": aid, "external_id": f"CRM-{aid:07d}", "name": f"Account {aid:06d} K.K.",
         "owner_id": csms[k % len(csms)] if k % 7 else rng.choice(csms),
         "touch_model": TOUCH[k % 3], "arr": round(rng.lognormvariate(14, 0.8), -3),
         "created_at": created, "updated_at": created}
        for k, aid in enumerate(account_ids)))
    paths = [_path(ctx, today) for _ in account_ids]
    _trim(paths, ctx.scale.journey_events, today)
    event_ids = iter(ctx.ids("journey_events", sum(len(p) for p in paths)))
    ctx.insert("journey_events", (
        {"id": next(event_ids), "account_id": aid, "journey_id": journey_id,
         "stage_code": CHURNED if stage < 0 else STAGE_CODES[stage],
         "entered_on": date.fromordinal(day), "imported_at": created}
        for aid, path in zip(account_ids, paths, strict=True) for stage, day in path))


def _path(ctx: Context, today: date) -> list[tuple[int, int]]:
    """One account's events as (stage index or -1 for a churn, day ordinal), oldest
    first, all before today."""
    rng = ctx.rng
    end = today.toordinal()
    day = end - rng.randint(1, HISTORY_DAYS)
    path = [(0, day)]
    for stage, rate in enumerate(CONVERSION, start=1):
        if rng.random() >= rate:
            if stage == 1 and rng.random() < STALLED_CHURN:
                path.append((-1, day + rng.randint(20, 60)))
            break
        day += rng.randint(5, 40)
        path.append((stage, day))
    else:
        while True:
            day += rng.randint(*RENEW_EVERY)
            if rng.random() < CHURN_AT_RENEWAL:
                path.append((-1, day))
                break
            path.append((len(STAGE_CODES) - 1, day))  # renewed again: a re-entry
    return [event for event in path if event[1] < end] or [(0, end - 1)]


def _trim(paths: list[list[tuple[int, int]]], total: int, today: date) -> None:
    """Drop the newest events of the longest paths until there are exactly ``total``
    events (the paths have more on average); were there fewer, the longest paths get a
    same-stage entry the day after their last one, when that day is past."""
    excess = sum(len(p) for p in paths) - total
    by_length = sorted(range(len(paths)), key=lambda i: -len(paths[i]))
    k = 0
    while excess > 0:
        path = paths[by_length[k % len(by_length)]]
        if len(path) > 1:
            path.pop()
            excess -= 1
        k += 1
    end = today.toordinal()
    while excess < 0 and k < 10 * len(paths):
        path = paths[by_length[k % len(by_length)]]
        stage, day = path[-1]
        if day + 1 < end:
            path.append((max(stage, 0), day + 1))
            excess += 1
        k += 1


# --- KPI values -----------------------------------------------------------------------------


def _kpis(ctx: Context, csms: list[int], team_of: dict[int, int], managers: dict[int, int],
          quarters: tuple[tuple[str, date, date], ...]) -> None:
    """NPS per quarter (with its n) and CSAT for each month of those quarters."""
    rng = ctx.rng
    rows = []
    for uid in csms:
        manager = managers.get(team_of.get(uid))
        for label, start, end in quarters:
            entered = datetime.combine(end, time(9), tzinfo=ctx.now.tzinfo) + timedelta(days=5)
            rows.append({"user_id": uid, "metric": "nps", "period": label,
                         "value": rng.randint(-20, 70), "n": rng.randint(5, 40),
                         "note": "", "entered_by_id": manager, "entered_at": entered})
            for month in range(start.month, end.month + 1):
                rows.append({"user_id": uid, "metric": "csat",
                             "period": f"{start.year}-{month:02d}",
                             "value": round(rng.uniform(3.2, 4.9), 2), "n": rng.randint(5, 60),
                             "note": "", "entered_by_id": manager, "entered_at": entered})
    for row, kpi_id in zip(rows, ctx.ids("kpi_values", len(rows)), strict=True):
        row["id"] = kpi_id
    ctx.insert("kpi_values", rows)


# --- cycles -------------------------------------------------------------------------------


def _cycle(ctx: Context, journey_id: int, quarter: tuple[str, date, date], csms: list[int],
           team_of: dict[int, int], managers: dict[int, int], *,
           finished: bool) -> tuple[int, dict[int, int]]:
    """A cycle with one evaluation per CSM; returns its id and the evaluation ids by CSM."""
    rng = ctx.rng
    label, _start, end = quarter
    cycle_id = ctx.ids("evaluation_cycles", 1)[0]
    opened = datetime.combine(end, time(9), tzinfo=ctx.now.tzinfo)
    ctx.insert("evaluation_cycles", [{
        "id": cycle_id, "name": f"{label} quarterly review", "period": label,
        "journey_id": journey_id, "self_due_on": end + timedelta(days=14),
        "manager_due_on": end + timedelta(days=28), "created_by_id": ctx.facts["bench_admin"],
        "created_at": opened, "updated_at": opened,
        "closed_at": opened + timedelta(days=40) if finished else None, "version": 1}])
    competencies = [cid for cid, _code, _archetype in ctx.facts["competencies"]]
    evaluation_ids = dict(zip(csms, ctx.ids("evaluations", len(csms)), strict=True))
    evaluations, ratings, goals = [], [], []
    for uid, eid in evaluation_ids.items():
        status = "acknowledged" if finished else _status(rng.random())
        reached = ORDER.index(status)
        moments = [opened + timedelta(days=days, hours=rng.randint(0, 8))
                   for days in (7, 15, 21, 25)] if finished else [
            ctx.at(-days - rng.random()) for days in (8, 5, 3, 1)]
        self_done, manager_done = reached >= 1, reached >= 2
        step = f"{STAGE_CODES[1]}→{STAGE_CODES[2]}"
        evaluations.append({
            "id": eid, "cycle_id": cycle_id, "csm_id": uid,
            "manager_id": managers.get(team_of.get(uid)), "status": status,
            "weakest_step": step if self_done else "",
            "weakest_step_reflection": REFLECTION if self_done else "",
            "manager_summary": SUMMARY if manager_done else "",
            "self_submitted_at": moments[0] if self_done else None,
            "manager_submitted_at": moments[1] if manager_done else None,
            "shared_at": moments[2] if reached >= 3 else None,
            "acknowledged_at": moments[3] if reached >= 4 else None,
            "created_at": opened, "updated_at": moments[max(0, reached - 1)], "version": 1})
        self_rated = competencies if self_done else (
            competencies[:len(competencies) // 2] if rng.random() < 0.5 else [])
        ratings += _ratings(ctx, eid, "self", self_rated)
        if manager_done:
            ratings += _ratings(ctx, eid, "manager", competencies)
            goals += [
                {"evaluation_id": eid, "position": 1, "competency_id": None,
                 "journey_step": step, "goal": "Move 60% of adopted accounts to expansion.",
                 "actions": "One expansion hypothesis per quarterly review.",
                 "due_on": end + timedelta(days=120)},
                {"evaluation_id": eid, "position": 2, "competency_id": rng.choice(competencies),
                 "journey_step": "", "goal": "Reach the next level.",
                 "actions": "Practise it with two customers a month.",
                 "due_on": end + timedelta(days=120)}]
    ctx.insert("evaluations", evaluations)
    for table, rows in (("evaluation_ratings", ratings), ("development_goals", goals)):
        for row, row_id in zip(rows, ctx.ids(table, len(rows)), strict=True):
            row["id"] = row_id
        ctx.insert(table, rows)
    return cycle_id, evaluation_ids


def _status(draw: float) -> str:
    for status, share in STATUSES:
        if draw < share:
            return status
        draw -= share
    return STATUSES[-1][0]


def _ratings(ctx: Context, evaluation_id: int, rater: str,
             competencies: list[int]) -> list[dict[str, Any]]:
    rng = ctx.rng
    rows = []
    for cid in competencies:
        level = min(5, max(1, round(rng.gauss(3.2, 0.9))))
        rows.append({"evaluation_id": evaluation_id, "competency_id": cid, "rater": rater,
                     "level": level, "evidence": rng.choice(EVIDENCE)})
    return rows
