"""Openings and their stages, and the object-level access rules of the hiring process.

Who may do what (views check these with ``ensure_allowed``):

- a hiring manager manages the openings where they are ``hiring_manager``; an admin
  manages every opening; other managers do not see them;
- an interviewer reaches only the interviews where they hold a panel seat (see
  ``services.scoring`` for what they may read there).

Services never commit: the view or CLI command owns the transaction.
"""

from dataclasses import dataclass, field

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from cshire.auth.models import MANAGERS, Role, User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.kits import InterviewKit, InterviewKitVersion, KitStatus
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.profiles import HighPerformerProfile

PANEL_ROLES = (Role.INTERVIEWER, Role.MANAGER, Role.ADMIN)


# --------------------------------------------------------------------- access


def is_admin(user: User) -> bool:
    return user.has_role(Role.ADMIN)


def can_manage_opening(user: User, opening: Opening) -> bool:
    """The opening's hiring manager, or an admin."""
    return manages(user, opening.hiring_manager_id)


def manages(user: User, hiring_manager_id: int | None) -> bool:
    """``can_manage_opening`` from the hiring manager's id alone (``None``: not found)."""
    return hiring_manager_id is not None and (is_admin(user) or hiring_manager_id == user.id)


def opening_manager_id(opening_id: int) -> int | None:
    """The opening's hiring manager, in one light query: the access check made before
    a cached page is served."""
    return db.session.scalar(select(Opening.hiring_manager_id).where(Opening.id == opening_id))


def openings_query(user: User, *, include_closed: bool = True) -> Select:
    """Openings ``user`` manages (all of them for an admin), newest first."""
    query = select(Opening).options(
        selectinload(Opening.stages).selectinload(OpeningStage.kit_version)
        .selectinload(InterviewKitVersion.kit),
        selectinload(Opening.profile),
        selectinload(Opening.hiring_manager),
    )
    if not is_admin(user):
        query = query.where(Opening.hiring_manager_id == user.id)
    if not include_closed:
        query = query.where(Opening.closed_at.is_(None))
    return query.order_by(Opening.created_at.desc(), Opening.id.desc())


def managed_opening_ids(user: User) -> Select:
    """A subquery of the ids of the openings ``user`` manages."""
    query = select(Opening.id)
    if not is_admin(user):
        query = query.where(Opening.hiring_manager_id == user.id)
    return query


# ------------------------------------------------------------------ choices


def published_kit_versions() -> list[InterviewKitVersion]:
    """Every published kit version, for the stage pickers (newest version first)."""
    return list(db.session.scalars(
        select(InterviewKitVersion)
        .join(InterviewKit)
        .where(InterviewKitVersion.status == KitStatus.PUBLISHED.value,
               InterviewKit.archived_at.is_(None))
        .options(selectinload(InterviewKitVersion.kit))
        .order_by(InterviewKit.name, InterviewKitVersion.number.desc())
    ))


def active_profiles() -> list[HighPerformerProfile]:
    return list(db.session.scalars(
        select(HighPerformerProfile)
        .where(HighPerformerProfile.archived_at.is_(None))
        .order_by(HighPerformerProfile.name)
    ))


# ------------------------------------------------------------------- writes


@dataclass(frozen=True)
class StageInput:
    name: str
    kit_version_id: int | None


@dataclass(frozen=True)
class OpeningInput:
    title: str
    description: str
    profile_id: int | None
    hiring_manager_id: int | None
    fit_threshold: float | None
    notes_required: bool
    stages: list[StageInput] = field(default_factory=list)
    closed: bool | None = None  # None: leave the opening open or closed as it is


def create_opening(data: OpeningInput, *, actor: User) -> Opening:
    """A new opening with at least one stage, each run with a published kit version."""
    opening = Opening()
    _apply(opening, data, actor)
    stages = [s for s in data.stages if s.name.strip() or s.kit_version_id]
    if not stages:
        raise HiringError("stage_required")
    db.session.add(opening)
    for stage in stages:
        add_stage(opening, stage)
    db.session.flush()
    return opening


def update_opening(opening: Opening, data: OpeningInput, *, actor: User) -> None:
    """Change the opening's settings (stages are added separately and never removed
    once created, so past interviews keep their stage)."""
    _apply(opening, data, actor)
    if data.closed is not None:
        set_closed(opening, data.closed)
    db.session.flush()


def _apply(opening: Opening, data: OpeningInput, actor: User) -> None:
    if not data.title.strip():
        raise HiringError("title_required")
    profile = db.session.get(HighPerformerProfile, data.profile_id or 0)
    if profile is None or (profile.archived_at is not None and profile is not opening.profile):
        raise HiringError("opening_profile_required")
    manager = db.session.get(User, data.hiring_manager_id or 0)
    if manager is None or not manager.active or not manager.has_role(*MANAGERS):
        raise HiringError("hiring_manager_invalid")
    if manager.id != actor.id and not is_admin(actor):
        # Otherwise a manager could hand an opening away and lose sight of it.
        raise HiringError("own_openings_only")
    if data.fit_threshold is not None and not 0 <= data.fit_threshold <= 100:
        raise HiringError("threshold_range")
    opening.title = data.title.strip()
    opening.description = data.description.strip()
    opening.profile = profile
    opening.hiring_manager = manager
    opening.fit_threshold = data.fit_threshold
    opening.notes_required = data.notes_required


def add_stage(opening: Opening, data: StageInput) -> OpeningStage:
    """Append a stage; its kit version must be published (frozen)."""
    if not data.name.strip():
        raise HiringError("stage_name_required")
    version = db.session.get(InterviewKitVersion, data.kit_version_id or 0)
    if version is None or not version.is_published:
        raise HiringError("kit_not_published")
    stage = OpeningStage(
        name=data.name.strip(), kit_version=version,
        position=max((s.position for s in opening.stages), default=0) + 1,
    )
    opening.stages.append(stage)
    db.session.flush()
    return stage


def set_closed(opening: Opening, closed: bool) -> None:
    opening.closed_at = utcnow() if closed else None


def status_counts(opening: Opening) -> dict[str, int]:
    """How many applications are in each status (one grouped query)."""
    rows = db.session.execute(
        select(Application.status, func.count(Application.id))
        .where(Application.opening_id == opening.id)
        .group_by(Application.status)
    )
    return dict(rows.all())


def load_opening(opening_id: int) -> Opening | None:
    return db.session.scalar(
        select(Opening).where(Opening.id == opening_id).options(
            selectinload(Opening.stages).selectinload(OpeningStage.kit_version)
            .selectinload(InterviewKitVersion.kit),
            selectinload(Opening.profile).selectinload(HighPerformerProfile.entries),
            selectinload(Opening.hiring_manager),
        )
    )
