"""Kit building: Hamilton apportionment, question picking, interview order."""

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cshire.interviews.rules.kits import (
    BEHAVIOURAL,
    SITUATIONAL,
    BankQuestion,
    allocate_questions,
    competencies_by_importance,
    expected_minutes,
    order_kit,
    pick_questions,
    questions_for_minutes,
)

# --- worked examples ---------------------------------------------------------------------


def test_reproduces_textbook_hamilton_for_the_1790_census_with_60_seats():
    # The classic illustration (e.g. Electowiki, "Hamilton method"): the 15 states of the
    # 1790 U.S. census share 60 seats. Total 3,615,920, so the standard divisor is
    # 3,615,920 / 60 = 60,265.33 people per seat. Quota = population / divisor:
    #   VA 10.463  MA 7.887  PA 7.183  NC 5.866  NY 5.502  MD 4.621  CT 3.930  SC 3.422
    #   NJ 2.980   NH 2.353  VT 1.419  GA 1.175  KY 1.140  RI 1.136  DE 0.922
    # Lower quotas sum to 10+7+7+5+5+4+3+3+2+2+1+1+1+1+0 = 52, leaving 8 seats for the
    # largest remainders: NJ .980, CT .930, DE .922, MA .887, NC .866, MD .621, NY .502,
    # VA .463 (next would be SC .422). Delaware's quota is below 1 but Hamilton already
    # gives it a seat, so the minimum-one rule changes nothing and the result is textbook.
    populations = {
        "VA": 630_560, "MA": 475_327, "PA": 432_879, "NC": 353_523, "NY": 331_589,
        "MD": 278_514, "CT": 236_841, "SC": 206_236, "NJ": 179_570, "NH": 141_822,
        "VT": 85_533, "GA": 70_835, "KY": 68_705, "RI": 68_446, "DE": 55_540,
    }  # fmt: skip
    assert allocate_questions(populations, 60) == {
        "VA": 11, "MA": 8, "PA": 7, "NC": 6, "NY": 6, "MD": 5, "CT": 4, "SC": 3,
        "NJ": 3, "NH": 2, "VT": 1, "GA": 1, "KY": 1, "RI": 1, "DE": 1,
    }  # fmt: skip


def test_kit_of_ten_questions_follows_weights_3_2_1():
    # Quotas 10*3/6 = 5, 10*2/6 = 3.33, 10*1/6 = 1.67 → floors 5+3+1 = 9; the one left
    # goes to the largest remainder (C .67 > B .33 > A 0).
    assert allocate_questions({"A": 3, "B": 2, "C": 1}, 10) == {"A": 5, "B": 3, "C": 2}


def test_tiny_weight_still_gets_one_question_taken_from_the_lowest_weighted_largest_holder():
    # Quotas 4*5/9.1 = 2.198, 4*4/9.1 = 1.758, 4*0.1/9.1 = 0.044 → floors 2+1+0 = 3; the
    # one left goes to B (.758) → A 2, B 2, C 0. C must be asked about once: A and B both
    # hold the most, and the question comes from B, the lower weight — taking it from A
    # would leave A (weight 5) with fewer questions than B (weight 4).
    assert allocate_questions({"A": 5, "B": 4, "C": 0.1}, 4) == {"A": 2, "B": 1, "C": 1}


def test_minimum_rule_does_not_pull_counts_towards_the_average_when_not_needed():
    # Quotas 16, 2, 2 are whole numbers and already cover every competency. Giving one
    # each first and apportioning the other 17 would have produced 14/3/3.
    assert allocate_questions({"A": 8, "B": 1, "C": 1}, 20) == {"A": 16, "B": 2, "C": 2}


def test_fewer_questions_than_competencies_go_one_each_to_the_highest_weights():
    # Plain Hamilton would give both to A (quota 1.67); covering two competencies once
    # each tells the interviewer more than asking A twice.
    assert allocate_questions({"C": 1, "A": 10, "B": 2}, 2) == {"C": 0, "A": 1, "B": 1}


def test_fewer_questions_than_equally_weighted_competencies_go_in_code_order():
    assert allocate_questions({"b": 1, "a": 1, "c": 1}, 2) == {"b": 1, "a": 1, "c": 0}


