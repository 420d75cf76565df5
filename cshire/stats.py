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

The one-way ICCs, interval alpha, Pearson's r and the mean and SD also come in a
mergeable form (``OneWaySums``, ``IntervalAlphaSums``, ``PearsonSums``, ``Moments``):
the exact sufficient statistics of one group of data, which add up over disjoint
groups. A report over many groups of which one changes keeps each group's sums and
combines them; the figure is the very one computed from all the values at once.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from fractions import Fraction
from functools import cache
from operator import attrgetter
from typing import Any, Self

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
    return Moments.of(values).sample_sd()


def pearson(x: Sequence[Number], y: Sequence[Number]) -> float | None:
    """Pearson product-moment correlation of paired values.

    None when n < 3 (two points always correlate ±1, which says nothing) or when
    either variable has zero variance. Raises ValueError on unequal lengths.
    """
    if len(x) != len(y):
        raise ValueError(f"pearson needs paired values, got {len(x)} and {len(y)}")
    return PearsonSums.of(x, y).correlation()


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
    return OneWaySums.of(targets).icc("ICC(1,k)" if average else "ICC(1,1)")


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
    """Alpha at the interval level without the coincidence matrix (``IntervalAlphaSums``)."""
    return IntervalAlphaSums.of(list(zip(*data, strict=True))).alpha()


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
    return [sums.correlation() for sums in item_rest_sums(rows)]


def item_rest_sums(rows: Sequence[Sequence[Number | None]],
                   width: int | None = None) -> list[PearsonSums]:
    """The mergeable form of ``item_rest_correlations``: one ``PearsonSums`` per item
    (column), ``width`` columns (default: the longest row). The rows of disjoint
    groups of scorecards with the same items combine column by column."""
    if width is None:
        width = max((len(row) for row in rows), default=0)
    # Each row's total T and count c once; an item x's rest mean is (T − x)/(c − 1),
    # so the rest sums are Σ over d = c − 1 of (integer sums of rows with that d) / d:
    # integers throughout (``_scaled``), a handful of Fractions per item at the end,
    # and the same exact values as item_rest_correlation.
    numerators, scale = _scaled([v for row in rows for v in row if v is not None])
    values = iter(numerators)
    n, sx, sxx = [0] * width, [0] * width, [0] * width
    # Per item: d → [Σ(T − x), Σ(T − x)², Σx(T − x)] over its rows with c − 1 = d.
    by_d: list[dict[int, list[int]]] = [defaultdict(lambda: [0, 0, 0]) for _ in range(width)]
    for row in rows:
        cells = [(j, next(values)) for j, v in enumerate(row) if v is not None]
        if len(cells) < 2:
            continue
        total, d = sum(x for _, x in cells), len(cells) - 1
        for j, x in cells:
            if j >= width:
                continue
            rest = total - x
            n[j] += 1
            sx[j] += x
            sxx[j] += x * x
            sums = by_d[j][d]
            sums[0] += rest
            sums[1] += rest * rest
            sums[2] += x * rest
    unit = scale * scale
    return [PearsonSums(
        n[j], _ratio(sx[j], scale),
        _ratio_total(Fraction(s[0], d * scale) for d, s in by_d[j].items()),
        _ratio(sxx[j], unit),
        _ratio_total(Fraction(s[1], d * d * unit) for d, s in by_d[j].items()),
        _ratio_total(Fraction(s[2], d * unit) for d, s in by_d[j].items()),
    ) for j in range(width)]


# ------------------------------------------------------------- mergeable sums
#
# Each class holds the sufficient statistics of one group of data exactly (Python
# ints and Fractions): counts and power sums, which add up over disjoint groups
# (the combination of partial results discussed by Chan, Golub & LeVeque 1983,
# "Algorithms for computing the sample variance: analysis and recommendations",
# The American Statistician 37(3):242-247; with exact sums the plain addition has no
# round-off to correct). A statistic computed from combined sums is therefore the
# very rational number, and float, computed from all the values at once.


def _ratio(numerator: int, denominator: int = 1) -> int | Fraction:
    """numerator / denominator exactly, a whole number as an int (sums of integer
    ratings then combine as plain ints, much faster than Fractions)."""
    value = Fraction(numerator, denominator)
    return value.numerator if value.denominator == 1 else value


def _ratio_total(parts: Iterable[Fraction]) -> int | Fraction:
    total = sum(parts, Fraction(0))
    return _ratio(total.numerator, total.denominator)


