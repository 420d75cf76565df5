"""One example of every chart kind, built from the labels a test passes in, so the
same checks (clipping, whole words, escaping, page, PDF) run over every kind."""

from collections.abc import Callable

from cshire.charts import (
    Series,
    bar_chart,
    funnel_chart,
    line_chart,
    radar_chart,
    scatter_chart,
    stacked_bar_chart,
)

LONG_EN = [
    "Expectation management under renewal pressure",
    "Onboarding follow-up with the executive sponsor",
    "Internationalisation",
    "CustomerSuccessOperationsExcellenceProgramme",
]
LONG_JA = [
    "期待値コントロールと更新交渉",
    "エグゼクティブスポンサーとのオンボーディングのフォローアップ",
    "課題解決力",
    "カスタマーサクセスオペレーションエクセレンスプログラム",
]
NAMES_EN = ["Profile target of a high performer", "Candidate"]
NAMES_JA = ["ハイパフォーマーの目標プロファイル", "候補者"]
HOSTILE = "</svg><script>alert('x')</script> & \"q\" <b>\x00"

Builder = Callable[..., str]


def radar(labels: list[str], names: list[str], title: str = "", width: int = 320) -> str:
    series = [Series(names[0], [5, 4, 4, 3]), Series(names[1], [4, 3, None, 2])]
    return radar_chart(labels, series, title=title, size=width)


def bar(labels: list[str], names: list[str], title: str = "", width: int = 560) -> str:
    series = [Series(names[0], [5, 4, 4, 3]), Series(names[1], [4, 3.5, None, 2])]
    return bar_chart(labels, series, max_value=5, title=title, width=width)


def stacked(labels: list[str], names: list[str], title: str = "", width: int = 560) -> str:
    series = [Series(names[0], [3, 5, 8, 0]), Series(names[1], [1, 6, 4, None])]
    return stacked_bar_chart(labels, series, title=title, width=width)


def funnel(labels: list[str], names: list[str], title: str = "", width: int = 560) -> str:
    stages = list(zip(labels, [120, 77, 30, 12], strict=True))
    return funnel_chart(stages, highlight=1, highlight_label=names[0], title=title, width=width)


def line(labels: list[str], names: list[str], title: str = "", width: int = 560) -> str:
    series = [Series(names[0], [3.1, None, 3.6, 4.0]), Series(names[1], [2.0, 2.4, 2.9, 3.0])]
    return line_chart(labels, series, title=title, y_label=names[0], width=width)


def scatter(labels: list[str], names: list[str], title: str = "", width: int = 480) -> str:
    points = [(3.5, 3.8, labels[0]), (4.2, 4.1, labels[1]), (2.8, 3.0, labels[2]),
              (4.8, 4.6, labels[3]), (3.0, 3.1, None)]
    return scatter_chart(points, names[0], names[1], fit_label=names[0], title=title,
                         width=width)


KINDS: dict[str, Builder] = {
    "radar": radar,
    "bar": bar,
    "stacked": stacked,
    "funnel": funnel,
    "line": line,
    "scatter": scatter,
}
