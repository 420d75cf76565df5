"""Enrolling new hires (one, or several as a cohort), changing an enrolment, adding
optional modules to a plan (interview gaps), and where each new hire stands — for many
enrolments at once in a fixed number of queries (home page, to-dos, lists).

Who may do what is ``services.access``; the views check it before calling, and the
writes here check it again so the CLI and tests get the same rules.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from cshire.audit import Change, ensure_current, record_changes, record_created
from cshire.auth.models import MANAGERS, Role, RoleGrant, User
from cshire.auth.services import users_with_any_role
from cshire.database import utcnow
from cshire.errors import Problem
from cshire.extensions import db
from cshire.interviews.models.candidates import Application, ApplicationStatus
from cshire.interviews.services.decisions import CompetencyScore, submitted_competency_scores
from cshire.interviews.services.openings import managed_opening_ids
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import Curriculum, TrainingModule
from cshire.training.models.enrolments import AddedModule, Cohort, Enrolment
from cshire.training.services.access import can_manage_enrolment, visible_enrolments_query

MENTOR_ROLES = (Role.CSM, Role.INTERVIEWER, Role.MANAGER)


def _with_people(query: Select) -> Select:
    return query.options(joinedload(Enrolment.user), joinedload(Enrolment.mentor),
                         joinedload(Enrolment.curriculum), joinedload(Enrolment.cohort))


def own_enrolments(user: User) -> list[Enrolment]:
    """The user's own enrolments, newest first."""
    return list(db.session.scalars(_with_people(
        select(Enrolment).where(Enrolment.user_id == user.id)
        .order_by(Enrolment.start_date.desc(), Enrolment.id.desc()))))


def mentee_enrolments(user: User) -> list[Enrolment]:
    """Enrolments the user mentors and has not signed off yet, by start date."""
    return list(db.session.scalars(_with_people(
        select(Enrolment).where(Enrolment.mentor_id == user.id, Enrolment.user_id != user.id,
                                Enrolment.signed_off_at.is_(None))
        .order_by(Enrolment.start_date, Enrolment.id))))


def managed_enrolments_query(user: User) -> Select:
    """For a manager (admin: all): the enrolments they may see of other people, not
    signed off yet."""
    return visible_enrolments_query(user).where(
        Enrolment.user_id != user.id, Enrolment.signed_off_at.is_(None))


def managed_enrolments(user: User) -> list[Enrolment]:
    """``managed_enrolments_query`` with the people, by cohort and start date."""
    if not user.has_role(*MANAGERS):
        return []
    return list(db.session.scalars(_with_people(managed_enrolments_query(user)).order_by(
        Enrolment.start_date.desc(), Enrolment.id)))


def unenrolled_new_hires() -> list[User]:
    """Active new hires on no curriculum yet (the manager's "enrol them" list)."""
    return list(db.session.scalars(
        select(User).join(RoleGrant, RoleGrant.user_id == User.id)
        .where(RoleGrant.role == Role.NEW_HIRE.value, User.active.is_(True),
               ~select(Enrolment.id).where(Enrolment.user_id == User.id).exists())
        .order_by(User.display_name, User.id)))


# ---------------------------------------------------------------------- the choices


def mentor_choices() -> list[User]:
    return users_with_any_role(MENTOR_ROLES)


def new_hire_choices() -> list[User]:
    return users_with_any_role((Role.NEW_HIRE,))


def curriculum_choices() -> list[Curriculum]:
    return list(db.session.scalars(
        select(Curriculum).where(Curriculum.archived_at.is_(None))
        .order_by(Curriculum.name_en, Curriculum.id)))


def hired_applications(actor: User) -> list[Application]:
    """Hired applications of the openings ``actor`` manages (admins: all) — a candidate
    record is only ever shown to its opening's hiring manager and admins."""
    return list(db.session.scalars(
        select(Application)
        .where(Application.status == ApplicationStatus.HIRED.value,
               Application.opening_id.in_(managed_opening_ids(actor)))
        .options(joinedload(Application.candidate), joinedload(Application.opening))
        .order_by(Application.status_changed_at.desc(), Application.id.desc())))


def matching_application(user: User, applications: Sequence[Application]) -> int | None:
    """The hired application whose candidate has ``user``'s email, if exactly one."""
    matches = [a.id for a in applications
               if a.candidate.email.strip().lower() == user.email.strip().lower()]
    return matches[0] if len(matches) == 1 else None