def test_equal_remainders_go_to_the_higher_weight():
    # Quotas 4.5 and 1.5: both remainders are .5, A has the higher weight.
    assert allocate_questions({"B": 1, "A": 3}, 6) == {"B": 1, "A": 5}


def test_equal_weights_break_ties_by_code_and_keep_the_given_key_order():
    # Quotas 1.33 each → 1 each, the one left goes to the lowest code.
    result = allocate_questions({"y": 1, "x": 1, "z": 1}, 4)
    assert result == {"y": 1, "x": 2, "z": 1}
    assert list(result) == ["y", "x", "z"]


def test_one_more_question_can_cost_a_competency_one_alabama_paradox():
    # Known Hamilton behaviour, documented rather than hidden. Weights 6, 6, 2:
    # 10 questions: quotas 4.29, 4.29, 1.43 → 4+4+1, C has the largest remainder → 4/4/2.
    # 11 questions: quotas 4.71, 4.71, 1.57 → 4+4+1, A and B have the largest → 5/5/1.
    weights = {"A": 6, "B": 6, "C": 2}
    assert allocate_questions(weights, 10) == {"A": 4, "B": 4, "C": 2}
    assert allocate_questions(weights, 11) == {"A": 5, "B": 5, "C": 1}


def test_zero_questions_gives_zeros_and_no_competencies_gives_nothing():
    assert allocate_questions({"A": 2, "B": 1}, 0) == {"A": 0, "B": 0}
    assert allocate_questions({}, 0) == {}


@pytest.mark.parametrize("weight", [0, -1, -0.5, math.nan, math.inf, -math.inf])
def test_weight_must_be_finite_and_positive(weight):
    with pytest.raises(ValueError, match="weight of 'B' must be finite and > 0"):
        allocate_questions({"A": 1, "B": weight}, 5)


@pytest.mark.parametrize("weight", ["2", None, True])
def test_weight_must_be_a_number(weight):
    with pytest.raises(TypeError, match="weight of 'A' must be a number"):
        allocate_questions({"A": weight}, 5)


def test_total_must_not_be_negative():
    with pytest.raises(ValueError, match="total must be >= 0"):
        allocate_questions({"A": 1}, -1)


def test_total_must_be_an_int():
    with pytest.raises(TypeError, match="total must be a whole number"):
        allocate_questions({"A": 1}, 2.0)


def test_questions_need_competencies():
    with pytest.raises(ValueError, match="no competencies"):
        allocate_questions({}, 3)


def test_competencies_by_importance_sorts_by_weight_then_code():
    assert competencies_by_importance({"b": 1, "c": 3, "a": 1, "d": 2}) == ["c", "d", "a", "b"]


# --- properties of allocate_questions -------------------------------------------------------

codes = st.text(alphabet="abcdefgh", min_size=1, max_size=2)
# Small integers make equal weights (ties) common; floats cover the general case.
weight_values = st.one_of(
    st.integers(min_value=1, max_value=6),
    st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False),
)
profiles = st.dictionaries(codes, weight_values, min_size=1, max_size=8)
totals = st.integers(min_value=0, max_value=60)


def exact_quotas(weights, total):
    weight_sum = sum(Fraction(w) for w in weights.values())
    return {code: total * Fraction(w) / weight_sum for code, w in weights.items()}


@given(profiles, totals)
def test_counts_are_non_negative_sum_to_total_and_keep_the_keys_in_order(weights, total):
    result = allocate_questions(weights, total)
    assert list(result) == list(weights)
    assert sum(result.values()) == total
    assert all(count >= 0 for count in result.values())


@given(profiles, totals)
def test_higher_weight_never_gets_fewer_questions(weights, total):
    result = allocate_questions(weights, total)
    for high in weights:
        for low in weights:
            if weights[high] > weights[low]:
                assert result[high] >= result[low]


@given(profiles, totals)
def test_equal_weights_get_counts_at_most_one_apart(weights, total):
    result = allocate_questions(weights, total)
    for one in weights:
        for other in weights:
            if weights[one] == weights[other]:
                assert abs(result[one] - result[other]) <= 1


@given(profiles, totals)
def test_every_competency_gets_a_question_when_there_are_enough(weights, total):
    result = allocate_questions(weights, total)
    if total >= len(weights):
        assert min(result.values()) >= 1
    else:
        covered = [code for code in competencies_by_importance(weights) if result[code]]
        assert covered == competencies_by_importance(weights)[:total]
        assert set(result.values()) <= {0, 1}


