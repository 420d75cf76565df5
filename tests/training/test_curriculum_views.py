"""Curriculum pages over HTTP: the managers' list, forms and curriculum page; the new
hire's lesson page, its sanitised Markdown and "Mark as read"; the dispatcher."""

from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.curriculum import Curriculum, ModuleKind, TrainingModule
from cshire.training.models.work import ProgressStatus
from cshire.training.services.progress import progress_by_module
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.training import factories as make


def _text(response) -> str:
    return response.get_data(as_text=True)


def test_the_curricula_list_has_an_empty_state_then_lists_curricula(app, as_role):
    client = as_role(Role.MANAGER)
    assert "No curriculum yet" in _text(client.get(url_for("training.curricula")))
    make.curriculum(name="Onboarding CSMs")
    db.session.commit()
    assert "Onboarding CSMs" in _text(client.get(url_for("training.curricula")))


def test_the_curricula_list_issues_a_fixed_number_of_queries(app, as_role):
    client = as_role(Role.MANAGER)
    journey = make.journey()

    def grow(n):
        for _ in range(n):
            make.module(make.curriculum(journey))

    assert_fixed_query_count(client, url_for("training.curricula"), grow)


def test_a_manager_creates_a_curriculum_and_adds_a_module_through_the_forms(app, as_role):
    client = as_role(Role.MANAGER)
    journey = make.journey()
    competency = factories.competency()
    db.session.commit()
    form = _text(client.get(url_for("training.curriculum_new")))
    assert 'for="name_en"' in form and 'for="journey_id"' in form
    client.post(url_for("training.curriculum_new"), data={
        "name_en": "CSM onboarding", "name_ja": "CSMオンボーディング", "journey_id": journey.id})
    curriculum = db.session.query(Curriculum).one()
    page = _text(client.get(url_for("training.module_new", curriculum_id=curriculum.id)))
    for name in ("kind", "stage_id", "title_en", "title_ja", "body_en", "body_ja", "due_days",
                 "required", "pass_mark", "max_attempts", "sandbox_url"):
        assert f'for="{name}"' in page, name
    response = client.post(url_for("training.module_new", curriculum_id=curriculum.id), data={
        "kind": "quiz", "stage_id": journey.stages[1].id, "title_en": "Adoption quiz",
        "due_days": "14", "required": "y", "competency_ids": [competency.id],
        "pass_mark": "80", "max_attempts": "3", "version": ""})
    assert response.status_code == 302
    module = db.session.query(TrainingModule).one()
    assert (module.kind, module.stage_id, module.pass_mark, module.competencies) == (
        "quiz", journey.stages[1].id, 80, [competency])
    detail = _text(client.get(url_for("training.curriculum_detail", curriculum_id=curriculum.id)))
    assert "Adoption quiz" in detail and "Due 14 days after the start" in detail
    assert competency.name_en in detail and "Required" in detail
    assert detail.rindex("Adoption quiz") > detail.index("Stage 2")
    assert "No module in this stage yet." in detail


def test_a_refused_module_keeps_the_input_and_says_why(app, as_role):
    client = as_role(Role.MANAGER)
    curriculum = make.curriculum()
    db.session.commit()
    response = client.post(url_for("training.module_new", curriculum_id=curriculum.id), data={
        "kind": "quiz", "stage_id": curriculum.journey.stages[0].id, "title_en": "Kept title",
        "due_days": "7", "pass_mark": ""})
    assert response.status_code == 200
    assert "Set the quiz&#39;s pass mark" in _text(response)
    assert 'value="Kept title"' in _text(response)
    assert db.session.query(TrainingModule).count() == 0


def test_preview_renders_the_markdown_without_saving(app, as_role):
    client = as_role(Role.MANAGER)
    curriculum = make.curriculum()
    db.session.commit()
    response = client.post(url_for("training.module_new", curriculum_id=curriculum.id), data={
        "kind": "lesson", "stage_id": curriculum.journey.stages[0].id, "title_en": "L",
        "due_days": "7", "body_en": "Hello **world** <script>alert(1)</script>",
        "preview": "1"})
    assert response.status_code == 200
    assert "<strong>world</strong>" in _text(response)
    assert "<script>alert(1)" not in _text(response)
    assert db.session.query(TrainingModule).count() == 0


