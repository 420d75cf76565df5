"""Building, editing and publishing structured-interview kits.

The arithmetic (allocation, picking, order) is in the pure module
:mod:`cshire.interviews.rules.kits`; this module feeds it from the database and stores the
result. Rules kept here:

- a kit's content lives in numbered versions; only a *draft* can change;
- publishing freezes a version for good (interviews point at the exact version), and
  counts one more use for every bank question it contains;
- "editing" a published kit starts the next version as a draft copy, so candidates
  already interviewed keep the questions they were asked;
- a change to a draft made on a page loaded earlier is refused when someone changed
  the draft in between (``ensure_current``), and every version event — made, a question
  swapped or moved, published — is recorded in the audit trail of its version;
- two requests at the same moment are decided by the database, never by a check in
  Python alone: a swap, move or publish first *claims* the draft with a
  state-conditioned UPDATE (``_claim``), and a kit has at most one draft (a partial
  unique index). The request that comes second changes nothing and is told what the
  first one did.

Services never commit: the view or CLI command does.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import Select, and_, exists, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import joinedload, selectinload

from cshire.audit import AuditEntry, Change, ensure_current, record_changes
from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.errors import EditConflict
from cshire.extensions import db
from cshire.interviews.messages import HiringError, VersionPublished
from cshire.interviews.models.kits import InterviewKit, InterviewKitVersion, KitItem, KitStatus
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency
from cshire.interviews.models.questions import InterviewQuestion
from cshire.interviews.rules import kits
from cshire.interviews.services.questions import LANGUAGES

MAX_QUESTIONS = 40
MAX_MINUTES_PER_QUESTION = 60


class Loaded(Enum):
    """How the caller knows the draft it changes. ``AS_READ``: it read the draft in
    this transaction (a command, the demo), so there is nothing to compare; a view
    passes the version its page was loaded at instead."""

    AS_READ = "as read"


AS_READ = Loaded.AS_READ


@dataclass(frozen=True)
class KitRequest:
    """What the manager asks for. Give ``total_questions``, or ``interview_minutes``
    (the kit then holds as many questions as fit)."""

    name: str
    profile_id: int | None
    language: str
    minutes_per_question: int
    total_questions: int | None = None
    interview_minutes: int | None = None


@dataclass(frozen=True)
class AllocationRow:
    competency: Competency
    weight: float
    share: float  # weight / sum of weights
    allocated: int  # questions the weights call for
    in_kit: int  # questions the version actually holds

    @property
    def shortfall(self) -> int:
        return max(self.allocated - self.in_kit, 0)


# --- reading ---------------------------------------------------------------------------


def kit_query(*, published_only: bool = False) -> Select:
    """Kits with versions and profile loaded. ``published_only`` (interviewers) keeps
    kits that have at least one published version."""
    query = select(InterviewKit).options(
        selectinload(InterviewKit.versions), selectinload(InterviewKit.profile)
    )
    if published_only:
        query = query.where(exists().where(
            InterviewKitVersion.kit_id == InterviewKit.id,
            InterviewKitVersion.status == KitStatus.PUBLISHED.value,
        ))
    return query.where(InterviewKit.archived_at.is_(None)).order_by(
        InterviewKit.name, InterviewKit.id
    )


def get_kit(kit_id: int) -> InterviewKit | None:
    """A kit with its profile and every version (items and publisher loaded)."""
    return db.session.scalar(
        select(InterviewKit).where(InterviewKit.id == kit_id).options(
            selectinload(InterviewKit.profile),
            selectinload(InterviewKit.versions).selectinload(InterviewKitVersion.items),
            selectinload(InterviewKit.versions).selectinload(InterviewKitVersion.published_by),
        )
    )


def get_version(kit_id: int, number: int) -> InterviewKitVersion | None:
    """A version with its kit, profile entries and items (each with its competency)."""
    return db.session.scalar(
        select(InterviewKitVersion)
        .where(InterviewKitVersion.kit_id == kit_id, InterviewKitVersion.number == number)
        .options(
            selectinload(InterviewKitVersion.kit).selectinload(InterviewKit.profile)
            .selectinload(HighPerformerProfile.entries)
            .selectinload(ProfileCompetency.competency),
            selectinload(InterviewKitVersion.items).selectinload(KitItem.competency),
            selectinload(InterviewKitVersion.published_by),
        )
    )


def draft_of(kit: InterviewKit) -> InterviewKitVersion | None:
    return next((v for v in kit.versions if not v.is_published), None)


def latest_published(kit: InterviewKit) -> InterviewKitVersion | None:
    return next((v for v in reversed(kit.versions) if v.is_published), None)


def allocation_rows(version: InterviewKitVersion) -> list[AllocationRow]:
    """The profile's weights, each one's share, the questions it calls for at this
    version's length, and how many the version holds (fewer when the bank was short)."""
    entries = version.kit.profile.entries
    if not entries:
        return []
    weights = {e.competency.code: e.weight for e in entries}
    allocation = kits.allocate_questions(weights, version.total_questions)
    held: dict[int, int] = {}
    for item in version.items:
        held[item.competency_id] = held.get(item.competency_id, 0) + 1
    total_weight = sum(weights.values())
    return [
        AllocationRow(e.competency, e.weight, e.weight / total_weight,
                      allocation[e.competency.code], held.get(e.competency_id, 0))
        for e in sorted(entries, key=lambda e: (-e.weight, e.competency.code))
    ]


