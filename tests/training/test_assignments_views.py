"""The assignment page: instructions, handing in text and/or a file (checked from its
bytes, nothing stored when refused), rounds with comments, and the file's download
behind the enrolment's access check."""

import io

from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.work import Submission
from cshire.training.services.reviews import ReviewInput, review
from cshire.uploads import StoredFile
from tests import factories
from tests.conftest import login
from tests.training.access_enrolments import PDF_BYTES, hand_in_pdf, people


def _url(w, enrolment=None):
    return url_for("training.assignment", enrolment_id=(enrolment or w.enrolment1).id,
                   module_id=w.assignment.id)


def test_the_new_hire_reads_the_instructions_and_hands_in_text_and_a_pdf(app, client):
    w = people()
    db.session.commit()
    client = login(client, w.newhire1)
    page = client.get(_url(w)).get_data(as_text=True)
    assert "<strong>success plan</strong>" in page  # Markdown rendered
    response = client.post(_url(w), data={
        "text": "My plan", "file": (io.BytesIO(PDF_BYTES), "plan.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    submission = db.session.query(Submission).one()
    assert submission.text == "My plan" and submission.file.content_type == "application/pdf"
    page = client.get(_url(w)).get_data(as_text=True)
    assert "waiting for your mentor" in page and "plan.pdf" in page


def test_a_file_that_is_not_an_image_or_pdf_is_refused_under_the_field(app, client):
    w = people()
    db.session.commit()
    response = login(client, w.newhire1).post(_url(w), data={
        "text": "Keep this text", "file": (io.BytesIO(b"MZ\x90\x00 not a pdf"), "plan.pdf")},
        content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="file-error"' in page and "not an image" in page
    assert "Keep this text" in page
    assert db.session.query(StoredFile).count() == 0
    assert db.session.query(Submission).count() == 0


def test_an_empty_hand_in_is_refused(app, client):
    w = people()
    db.session.commit()
    page = login(client, w.newhire1).post(_url(w), data={"text": "  "}).get_data(as_text=True)
    assert "Write your answer or attach a file" in page
    assert db.session.query(Submission).count() == 0


def test_the_mentors_comment_shows_and_a_new_round_can_be_handed_in(app, client):
    w = people()
    review(hand_in_pdf(w.enrolment1, w.assignment), ReviewInput("revise", "Add the KPIs."),
           actor=w.mentor)
    db.session.commit()
    client = login(client, w.newhire1)
    page = client.get(_url(w)).get_data(as_text=True)
    assert "Add the KPIs." in page and "Hand in a new round" in page
    assert client.post(_url(w), data={"text": "Round two"}).status_code == 302
    assert db.session.query(Submission).filter_by(round=2).one().text == "Round two"


def test_only_the_new_hire_hands_in_and_others_see_no_form(app, client):
    w = people()
    db.session.commit()
    client = login(client, w.mentor)
    assert 'enctype="multipart/form-data"' not in client.get(_url(w)).get_data(as_text=True)
    page = client.post(_url(w), data={"text": "Not mine"}).get_data(as_text=True)
    assert "Only the new hire hands in their own work." in page
    assert db.session.query(Submission).count() == 0


def test_the_file_is_served_only_to_those_who_may_see_the_enrolment(app):
    w = people()
    submission = hand_in_pdf(w.enrolment1, w.assignment)
    other_mentor, other_manager = factories.user(Role.CSM), factories.user(Role.MANAGER)
    admin = factories.user(Role.ADMIN)
    db.session.commit()
    url = url_for("training.submission_file", submission_id=submission.id)
    for refused in (w.newhire2, other_mentor, other_manager):
        assert login(app.test_client(), refused).get(url).status_code == 403
        assert login(app.test_client(), refused).get(_url(w)).status_code == 403
    for allowed in (w.newhire1, w.mentor, w.manager, admin):
        response = login(app.test_client(), allowed).get(url)
        assert response.status_code == 200 and response.data == PDF_BYTES
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_module_of_another_kind_or_curriculum_has_no_assignment_page(app, client):
    w = people()
    db.session.commit()
    client = login(client, w.newhire1)
    assert client.get(url_for("training.assignment", enrolment_id=w.enrolment1.id,
                              module_id=w.lesson.id)).status_code == 404
    assert client.get(url_for("training.assignment", enrolment_id=w.enrolment1.id,
                              module_id=999)).status_code == 404
