"""Pure statistics for interview reliability, question quality and profiles.

Standard library only, and no knowledge of models: callers pass plain numbers.

Sums of squares are computed in exact rational arithmetic and turned into a float
only at the end. For speed the sums themselves are taken over integers: the values
are put over one common denominator first (``_scaled``), which gives exactly the same
rationals as summing ``fractions.Fraction`` objects one by one, at a fraction of the
cost (an agreement report sums hundreds of thousands of values). Exactness lets
"zero variance, the statistic is undefined" be told apart from round-off, and
accepts ``int``, ``float`` and ``Decimal`` (what SQL ``NUMERIC`` columns return)
alike. Values must be finite.

Every function returns ``None`` when its statistic is undefined for the data given
(too few values, zero variance): a page can then say "not enough data" instead of
showing a misleading number.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

Number = float | Decimal | Fraction  # int is accepted wherever float is

ICC_FORMS = ("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)")
ALPHA_LEVELS = ("nominal", "ordinal", "interval", "ratio")

_ONE_WAY_FORMS = ("ICC(1,1)", "ICC(1,k)")


def _exact(values: Sequence[Number]) -> list[Fraction]:
    return [Fraction(v) for v in values]


def _scaled(values: Sequence[Number]) -> tuple[list[int], int]:
    """``values`` as integer numerators over one common denominator (exact).

    A float is a fraction with a power-of-two denominator, so the common denominator
    stays one such power; ratings are integers already (denominator 1).
    """
    ratios = [v.as_integer_ratio() for v in values]
    scale = math.lcm(*(d for _, d in ratios)) if ratios else 1
    return [n * (scale // d) for n, d in ratios], scale


def _exact_sum(values: Sequence[Number]) -> Fraction:
    numerators, scale = _scaled(values)
    return Fraction(sum(numerators), scale)


def _sum_sq_dev(values: Sequence[Number]) -> Fraction:
    """Σ(v − mean)², exactly, as (n·Σv² − (Σv)²) / n."""
    numerators, scale = _scaled(values)
    n, total = len(numerators), sum(numerators)
    return Fraction(n * sum(x * x for x in numerators) - total * total, n * scale * scale)


# --------------------------------------------------------------- basics


def mean(values: Sequence[Number]) -> float | None:
    """Arithmetic mean; None for an empty sequence."""
    if not values:
        return None
    return float(_exact_sum(values) / len(values))


def sample_sd(values: Sequence[Number]) -> float | None:
    """Sample standard deviation (n − 1 denominator); None when n < 2."""
    if len(values) < 2:
        return None
    return math.sqrt(_sum_sq_dev(_exact(values)) / (len(values) - 1))


def pearson(x: Sequence[Number], y: Sequence[Number]) -> float | None:
    """Pearson product-moment correlation of paired values.

    None when n < 3 (two points always correlate ±1, which says nothing) or when
    either variable has zero variance. Raises ValueError on unequal lengths.
    """
    if len(x) != len(y):
        raise ValueError(f"pearson needs paired values, got {len(x)} and {len(y)}")
    if len(x) < 3:
        return None
    sxx, syy = _sum_sq_dev(x), _sum_sq_dev(y)
    if sxx == 0 or syy == 0:
        return None
    # Σ(a − mean_a)(b − mean_b) = (n·Σab − Σa·Σb) / n, over the integer numerators.
    (ix, scale_x), (iy, scale_y), n = _scaled(x), _scaled(y), len(x)
    cross = n * sum(a * b for a, b in zip(ix, iy, strict=True)) - sum(ix) * sum(iy)
    sxy = Fraction(cross, n * scale_x * scale_y)
    return float(sxy) / math.sqrt(sxx * syy)


def cohens_d(group_a: Sequence[Number], group_b: Sequence[Number]) -> float | None:
    """Standardised mean difference (mean_a − mean_b) / pooled SD.

    Pooled SD = sqrt(((na−1)·sa² + (nb−1)·sb²) / (na+nb−2)), i.e. Cohen's d_s for
    two independent groups. None when either group has fewer than 2 values or the
    pooled SD is 0.
    """
    if len(group_a) < 2 or len(group_b) < 2:
        return None
    fa, fb = _exact(group_a), _exact(group_b)
    pooled_ss = _sum_sq_dev(fa) + _sum_sq_dev(fb)
    if pooled_ss == 0:
        return None
    difference = sum(fa) / len(fa) - sum(fb) / len(fb)
    return float(difference) / math.sqrt(pooled_ss / (len(fa) + len(fb) - 2))


def koo_li_band(value: float | None) -> str | None:
    """Qualitative band of a reliability coefficient (Koo & Li 2016).

    "poor" below .50, "moderate" from .50 to below .75, "good" from .75 to .90,
    "excellent" above .90 (J Chiropr Med 15(2):155-163). None for None.
    """
    if value is None:
        return None
    if value < 0.5:
        return "poor"
    if value < 0.75:
        return "moderate"
    if value <= 0.9:
        return "good"
    return "excellent"


# ------------------------------------------------- intraclass correlation


def icc(ratings: Sequence[Sequence[Number | None]], form: str) -> float | None:
    """Intraclass correlation (Shrout & Fleiss 1979) from ANOVA mean squares.

    ``ratings`` holds one sequence per target (a candidate, an answer) of the
    values its raters gave; ``None`` values and targets with no rating are dropped.
    ``form`` is one of ICC_FORMS: 1 = each target rated by its own random raters
    (one-way), 2 = the same random raters for all (two-way random), 3 = the same
    fixed raters (two-way mixed); ",1" is one rater's reliability, ",k" that of the
    mean of the raters.

    The one-way forms accept unbalanced panels (different candidates meet panels
    of different size) through the unbalanced one-way ANOVA with the adjusted
    average group size k0 = (N − Σnᵢ²/N)/(n − 1); ICC(1,k) uses k0 as k. The
    two-way forms need every target rated by the same k raters, in the same order
    (ValueError otherwise).

    None when undefined: fewer than 2 targets, no within-target replication, or a
    denominator at or below zero (no variance at all; or, for ICC(2,k), a negative
    estimate of it). Raises ValueError on an unknown form.
    """
    if form not in ICC_FORMS:
        raise ValueError(f"unknown ICC form {form!r}; expected one of {', '.join(ICC_FORMS)}")
    targets = [[v for v in t if v is not None] for t in ratings]
    targets = [t for t in targets if t]
    if len(targets) < 2:
        return None
    if form in _ONE_WAY_FORMS:
        return _icc_one_way(targets, average=form == "ICC(1,k)")
    return _icc_two_way([_exact(t) for t in targets], form)


def _icc_one_way(targets: list[list[Number]], *, average: bool) -> float | None:
    n = len(targets)
    sizes = [len(t) for t in targets]
    total_n = sum(sizes)
    if total_n == n:  # every target rated once: no within-target variance to use
        return None
    # With Tᵢ the sum of target i and A = Σ Tᵢ²/nᵢ: SS_between = A − (ΣTᵢ)²/N and
    # SS_within = Σv² − A, all over integer numerators (see ``_scaled``).
    values, scale = _scaled([v for t in targets for v in t])
    sums, start = [], 0
    for size in sizes:
        sums.append(sum(values[start:start + size]))
        start += size
    squares_by_size: dict[int, int] = defaultdict(int)
    for size, target_sum in zip(sizes, sums, strict=True):
        squares_by_size[size] += target_sum * target_sum
    between_part = sum((Fraction(sq, size) for size, sq in squares_by_size.items()), Fraction(0))
    grand = sum(sums)
    unit = scale * scale
    ss_between = (between_part - Fraction(grand * grand, total_n)) / unit
    ss_within = (sum(v * v for v in values) - between_part) / unit
    bms = ss_between / (n - 1)
    wms = ss_within / (total_n - n)
    if average:
        return None if bms == 0 else float((bms - wms) / bms)
    k0 = (total_n - Fraction(sum(len(t) ** 2 for t in targets), total_n)) / (n - 1)
    denominator = bms + (k0 - 1) * wms
    return None if denominator == 0 else float((bms - wms) / denominator)


def _icc_two_way(targets: list[list[Fraction]], form: str) -> float | None:
    k = len(targets[0])
    if any(len(t) != k for t in targets):
        sizes = sorted({len(t) for t in targets})
        raise ValueError(
            f"{form} needs every target rated by the same raters (a complete "
            f"rectangle); got targets with {sizes} ratings. Use ICC(1,1) or ICC(1,k) "
            "for panels that differ."
        )
    if k < 2:
        return None
    n = len(targets)
    grand = sum((v for t in targets for v in t), Fraction(0)) / (n * k)
    ss_total = sum(((v - grand) ** 2 for t in targets for v in t), Fraction(0))
    ss_rows = k * sum(((sum(t) / k - grand) ** 2 for t in targets), Fraction(0))
    judge_means = [sum(t[j] for t in targets) / n for j in range(k)]
    ss_judges = n * sum(((m - grand) ** 2 for m in judge_means), Fraction(0))
    bms = ss_rows / (n - 1)
    jms = ss_judges / (k - 1)
    ems = (ss_total - ss_rows - ss_judges) / ((n - 1) * (k - 1))
    numerator = bms - ems
    denominator = {
        "ICC(2,1)": bms + (k - 1) * ems + k * (jms - ems) / n,
        "ICC(2,k)": bms + (jms - ems) / n,
        "ICC(3,1)": bms + (k - 1) * ems,
        "ICC(3,k)": bms,
    }[form]
    # The denominator estimates a variance; at or below zero (possible for ICC(2,k)
    # when raters agree on nothing but their means) the ratio means nothing.
    return None if denominator <= 0 else float(numerator / denominator)


# ------------------------------------------------------ Krippendorff alpha


def krippendorff_alpha(data: Sequence[Sequence[Any]], level: str) -> float | None:
    """Krippendorff's alpha, coincidence-matrix formulation (Krippendorff 2011).

    ``data`` holds one sequence per rater (coder), each with one value per unit and
    ``None`` where that rater did not rate the unit; all rows must be equally long.
    ``level`` is one of ALPHA_LEVELS. Nominal values may be any hashable; ordinal
    values must be orderable; interval and ratio values must be numbers.

    Units with fewer than 2 values are not pairable and are dropped. Alpha is
    1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck. None when no value is pairable or the
    expected disagreement is 0 (every pairable value the same). Raises ValueError on
    an unknown level or ragged rows.
    """
    if level not in ALPHA_LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(ALPHA_LEVELS)}")
    if len({len(row) for row in data}) > 1:
        raise ValueError("every rater needs one entry per unit (None for missing)")
    if level == "interval":
        return _alpha_interval(data)
    coincidences = _coincidences(data)
    if not coincidences:
        return None
    marginals: Counter[Hashable] = Counter()
    for (c, _k), weight in coincidences.items():
        marginals[c] += weight
    total = sum(marginals.values(), Fraction(0))
    delta = _difference_function(level, marginals)
    observed = sum((w * delta(c, k) for (c, k), w in coincidences.items()), Fraction(0))
    expected = sum(
        (marginals[c] * marginals[k] * delta(c, k) for c in marginals for k in marginals),
        Fraction(0),
    )
    if expected == 0:
        return None
    return float(1 - (total - 1) * observed / expected)


def _alpha_interval(data: Sequence[Sequence[Any]]) -> float | None:
    """Alpha at the interval level without the coincidence matrix.

    Averaged scores have about as many distinct values as units, so the expected
    disagreement Σ_c Σ_k n_c n_k (c − k)² would be quadratic in the number of units
    (hours for a year of interviews). With δ² = (c − k)² both sums have closed forms:
    a unit of m values adds Σ_{i≠j} (vᵢ − vⱼ)² / (m − 1) = 2(m·Σv² − (Σv)²) / (m − 1) to
    the observed disagreement, and the expected one is 2N·Σv² − 2(Σv)² over the N
    pairable values. Exact, so the result is the same as the general formulation's.
    """
    units = [[v for v in unit if v is not None] for unit in zip(*data, strict=True)]
    units = [u for u in units if len(u) >= 2]
    if not units:
        return None
    values, scale = _scaled([v for u in units for v in u])
    within_by_size: dict[int, int] = defaultdict(int)  # m → Σ over units of m·Σv² − (Σv)²
    start = 0
    for unit in units:
        m = len(unit)
        chunk = values[start:start + m]
        start += m
        total = sum(chunk)
        within_by_size[m] += m * sum(v * v for v in chunk) - total * total
    unit_sq = scale * scale
    observed = sum((Fraction(2 * w, m - 1) for m, w in within_by_size.items()),
                   Fraction(0)) / unit_sq
    n, total = len(values), sum(values)
    expected = Fraction(2 * n * sum(v * v for v in values) - 2 * total * total, unit_sq)
    if expected == 0:
        return None
    return float(1 - (n - 1) * observed / expected)


def _coincidences(data: Sequence[Sequence[Any]]) -> dict[tuple[Any, Any], Fraction]:
    """Coincidence matrix o_ck: each ordered pair of values within a unit counts
    1/(m_u − 1), where m_u is the number of values in that unit."""
    matrix: defaultdict[tuple[Any, Any], Fraction] = defaultdict(Fraction)
    for unit in zip(*data, strict=True):
        values = [v for v in unit if v is not None]
        if len(values) < 2:
            continue
        weight = Fraction(1, len(values) - 1)
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    matrix[(c, k)] += weight
    return dict(matrix)


def _difference_function(
    level: str, marginals: Counter[Hashable]
) -> Callable[[Any, Any], Fraction]:
    """Squared difference δ²(c, k) for the level of measurement."""
    if level == "nominal":
        return lambda c, k: Fraction(c != k)
    if level == "interval":
        return lambda c, k: (Fraction(c) - Fraction(k)) ** 2
    if level == "ratio":
        return _ratio_difference
    # Ordinal: how many pairable values lie between c and k, counting the two
    # end categories half each, squared.
    ordered = sorted(marginals)
    cumulative: dict[Any, Fraction] = {}
    running = Fraction(0)
    for value in ordered:
        cumulative[value] = running + marginals[value] / 2
        running += marginals[value]
    return lambda c, k: (cumulative[c] - cumulative[k]) ** 2


def _ratio_difference(c: Any, k: Any) -> Fraction:
    fc, fk = Fraction(c), Fraction(k)
    if fc + fk == 0:
        return Fraction(0)
    return ((fc - fk) / (fc + fk)) ** 2


# ------------------------------------------------------- question quality


def item_rest_correlation(rows: Sequence[Sequence[Number | None]], item: int) -> float | None:
    """Correlation of one item with the mean of the other items on the same row.

    A question whose scores do not move with the rest of the scorecard measures
    something else (or nothing). Rows where the item is missing, or where no other
    item is present, are skipped; rows shorter than ``item`` count as missing it.
    None when fewer than 3 rows remain or either side has zero variance.
    """
    item_scores: list[Number] = []
    rest_means: list[Number] = []
    for row in rows:
        score = row[item] if item < len(row) else None
        others = [Fraction(v) for j, v in enumerate(row) if j != item and v is not None]
        if score is None or not others:
            continue
        item_scores.append(score)
        rest_means.append(sum(others, Fraction(0)) / len(others))
    return pearson(item_scores, rest_means)


def item_rest_correlations(rows: Sequence[Sequence[Number | None]]) -> list[float | None]:
    """item_rest_correlation for every item (column) of ``rows``, in column order.

    ``rows`` holds one row per scorecard with one score per item, None for missing.
    """
    width = max((len(row) for row in rows), default=0)
    # Each row's total and count once, the rest mean then being (total − item) /
    # (count − 1): the same exact values as item_rest_correlation, without summing
    # every other item again for every item (quadratic in the kit's length).
    totals = []
    for row in rows:
        present = [Fraction(v) for v in row if v is not None]
        totals.append((sum(present, Fraction(0)), len(present)))
    result = []
    for item in range(width):
        item_scores: list[Number] = []
        rest_means: list[Number] = []
        for row, (total, count) in zip(rows, totals, strict=True):
            score = row[item] if item < len(row) else None
            if score is None or count < 2:
                continue
            item_scores.append(score)
            rest_means.append((total - Fraction(score)) / (count - 1))
        result.append(pearson(item_scores, rest_means))
    return result
