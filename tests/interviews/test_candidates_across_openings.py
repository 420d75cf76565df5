"""One person in two managers' openings: the second manager sees none of what the
first opening recorded, on any page, in the export or in what the add form and the
import answer — and the data-subject export finds every record the viewer may see."""

import io
import json

import pytest
from flask import url_for
from sqlalchemy import select

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.models.candidates import Application, Candidate
from cshire.interviews.services.candidates import CandidateInput, add_candidate
from tests import factories
from tests.conftest import login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text

# What Ana's opening recorded about Aiko (and about Kenji, whom Ben never adds).
ANAS_RECORD = ("Aiko Tanaka", "+81 90 1111 2222", "referral-from-ana", "Ana's private note",
               "Kenji Sato", "kenji-phone-0000")


@pytest.fixture
def two_openings(app):
    """Ana's opening knows Aiko and Kenji; Ben's opening is empty. Both committed."""
    anas, bens = make.opening(), make.opening()
    add_candidate(anas, CandidateInput(
        name="Aiko Tanaka", email="aiko@example.org", phone="+81 90 1111 2222",
        source="referral-from-ana", notes="Ana's private note"), actor=anas.hiring_manager)
    add_candidate(anas, CandidateInput(name="Kenji Sato", email="kenji@example.org",
                                       phone="kenji-phone-0000"), actor=anas.hiring_manager)
    db.session.commit()
    return anas, bens


def _shows_nothing_of_anas_record(body: str) -> None:
    assert [text for text in ANAS_RECORD if text in body] == []


def _add(client, opening, name: str, email: str):
    return client.post(url_for("interviews.candidate_new", opening_id=opening.id),
                       data={"name": name, "email": email}, follow_redirects=True)


def _import(client, opening, content: str):
    return client.post(url_for("interviews.candidate_import", opening_id=opening.id),
                       data={"file": (io.BytesIO(content.encode()), "candidates.csv")},
                       content_type="multipart/form-data", follow_redirects=True)


def _bens_application(bens) -> Application:
    return db.session.scalar(select(Application).where(Application.opening_id == bens.id))


def test_adding_a_known_email_answers_as_for_an_unknown_one(client, two_openings):
    _, bens = two_openings
    login(client, bens.hiring_manager)
    known = _add(client, bens, "Aiko T.", "aiko@example.org")
    unknown = _add(client, bens, "Mei Ito", "mei@example.org")
    assert known.request.path == unknown.request.path == f"/hiring/openings/{bens.id}"
    assert "Aiko T. added to the opening." in page_text(known)
    assert "Mei Ito added to the opening." in page_text(unknown)
    assert "already" not in page_text(known)
    _shows_nothing_of_anas_record(page_text(known))


def test_the_second_manager_sees_none_of_the_first_openings_record(client, two_openings):
    anas, bens = two_openings
    login(client, bens.hiring_manager)
    _add(client, bens, "Aiko T.", "aiko@example.org")
    application = _bens_application(bens)
    for url in (url_for("interviews.opening_detail", opening_id=bens.id),
                url_for("interviews.application_scorecard", application_id=application.id),
                url_for("interviews.opening_compare", opening_id=bens.id),
                url_for("interviews.candidate_export_json",
                        candidate_id=application.candidate_id)):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Aiko T." in page_text(response), url
        _shows_nothing_of_anas_record(page_text(response))
    anas_aiko = db.session.scalar(select(Candidate.id).where(
        Candidate.opening_id == anas.id, Candidate.email == "aiko@example.org"))
    assert client.get(url_for("interviews.candidate_export_json",
                              candidate_id=anas_aiko)).status_code == 403


def test_the_import_counts_and_refusals_reveal_no_other_opening(client, two_openings):
    _, bens = two_openings
    other = make.opening(bens.hiring_manager)
    db.session.commit()
    login(client, bens.hiring_manager)
    known = page_text(_import(client, bens, "name,email\nA,aiko@example.org\n"
                                            "K,kenji@example.org\n"))
    unknown = page_text(_import(client, other, "name,email\nA,ann@example.org\n"
                                               "K,ken@example.org\n"))
    assert "2 candidates imported." in known and "2 candidates imported." in unknown
    _shows_nothing_of_anas_record(known)
    refused = page_text(_import(client, bens, "name,email\nNew,new@example.org\n"
                                              "Again,aiko@example.org\n"))
    assert "aiko@example.org has already applied to this opening." in refused  # Ben's own
    again = page_text(_import(client, other, "name,email\nKenji,kenji@example.org\n"))
    assert "1 candidates imported." in again  # known in Ana's opening: no error at all


def _export(client, candidate_id: int) -> dict:
    response = client.get(url_for("interviews.candidate_export_json",
                                  candidate_id=candidate_id))
    assert response.status_code == 200
    return json.loads(page_text(response))


def test_the_data_subject_export_holds_every_record_the_viewer_may_see(client, two_openings):
    anas, bens = two_openings
    add_candidate(bens, CandidateInput(name="Aiko T.", email="aiko@example.org"),
                  actor=bens.hiring_manager)
    admin = factories.user(Role.ADMIN)
    db.session.commit()
    records = db.session.scalars(select(Candidate).where(Candidate.email == "aiko@example.org")
                                 .order_by(Candidate.id)).all()
    login(client, anas.hiring_manager)
    mine = _export(client, records[0].id)
    assert mine["email"] == "aiko@example.org"
    assert [(a["opening"], a["candidate"]["name"]) for a in mine["applications"]] == [
        (anas.title, "Aiko Tanaka")]
    login(client, admin)
    everything = _export(client, records[1].id)
    assert [(a["opening"], a["candidate"]["name"]) for a in everything["applications"]] == [
        (anas.title, "Aiko Tanaka"), (bens.title, "Aiko T.")]