@given(profiles, totals, st.randoms(use_true_random=False))
def test_result_is_deterministic_and_independent_of_key_order(weights, total, rng):
    shuffled_codes = list(weights)
    rng.shuffle(shuffled_codes)
    shuffled = {code: weights[code] for code in shuffled_codes}
    result = allocate_questions(weights, total)
    assert allocate_questions(weights, total) == result
    assert allocate_questions(shuffled, total) == result  # dict equality ignores order


# Weights within a factor of 100 of each other keep "every quota >= 1" reachable.
bounded_profiles = st.dictionaries(
    codes, st.one_of(st.integers(1, 50), st.floats(1, 100)), min_size=1, max_size=8
)


@given(bounded_profiles, st.integers(min_value=0, max_value=30))
def test_within_one_of_the_exact_quota_when_every_quota_is_at_least_one(weights, extra):
    # If every exact quota is >= 1, Hamilton's floors already cover every competency, so
    # the minimum-one rule moves nothing and Hamilton's quota property must hold:
    # |count - quota| < 1 for every competency. (With the minimum-one rule active the
    # donors may end further below their quota; see the next test.)
    exact = {code: Fraction(w) for code, w in weights.items()}
    total = math.ceil(sum(exact.values()) / min(exact.values())) + extra
    quotas = exact_quotas(weights, total)
    assert min(quotas.values()) >= 1
    result = allocate_questions(weights, total)
    for code, quota in quotas.items():
        assert abs(result[code] - quota) < 1


@given(profiles, totals)
def test_minimum_rule_only_adds_the_single_guaranteed_question(weights, total):
    # Always true when total >= m: nobody exceeds their quota rounded up, except a
    # competency with quota < 1 that gets its one guaranteed question.
    if total < len(weights):
        return
    result = allocate_questions(weights, total)
    for code, quota in exact_quotas(weights, total).items():
        assert result[code] <= max(1, math.ceil(quota))


# --- kit length ------------------------------------------------------------------------------


def test_questions_for_minutes_rounds_down_so_the_slot_is_not_overrun():
    assert questions_for_minutes(45, 7) == 6
    assert questions_for_minutes(7, 7) == 1
    assert questions_for_minutes(6, 7) == 0


@pytest.mark.parametrize(("minutes", "per_question"), [(0, 5), (-5, 5), (45, 0), (45, -1)])
def test_questions_for_minutes_rejects_non_positive_input(minutes, per_question):
    with pytest.raises(ValueError, match="must be > 0"):
        questions_for_minutes(minutes, per_question)


def test_expected_minutes():
    assert expected_minutes(6, 7) == 42
    assert expected_minutes(0, 7) == 0
    with pytest.raises(ValueError, match="question_count must be >= 0"):
        expected_minutes(-1, 7)
    with pytest.raises(ValueError, match="minutes_per_question must be > 0"):
        expected_minutes(3, 0)


# --- picking questions -----------------------------------------------------------------------


def situational(qid, code, used=0):
    return BankQuestion(id=qid, competency_code=code, question_type=SITUATIONAL, times_used=used)


def behavioural(qid, code, used=0):
    return BankQuestion(id=qid, competency_code=code, question_type=BEHAVIOURAL, times_used=used)


def test_situational_questions_come_first_even_when_used_more():
    bank = [behavioural(1, "EMP", used=0), situational(2, "EMP", used=9)]
    chosen, shortfall = pick_questions({"EMP": 1}, bank)
    assert chosen == {"EMP": [2]}
    assert shortfall == {}


def test_least_used_then_lowest_id_within_the_same_type():
    bank = [
        situational(5, "EMP", used=3),
        situational(4, "EMP", used=1),
        situational(3, "EMP", used=1),
        behavioural(2, "EMP", used=0),
        behavioural(1, "EMP", used=2),
    ]
    chosen, _ = pick_questions({"EMP": 5}, bank)
    assert chosen == {"EMP": [3, 4, 5, 2, 1]}


