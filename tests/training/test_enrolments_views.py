"""Training's home for each role, enrolling, and the enrolment page: what each user
sees, object-level access, and a fixed number of queries whatever the data."""

from datetime import date, timedelta

from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.enrolments import AddedModule, Cohort, Enrolment
from cshire.training.models.work import ModuleProgress, ProgressStatus
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_process as hiring
from tests.training import factories as make
from tests.training.access_enrolments import hand_in_pdf, people


def _text(response) -> str:
    return response.get_data(as_text=True)


def test_a_new_hire_sees_what_is_next_overdue_and_progress_per_stage(app, client):
    w = people()
    w.enrolment1.start_date = date.today() - timedelta(days=10)
    db.session.commit()
    page = _text(login(client, w.newhire1).get(url_for("training.home")))
    assert "Write a plan" in page and "What's next" in page
    assert "Overdue" in page and "badge-warn" in page
    assert '<progress value="0" max="2"' in page  # stage 1: two required modules
    assert "0 of 2 required modules passed" in page
    assert "Ken Newhire" not in page  # nobody else's plan


def test_a_mentor_sees_their_mentees_and_the_review_queue_link(app, client):
    w = people()
    hand_in_pdf(w.enrolment1, w.assignment)
    db.session.commit()
    page = _text(login(client, w.mentor).get(url_for("training.home")))
    assert "Your mentees" in page and "Nao Newhire" in page and "Ken Newhire" in page
    assert url_for("training.reviews", _external=False) in page
    assert "Review queue (1)" in page


def test_a_manager_sees_cohorts_who_is_behind_and_who_is_not_enrolled(app, client):
    w = people()
    cohort = Cohort(name="April", curriculum=w.curriculum, start_date=date.today())
    w.enrolment1.cohort = cohort
    w.enrolment1.start_date = date.today() - timedelta(days=30)
    waiting = factories.user(Role.NEW_HIRE, name="Wai Waiting")
    db.session.commit()
    page = _text(login(client, w.manager).get(url_for("training.home")))
    assert "Cohorts" in page and "April" in page
    behind = page.split("Behind schedule</h2>")[1]
    assert "Nao Newhire" in behind.split("</table>")[0]
    assert "Ken Newhire" not in behind.split("</table>")[0]
    assert url_for("training.enrolment_new", new_hire=waiting.id, _external=False) in page


def test_someone_with_nothing_in_training_gets_an_empty_state(app, client):
    user = factories.user(Role.INTERVIEWER)
    db.session.commit()
    page = _text(login(client, user).get(url_for("training.home")))
    assert "Nothing to do in training for now" in page


def test_enrolling_a_cohort_through_the_form(app, client):
    w = people()
    a, b = factories.user(Role.NEW_HIRE), factories.user(Role.NEW_HIRE)
    db.session.commit()
    response = login(client, w.manager).post(url_for("training.enrolment_new"), data={
        "new_hire_ids": [a.id, b.id], "cohort_name": "May", "curriculum_id": w.curriculum.id,
        "mentor_id": w.mentor.id, "start_date": "2026-05-01", "application_id": ""})
    assert response.status_code == 302
    assert db.session.query(Cohort).filter_by(name="May").one()
    assert db.session.query(Enrolment).count() == 4


def test_a_refused_enrolment_keeps_the_input_and_says_why_under_the_field(app, client):
    w = people()
    db.session.commit()
    response = login(client, w.manager).post(url_for("training.enrolment_new"), data={
        "new_hire_ids": [w.newhire1.id], "cohort_name": "Keep me",
        "curriculum_id": w.curriculum.id, "mentor_id": w.mentor.id, "start_date": ""})
    page = _text(response)
    assert response.status_code == 200
    assert "Nao Newhire is already enrolled on this curriculum." in page
    assert "Give the start date." in page
    assert 'value="Keep me"' in page


def test_the_hired_application_with_the_new_hires_email_is_preselected(app, client):
    w = people()
    newcomer = factories.user(Role.NEW_HIRE, email="sato@example.org")
    application = hiring.application(hiring.opening(w.manager), email="Sato@example.org",
                                     status="hired")
    other_opening = hiring.application(hiring.opening(), status="hired", name="Hidden One")
    db.session.commit()
    page = _text(login(client, w.manager).get(
        url_for("training.enrolment_new", new_hire=newcomer.id)))
    assert f'<option selected value="{application.id}">' in page
    assert "Hidden One" not in page and str(other_opening.candidate.email) not in page


