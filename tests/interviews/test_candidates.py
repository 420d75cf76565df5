"""Candidates, applications with their history, and the CSV import."""

import pytest
from sqlalchemy import func, select

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.models.candidates import Application, Candidate
from cshire.interviews.services.candidates import (
    CandidateInput,
    HiringError,
    ImportRejected,
    add_candidate,
    change_status,
    import_candidates,
)
from tests import factories
from tests.interviews import factories_process as make

HEADER = "name,email,phone,source,notes,consent_date\n"


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_adding_a_candidate_starts_the_application_history(app):
    opening = make.opening()
    application = add_candidate(opening, CandidateInput(
        name=" Aiko Tanaka ", email="Aiko@Example.org", source="referral"),
        actor=opening.hiring_manager)
    assert application.candidate.email == "aiko@example.org"
    assert application.candidate.name == "Aiko Tanaka"
    assert application.status == "applied"
    assert [(e.from_status, e.to_status) for e in application.events] == [(None, "applied")]


def test_a_known_email_links_the_same_person_to_another_opening(app):
    first, second = make.opening(), make.opening()
    data = CandidateInput(name="Aiko Tanaka", email="aiko@example.org")
    one = add_candidate(first, data, actor=first.hiring_manager)
    two = add_candidate(second, data, actor=second.hiring_manager)
    assert one.candidate is two.candidate
    with pytest.raises(HiringError) as error:
        add_candidate(first, data, actor=first.hiring_manager)
    assert error.value.code == "already_applied"


def test_an_invalid_email_is_refused(app):
    opening = make.opening()
    with pytest.raises(HiringError) as error:
        add_candidate(opening, CandidateInput(name="X", email="not-an-email"),
                      actor=opening.hiring_manager)
    assert error.value.code == "email_invalid"


def test_import_creates_every_row_and_links_known_candidates(app):
    opening, other = make.opening(), make.opening()
    add_candidate(other, CandidateInput(name="Known", email="known@example.org"),
                  actor=other.hiring_manager)
    content = (HEADER + "Aiko Tanaka,aiko@example.org,,referral,,2026-04-01\n"
               "\n"  # blank lines are skipped
               "Known Person,KNOWN@example.org,,,,\n"
               "佐藤 美咲,misaki@example.org,,,,\n").encode("utf-8-sig")
    result = import_candidates(opening, content, actor=opening.hiring_manager)
    assert (result.created, result.linked) == (2, 1)
    names = set(db.session.scalars(
        select(Candidate.name).join(Application).where(Application.opening_id == opening.id)))
    assert names == {"Aiko Tanaka", "Known", "佐藤 美咲"}


def test_import_reports_each_bad_line_and_imports_nothing(app):
    opening = make.opening()
    add_candidate(opening, CandidateInput(name="Already", email="already@example.org"),
                  actor=opening.hiring_manager)
    before = _count(Candidate)
    content = (HEADER
               + "Good One,good@example.org,,,,\n"          # line 2
               + ",nameless@example.org,,,,\n"               # line 3
               + "Bad Mail,not-an-email,,,,\n"               # line 4
               + "Twice,good@example.org,,,,\n"              # line 5
               + "Again,already@example.org,,,,\n"           # line 6
               + "Date,date@example.org,,,,01/04/2026\n"     # line 7
               + "Long,long@example.org,,,,,extra\n").encode()  # line 8
    with pytest.raises(ImportRejected) as rejected:
        import_candidates(opening, content, actor=opening.hiring_manager)
    errors = [(e.line, e.code) for e in rejected.value.errors]
    assert errors == [(3, "name_required"), (4, "email_invalid"), (5, "duplicate_in_file"),
                      (6, "already_applied"), (7, "consent_date_invalid"),
                      (8, "too_many_values")]
    assert rejected.value.errors[2].params == {"email": "good@example.org", "first": 2}
    assert _count(Candidate) == before  # all or nothing


@pytest.mark.parametrize(("content", "code"), [
    (b"full_name,mail\nA,a@example.org\n", "bad_header"),
    (HEADER.encode(), "empty"),
    ("name,email\nÅsa,åsa@example.org\n".encode("latin-1"), "not_utf8"),
])
def test_import_rejects_unusable_files(app, content, code):
    opening = make.opening()
    with pytest.raises(ImportRejected) as rejected:
        import_candidates(opening, content, actor=opening.hiring_manager)
    assert rejected.value.errors[0].code == code
    assert rejected.value.errors[0].line == 1


def test_status_moves_are_kept_with_who_and_why(app):
    opening = make.opening()
    manager = opening.hiring_manager
    application = make.application(opening)
    change_status(application, "interviewing", actor=manager)
    change_status(application, "withdrawn", actor=manager, note="Took another offer")
    assert application.status == "withdrawn"
    assert [(e.from_status, e.to_status, e.note) for e in application.events][1:] == [
        ("applied", "interviewing", ""), ("interviewing", "withdrawn", "Took another offer")]
    assert application.events[-1].actor is manager


def test_a_closed_application_cannot_move_again(app):
    application = make.application(make.opening(), status="rejected")
    with pytest.raises(HiringError) as error:
        change_status(application, "hired", actor=factories.user(Role.ADMIN))
    assert error.value.code == "transition_invalid"