def test_shortfall_reports_missing_questions_per_competency():
    bank = [situational(1, "EMP"), behavioural(2, "LOG"), behavioural(3, "LOG")]
    chosen, shortfall = pick_questions({"EMP": 3, "LOG": 2, "NUM": 1}, bank)
    assert chosen == {"EMP": [1], "LOG": [2, 3], "NUM": []}
    assert shortfall == {"EMP": 2, "NUM": 1}


def test_zero_allocation_and_other_competencies_pick_nothing():
    chosen, shortfall = pick_questions({"EMP": 0}, [situational(1, "EMP"), situational(2, "X")])
    assert chosen == {"EMP": []}
    assert shortfall == {}


def test_duplicate_question_ids_are_rejected():
    with pytest.raises(ValueError, match="appears twice"):
        pick_questions({"EMP": 1}, [situational(1, "EMP"), situational(1, "EMP")])


def test_negative_allocation_is_rejected():
    with pytest.raises(ValueError, match="must be >= 0"):
        pick_questions({"EMP": -1}, [])


def test_bank_question_rejects_unknown_type_and_negative_use():
    with pytest.raises(ValueError, match="unknown question type"):
        BankQuestion(id=1, competency_code="EMP", question_type="behavioral", times_used=0)
    with pytest.raises(ValueError, match="times_used"):
        situational(1, "EMP", used=-1)


bank_rows = st.lists(
    st.tuples(
        st.sampled_from(["EMP", "LOG", "NUM"]),
        st.sampled_from([SITUATIONAL, BEHAVIOURAL]),
        st.integers(min_value=0, max_value=3),
    ),
    max_size=20,
)
bank_allocations = st.dictionaries(
    st.sampled_from(["EMP", "LOG", "NUM", "CAR"]), st.integers(0, 6), max_size=4
)


def build_bank(rows):
    return [BankQuestion(qid, code, kind, used) for qid, (code, kind, used) in enumerate(rows)]


@given(bank_allocations, bank_rows, st.randoms(use_true_random=False))
def test_picking_is_deterministic_whatever_the_bank_order(allocation, rows, rng):
    bank = build_bank(rows)
    shuffled = bank[:]
    rng.shuffle(shuffled)
    assert pick_questions(allocation, bank) == pick_questions(allocation, shuffled)


@given(bank_allocations, bank_rows)
def test_picks_the_most_preferred_questions_and_reports_exact_shortfall(allocation, rows):
    bank = build_bank(rows)
    chosen, shortfall = pick_questions(allocation, bank)
    assert list(chosen) == list(allocation)
    for code, wanted in allocation.items():
        available = [q for q in bank if q.competency_code == code]
        preferred = sorted(
            available, key=lambda q: (q.question_type != SITUATIONAL, q.times_used, q.id)
        )
        assert chosen[code] == [q.id for q in preferred[:wanted]]
        assert shortfall.get(code, 0) == max(0, wanted - len(available))
    assert all(missing > 0 for missing in shortfall.values())


# --- interview order -------------------------------------------------------------------------


def test_order_kit_keeps_each_competencys_questions_together_in_the_given_order():
    chosen = {"LOG": [7, 3], "EMP": [2, 9, 1], "NUM": []}
    assert order_kit(chosen, ["EMP", "NUM", "LOG"]) == [2, 9, 1, 7, 3]


def test_order_kit_skips_ordered_competencies_without_questions():
    assert order_kit({"EMP": [1]}, ["LOG", "EMP"]) == [1]


def test_order_kit_refuses_to_drop_questions_of_unordered_competencies():
    with pytest.raises(ValueError, match="missing from competency_order"):
        order_kit({"EMP": [1], "LOG": [2]}, ["EMP"])


def test_order_kit_rejects_a_competency_listed_twice():
    with pytest.raises(ValueError, match="twice"):
        order_kit({"EMP": [1]}, ["EMP", "EMP"])


@given(
    st.dictionaries(st.sampled_from(["EMP", "LOG", "NUM", "CAR"]), weight_values, min_size=1),
    totals,
    bank_rows,
)
def test_built_kit_has_total_minus_shortfall_questions_each_once(weights, total, rows):
    allocation = allocate_questions(weights, total)
    bank = build_bank(rows)
    chosen, shortfall = pick_questions(allocation, bank)
    kit = order_kit(chosen, competencies_by_importance(weights))
    assert len(kit) == len(set(kit)) == total - sum(shortfall.values())