def swap_candidates(version: InterviewKitVersion) -> dict[int, list[InterviewQuestion]]:
    """Active questions in the kit's language not yet in this version, by competency id
    (one query for the whole page)."""
    competency_ids = {item.competency_id for item in version.items}
    used = {item.question_id for item in version.items if item.question_id}
    if not competency_ids:
        return {}
    rows = db.session.scalars(
        _bank(version.kit.language, competency_ids).order_by(
            InterviewQuestion.question_type.desc(), InterviewQuestion.times_used,
            InterviewQuestion.id,
        )
    )
    candidates: dict[int, list[InterviewQuestion]] = {cid: [] for cid in competency_ids}
    for question in rows:
        if question.id not in used:
            candidates[question.competency_id].append(question)
    return candidates


def _bank(language: str, competency_ids: set[int]) -> Select:
    return select(InterviewQuestion).where(
        InterviewQuestion.active.is_(True),
        InterviewQuestion.language == language,
        InterviewQuestion.competency_id.in_(competency_ids),
    )


# --- building --------------------------------------------------------------------------


def kit_length(request: KitRequest) -> int:
    """How many questions the request asks for (validated)."""
    mpq = request.minutes_per_question
    if not isinstance(mpq, int) or not 1 <= mpq <= MAX_MINUTES_PER_QUESTION:
        raise HiringError.on_field("minutes_per_question", "minutes_per_question_range",
                                   max=MAX_MINUTES_PER_QUESTION)
    if request.total_questions is not None:
        total = request.total_questions
    elif request.interview_minutes is not None:
        if request.interview_minutes <= 0:
            raise HiringError.on_field("interview_minutes", "minutes_positive")
        total = kits.questions_for_minutes(request.interview_minutes, mpq)
        if total == 0:
            raise HiringError.on_field("interview_minutes", "too_short", minutes=mpq)
    else:
        raise HiringError.on_field("total_questions", "length_required")
    if not 1 <= total <= MAX_QUESTIONS:
        raise HiringError.on_field("total_questions", "total_range", max=MAX_QUESTIONS)
    return total


