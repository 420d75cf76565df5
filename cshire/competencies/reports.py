"""Ready values for the printable competency catalogue."""

from flask_babel import gettext as _

from cshire.charts import Series, bar_chart
from cshire.competencies.messages import CATEGORY_LABELS
from cshire.competencies.models import CompetencyCategory
from cshire.competencies.services import active_competencies
from cshire.database import utcnow
from cshire.i18n import current_language, localized


def catalogue_context() -> dict:
    """All active competencies grouped by category, in the viewer's language."""
    language = current_language()
    competencies = active_competencies()
    groups = []
    for category in CompetencyCategory:
        items = [
            {
                "code": c.code,
                "name": localized(c, "name", language),
                "description": localized(c, "description", language),
                "levels": [
                    (lvl.level, localized(lvl, "description", language)) for lvl in c.levels
                ],
            }
            for c in competencies
            if c.category == category.value
        ]
        if items:
            groups.append({"label": str(CATEGORY_LABELS[category]), "competencies": items})
    counts = [len(g["competencies"]) for g in groups]
    chart = bar_chart(
        [g["label"] for g in groups], [Series(_("Competencies"), counts)],
        title=_("Competencies per category"), value_format=lambda v: f"{v:.0f}",
    ) if groups else ""
    return {"groups": groups, "chart": chart, "generated_at": utcnow(), "lang": language}