# --------------------------------------------------------------------------- writes


@dataclass(frozen=True)
class EnrolmentInput:
    new_hire_ids: list[int]
    curriculum_id: int | None
    mentor_id: int | None
    start_date: date | None
    cohort_name: str = ""
    application_id: int | None = None


def _refuse(problems: list[Problem]) -> None:
    if problems:
        first = problems[0]
        raise TrainingError(first.code, *problems, **first.params)


def _check_plan(data: EnrolmentInput, problems: list[Problem]) -> Curriculum | None:
    curriculum = db.session.get(Curriculum, data.curriculum_id or 0)
    if curriculum is None:
        problems.append(Problem("curriculum_required", field="curriculum_id"))
    elif curriculum.archived_at is not None:
        problems.append(Problem("curriculum_archived", field="curriculum_id"))
    mentor = db.session.get(User, data.mentor_id or 0)
    if mentor is None:
        problems.append(Problem("mentor_required", field="mentor_id"))
    elif not mentor.active or not mentor.has_role(*MENTOR_ROLES):
        problems.append(Problem("mentor_not_eligible", field="mentor_id"))
    elif mentor.id in data.new_hire_ids:
        problems.append(Problem("mentor_is_new_hire", field="mentor_id"))
    if data.start_date is None:
        problems.append(Problem("start_date_required", field="start_date"))
    return curriculum


def _check_new_hires(data: EnrolmentInput, curriculum: Curriculum | None,
                     problems: list[Problem]) -> list[User]:
    ids = list(dict.fromkeys(data.new_hire_ids))
    if not ids:
        problems.append(Problem("new_hires_required", field="new_hire_ids"))
        return []
    users = list(db.session.scalars(select(User).where(User.id.in_(ids))))
    enrolled = set() if curriculum is None else set(db.session.scalars(
        select(Enrolment.user_id).where(Enrolment.curriculum_id == curriculum.id,
                                        Enrolment.user_id.in_(ids))))
    if len(users) < len(ids):
        problems.append(Problem("new_hires_required", field="new_hire_ids"))
    for user in users:
        if not user.active or not user.has_role(Role.NEW_HIRE):
            problems.append(Problem("not_a_new_hire", {"name": user.display_name},
                                    field="new_hire_ids"))
        elif user.id in enrolled:
            problems.append(Problem("already_enrolled", {"name": user.display_name},
                                    field="new_hire_ids"))
    return users


def _check_cohort(data: EnrolmentInput, count: int, problems: list[Problem]) -> str:
    name = data.cohort_name.strip()
    if count > 1 and not name:
        problems.append(Problem("cohort_name_required", field="cohort_name"))
    elif name and db.session.scalar(select(Cohort.id).where(Cohort.name == name)):
        problems.append(Problem("cohort_name_taken", {"name": name}, field="cohort_name"))
    return name


def _check_application(data: EnrolmentInput, actor: User, count: int,
                       problems: list[Problem]) -> None:
    if data.application_id is None:
        return
    if count > 1:
        problems.append(Problem("application_for_one", field="application_id"))
        return
    hired = db.session.scalar(
        select(Application.id).where(
            Application.id == data.application_id,
            Application.status == ApplicationStatus.HIRED.value,
            Application.opening_id.in_(managed_opening_ids(actor))))
    if hired is None:
        problems.append(Problem("application_not_hired", field="application_id"))
    elif db.session.scalar(select(Enrolment.id).where(
            Enrolment.application_id == data.application_id,
            Enrolment.curriculum_id == data.curriculum_id)):
        problems.append(Problem("application_linked", field="application_id"))


def enrol(data: EnrolmentInput, *, actor: User) -> list[Enrolment]:
    """Enrol one new hire, or several as a cohort (a name, the same curriculum, mentor
    and start date). Every problem of the form is reported at once; nothing is
    written unless all is well."""
    problems: list[Problem] = []
    curriculum = _check_plan(data, problems)
    users = _check_new_hires(data, curriculum, problems)
    cohort_name = _check_cohort(data, len(users), problems)
    _check_application(data, actor, len(users), problems)
    _refuse(problems)
    assert curriculum is not None and data.start_date is not None
    cohort = None
    if cohort_name:
        cohort = Cohort(name=cohort_name, curriculum=curriculum, start_date=data.start_date,
                        created_by_id=actor.id)
        db.session.add(cohort)
    created = []
    for user in users:
        enrolment = Enrolment(user=user, curriculum=curriculum, cohort=cohort,
                              mentor_id=data.mentor_id, start_date=data.start_date,
                              application_id=data.application_id, enrolled_by_id=actor.id)
        db.session.add(enrolment)
        created.append(enrolment)
    db.session.flush()
    for enrolment in created:
        record_created(enrolment, actor)
    return created


