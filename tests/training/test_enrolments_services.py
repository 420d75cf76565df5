"""Enrolling (one new hire or a cohort), where new hires stand in one batch, changing
an enrolment, and the interview gaps (cshire/training/services/enrolments.py)."""

from datetime import date, timedelta

import pytest

from cshire.audit import history
from cshire.auth.models import Role
from cshire.errors import EditConflict
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.enrolments import Cohort
from cshire.training.models.work import ModuleProgress, ProgressStatus
from cshire.training.services.enrolments import (
    EnrolmentInput,
    add_module,
    enrol,
    interview_gaps,
    update_enrolment,
)
from cshire.training.services.progress import enrolment_steps
from cshire.training.services.readiness import statuses_of
from tests import factories
from tests.interviews import factories_process as hiring
from tests.training import factories as make
from tests.training.access_enrolments import people


def _codes(error: TrainingError) -> list[tuple[str | None, str]]:
    return [(p.field, p.code) for p in error.problems]


def test_one_new_hire_is_enrolled_with_an_audit_row(app):
    w = people()
    newcomer = factories.user(Role.NEW_HIRE)
    (created,) = enrol(EnrolmentInput([newcomer.id], w.curriculum.id, w.mentor.id,
                                      date(2026, 4, 1)), actor=w.manager)
    assert created.mentor_id == w.mentor.id and created.enrolled_by_id == w.manager.id
    assert created.cohort is None
    assert [e.field for e in history(created)] == ["created"]


def test_several_new_hires_make_a_cohort_with_the_same_plan(app):
    w = people()
    a, b = factories.user(Role.NEW_HIRE), factories.user(Role.NEW_HIRE)
    created = enrol(EnrolmentInput([a.id, b.id], w.curriculum.id, w.mentor.id,
                                   date(2026, 4, 1), cohort_name="April 2026"),
                    actor=w.manager)
    cohort = db.session.query(Cohort).one()
    assert cohort.name == "April 2026" and cohort.start_date == date(2026, 4, 1)
    assert {e.cohort_id for e in created} == {cohort.id}
    assert {e.curriculum_id for e in created} == {w.curriculum.id}


def test_every_problem_of_the_form_is_reported_at_once(app):
    w = people()
    csm = factories.user(Role.CSM, name="Not New")
    with pytest.raises(TrainingError) as refused:
        enrol(EnrolmentInput([w.newhire1.id, csm.id], None, w.newhire2.id, None),
              actor=w.manager)
    assert set(_codes(refused.value)) == {
        ("curriculum_id", "curriculum_required"), ("mentor_id", "mentor_not_eligible"),
        ("start_date", "start_date_required"), ("new_hire_ids", "not_a_new_hire"),
        ("cohort_name", "cohort_name_required"),
    }


def test_a_new_hire_already_on_the_curriculum_is_refused_by_name(app):
    w = people()
    with pytest.raises(TrainingError) as refused:
        enrol(EnrolmentInput([w.newhire1.id], w.curriculum.id, w.mentor.id, date.today()),
              actor=w.manager)
    assert _codes(refused.value) == [("new_hire_ids", "already_enrolled")]
    assert "Nao Newhire" in refused.value.problem_messages()[0]


def test_the_application_must_be_hired_in_an_opening_the_manager_manages(app):
    w = people()
    newcomer = factories.user(Role.NEW_HIRE)
    mine = hiring.application(hiring.opening(w.manager), status="hired")
    theirs = hiring.application(hiring.opening(), status="hired")
    interviewing = hiring.application(hiring.opening(w.manager), status="interviewing")
    for application in (theirs, interviewing):
        with pytest.raises(TrainingError) as refused:
            enrol(EnrolmentInput([newcomer.id], w.curriculum.id, w.mentor.id, date.today(),
                                 application_id=application.id), actor=w.manager)
        assert _codes(refused.value) == [("application_id", "application_not_hired")]
    (created,) = enrol(EnrolmentInput([newcomer.id], w.curriculum.id, w.mentor.id,
                                      date.today(), application_id=mine.id), actor=w.manager)
    assert created.application_id == mine.id


def test_the_batch_plan_matches_the_shared_progress_service(app):
    w = people()
    optional = make.module(w.curriculum, ModuleKind.QUIZ, required=False)
    add_module(w.enrolment1, optional.id, actor=w.manager)
    db.session.add(ModuleProgress(enrolment=w.enrolment1, module=w.lesson,
                                  status=ProgressStatus.PASSED.value))
    db.session.flush()
    for status in statuses_of([w.enrolment1, w.enrolment2], "UTC"):
        assert status.steps == enrolment_steps(status.enrolment)


