"""Hiring's data for charts and PDFs: profile and candidate radars, the interview guide."""

from dataclasses import dataclass

from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from cshire.charts import Series, radar_chart
from cshire.database import utcnow
from cshire.extensions import db
from cshire.i18n import current_language, localized
from cshire.interviews.messages import QUESTION_TYPE_LABELS
from cshire.interviews.models.kits import InterviewKitVersion, KitItem
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.models.scoring import Scorecard, ScorecardAnswer
from cshire.interviews.services.decisions import CandidateScorecard
from cshire.interviews.services.exemplars import (
    SuggestionRow,
)


def profile_radar(profile: HighPerformerProfile, language: str | None = None) -> Markup:
    """The target level of each competency, heaviest first."""
    if not profile.entries:
        return Markup("")
    language = language or current_language()
    axes = [localized(e.competency, "name", language) for e in profile.entries]
    svg = radar_chart(
        axes, [Series(_("Target level"), [e.target_level for e in profile.entries])],
        max_value=5, title=_("Target levels of a high performer"),
    )
    return Markup(svg)  # noqa: S704 - charts.py escapes every label


def suggestion_radar(rows: list[SuggestionRow]) -> Markup:
    """High performers' mean rating against the rest's, per competency."""
    if not rows:
        return Markup("")
    axes = [localized(row.competency, "name") for row in rows]
    svg = radar_chart(
        axes,
        [Series(_("High performers"), [row.suggestion.mean_high for row in rows]),
         Series(_("Rest of the team"), [row.suggestion.mean_rest for row in rows])],
        max_value=5, title=_("Mean rating by group"),
    )
    return Markup(svg)  # noqa: S704 - charts.py escapes every label


# Ruled lines of note space under each question of the guide. Medium packs about three
# questions on a page; large gives a long answer room, two questions a page.
GUIDE_NOTE_LINES = {"small": 2, "medium": 4, "large": 10}
DEFAULT_GUIDE_NOTES = "medium"


def guide_notes_size(value: str | None) -> str:
    """The note space asked for (``?notes=``), or the default when absent or unknown."""
    return value if value in GUIDE_NOTE_LINES else DEFAULT_GUIDE_NOTES


def guide_context(version: InterviewKitVersion, notes: str = DEFAULT_GUIDE_NOTES) -> dict:
    """The interview guide of a published version: its questions in order with probes
    and anchors, and the profile radar. Headings follow the viewer's language; the
    questions are in the kit's language (the words said to the candidate). ``notes``:
    a key of :data:`GUIDE_NOTE_LINES`, the note space under each question."""
    language = current_language()
    kit = version.kit
    items = [
        {
            "position": item.position,
            "competency": localized(item.competency, "name", language),
            "code": item.competency.code,
            "type": str(QUESTION_TYPE_LABELS.get(item.question_type, item.question_type)),
            "text": item.text,
            "probes": item.probe_list,
            "anchors": [(1, item.anchor_low), (3, item.anchor_mid), (5, item.anchor_high)],
        }
        for item in version.items
    ]
    return {
        "kit": kit,
        "version": version,
        "profile": kit.profile,
        "items": items,
        "chart": profile_radar(kit.profile, language),
        "expected_minutes": version.expected_minutes,
        "note_lines": GUIDE_NOTE_LINES[guide_notes_size(notes)],
        "generated_at": utcnow(),
        "lang": language,
    }


CANDIDATE_RADAR_SIZE = 480  # px: wide enough to read eight axis labels beside the table


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
        size=CANDIDATE_RADAR_SIZE,
        title=_("Candidate and profile"),
    )
    return Markup(chart)  # noqa: S704 - charts.py escapes every label


def pdf_filename(card: CandidateScorecard) -> str:
    return _("scorecard-%(name)s", name=card.application.candidate.name) + ".pdf"


def guide_filename(version: InterviewKitVersion) -> str:
    return _("interview-guide") + f"-{version.kit.name}-v{version.number}.pdf"


@dataclass
class Evidence:
    """One submitted scorecard's notes, as the scorecard PDF prints them."""

    scorecard: Scorecard
    answers: list[ScorecardAnswer]


def scorecard_evidence(card: CandidateScorecard) -> list[Evidence]:
    """The evidence notes of the scorecards ``card`` shows, in kit order, one query.

    Only ``card.scorecards``: the submitted ones the viewer may see, so a panel member
    who has not submitted yet never reads the others' notes here either."""
    ids = [s.id for s in card.scorecards]
    answers = db.session.scalars(
        select(ScorecardAnswer).join(ScorecardAnswer.kit_item)
        .options(contains_eager(ScorecardAnswer.kit_item).joinedload(KitItem.competency))
        .where(ScorecardAnswer.scorecard_id.in_(ids),
               (ScorecardAnswer.note != "") | (ScorecardAnswer.not_asked_reason != ""))
        .order_by(ScorecardAnswer.scorecard_id, KitItem.position)
    ).all() if ids else []
    by_scorecard: dict[int, list[ScorecardAnswer]] = {}
    for answer in answers:
        by_scorecard.setdefault(answer.scorecard_id, []).append(answer)
    return [Evidence(s, by_scorecard[s.id]) for s in card.scorecards if s.id in by_scorecard]