def update_enrolment(enrolment: Enrolment, *, mentor_id: int | None,
                     start_date: date | None, version: int | None, actor: User,
                     reason: str = "") -> Enrolment:
    """Change the mentor or the start date (due dates follow the start date)."""
    if not can_manage_enrolment(actor, enrolment):
        raise TrainingError("not_a_supervisor")
    ensure_current(enrolment, version)
    mentor = db.session.get(User, mentor_id or 0)
    problems = []
    if mentor is None:
        problems.append(Problem("mentor_required", field="mentor_id"))
    elif mentor.id == enrolment.user_id:
        problems.append(Problem("mentor_is_new_hire", field="mentor_id"))
    elif mentor.id != enrolment.mentor_id and (
            not mentor.active or not mentor.has_role(*MENTOR_ROLES)):
        problems.append(Problem("mentor_not_eligible", field="mentor_id"))
    if start_date is None:
        problems.append(Problem("start_date_required", field="start_date"))
    _refuse(problems)
    assert mentor is not None
    old_mentor = enrolment.mentor.display_name if enrolment.mentor else None
    changes = {"mentor": Change(old_mentor, mentor.display_name),
               "start_date": Change(enrolment.start_date, start_date)}
    enrolment.mentor = mentor
    enrolment.start_date = start_date
    record_changes(enrolment, changes, actor, reason)
    db.session.flush()
    return enrolment


def load_enrolment(enrolment_id: int) -> Enrolment | None:
    return db.session.scalar(_with_people(
        select(Enrolment).where(Enrolment.id == enrolment_id)
        .options(joinedload(Enrolment.signed_off_by),
                 joinedload(Enrolment.user).joinedload(User.team))))


# ------------------------------------------------------------------- interview gaps


@dataclass(frozen=True)
class InterviewGap:
    """A competency whose interview mean fell below the profile's target, with the
    curriculum's optional modules that build it."""

    score: CompetencyScore
    modules: list[TrainingModule]


def interview_gaps(enrolment: Enrolment) -> list[InterviewGap]:
    """Empty without a linked application or without submitted ratings (the page then
    leaves the section out). Modules already on the plan are shown as added."""
    if enrolment.application_id is None:
        return []
    below = [s for s in submitted_competency_scores(enrolment.application_id)
             if s.gap is not None and s.gap < 0]
    if not below:
        return []
    optional = list(db.session.scalars(
        select(TrainingModule).options(selectinload(TrainingModule.competencies))
        .where(TrainingModule.curriculum_id == enrolment.curriculum_id,
               TrainingModule.archived_at.is_(None), TrainingModule.required.is_(False))
        .order_by(TrainingModule.position, TrainingModule.id)))
    return [InterviewGap(score, [m for m in optional if any(
                c.id == score.competency.id for c in m.competencies)])
            for score in sorted(below, key=lambda s: (s.gap, s.competency.code))]


def add_module(enrolment: Enrolment, module_id: int | None, *, actor: User) -> AddedModule:
    """Put an optional module on one new hire's plan: it becomes required for them."""
    if not can_manage_enrolment(actor, enrolment):
        raise TrainingError("not_a_supervisor")
    module = db.session.get(TrainingModule, module_id or 0)
    if (module is None or module.curriculum_id != enrolment.curriculum_id
            or module.required or module.is_archived):
        raise TrainingError("module_not_optional")
    if db.session.scalar(select(AddedModule.id).where(
            AddedModule.enrolment_id == enrolment.id, AddedModule.module_id == module.id)):
        raise TrainingError("module_already_added")
    added = AddedModule(enrolment=enrolment, module=module, added_by_id=actor.id)
    db.session.add(added)
    record_changes(enrolment, {"added_module": Change(None, module.title_en or module.title_ja)},
                   actor)
    enrolment.updated_at = utcnow()  # the plan changed: a stale sign-off form notices
    db.session.flush()
    return added