def _exact_total(parts: Sequence[int | Fraction]) -> int | Fraction:
    """Σ parts exactly: over one common denominator, not one Fraction at a time."""
    if all(type(p) is int for p in parts):
        return sum(parts)
    ratios = [p.as_integer_ratio() for p in parts]
    scale = math.lcm(*(d for _, d in ratios))
    return _ratio(sum(n * (scale // d) for n, d in ratios), scale)


@cache
def _field_values(cls: type) -> Callable[[Any], tuple]:
    """A getter of a dataclass's field values, in order (always a tuple)."""
    names = [f.name for f in fields(cls)]
    getter = attrgetter(*names)
    return getter if len(names) > 1 else lambda obj: (getter(obj),)


class _Sums:
    """Base of the mergeable sums: every field is a sum over the group's data."""

    @classmethod
    def combine(cls, parts: Iterable[Self]) -> Self:
        """The sums of the union of disjoint groups (the empty sums for no group)."""
        rows = [_field_values(cls)(p) for p in parts]
        return cls(*(_exact_total(column) for column in zip(*rows, strict=True))) if rows else cls()

    def __add__(self, other: Self) -> Self:
        return type(self).combine([self, other])


@dataclass(frozen=True)
class Moments(_Sums):
    """n, Σv and Σv² of a set of values: the mean and the sample SD."""

    n: int = 0
    total: int | Fraction = 0
    squares: int | Fraction = 0

    @classmethod
    def of(cls, values: Sequence[Number]) -> Moments:
        numerators, scale = _scaled(values)
        return cls(len(numerators), _ratio(sum(numerators), scale),
                   _ratio(sum(x * x for x in numerators), scale * scale))

    def mean(self) -> float | None:
        return None if self.n == 0 else float(Fraction(self.total) / self.n)

    def sample_sd(self) -> float | None:
        """n − 1 denominator; None when n < 2."""
        if self.n < 2:
            return None
        sum_sq_dev = (self.n * self.squares - Fraction(self.total) ** 2) / self.n
        return math.sqrt(sum_sq_dev / (self.n - 1))


@dataclass(frozen=True)
class OneWaySums(_Sums):
    """The one-way layout behind ICC(1,1) and ICC(1,k) (see ``icc``): n targets with
    nᵢ values each, N = Σnᵢ, Σnᵢ², Σv, Σv² and Σ Tᵢ²/nᵢ (Tᵢ a target's sum).

    With A = Σ Tᵢ²/nᵢ: SS_between = A − (Σv)²/N and SS_within = Σv² − A; the
    unbalanced one-way ANOVA's mean squares and k0 = (N − Σnᵢ²/N)/(n − 1) follow.
    """

    targets: int = 0
    values: int = 0
    size_squares: int = 0
    total: int | Fraction = 0
    squares: int | Fraction = 0
    between: int | Fraction = 0

    @classmethod
    def of(cls, targets: Sequence[Sequence[Number | None]]) -> OneWaySums:
        """The sums of ``targets`` (one sequence of values per target; None values
        and targets without a value are left out, as ``icc`` does)."""
        kept = [[v for v in t if v is not None] for t in targets]
        kept = [t for t in kept if t]
        sizes = [len(t) for t in kept]
        values, scale = _scaled([v for t in kept for v in t])
        squares_by_size: dict[int, int] = defaultdict(int)  # nᵢ → Σ Tᵢ² (integers)
        start = 0
        for size in sizes:
            target_sum = sum(values[start:start + size])
            squares_by_size[size] += target_sum * target_sum
            start += size
        unit = scale * scale
        between = sum((Fraction(sq, size) for size, sq in squares_by_size.items()), Fraction(0))
        return cls(len(kept), len(values), sum(n * n for n in sizes),
                   _ratio(sum(values), scale), _ratio(sum(v * v for v in values), unit),
                   _ratio(between.numerator, between.denominator * unit))

    def icc(self, form: str) -> float | None:
        """ICC(1,1) or ICC(1,k) (k = k0); None when undefined, as ``icc``."""
        if form not in _ONE_WAY_FORMS:
            raise ValueError(f"one-way sums give {' and '.join(_ONE_WAY_FORMS)}, not {form!r}")
        n, total_n = self.targets, self.values
        if n < 2 or total_n == n:  # no within-target variance to use
            return None
        ss_between = self.between - Fraction(self.total) ** 2 / total_n
        bms = ss_between / (n - 1)
        wms = (self.squares - self.between) / (total_n - n)
        if form == "ICC(1,k)":
            return None if bms == 0 else float((bms - wms) / bms)
        k0 = (total_n - Fraction(self.size_squares, total_n)) / (n - 1)
        denominator = bms + (k0 - 1) * wms
        return None if denominator == 0 else float((bms - wms) / denominator)


@dataclass(frozen=True)
class IntervalAlphaSums(_Sums):
    """Krippendorff's alpha at the interval level in closed form.

    Averaged scores have about as many distinct values as units, so the coincidence
    matrix's expected disagreement Σ_c Σ_k n_c n_k (c − k)² would be quadratic in the
    number of units. With δ² = (c − k)² both sums have closed forms: a unit of m
    values adds Σ_{i≠j} (vᵢ − vⱼ)² / (m − 1) = 2(m·Σv² − (Σv)²) / (m − 1) to the
    observed disagreement (``within``), and the expected one is 2N·Σv² − 2(Σv)² over
    the N pairable values. Exact, so alpha is the general formulation's.
    """

    values: int = 0
    total: int | Fraction = 0
    squares: int | Fraction = 0
    within: int | Fraction = 0

    @classmethod
    def of(cls, units: Sequence[Sequence[Any]]) -> IntervalAlphaSums:
        """The sums of ``units`` (one sequence of values per unit, None = missing);
        units with fewer than 2 values are not pairable and left out."""
        kept = [[v for v in unit if v is not None] for unit in units]
        kept = [u for u in kept if len(u) >= 2]
        values, scale = _scaled([v for u in kept for v in u])
        within_by_size: dict[int, int] = defaultdict(int)  # m → Σ over units of m·Σv² − (Σv)²
        start = 0
        for unit in kept:
            m = len(unit)
            chunk = values[start:start + m]
            start += m
            unit_total = sum(chunk)
            within_by_size[m] += m * sum(v * v for v in chunk) - unit_total * unit_total
        unit_sq = scale * scale
        within = sum((Fraction(2 * w, m - 1) for m, w in within_by_size.items()), Fraction(0))
        return cls(len(values), _ratio(sum(values), scale),
                   _ratio(sum(v * v for v in values), unit_sq),
                   _ratio(within.numerator, within.denominator * unit_sq))

    def alpha(self) -> float | None:
        """1 − (N − 1)·observed / expected; None when no value is pairable or the
        expected disagreement is 0."""
        if self.values == 0:
            return None
        expected = 2 * self.values * self.squares - 2 * Fraction(self.total) ** 2
        if expected == 0:
            return None
        return float(1 - (self.values - 1) * self.within / expected)


@dataclass(frozen=True)
class PearsonSums(_Sums):
    """n, Σx, Σy, Σx², Σy² and Σxy of paired values: Pearson's r (see ``pearson``)."""

    n: int = 0
    x: int | Fraction = 0
    y: int | Fraction = 0
    xx: int | Fraction = 0
    yy: int | Fraction = 0
    xy: int | Fraction = 0

    @classmethod
    def of(cls, x: Sequence[Number], y: Sequence[Number]) -> PearsonSums:
        if len(x) != len(y):
            raise ValueError(f"pearson needs paired values, got {len(x)} and {len(y)}")
        (ix, scale_x), (iy, scale_y) = _scaled(x), _scaled(y)
        return cls(len(ix), _ratio(sum(ix), scale_x), _ratio(sum(iy), scale_y),
                   _ratio(sum(a * a for a in ix), scale_x * scale_x),
                   _ratio(sum(b * b for b in iy), scale_y * scale_y),
                   _ratio(sum(a * b for a, b in zip(ix, iy, strict=True)), scale_x * scale_y))

    def correlation(self) -> float | None:
        """None when n < 3 or either variable has zero variance."""
        n = self.n
        if n < 3:
            return None
        # Σ(a − mean_a)(b − mean_b) = (n·Σab − Σa·Σb) / n, and likewise the squares.
        sxx = (n * self.xx - Fraction(self.x) ** 2) / n
        syy = (n * self.yy - Fraction(self.y) ** 2) / n
        if sxx == 0 or syy == 0:
            return None
        sxy = (n * self.xy - Fraction(self.x) * self.y) / n
        # Exact above; the root is taken in floats, which may underflow to zero for
        # variances near 1e-300 (tiny float values): no correlation can be said then.
        spread = math.sqrt(sxx * syy)
        return float(sxy) / spread if spread else None
