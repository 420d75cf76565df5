"""The journey metrics on a small hand-computed dataset (cshire/evaluations/rules/metrics.py).

Stages A → B → C; period 2026-Q3 (1 July – 30 September); as of 15 October.

    account  events                                      A→B                 B→C
    a1       A 07-05, B 07-20, C 10-20                   in, converted (15)  in, C after as-of
    a2       A 06-10, A 07-03 (re-entry), B 07-10        first A before Q3   in, no C
    a3       A 08-01, B 09-30                            in, converted (60)  in, no C
    a4       B 09-01, A 09-15, B 10-01                   in, converted (16)  in (first B 09-01)
    a5       A 07-01, churned 08-01                      in, not converted   —

A→B: entered 4 (a1 a3 a4 a5), converted 3 → 0.75, median days of 15, 16, 60 = 16.
     With a 30-day window a3 (60 days) no longer counts: 2/4 = 0.5, median of 15, 16 = 15.5.
B→C: entered 4 (a1 a2 a3 a4), converted 0 (a1's C is after the as-of date) → 0.0;
     as of 31 October a1 counts: 1/4 = 0.25 after 92 days (20 July → 20 October).
"""

from datetime import date

import pytest

from cshire.evaluations.rules.metrics import (
    AccountHistory,
    churn,
    combined,
    step_metrics,
    weakest_step,
)
from cshire.evaluations.rules.periods import parse_period, period_of, previous

Q3 = parse_period("2026-Q3")
AS_OF = date(2026, 10, 15)
STAGES = ["A", "B", "C"]


def _history(account_id, *events, owner=1):
    return AccountHistory(account_id, owner, tuple(
        (code, date(2026, int(day[:2]), int(day[3:]))) for code, day in events))


ACCOUNTS = [
    _history(1, ("A", "07-05"), ("B", "07-20"), ("C", "10-20")),
    _history(2, ("A", "06-10"), ("A", "07-03"), ("B", "07-10")),
    _history(3, ("A", "08-01"), ("B", "09-30")),
    _history(4, ("B", "09-01"), ("A", "09-15"), ("B", "10-01")),
    _history(5, ("A", "07-01"), ("churned", "08-01")),
]


def test_entered_counts_first_entries_only_and_converted_needs_the_next_stage_after_it():
    a_to_b, b_to_c = step_metrics(ACCOUNTS, STAGES, Q3, as_of=AS_OF)
    assert (a_to_b.from_stage, a_to_b.to_stage) == ("A", "B")
    assert (a_to_b.entered, a_to_b.converted, a_to_b.rate) == (4, 3, 0.75)
    assert sorted(a_to_b.days) == [15, 16, 60]
    assert a_to_b.median_days == 16
    assert (b_to_c.entered, b_to_c.converted, b_to_c.rate) == (4, 0, 0.0)
    assert b_to_c.median_days is None


def test_the_window_limits_how_long_after_the_first_entry_a_conversion_counts():
    a_to_b, _ = step_metrics(ACCOUNTS, STAGES, Q3, as_of=AS_OF, window_days=30)
    assert (a_to_b.entered, a_to_b.converted, a_to_b.rate) == (4, 2, 0.5)
    assert a_to_b.median_days == 15.5


def test_the_as_of_date_decides_which_later_entries_are_known():
    _, b_to_c = step_metrics(ACCOUNTS, STAGES, Q3, as_of=date(2026, 10, 31))
    assert (b_to_c.converted, b_to_c.rate, b_to_c.days) == (1, 0.25, [92])


def test_events_after_the_as_of_date_are_not_known_yet():
    # As of 31 August: a3 (A 08-01) entered but its B (09-30) is not known; a4's first A
    # (09-15) is not known yet, so it has not entered; a5's churn (08-01) is known.
    a_to_b, b_to_c = step_metrics(ACCOUNTS, STAGES, Q3, as_of=date(2026, 8, 31))
    assert (a_to_b.entered, a_to_b.converted) == (3, 1)  # a1 a3 a5; a1 converted
    assert (b_to_c.entered, b_to_c.converted) == (2, 0)  # a1 a2
    august = [_history(9, ("A", "04-01"), ("churned", "09-10"))]
    assert churn(august, Q3, as_of=date(2026, 8, 31)).churned == 0
    assert churn(august, Q3).churned == 1


def test_an_empty_step_has_no_rate_and_the_weakest_step_is_the_lowest_measured_rate():
    steps = step_metrics([], STAGES, Q3, as_of=AS_OF)
    assert [(s.entered, s.converted, s.rate) for s in steps] == [(0, 0, None), (0, 0, None)]
    assert weakest_step(steps) is None
    measured = step_metrics(ACCOUNTS, STAGES, Q3, as_of=AS_OF)
    assert weakest_step(measured).from_stage == "B"


def test_churn_rate_is_churned_in_the_period_over_active_at_its_start():
    # a2 active (A in June); a6 churned before the start; a7 active, churns in August;
    # a8 churned in May but came back in June: active; a5 first seen on 1 July: not
    # active at the start, so its churn does not count. 1 / 3.
    histories = [
        *ACCOUNTS,
        _history(6, ("A", "05-01"), ("churned", "06-15")),
        _history(7, ("A", "04-01"), ("churned", "08-10")),
        _history(8, ("A", "03-01"), ("churned", "05-01"), ("A", "06-01")),
    ]
    result = churn(histories, Q3)
    assert (result.churned, result.active_at_start) == (1, 3)
    assert result.rate == pytest.approx(1 / 3)
    assert churn([], Q3).rate is None


def test_the_team_adds_up_its_members_counts():
    first = step_metrics(ACCOUNTS[:2], STAGES, Q3, as_of=AS_OF)
    second = step_metrics(ACCOUNTS[2:], STAGES, Q3, as_of=AS_OF)
    team = combined([first, second])
    assert [(s.entered, s.converted) for s in team] == [(4, 3), (4, 0)]


@pytest.mark.parametrize(("label", "start", "end"), [
    ("2026-07", date(2026, 7, 1), date(2026, 7, 31)),
    ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
    ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
    ("2026-q1", date(2026, 1, 1), date(2026, 3, 31)),
])
def test_periods(label, start, end):
    period = parse_period(label)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("label", ["2026-13", "2026-Q5", "2026-7", "July", "", "2026-Q0"])
def test_bad_periods_are_refused(label):
    with pytest.raises(ValueError):
        parse_period(label)


def test_period_of_and_previous():
    assert period_of(date(2026, 8, 15)).label == "2026-08"
    assert period_of(date(2026, 8, 15), quarterly=True).label == "2026-Q3"
    assert previous(parse_period("2026-Q1")).label == "2025-Q4"
    assert previous(parse_period("2026-01")).label == "2025-12"
