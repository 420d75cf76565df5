"""The mentor's review of a handed-in round (an assignment or a sandbox exercise):
approve it, or ask for changes with a comment. Every round is kept; a round is
reviewed once, by someone who may supervise the new hire and is not the new hire.
"""

from dataclasses import dataclass

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import joinedload, lazyload

from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.timezones import format_when
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import TrainingModule
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.work import ModuleProgress, ProgressStatus, ReviewOutcome, Submission
from cshire.training.services.access import can_supervise_enrolment, visible_enrolments_query
from cshire.training.services.progress import open_progress


def supervised_enrolment_ids(user: User) -> Select:
    """The enrolments ``user`` may supervise: those they may see, but not their own
    (``access.can_supervise_enrolment`` as one subquery)."""
    return (visible_enrolments_query(user).where(Enrolment.user_id != user.id)
            .with_only_columns(Enrolment.id))


def review_queue_query(user: User) -> Select:
    """Rounds awaiting review that ``user`` may review, oldest first, with the new hire
    and the module joined (one query per page)."""
    return (
        select(Submission).where(*_awaiting(user))
        .options(joinedload(Submission.enrolment).joinedload(Enrolment.user)
                 .options(lazyload(User.role_grants)),
                 joinedload(Submission.module).joinedload(TrainingModule.stage))
        .order_by(Submission.submitted_at, Submission.id)
    )


def awaiting_review_count(user: User) -> int:
    return db.session.scalar(select(func.count(Submission.id)).where(*_awaiting(user))) or 0


def _awaiting(user: User) -> tuple:
    return (Submission.reviewed_at.is_(None),
            Submission.enrolment_id.in_(supervised_enrolment_ids(user)))


def load_submission(submission_id: int) -> Submission | None:
    return db.session.scalar(
        select(Submission).where(Submission.id == submission_id).options(
            joinedload(Submission.enrolment).joinedload(Enrolment.user),
            joinedload(Submission.module), joinedload(Submission.file),
            joinedload(Submission.reviewer)))


def rounds_of(submission: Submission) -> list[Submission]:
    """Every round of the same module by the same new hire, oldest first."""
    return list(db.session.scalars(
        select(Submission).where(Submission.enrolment_id == submission.enrolment_id,
                                 Submission.module_id == submission.module_id)
        .options(joinedload(Submission.reviewer), joinedload(Submission.file))
        .order_by(Submission.round)))


@dataclass(frozen=True)
class ReviewInput:
    outcome: str | None
    comment: str = ""


def review(submission: Submission, data: ReviewInput, *, actor: User) -> Submission:
    """Record the review: approved → the module is passed; changes asked (a comment
    saying which is required) → the new hire hands in a new round. A round already
    reviewed — also by someone at the same moment — is refused and left as it is."""
    enrolment = submission.enrolment
    if enrolment.user_id == actor.id:
        raise TrainingError("own_work")
    if not can_supervise_enrolment(actor, enrolment):
        raise TrainingError("not_a_supervisor")
    if not submission.awaiting_review:
        raise _already_reviewed(submission)
    latest = db.session.scalar(
        select(Submission.id).where(Submission.enrolment_id == enrolment.id,
                                    Submission.module_id == submission.module_id)
        .order_by(Submission.round.desc()).limit(1))
    if latest != submission.id:
        raise TrainingError("not_latest_round")
    comment = data.comment.strip()
    if data.outcome not in (o.value for o in ReviewOutcome):
        raise TrainingError.on_field("outcome", "outcome_required")
    if data.outcome == ReviewOutcome.REVISE and not comment:
        raise TrainingError.on_field("comment", "comment_required")
    now = utcnow()
    # Only if nobody reviewed it meanwhile: the WHERE makes two reviews at once exclusive.
    claimed = db.session.execute(
        update(Submission)
        .where(Submission.id == submission.id, Submission.reviewed_at.is_(None))
        .values(reviewed_at=now, reviewer_id=actor.id, outcome=data.outcome, comment=comment)
        .execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        db.session.refresh(submission)
        raise _already_reviewed(submission)
    db.session.refresh(submission)
    _move_progress(enrolment, submission.module, data.outcome, now)
    db.session.flush()
    return submission


def _move_progress(enrolment: Enrolment, module: TrainingModule, outcome: str, now) -> None:
    progress: ModuleProgress = open_progress(enrolment, module)
    if outcome == ReviewOutcome.APPROVED:
        progress.status = ProgressStatus.PASSED.value
        progress.passed_at = now
    else:
        progress.status = ProgressStatus.REVISE.value


def _already_reviewed(submission: Submission) -> TrainingError:
    who = submission.reviewer.display_name if submission.reviewer else "–"
    return TrainingError("already_reviewed", who=who, when=format_when(submission.reviewed_at))


