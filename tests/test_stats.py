"""cshire.stats against published worked examples (each cited where it is used)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cshire import stats

THREE_DECIMALS = 5e-4

# Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing
# rater reliability. Psychological Bulletin 86(2):420-428, Table 2: six targets
# rated by four judges. Published mean squares: BMS 11.24, WMS 6.26, JMS 32.49,
# EMS 1.02, giving ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71, ICC(1,4) .44,
# ICC(2,4) .62, ICC(3,4) .91.
SHROUT_FLEISS_TABLE_2 = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]

# Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg
# School for Communication, University of Pennsylvania (repository.upenn.edu/
# asc_papers/43): the example with four observers, twelve units and missing data,
# published alpha nominal .743, ordinal .815, interval .849, ratio .797.
KRIPPENDORFF_2011_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative
# science: a practical primer for t-tests and ANOVAs. Frontiers in Psychology 4:863:
# the movie-rating example, ten ratings per movie, read as between-subjects data.
LAKENS_MOVIE_1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
LAKENS_MOVIE_2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]


# ---------------------------------------------------------------- basics


def test_mean_and_sample_sd_match_lakens_descriptives():
    # Lakens (2013): Movie 1 M = 8.7, SD = 0.82; Movie 2 M = 7.7, SD = 0.95.
    assert stats.mean(LAKENS_MOVIE_1) == pytest.approx(8.7)
    assert stats.mean(LAKENS_MOVIE_2) == pytest.approx(7.7)
    assert stats.sample_sd(LAKENS_MOVIE_1) == pytest.approx(0.82, abs=5e-3)
    assert stats.sample_sd(LAKENS_MOVIE_2) == pytest.approx(0.95, abs=5e-3)


def test_mean_and_sd_are_none_without_enough_values():
    assert stats.mean([]) is None
    assert stats.sample_sd([]) is None
    assert stats.sample_sd([4]) is None
    assert stats.sample_sd([3, 3, 3]) == 0.0


def test_mean_accepts_decimals_from_numeric_columns():
    assert stats.mean([Decimal("1.5"), 2, 2.5]) == pytest.approx(2.0)


# --------------------------------------------------------------- Cohen's d


def test_cohens_d_matches_lakens_movie_example():
    # Lakens (2013), between-subjects movie example: Cohen's d_s = 1.13.
    d = stats.cohens_d(LAKENS_MOVIE_1, LAKENS_MOVIE_2)
    assert d == pytest.approx(1.13, abs=5e-3)
    assert stats.cohens_d(LAKENS_MOVIE_2, LAKENS_MOVIE_1) == pytest.approx(-d)


def test_cohens_d_hand_checked_with_unequal_groups():
    # a = 2, 4, 6: mean 4, SS 8; b = 1, 2, 3, 4, 5: mean 3, SS 10.
    # pooled SD = sqrt((8 + 10) / (3 + 5 - 2)) = sqrt(3); d = (4 - 3) / sqrt(3).
    assert stats.cohens_d([2, 4, 6], [1, 2, 3, 4, 5]) == pytest.approx(3**-0.5)


def test_cohens_d_undefined_for_small_or_constant_groups():
    assert stats.cohens_d([5], [1, 2, 3]) is None
    assert stats.cohens_d([1, 2, 3], [5]) is None
    assert stats.cohens_d([4, 4, 4], [2, 2]) is None


# ----------------------------------------------------------------- Pearson

# Anscombe, F. J. (1973). Graphs in statistical analysis. The American
# Statistician 27(1):17-21: four data sets built to share the same summary
# statistics, among them the correlation coefficient, printed as 0.82.
ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
ANSCOMBE = {
    "I": (ANSCOMBE_X, [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]),
    "II": (ANSCOMBE_X, [9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74]),
    "III": (ANSCOMBE_X, [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73]),
    "IV": (
        [8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8],
        [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89],
    ),
}


@pytest.mark.parametrize("name", list(ANSCOMBE))
def test_pearson_matches_anscombe_quartet(name):
    x, y = ANSCOMBE[name]
    assert round(stats.pearson(x, y), 2) == 0.82


def test_pearson_hand_checked_example():
    # x = 1..5, y = 2, 4, 5, 4, 5: mean x 3, mean y 4; Sxy = 6, Sxx = 10, Syy = 6,
    # r = 6 / sqrt(60) = 0.7746.
    assert stats.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]) == pytest.approx(6 / 60**0.5)


def test_pearson_undefined_for_two_points_or_zero_variance():
    assert stats.pearson([1, 2], [3, 4]) is None
    assert stats.pearson([1, 2, 3], [5, 5, 5]) is None
    assert stats.pearson([0.1, 0.1, 0.1], [1, 2, 3]) is None


def test_pearson_rejects_unpaired_values():
    with pytest.raises(ValueError, match="paired"):
        stats.pearson([1, 2, 3], [1, 2])


# ------------------------------------------------------------------- ICC


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        # Three-decimal values from the published mean squares, e.g.
        # ICC(1,1) = (BMS - WMS) / (BMS + 3 WMS) = 4.98 / 30.02 = .166;
        # ICC(2,1) = (BMS - EMS) / (BMS + 3 EMS + 4 (JMS - EMS) / 6) = .290;
        # ICC(3,1) = (BMS - EMS) / (BMS + 3 EMS) = .715; ICC(1,4) = 4.98 / 11.24 = .443;
        # ICC(2,4) = (BMS - EMS) / (BMS + (JMS - EMS) / 6) = .620; ICC(3,4) = .909.
        ("ICC(1,1)", 0.166),
        ("ICC(2,1)", 0.290),
        ("ICC(3,1)", 0.715),
        ("ICC(1,k)", 0.443),
        ("ICC(2,k)", 0.620),
        ("ICC(3,k)", 0.909),
    ],
)
def test_icc_matches_shrout_fleiss_table_2(form, expected):
    # Shrout & Fleiss (1979), Table 2 data (see SHROUT_FLEISS_TABLE_2).
    assert stats.icc(SHROUT_FLEISS_TABLE_2, form) == pytest.approx(expected, abs=THREE_DECIMALS)


@pytest.mark.parametrize(
    ("form", "published"),
    [
        ("ICC(1,1)", 0.17),
        ("ICC(2,1)", 0.29),
        ("ICC(3,1)", 0.71),
        ("ICC(1,k)", 0.44),
        ("ICC(2,k)", 0.62),
        ("ICC(3,k)", 0.91),
    ],
)
def test_icc_rounds_to_the_two_decimals_shrout_fleiss_print(form, published):
    # Shrout & Fleiss (1979), the published two-decimal values.
    assert round(stats.icc(SHROUT_FLEISS_TABLE_2, form), 2) == published


def test_one_way_icc_handles_unbalanced_panels():
    # Hand-derived: targets A = 2, 4; B = 5, 6, 7; C = 9 (N = 6 ratings, n = 3).
    # Grand mean 5.5. SSB = 2(3-5.5)² + 3(6-5.5)² + 1(9-5.5)² = 25.5, BMS = 51/4.
    # SSW = 2 + 2 + 0 = 4 on N - n = 3 df, WMS = 4/3.
    # k0 = (6 - (4 + 9 + 1)/6) / 2 = 11/6.
    # ICC(1,1) = (51/4 - 4/3) / (51/4 + (5/6)(4/3)) = (137/12) / (499/36) = 411/499.
    # ICC(1,k) = (BMS - WMS) / BMS = (137/12) / (51/4) = 137/153.
    panels = [[2, 4], [5, 6, 7], [9]]
    assert stats.icc(panels, "ICC(1,1)") == pytest.approx(411 / 499)
    assert stats.icc(panels, "ICC(1,k)") == pytest.approx(137 / 153)


def test_one_way_icc_ignores_missing_values_and_empty_targets():
    panels = [[2, 4], [5, None, 6, 7], [9], []]
    assert stats.icc(panels, "ICC(1,1)") == pytest.approx(411 / 499)


def test_icc_k_form_equals_spearman_brown_of_single_rater_form_when_balanced():
    single = stats.icc(SHROUT_FLEISS_TABLE_2, "ICC(1,1)")
    k = 4
    assert stats.icc(SHROUT_FLEISS_TABLE_2, "ICC(1,k)") == pytest.approx(
        k * single / (1 + (k - 1) * single)
    )


@pytest.mark.parametrize("form", ["ICC(2,1)", "ICC(3,1)", "ICC(2,k)", "ICC(3,k)"])
def test_two_way_icc_requires_a_complete_rectangle(form):
    with pytest.raises(ValueError, match="complete rectangle"):
        stats.icc([[1, 2, 3], [2, 3]], form)


def test_icc_rejects_unknown_form():
    with pytest.raises(ValueError, match="unknown ICC form"):
        stats.icc(SHROUT_FLEISS_TABLE_2, "ICC(4,1)")


@pytest.mark.parametrize("form", stats.ICC_FORMS)
def test_icc_is_none_when_undefined(form):
    assert stats.icc([[3, 4]], form) is None  # a single target
    assert stats.icc([], form) is None
    assert stats.icc([[3, 3], [3, 3], [3, 3]], form) is None  # no variance at all


@pytest.mark.parametrize("form", stats.ICC_FORMS)
def test_icc_is_none_without_within_target_replication(form):
    assert stats.icc([[1], [2], [4]], form) is None


def test_icc_2k_is_none_when_its_variance_estimate_is_negative():
    # Hand-checked: BMS = 0, JMS = 0, EMS = 1, so the ICC(2,k) denominator
    # BMS + (JMS - EMS)/n = -1/2 and the formula would print 2.0.
    assert stats.icc([[1, 2], [2, 1]], "ICC(2,k)") is None


small_panels = st.integers(min_value=2, max_value=6).flatmap(
    lambda k: st.lists(
        st.lists(st.integers(min_value=1, max_value=5), min_size=k, max_size=k),
        min_size=2,
        max_size=8,
    )
)


@given(ratings=small_panels, shift=st.integers(min_value=-100, max_value=100))
def test_icc_is_unchanged_by_adding_a_constant(ratings, shift):
    shifted = [[v + shift for v in target] for target in ratings]
    for form in stats.ICC_FORMS:
        assert stats.icc(shifted, form) == stats.icc(ratings, form)


@given(ratings=small_panels)
def test_icc_never_exceeds_one(ratings):
    for form in stats.ICC_FORMS:
        value = stats.icc(ratings, form)
        assert value is None or value <= 1 + 1e-12


# ------------------------------------------------------ Krippendorff alpha


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_alpha_matches_krippendorff_2011_example_with_missing_data(level, published):
    # Krippendorff (2011), see KRIPPENDORFF_2011_C.
    alpha = stats.krippendorff_alpha(KRIPPENDORFF_2011_C, level)
    assert alpha == pytest.approx(published, abs=THREE_DECIMALS)


def test_alpha_matches_krippendorff_2011_binary_two_observer_example():
    # Krippendorff (2011), the first worked example: binary data, two observers,
    # ten units, no missing data; published alpha = .095. Coincidences: o00 = 10, o01 = o10 = 4,
    # o11 = 2, so n0 = 14, n1 = 6, n = 20 and alpha = 1 - 19 * 4 / (14 * 6) = 2/21.
    observers = [
        [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
        [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]
    alpha = stats.krippendorff_alpha(observers, "nominal")
    assert alpha == pytest.approx(0.095, abs=THREE_DECIMALS)
    assert alpha == pytest.approx(2 / 21)


def test_alpha_accepts_category_labels_for_nominal_data():
    labelled = [["yes", "no", "yes", "yes"], ["yes", "no", "no", "yes"]]
    coded = [[1, 0, 1, 1], [1, 0, 0, 1]]
    assert stats.krippendorff_alpha(labelled, "nominal") == pytest.approx(
        stats.krippendorff_alpha(coded, "nominal")
    )


def test_alpha_drops_units_with_a_single_value():
    with_singletons = [[1, 2, 3, None, 4], [1, 2, 2, 5, None]]
    without = [[1, 2, 3], [1, 2, 2]]
    assert stats.krippendorff_alpha(with_singletons, "interval") == pytest.approx(
        stats.krippendorff_alpha(without, "interval")
    )


def test_alpha_is_none_when_undefined():
    assert stats.krippendorff_alpha([[1, None], [None, 2]], "nominal") is None
    assert stats.krippendorff_alpha([], "nominal") is None
    assert stats.krippendorff_alpha([[3, 3, 3], [3, 3, 3]], "interval") is None


def test_alpha_rejects_unknown_level_and_ragged_rows():
    with pytest.raises(ValueError, match="unknown level"):
        stats.krippendorff_alpha(KRIPPENDORFF_2011_C, "circular")
    with pytest.raises(ValueError, match="one entry per unit"):
        stats.krippendorff_alpha([[1, 2, 3], [1, 2]], "nominal")


@given(
    units=st.lists(st.integers(min_value=1, max_value=5), min_size=2, max_size=15).filter(
        lambda values: len(set(values)) > 1
    ),
    raters=st.integers(min_value=2, max_value=5),
    level=st.sampled_from(stats.ALPHA_LEVELS),
)
def test_alpha_is_one_for_perfect_agreement(units, raters, level):
    assert stats.krippendorff_alpha([units] * raters, level) == pytest.approx(1.0)


# ------------------------------------------------------- Koo & Li bands


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (None, None),
        (-0.2, "poor"),
        (0.49, "poor"),
        (0.5, "moderate"),
        (0.74, "moderate"),
        (0.75, "good"),
        (0.9, "good"),
        (0.91, "excellent"),
        (1.0, "excellent"),
    ],
)
def test_koo_li_band(value, band):
    # Koo, T. K. & Li, M. Y. (2016). A guideline of selecting and reporting
    # intraclass correlation coefficients for reliability research. J Chiropr Med
    # 15(2):155-163: below .5 poor, .5-.75 moderate, .75-.9 good, above .9 excellent.
    assert stats.koo_li_band(value) == band


# ------------------------------------------------ item-rest correlations


def test_item_rest_correlations_hand_checked():
    # Item 0 against the mean of items 1 and 2 on each row:
    # rows 1..4 give pairs (1, 1.5), (2, 2.0), (3, 3.5), (4, 3.0), which is
    # x = 1..4 against y = 1.5, 2, 3.5, 3 (means 2.5 and 2.5): Sxy = 3, Sxx = 5,
    # Syy = 2.5, r = 3 / sqrt(12.5) = 0.8485.
    rows = [[1, 1, 2], [2, 2, 2], [3, 4, 3], [4, 3, 3]]
    correlations = stats.item_rest_correlations(rows)
    assert len(correlations) == 3
    assert correlations[0] == pytest.approx(3 / 12.5**0.5)
    assert stats.item_rest_correlation(rows, 0) == correlations[0]


def test_item_rest_correlations_skip_missing_rows():
    # Row 3 lacks item 0 and row 4 has no other item: both are skipped for item 0,
    # leaving the same four pairs as in the hand-checked example above.
    rows = [
        [1, 1, 2],
        [2, 2, None],
        [None, 5, 1],
        [9, None, None],
        [3, 4, 3],
        [4, 3, 3],
    ]
    # Item 0 pairs: (1, 1.5), (2, 2), (3, 3.5), (4, 3).
    assert stats.item_rest_correlation(rows, 0) == pytest.approx(3 / 12.5**0.5)


def test_item_rest_correlation_is_none_with_too_few_rows():
    assert stats.item_rest_correlations([[1, 2], [2, 3]]) == [None, None]
    assert stats.item_rest_correlations([]) == []


def test_item_rest_correlation_accepts_exact_numbers():
    rows = [[Fraction(1), Decimal(1)], [2, 2.0], [3, 4]]
    assert stats.item_rest_correlation(rows, 0) == pytest.approx(
        stats.pearson([1, 2, 3], [1, 2, 4])
    )


# ------------------------------------------------------------ mergeable sums
#
# A report over many groups (an opening's interviews with one kit version) keeps each
# group's sums and combines them. The sums of disjoint groups must combine into
# exactly the sums of all the values, so every statistic equals the one computed
# from all the values at once; the published examples hold when split into groups.


def _halves(items, cut):
    return items[:cut], items[cut:]


def test_one_way_sums_combined_from_two_groups_give_shrout_fleiss_values():
    # Shrout & Fleiss (1979), Table 2: ICC(1,1) = .166 and ICC(1,4) = .443 from the
    # published mean squares (see test_icc_matches_shrout_fleiss_table_2).
    first, second = _halves(SHROUT_FLEISS_TABLE_2, 2)
    combined = stats.OneWaySums.of(first) + stats.OneWaySums.of(second)
    assert combined.icc("ICC(1,1)") == pytest.approx(0.166, abs=THREE_DECIMALS)
    assert combined.icc("ICC(1,k)") == pytest.approx(0.443, abs=THREE_DECIMALS)
    assert combined == stats.OneWaySums.of(SHROUT_FLEISS_TABLE_2)


def test_interval_alpha_sums_combined_from_two_groups_give_krippendorffs_value():
    # Krippendorff (2011), see KRIPPENDORFF_2011_C: interval alpha = .849. The sums
    # take units (columns); unit 12 has one value and is not pairable.
    units = list(zip(*KRIPPENDORFF_2011_C, strict=True))
    first, second = _halves(units, 5)
    combined = stats.IntervalAlphaSums.combine(
        [stats.IntervalAlphaSums.of(first), stats.IntervalAlphaSums.of(second)])
    assert combined.alpha() == pytest.approx(0.849, abs=THREE_DECIMALS)
    assert combined.alpha() == stats.krippendorff_alpha(KRIPPENDORFF_2011_C, "interval")


def test_pearson_sums_combined_from_two_groups_give_anscombes_value():
    # Anscombe (1973), data set I: r printed as 0.82.
    x, y = ANSCOMBE["I"]
    combined = stats.PearsonSums.of(x[:4], y[:4]) + stats.PearsonSums.of(x[4:], y[4:])
    assert round(combined.correlation(), 2) == 0.82
    assert combined.correlation() == stats.pearson(x, y)


def test_moments_combined_from_two_groups_give_lakens_descriptives():
    # Lakens (2013): Movie 1 M = 8.7, SD = 0.82.
    first, second = _halves(LAKENS_MOVIE_1, 3)
    combined = stats.Moments.of(first) + stats.Moments.of(second)
    assert combined.mean() == pytest.approx(8.7)
    assert combined.sample_sd() == pytest.approx(0.82, abs=5e-3)


def test_no_group_at_all_gives_undefined_statistics():
    assert stats.OneWaySums.combine([]).icc("ICC(1,1)") is None
    assert stats.IntervalAlphaSums.combine([]).alpha() is None
    assert stats.PearsonSums.combine([]).correlation() is None
    assert (stats.Moments().mean(), stats.Moments().sample_sd()) == (None, None)


def test_one_way_sums_give_only_the_one_way_forms():
    with pytest.raises(ValueError, match="one-way"):
        stats.OneWaySums.of(SHROUT_FLEISS_TABLE_2).icc("ICC(2,1)")


def _close(a, b):
    return (a is None and b is None) or (
        a is not None and b is not None and a == pytest.approx(b, abs=1e-9, rel=0))


number = st.one_of(st.integers(min_value=1, max_value=5),
                   st.floats(min_value=-50, max_value=50, allow_nan=False, allow_infinity=False))
groups_of_targets = st.lists(
    st.lists(st.lists(st.one_of(st.none(), number), max_size=5), max_size=6), max_size=5)


@given(groups=groups_of_targets)
def test_sums_of_disjoint_groups_combine_to_the_statistics_of_all_values(groups):
    targets = [t for group in groups for t in group]
    one_way = stats.OneWaySums.combine(stats.OneWaySums.of(g) for g in groups)
    assert one_way == stats.OneWaySums.of(targets)
    for form in ("ICC(1,1)", "ICC(1,k)"):
        assert _close(one_way.icc(form), stats.icc(targets, form))
    alpha = stats.IntervalAlphaSums.combine(stats.IntervalAlphaSums.of(g) for g in groups)
    width = max((len(t) for t in targets), default=0)
    raters = [[t[i] if i < len(t) else None for t in targets] for i in range(width)]
    assert _close(alpha.alpha(), stats.krippendorff_alpha(raters, "interval") if raters else None)
    values = [[v for t in g for v in t if v is not None] for g in groups]
    moments = stats.Moments.combine(stats.Moments.of(v) for v in values)
    everything = [v for vs in values for v in vs]
    assert _close(moments.mean(), stats.mean(everything))
    assert _close(moments.sample_sd(), stats.sample_sd(everything))
    pairs = stats.PearsonSums.combine(stats.PearsonSums.of(v, v[::-1]) for v in values)
    assert _close(pairs.correlation(), stats.pearson(
        everything, [x for vs in values for x in vs[::-1]]))


scorecard_rows = st.lists(st.lists(st.one_of(st.none(), number), min_size=4, max_size=4),
                          max_size=12)


@given(first=scorecard_rows, second=scorecard_rows)
def test_item_rest_sums_of_two_groups_of_rows_combine_column_by_column(first, second):
    rows = first + second
    combined = [a + b for a, b in zip(stats.item_rest_sums(first, 4),
                                      stats.item_rest_sums(second, 4), strict=True)]
    assert combined == stats.item_rest_sums(rows, 4)
    for item, sums in enumerate(combined):
        # item_rest_correlation computes each item on its own: the reference.
        assert _close(sums.correlation(), stats.item_rest_correlation(rows, item))