def test_an_edit_made_on_an_old_form_is_refused_with_the_input_kept(app, as_role):
    client = as_role(Role.MANAGER)
    module = make.module(make.curriculum())
    db.session.commit()
    data = {"kind": "lesson", "stage_id": module.stage_id, "title_en": "Mine",
            "due_days": "3", "version": str(module.version)}
    module.title_en = "Theirs"
    db.session.commit()
    response = client.post(url_for("training.module_edit", module_id=module.id), data=data)
    assert response.status_code == 200
    assert "Someone else saved this" in _text(response) and 'value="Mine"' in _text(response)


def test_archive_asks_first_then_shows_the_module_apart_and_restore_brings_it_back(
        app, as_role):
    client = as_role(Role.MANAGER)
    module = make.module(make.curriculum(), title="Old lesson")
    db.session.commit()
    confirm = _text(client.get(url_for("training.module_archive", module_id=module.id)))
    assert "Nothing is deleted" in confirm
    client.post(url_for("training.module_archive", module_id=module.id))
    assert module.archived_at is not None
    detail = _text(client.get(url_for("training.curriculum_detail",
                                      curriculum_id=module.curriculum_id)))
    archived = detail[detail.index('id="archived-modules"'):]
    assert "Old lesson" in archived
    client.post(url_for("training.module_restore", module_id=module.id))
    assert module.archived_at is None


def test_move_buttons_reorder_modules_within_their_stage(app, as_role):
    client = as_role(Role.MANAGER)
    curriculum = make.curriculum()
    first, second = make.module(curriculum), make.module(curriculum)
    db.session.commit()
    client.post(url_for("training.module_move", module_id=second.id), data={"direction": "up"})
    assert second.position < first.position


def _new_hire_client(client, body: str = "Read this **carefully**."):
    curriculum = make.curriculum()
    lesson = make.module(curriculum, body=body)
    enrolment = make.enrolment(curriculum)
    db.session.commit()
    login(client, enrolment.user)
    return enrolment, lesson


def test_the_new_hire_reads_a_lesson_and_marks_it_read(app, client):
    enrolment, lesson = _new_hire_client(client)
    args = {"enrolment_id": enrolment.id, "module_id": lesson.id}
    dispatched = client.get(url_for("training.module", **args))
    assert dispatched.location.endswith(url_for("training.lesson", **args, _external=False))
    page = _text(client.get(url_for("training.lesson", **args)))
    assert "<strong>carefully</strong>" in page and "Mark as read" in page
    client.post(url_for("training.lesson_read", **args))
    assert progress_by_module(enrolment)[lesson.id].status == ProgressStatus.PASSED
    assert "You have read this lesson." in _text(client.get(url_for("training.lesson", **args)))


def test_a_script_in_a_lesson_never_reaches_the_page(app, client):
    enrolment, lesson = _new_hire_client(
        client, body='<script>alert("x")</script>\n\n[link](javascript:alert(1)) **ok**')
    page = _text(client.get(url_for("training.lesson", enrolment_id=enrolment.id,
                                    module_id=lesson.id)))
    assert "<script>alert" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;alert" in page and "<strong>ok</strong>" in page


def test_the_lesson_is_shown_in_the_viewers_language_with_its_due_date(app, client):
    enrolment, lesson = _new_hire_client(client)
    enrolment.user.locale = "ja"
    db.session.commit()
    page = _text(client.get(url_for("training.lesson", enrolment_id=enrolment.id,
                                    module_id=lesson.id)))
    assert "<strong>よく</strong>" in page
    due = enrolment.start_date.isoformat()
    assert "datetime=" in page and due[:4] in page


def test_a_locked_stage_is_refused_with_the_stage_locked_message(app, client):
    enrolment, _first = _new_hire_client(client)
    later = make.module(enrolment.curriculum, stage=2)
    db.session.commit()
    args = {"enrolment_id": enrolment.id, "module_id": later.id}
    response = client.get(url_for("training.lesson", **args))
    assert response.status_code == 403
    assert "This stage opens once every required module" in _text(response)
    refused = client.post(url_for("training.lesson_read", **args), follow_redirects=True)
    assert "This stage opens once every required module" in _text(refused)
    assert later.id not in progress_by_module(enrolment)


def test_the_dispatcher_sends_a_quiz_to_the_quiz_page(app, client):
    enrolment, _lesson = _new_hire_client(client)
    quiz = make.module(enrolment.curriculum, ModuleKind.QUIZ)
    db.session.commit()
    args = {"enrolment_id": enrolment.id, "module_id": quiz.id}
    response = client.get(url_for("training.module", **args))
    assert response.location.endswith(url_for("training.quiz", **args, _external=False))
    # A lesson URL for a quiz (and the other way round) is not found.
    assert client.get(url_for("training.lesson", **args)).status_code == 404