def test_overdue_and_due_soon_count_only_required_modules_in_the_new_hires_own_date(app):
    w = people()
    w.newhire1.timezone = "Asia/Tokyo"
    w.enrolment1.start_date = date.today() - timedelta(days=8)  # due 7 days in: overdue
    make.module(w.curriculum, ModuleKind.LESSON, required=False, due_days=0)
    (status,) = statuses_of([w.enrolment1], "UTC")
    assert {s.module_id for s in status.overdue} == {w.assignment.id, w.lesson.id, w.later.id}
    assert status.due_soon == []


def test_changing_the_mentor_and_start_date_is_audited_and_checks_the_version(app):
    w = people()
    other = factories.user(Role.INTERVIEWER, name="Ivo Interviewer")
    update_enrolment(w.enrolment1, mentor_id=other.id, start_date=date(2026, 5, 1),
                     version=w.enrolment1.version, actor=w.manager, reason="Rebalanced")
    changes = {e.field: (e.old_value, e.new_value, e.reason) for e in history(w.enrolment1)}
    assert changes["mentor"] == ("Mei Mentor", "Ivo Interviewer", "Rebalanced")
    assert changes["start_date"][1] == "2026-05-01"
    with pytest.raises(EditConflict):  # a stale form
        update_enrolment(w.enrolment1, mentor_id=w.mentor.id, start_date=date(2026, 5, 1),
                         version=1, actor=w.manager)


def test_the_new_hire_cannot_change_their_own_enrolment(app):
    w = people()
    with pytest.raises(TrainingError) as refused:
        update_enrolment(w.enrolment1, mentor_id=w.mentor.id, start_date=date.today(),
                         version=w.enrolment1.version, actor=w.newhire1)
    assert refused.value.code == "not_a_supervisor"


def _hired_with_gaps(w):
    """Competencies A (mean 2, target 4), B (mean 4.5, target 4), C (mean 3, target 4)."""
    opening = hiring.opening(w.manager)
    application = hiring.application(opening, status="hired")
    ana, ben = hiring.interviewer("Ana"), hiring.interviewer("Ben")
    interview = hiring.interview(application, [ana, ben])
    hiring.rate(hiring.seat(interview, ana), [2, 4, 3])
    hiring.rate(hiring.seat(interview, ben), [2, 5, 3])
    w.enrolment1.application_id = application.id
    return [e.competency for e in opening.profile.entries]


def test_interview_gaps_list_competencies_below_target_with_their_optional_modules(app):
    w = people()
    a, b, c = _hired_with_gaps(w)
    builds_a = make.module(w.curriculum, ModuleKind.LESSON, required=False, competencies=[a])
    make.module(w.curriculum, ModuleKind.LESSON, required=True, competencies=[a])  # required
    make.module(w.curriculum, ModuleKind.LESSON, required=False, competencies=[b])
    gaps = interview_gaps(w.enrolment1)
    # Largest gap first: A (2 − 4 = −2), then C (3 − 4 = −1); B is above its target.
    assert [(g.score.competency.id, g.score.gap) for g in gaps] == [(a.id, -2), (c.id, -1)]
    assert [m.id for m in gaps[0].modules] == [builds_a.id]
    assert gaps[1].modules == []


def test_no_application_or_no_submitted_ratings_means_no_gaps(app):
    w = people()
    assert interview_gaps(w.enrolment1) == []
    application = hiring.application(hiring.opening(w.manager), status="hired")
    hiring.interview(application, [hiring.interviewer()])  # a draft only
    w.enrolment1.application_id = application.id
    assert interview_gaps(w.enrolment1) == []


def test_an_added_optional_module_becomes_required_for_that_new_hire_only(app):
    w = people()
    optional = make.module(w.curriculum, ModuleKind.LESSON, required=False)
    add_module(w.enrolment1, optional.id, actor=w.manager)
    mine, theirs = statuses_of([w.enrolment1, w.enrolment2], "UTC")
    assert optional.id in {s.module_id for s in mine.required}
    assert optional.id not in {s.module_id for s in theirs.required}
    with pytest.raises(TrainingError) as twice:
        add_module(w.enrolment1, optional.id, actor=w.manager)
    assert twice.value.code == "module_already_added"
    with pytest.raises(TrainingError) as required:
        add_module(w.enrolment1, w.lesson.id, actor=w.manager)
    assert required.value.code == "module_not_optional"
    with pytest.raises(TrainingError) as mentor:
        add_module(w.enrolment2, optional.id, actor=w.mentor)
    assert mentor.value.code == "not_a_supervisor"
