"""KPI values that live outside cshire (NPS, CSAT…), entered by a CSM's manager per
metric and period, each entry and edit kept in the audit trail.

Who may enter them is the view's check (``can_manage_member``); the rules here are the
value's: a known period, a number in the metric's range, a whole n. A value is the
team's record of a fact: it is edited, never entered twice for the same CSM, metric
and period. Services never commit.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from cshire.audit import record_changes, record_created, snapshot
from cshire.auth.models import User
from cshire.evaluations.messages import EvaluationError
from cshire.evaluations.models.kpis import KpiValue
from cshire.evaluations.rules.periods import parse_period
from cshire.extensions import db

# The metrics offered on the form, in this order. Imports may bring others.
KPI_METRICS = ("nps", "csat", "health_score", "onboarding_completion", "adoption_rate",
               "upsell_rate")
# NPS runs from -100 to 100; the others are percentages or 0–100 scores.
KPI_RANGES = {"nps": (Decimal(-100), Decimal(100))}
PERCENT_RANGE = (Decimal(0), Decimal(100))
ANY_RANGE = (Decimal("-9999999999.99"), Decimal("9999999999.99"))  # Numeric(12, 2)
_METRIC_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_N = 10_000_000


@dataclass(frozen=True)
class KpiInput:
    value: Decimal
    n: int | None
    note: str


def value_range(metric: str) -> tuple[Decimal, Decimal]:
    if metric in KPI_RANGES:
        return KPI_RANGES[metric]
    return PERCENT_RANGE if metric in KPI_METRICS else ANY_RANGE


def kpi_values(user_ids: Iterable[int], period: str) -> dict[int, list[KpiValue]]:
    """The values of ``period`` by person, in the order of ``KPI_METRICS`` (one query)."""
    user_ids = list(user_ids)
    if not user_ids:
        return {}
    rows = db.session.scalars(select(KpiValue).where(
        KpiValue.user_id.in_(user_ids), KpiValue.period == period))
    by_user: dict[int, list[KpiValue]] = defaultdict(list)
    for row in sorted(rows, key=_metric_order):
        by_user[row.user_id].append(row)
    return by_user


def _metric_order(value: KpiValue) -> tuple[int, str]:
    known = value.metric in KPI_METRICS
    return (KPI_METRICS.index(value.metric) if known else len(KPI_METRICS), value.metric)


def enter_kpi_value(member: User, metric: str, period: str, values: KpiInput, *,
                    actor: User) -> KpiValue:
    """A new value of ``metric`` for ``member`` over ``period``."""
    metric = (metric or "").strip().lower()
    if not _METRIC_CODE.match(metric):
        raise EvaluationError.on_field("metric", "kpi_bad_metric")
    try:
        period = parse_period(period).label
    except ValueError:
        raise EvaluationError.on_field("period", "bad_period") from None
    _check(metric, values)
    taken = db.session.scalar(select(KpiValue.id).where(
        KpiValue.user_id == member.id, KpiValue.metric == metric, KpiValue.period == period))
    if taken is not None:
        raise EvaluationError.on_field("metric", "kpi_taken", period=period)
    kpi = KpiValue(user_id=member.id, metric=metric, period=period, value=values.value,
                   n=values.n, note=values.note.strip(), entered_by_id=actor.id)
    db.session.add(kpi)
    record_created(kpi, actor)
    return kpi


def edit_kpi_value(kpi: KpiValue, values: KpiInput, *, actor: User) -> KpiValue:
    """A corrected value, n or note; the trail keeps what it was and who changed it."""
    _check(kpi.metric, values)
    before = snapshot(kpi, "value", "n", "note")
    kpi.value, kpi.n, kpi.note = values.value, values.n, values.note.strip()
    # Decimal("42") and the stored Decimal("42.00") are the same value: no entry.
    if before["value"] is not None and Decimal(before["value"]) == values.value:
        kpi.value = before["value"]
    record_changes(kpi, before, actor)
    return kpi


def _check(metric: str, values: KpiInput) -> None:
    low, high = value_range(metric)
    if not values.value.is_finite() or not low <= values.value <= high:
        raise EvaluationError.on_field("value", "kpi_value_range", low=low, high=high)
    if values.value != values.value.quantize(Decimal("0.01")):
        raise EvaluationError.on_field("value", "kpi_value_decimals")
    if values.n is not None and not 0 <= values.n <= MAX_N:
        raise EvaluationError.on_field("n", "kpi_bad_n", high=MAX_N)