def build_kit(request: KitRequest, *, actor: User | None) -> InterviewKit:
    """A new kit with version 1 as a draft: questions allocated by weight, picked from
    the active bank in the kit's language, in the default order. When the bank has
    too few questions for a competency the draft simply holds fewer; the version page
    shows the shortfall per competency."""
    if not request.name.strip():
        raise HiringError.on_field("name", "kit_name_required")
    if request.language not in LANGUAGES:
        raise HiringError.on_field("language", "language_invalid")
    total = kit_length(request)
    profile = db.session.get(HighPerformerProfile, request.profile_id or 0)
    if profile is None or profile.archived_at is not None:
        raise HiringError.on_field("profile", "kit_profile_required")
    if not profile.entries:
        raise HiringError.on_field("profile", "profile_empty")
    kit = InterviewKit(name=request.name.strip(), profile=profile, language=request.language,
                       created_by_id=actor.id if actor else None)
    version = InterviewKitVersion(number=1, total_questions=total,
                                  minutes_per_question=request.minutes_per_question)
    kit.versions.append(version)
    version.items.extend(_picked_items(profile, request.language, total))
    db.session.add(kit)
    db.session.flush()
    _record_made(version, actor)
    return kit


def _picked_items(profile: HighPerformerProfile, language: str, total: int) -> list[KitItem]:
    weights = {e.competency.code: e.weight for e in profile.entries}
    code_of = {e.competency_id: e.competency.code for e in profile.entries}
    allocation = kits.allocate_questions(weights, total)
    questions = {q.id: q for q in db.session.scalars(_bank(language, set(code_of)))}
    bank = [
        kits.BankQuestion(q.id, code_of[q.competency_id], q.question_type, q.times_used)
        for q in questions.values()
    ]
    chosen, _shortfall = kits.pick_questions(allocation, bank)
    order = kits.order_kit(chosen, kits.competencies_by_importance(weights))
    return [_item_from(questions[qid], position) for position, qid in enumerate(order, start=1)]


def _item_from(question: InterviewQuestion, position: int) -> KitItem:
    item = KitItem(position=position)
    _copy_question(item, question)
    return item


def _copy_question(item: KitItem, question: InterviewQuestion) -> None:
    item.competency_id = question.competency_id
    item.question_id = question.id
    item.question_type = question.question_type
    item.text = question.text
    item.probes = question.probes
    item.anchor_low, item.anchor_mid = question.anchor_low, question.anchor_mid
    item.anchor_high = question.anchor_high


# --- editing a draft -------------------------------------------------------------------


def ensure_draft(version: InterviewKitVersion) -> None:
    """Refuse any change to a published version: candidates were (or will be) asked
    exactly these questions. The refusal names who published it and when."""
    if version.is_published:
        who = version.published_by.display_name if version.published_by else None
        raise VersionPublished(number=version.number, who=who, when=version.published_at)


def _ensure_editable(version: InterviewKitVersion, loaded_version: int | Loaded | None) -> None:
    ensure_draft(version)
    if loaded_version is not AS_READ:
        ensure_current(version, loaded_version)


def _claim(version: InterviewKitVersion, **values: object) -> None:
    """Take the draft for one change before changing anything: an UPDATE that matches
    only while the row is still the draft this request read (status and version
    counter), moves the counter and stores ``values`` (publishing's). Of two requests
    at the same moment the database lets one match — it makes the second wait for the
    first (PostgreSQL's row lock, SQLite's single writer), and by then the counter has
    moved. The second reads what the first did and is refused with it (published by
    whom, or saved by whom), its transaction still clean: nothing of it is stored."""
    read_at = version.version
    claimed = db.session.execute(
        update(InterviewKitVersion)
        .where(InterviewKitVersion.id == version.id,
               InterviewKitVersion.status == KitStatus.DRAFT.value,
               InterviewKitVersion.version == read_at)
        .values(version=read_at + 1, updated_at=utcnow(), **values)
        .execution_options(synchronize_session=False)
    ).rowcount == 1
    # The row as stored now: this request's claim, or what came first.
    db.session.refresh(version, ["status", "version", "updated_at", "published_at",
                                 "published_by_id", "published_by"])
    if not claimed:
        ensure_draft(version)
        ensure_current(version, read_at)
        raise EditConflict(current_version=version.version)


