"""Interviews: one stage of one application, at a time, with a panel.

Each panel member holds a ``Scorecard`` (created empty as a draft), so the panel and
the missing scorecards are the same rows.
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cshire.auth.models import User
from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.models.candidates import Application, ApplicationStatus
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import InterviewKitVersion, KitItem
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.scoring import Scorecard
from cshire.interviews.services.candidates import change_status, is_closed
from cshire.interviews.services.openings import PANEL_ROLES


def schedule_interview(application: Application, *, stage_id: int | None,
                       scheduled_at: datetime | None, panel_ids: Sequence[int],
                       location: str = "", actor: User) -> Interview:
    """Book a stage of an application with a panel; an applied candidate moves to
    interviewing. One interview per stage and application."""
    if is_closed(application):
        raise HiringError("application_closed")
    stage = next((s for s in application.opening.stages if s.id == stage_id), None)
    if stage is None:
        raise HiringError("stage_invalid")
    if any(i.stage_id == stage.id for i in application.interviews):
        raise HiringError("stage_taken", stage=stage.name)
    if scheduled_at is None:
        raise HiringError("time_required")
    panel = _panel_users(panel_ids)
    interview = Interview(stage=stage, scheduled_at=scheduled_at, location=location.strip())
    interview.scorecards = [Scorecard(interviewer=user) for user in panel]
    application.interviews.append(interview)
    if application.status == ApplicationStatus.APPLIED.value:
        change_status(application, ApplicationStatus.INTERVIEWING.value, actor=actor)
    db.session.flush()
    return interview


def update_interview(interview: Interview, *, scheduled_at: datetime | None,
                     panel_ids: Sequence[int], location: str = "") -> None:
    """Move the interview or change the panel. A seat whose scorecard has content (or
    was ever submitted) cannot be removed: that would lose an interviewer's work."""
    if scheduled_at is None:
        raise HiringError("time_required")
    panel = _panel_users(panel_ids)
    wanted = {u.id for u in panel}
    for scorecard in list(interview.scorecards):
        if scorecard.interviewer_id in wanted:
            continue
        if _has_content(scorecard):
            raise HiringError("seat_in_use", name=scorecard.interviewer.display_name)
        interview.scorecards.remove(scorecard)
    seated = {s.interviewer_id for s in interview.scorecards}
    interview.scorecards.extend(Scorecard(interviewer=u) for u in panel if u.id not in seated)
    interview.scheduled_at = scheduled_at
    interview.location = location.strip()
    db.session.flush()


def _has_content(scorecard: Scorecard) -> bool:
    return (scorecard.first_submitted_at is not None or scorecard.recommendation is not None
            or any(a.rating is not None or a.not_asked or a.note for a in scorecard.answers))


def _panel_users(panel_ids: Sequence[int]) -> list[User]:
    ids = sorted({int(i) for i in panel_ids})
    if not ids:
        raise HiringError("panel_required")
    users = list(db.session.scalars(select(User).where(User.id.in_(ids))))
    if len(users) != len(ids) or any(not u.active or not u.has_role(*PANEL_ROLES)
                                     for u in users):
        raise HiringError("not_an_interviewer")
    return sorted(users, key=lambda u: u.display_name)


def is_on_panel(user: User, interview: Interview) -> bool:
    return any(s.interviewer_id == user.id for s in interview.scorecards)


def load_interview(interview_id: int) -> Interview | None:
    """An interview with everything its page shows, in a fixed number of queries."""
    return db.session.scalar(
        select(Interview).where(Interview.id == interview_id).options(
            selectinload(Interview.application).selectinload(Application.candidate),
            selectinload(Interview.application).selectinload(Application.opening),
            selectinload(Interview.stage).selectinload(OpeningStage.kit_version)
            .selectinload(InterviewKitVersion.items).selectinload(KitItem.competency),
            selectinload(Interview.scorecards).selectinload(Scorecard.interviewer),
            selectinload(Interview.scorecards).selectinload(Scorecard.answers),
        )
    )


def load_application(application_id: int) -> Application | None:
    """An application with its opening, stages and interviews (for scheduling)."""
    return db.session.scalar(
        select(Application).where(Application.id == application_id).options(
            selectinload(Application.candidate),
            selectinload(Application.opening).selectinload(Opening.stages),
            selectinload(Application.interviews).selectinload(Interview.scorecards)
            .selectinload(Scorecard.interviewer),
        )
    )
