"""Reporting periods: a month ``2026-07`` or a quarter ``2026-Q3``."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Period:
    label: str
    start: date  # first day
    end: date  # last day, inclusive

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def _month_end(year: int, month: int) -> date:
    first_of_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def parse_period(text: str) -> Period:
    """The period a label names; ``ValueError`` for anything else."""
    text = (text or "").strip().upper()
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        return Period(text, date(year, month, 1), _month_end(year, month))
    if match := _QUARTER.match(text):
        year, quarter = int(match[1]), int(match[2])
        first_month = 3 * quarter - 2
        return Period(text, date(year, first_month, 1), _month_end(year, first_month + 2))
    raise ValueError(f"not a period: {text!r} (use 2026-07 or 2026-Q3)")


def period_of(day: date, *, quarterly: bool = False) -> Period:
    """The month (or quarter) ``day`` falls in."""
    if quarterly:
        return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")
    return parse_period(f"{day.year}-{day.month:02d}")


def previous(period: Period) -> Period:
    """The period of the same kind just before ``period``."""
    return period_of(period.start - timedelta(days=1), quarterly="Q" in period.label)
