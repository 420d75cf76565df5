"""Charts and printable values of the candidate scorecard (page and PDF alike)."""

from flask_babel import gettext as _
from markupsafe import Markup

from cshire.charts import Series, radar_chart
from cshire.i18n import localized
from cshire.interviews.services.decisions import CandidateScorecard


def candidate_radar(card: CandidateScorecard, language: str | None = None) -> Markup:
    """Candidate's competency means against the profile's target levels."""
    axes = [localized(c.competency, "name", language) for c in card.competencies]
    if not axes:
        return Markup("")
    chart = radar_chart(
        axes,
        [Series(_("Profile target"), [c.target for c in card.competencies], "target"),
         Series(card.application.candidate.name, [c.mean for c in card.competencies],
                "candidate")],
        max_value=5,
        title=_("Candidate and profile"),
    )
    return Markup(chart)  # noqa: S704 - charts.py escapes every label


def pdf_filename(card: CandidateScorecard) -> str:
    return _("scorecard-%(name)s", name=card.application.candidate.name) + ".pdf"