def test_the_enrolment_page_lists_every_module_with_status_due_date_and_result(app, client):
    w = people()
    db.session.add(ModuleProgress(enrolment=w.enrolment1, module=w.lesson,
                                  status=ProgressStatus.PASSED.value))
    hand_in_pdf(w.enrolment1, w.assignment)
    db.session.commit()
    page = _text(login(client, w.newhire1).get(
        url_for("training.enrolment_detail", enrolment_id=w.enrolment1.id)))
    for text in ("Write a plan", "Read the journey", "Adoption basics", "Passed",
                 "Awaiting review", "Round 1", "1 of 2 required modules passed"):
        assert text in page
    assert "Interview gaps" not in page  # no application
    assert "Change mentor or start date" not in page  # the new hire manages nothing


def test_interview_gaps_show_to_the_manager_with_add_to_plan(app, client):
    w = people()
    opening = hiring.opening(w.manager)
    application = hiring.application(opening, status="hired")
    ana = hiring.interviewer("Ana")
    hiring.rate(hiring.seat(hiring.interview(application, [ana]), ana), [2, 5, 5])
    competency = opening.profile.entries[0].competency
    optional = make.module(w.curriculum, ModuleKind.LESSON, required=False,
                           title="Empathy drills", competencies=[competency])
    w.enrolment1.application_id = application.id
    db.session.commit()
    client = login(client, w.manager)
    url = url_for("training.enrolment_detail", enrolment_id=w.enrolment1.id)
    page = _text(client.get(url))
    assert "Interview gaps" in page and "Empathy drills" in page and "Add to plan" in page
    add = url_for("training.enrolment_add_module", enrolment_id=w.enrolment1.id,
                  module_id=optional.id)
    assert client.post(add).status_code == 302
    assert db.session.query(AddedModule).filter_by(module_id=optional.id).count() == 1
    assert "On the plan" in _text(client.get(url))
    # The new hire sees no interview data.
    assert "Interview gaps" not in _text(login(client, w.newhire1).get(url))


def test_changing_the_mentor_from_the_edit_page(app, client):
    w = people()
    other = factories.user(Role.MANAGER, name="Other Mentor")
    db.session.commit()
    url = url_for("training.enrolment_edit", enrolment_id=w.enrolment1.id)
    response = login(client, w.manager).post(url, data={
        "mentor_id": other.id, "start_date": "2026-06-01", "version": w.enrolment1.version})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Enrolment, w.enrolment1.id).mentor_id == other.id
    page = _text(client.get(url_for("training.enrolment_detail",
                                    enrolment_id=w.enrolment1.id)))
    assert "Other Mentor" in page and "History" in page


def test_who_may_open_an_enrolment(app, client):
    w = people()
    stranger_manager = factories.user(Role.MANAGER)
    factories.team(manager=stranger_manager)
    other_mentor = factories.user(Role.CSM)
    make.enrolment(make.curriculum(), mentor=other_mentor)
    admin = factories.user(Role.ADMIN)
    db.session.commit()
    url = url_for("training.enrolment_detail", enrolment_id=w.enrolment1.id)
    edit = url_for("training.enrolment_edit", enrolment_id=w.enrolment1.id)
    assert login(app.test_client(), w.newhire2).get(url).status_code == 403
    assert login(app.test_client(), other_mentor).get(url).status_code == 403
    assert login(app.test_client(), stranger_manager).get(url).status_code == 403
    for allowed in (w.newhire1, w.mentor, w.manager, admin):
        assert login(app.test_client(), allowed).get(url).status_code == 200
    assert login(app.test_client(), w.mentor).get(edit).status_code == 403
    assert login(app.test_client(), w.manager).get(edit).status_code == 200


def _grow_enrolments(w):
    def grow(n):
        for _ in range(n):
            module = make.module(w.curriculum, ModuleKind.ASSIGNMENT, stage=2)
            newcomer = factories.user(Role.NEW_HIRE, team=w.team)
            enrolment = make.enrolment(w.curriculum, new_hire=newcomer, mentor=w.mentor,
                                       enrolled_by=w.manager,
                                       start=date.today() - timedelta(days=20))
            enrolment.cohort = Cohort(name=f"Cohort {newcomer.id}",
                                      curriculum=w.curriculum, start_date=date.today())
            db.session.add(ModuleProgress(enrolment=w.enrolment1, module=module,
                                          status=ProgressStatus.IN_PROGRESS.value))
            hand_in_pdf(enrolment, w.assignment)
    return grow


def test_the_home_page_issues_a_fixed_number_of_queries(app, client):
    w = people()
    admin = factories.user(Role.ADMIN, Role.CSM)
    w.enrolment1.mentor = admin
    db.session.commit()
    for user in (w.manager, w.mentor, w.newhire1, admin):
        assert_fixed_query_count(login(app.test_client(), user), url_for("training.home"),
                                 _grow_enrolments(w))


def test_the_enrolment_page_issues_a_fixed_number_of_queries(app, client):
    w = people()
    db.session.commit()
    url = url_for("training.enrolment_detail", enrolment_id=w.enrolment1.id)
    assert_fixed_query_count(login(client, w.manager), url, _grow_enrolments(w))