def swap_item(version: InterviewKitVersion, item_id: int, question_id: int | None, *,
              loaded_version: int | Loaded | None = AS_READ,
              actor: User | None = None) -> KitItem:
    """Replace an item's question with another active bank question of the same
    competency and language that the version does not hold yet."""
    _ensure_editable(version, loaded_version)
    item = _item_of(version, item_id)
    question = db.session.get(InterviewQuestion, question_id) if question_id else None
    if question is None or not question.active:
        raise HiringError("question_unavailable")
    if question.competency_id != item.competency_id:
        raise HiringError("question_other_competency")
    if question.language != version.kit.language:
        raise HiringError("question_other_language")
    if any(other.question_id == question.id for other in version.items if other is not item):
        raise HiringError("question_already_in_kit")
    _claim(version)
    before = item.text
    _copy_question(item, question)
    _record_items(version, {item.position: Change(before, item.text)}, actor)
    db.session.flush()
    return item


def move_item(version: InterviewKitVersion, item_id: int, direction: str, *,
              loaded_version: int | Loaded | None = AS_READ,
              actor: User | None = None) -> None:
    """Move an item one place up or down. Positions are unique per version, so the
    two items pass through a free position (0) to swap."""
    _ensure_editable(version, loaded_version)
    if direction not in ("up", "down"):
        raise HiringError("direction_invalid")
    item = _item_of(version, item_id)
    items = sorted(version.items, key=lambda i: i.position)
    index = items.index(item) + (-1 if direction == "up" else 1)
    if not 0 <= index < len(items):
        return
    other = items[index]
    _claim(version)
    first, second = item.position, other.position
    # Each position now holds the other question: two changes of the version.
    _record_items(version, {first: Change(item.text, other.text),
                            second: Change(other.text, item.text)}, actor)
    item.position = 0
    db.session.flush()
    other.position = first
    db.session.flush()
    item.position = second
    db.session.flush()
    version.items.sort(key=lambda i: i.position)


def _item_of(version: InterviewKitVersion, item_id: int) -> KitItem:
    item = next((i for i in version.items if i.id == item_id), None)
    if item is None:
        raise HiringError("item_unknown")
    return item


# --- the audit trail of versions -------------------------------------------------------


def _record_items(version: InterviewKitVersion, changes: dict[int, Change],
                  actor: User | None) -> None:
    """Record the questions that changed at their positions (the claim before the
    change moved the version's counter, so a page loaded before is out of date)."""
    record_changes(version, {f"v{version.number}.question_{position}": change
                             for position, change in sorted(changes.items())}, actor)


def _record_made(version: InterviewKitVersion, actor: User | None) -> None:
    """A version is made as a draft: its status changes from nothing to draft."""
    record_changes(version, {_status_field(version): Change("", KitStatus.DRAFT.value)}, actor)


def _status_field(version: InterviewKitVersion) -> str:
    return f"v{version.number}.status"


def kit_history(kit: InterviewKit) -> list[AuditEntry]:
    """The audit rows of every version of the kit, newest first, each with its actor
    (one query however many versions and rows)."""
    return list(db.session.scalars(
        select(AuditEntry)
        .join(InterviewKitVersion, and_(
            AuditEntry.entity_type == InterviewKitVersion.__tablename__,
            AuditEntry.entity_id == InterviewKitVersion.id,
        ))
        .where(InterviewKitVersion.kit_id == kit.id)
        .options(joinedload(AuditEntry.actor))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    ))


# --- publishing and new versions -------------------------------------------------------


def publish(version: InterviewKitVersion, *, actor: User | None,
            loaded_version: int | Loaded | None = AS_READ) -> InterviewKitVersion:
    """Freeze the draft and count one use for each bank question in it — once: the
    claim publishes, so of two publishes at the same moment only one counts."""
    _ensure_editable(version, loaded_version)
    if not version.items:
        raise HiringError("empty_kit")
    _claim(version, status=KitStatus.PUBLISHED.value, published_at=utcnow(),
           published_by_id=actor.id if actor else None)
    record_changes(version, {_status_field(version): Change(
        KitStatus.DRAFT.value, KitStatus.PUBLISHED.value)}, actor)
    used = [item.question_id for item in version.items if item.question_id]
    if used:
        db.session.execute(
            update(InterviewQuestion)
            .where(InterviewQuestion.id.in_(used))
            .values(times_used=InterviewQuestion.times_used + 1)
            .execution_options(synchronize_session="fetch")
        )
    db.session.flush()
    return version


@dataclass(frozen=True)
class OpenedDraft:
    """What "Edit (new version)" opened: the kit's draft, and whether this request made
    it. When it did not (a click before, or another manager's at the same moment),
    ``started_by`` and ``started_at`` say whose draft it is, from the audit trail."""

    draft: InterviewKitVersion
    made: bool
    started_by: str | None = None
    started_at: datetime | None = None


def new_version(kit: InterviewKit, *, actor: User | None) -> InterviewKitVersion:
    """The kit's draft to edit next (see ``open_draft``)."""
    return open_draft(kit, actor=actor).draft


def open_draft(kit: InterviewKit, *, actor: User | None) -> OpenedDraft:
    """The draft to edit next: a copy of the latest published version, numbered after
    every existing version. A kit has one draft at a time, so two managers do not edit
    diverging copies: if it has one, that one is returned unchanged — also when another
    request made it a moment ago (``_insert_draft`` lets the database decide)."""
    existing = draft_of(kit)
    if existing is not None:
        return _already_open(existing)
    source = latest_published(kit)
    if source is None:
        raise HiringError("nothing_published")
    draft = _insert_draft(kit, source)
    db.session.expire(kit, ["versions"])  # with the draft just made, or another's
    if draft is None:
        found = draft_of(kit)
        if found is None:  # what the INSERT met is gone again: let the user retry
            raise HiringError("saved_concurrently")
        return _already_open(found)
    draft.items.extend(KitItem(
        position=item.position, competency_id=item.competency_id,
        question_id=item.question_id, question_type=item.question_type, text=item.text,
        probes=item.probes, anchor_low=item.anchor_low, anchor_mid=item.anchor_mid,
        anchor_high=item.anchor_high,
    ) for item in source.items)
    db.session.flush()
    _record_made(draft, actor)
    return OpenedDraft(draft, made=True)


def _insert_draft(kit: InterviewKit,
                  source: InterviewKitVersion) -> InterviewKitVersion | None:
    """Insert the next version as the kit's draft, unless the kit has a draft by now
    (None). The database decides: the one-draft-per-kit index (and the unique number)
    make the INSERT of a second request at the same moment do nothing (``ON CONFLICT
    DO NOTHING``, in SQLite and PostgreSQL alike), and that request learns so from the
    missing row — not from an error, which would end its transaction before it could
    say whose draft it found."""
    number = (select(func.coalesce(func.max(InterviewKitVersion.number), 0) + 1)
              .where(InterviewKitVersion.kit_id == kit.id).scalar_subquery())
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = InterviewKitVersion.__table__
    made = db.session.scalar(
        insert(table).values(
            kit_id=kit.id, number=number, status=KitStatus.DRAFT.value,
            total_questions=source.total_questions,
            minutes_per_question=source.minutes_per_question, notes=source.notes,
        ).on_conflict_do_nothing().returning(table.c.id)
    )
    return db.session.get(InterviewKitVersion, made) if made is not None else None


def _already_open(draft: InterviewKitVersion) -> OpenedDraft:
    """The kit's existing draft, with who made it and when (its audit row)."""
    made = db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity_type == InterviewKitVersion.__tablename__,
               AuditEntry.entity_id == draft.id, AuditEntry.field == _status_field(draft),
               AuditEntry.new_value == KitStatus.DRAFT.value)
        .options(joinedload(AuditEntry.actor)).order_by(AuditEntry.at).limit(1)
    ).first()
    if made is None:
        return OpenedDraft(draft, made=False, started_at=draft.created_at)
    who = made.actor.display_name if made.actor is not None else None
    return OpenedDraft(draft, made=False, started_by=who, started_at=made.at)
