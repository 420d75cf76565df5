"""Candidates, applications with their history, and the CSV import."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from cshire.auth.models import Role
from cshire.csv_import import CsvImport, template_csv
from cshire.extensions import db
from cshire.interviews.messages import CandidateImportError, HiringError
from cshire.interviews.models.candidates import Candidate
from cshire.interviews.services.candidates import (
    IMPORT_COLUMNS,
    CandidateInput,
    ImportResult,
    add_candidate,
    change_status,
    import_candidates,
)
from tests import factories
from tests.interviews import factories_process as make

HEADER = "name,email,phone,source,notes,consent_date\n"


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _import(opening, content: bytes, max_rows: int | None = None):
    return import_candidates(opening, content, actor=opening.hiring_manager, max_rows=max_rows)


def _refusal(opening, content: bytes, max_rows: int | None = None) -> CandidateImportError:
    with pytest.raises(CandidateImportError) as rejected:
        _import(opening, content, max_rows)
    return rejected.value


def test_adding_a_candidate_starts_the_application_history(app):
    opening = make.opening()
    application = add_candidate(opening, CandidateInput(
        name=" Aiko Tanaka ", email="Aiko@Example.org", source="referral"),
        actor=opening.hiring_manager)
    assert application.candidate.email == "aiko@example.org"
    assert application.candidate.name == "Aiko Tanaka"
    assert application.status == "applied"
    assert [(e.from_status, e.to_status) for e in application.events] == [(None, "applied")]


def test_the_same_email_in_another_opening_is_a_record_of_its_own(app):
    """What one opening recorded stays with it: the other opening gets exactly what its
    own manager entered, and neither hears of the other."""
    first, second = make.opening(), make.opening()
    one = add_candidate(first, CandidateInput(
        name="Aiko Tanaka", email="aiko@example.org", phone="+81 90 1111 2222",
        source="referral", notes="Strong on renewals"), actor=first.hiring_manager)
    two = add_candidate(second, CandidateInput(name="Aiko T.", email="AIKO@example.org"),
                        actor=second.hiring_manager)
    assert two.candidate is not one.candidate
    assert (two.candidate.name, two.candidate.email, two.candidate.phone,
            two.candidate.source, two.candidate.notes) == ("Aiko T.", "aiko@example.org",
                                                          "", "", "")
    assert (one.candidate.name, one.candidate.notes) == ("Aiko Tanaka", "Strong on renewals")
    assert (one.candidate.opening, two.candidate.opening) == (first, second)


def test_the_same_email_twice_in_one_opening_is_already_applied(app):
    opening = make.opening()
    data = CandidateInput(name="Aiko Tanaka", email="aiko@example.org")
    add_candidate(opening, data, actor=opening.hiring_manager)
    with pytest.raises(HiringError) as error:
        add_candidate(opening, CandidateInput(name="Aiko", email=" Aiko@Example.org "),
                      actor=opening.hiring_manager)
    assert (error.value.code, error.value.params) == ("already_applied",
                                                      {"email": "aiko@example.org"})


def test_the_database_holds_one_email_per_opening(app):
    """The rule does not rest on the service's check alone: two simultaneous requests
    both pass the check, and the second insert must fail."""
    opening = make.opening()
    make.application(opening, email="aiko@example.org")
    db.session.add(Candidate(opening=opening, name="Again", email="aiko@example.org"))
    with pytest.raises(IntegrityError):
        db.session.flush()


def test_an_invalid_email_is_refused(app):
    opening = make.opening()
    with pytest.raises(HiringError) as error:
        add_candidate(opening, CandidateInput(name="X", email="not-an-email"),
                      actor=opening.hiring_manager)
    assert error.value.code == "email_invalid"


def test_import_creates_a_record_for_every_row_whether_or_not_the_email_is_known(app):
    opening, other = make.opening(), make.opening()
    add_candidate(other, CandidateInput(name="Known", email="known@example.org",
                                        notes="Other opening's note"),
                  actor=other.hiring_manager)
    content = (HEADER + "Aiko Tanaka,aiko@example.org,,referral,,2026-04-01\n"
               "\n"  # blank lines are skipped
               "Known Person,KNOWN@example.org,,,,\n"
               "佐藤 美咲,misaki@example.org,,,,\n").encode("utf-8-sig")
    result = _import(opening, content)
    assert result == ImportResult(created=3)
    imported = {c.name: c for c in db.session.scalars(
        select(Candidate).where(Candidate.opening_id == opening.id))}
    assert set(imported) == {"Aiko Tanaka", "Known Person", "佐藤 美咲"}
    assert imported["Known Person"].notes == ""
    assert db.session.scalar(select(func.count(Candidate.id)).where(
        Candidate.email == "known@example.org")) == 2


def test_an_email_already_in_another_opening_is_no_import_error(app):
    opening, other = make.opening(), make.opening()
    make.application(other, email="known@example.org")
    make.application(opening, email="here@example.org")
    content = (HEADER + "Known,known@example.org,,,,\nHere,here@example.org,,,,\n").encode()
    rejected = _refusal(opening, content)
    assert [(p.line, p.code) for p in rejected.problems] == [(3, "already_applied")]


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
    rejected = _refusal(opening, content)
    assert isinstance(rejected, HiringError)  # one error base for every hiring refusal
    errors = [(p.line, p.code) for p in rejected.problems]
    assert errors == [(3, "csv_required"), (4, "csv_email"), (5, "duplicate_in_file"),
                      (6, "already_applied"), (7, "csv_date"), (8, "csv_too_many_values")]
    assert rejected.problems[2].params == {"email": "good@example.org", "first": 2}
    assert _count(Candidate) == before  # all or nothing


@pytest.mark.parametrize(("content", "code"), [
    (b"full_name,mail\nA,a@example.org\n", "csv_header_mismatch"),
    (b"name,phone\nA,0\n", "csv_header_missing"),
    (b"", "csv_empty"),
    # Not UTF-8, and not Shift_JIS either: 0x80 ("€" in Windows-1252) is no cp932 text.
    ("name,email\nÅsa €,asa@example.org\n".encode("cp1252"), "csv_encoding"),
])
def test_import_rejects_unusable_files(app, content, code):
    assert _refusal(make.opening(), content).code == code


def test_a_header_without_rows_is_a_problem_on_line_1(app):
    rejected = _refusal(make.opening(), HEADER.encode())
    assert [(p.line, p.code) for p in rejected.problems] == [(1, "csv_no_rows")]


def test_a_shift_jis_file_from_japanese_excel_imports(app):
    opening = make.opening()
    content = ("name,email,source\r\n佐藤 美咲,misaki@example.org,紹介\r\n"
               "髙橋 一郎,ichiro@example.org,\r\n").encode("cp932")
    assert _import(opening, content).created == 2
    names = set(db.session.scalars(select(Candidate.name)))
    assert names == {"佐藤 美咲", "髙橋 一郎"}
    assert db.session.scalar(select(Candidate.source).where(
        Candidate.email == "misaki@example.org")) == "紹介"


def test_a_utf8_file_with_a_bom_imports(app):
    opening = make.opening()
    content = "name,email\nÅsa Berg,asa@example.org\n".encode("utf-8-sig")
    assert _import(opening, content).created == 1
    assert db.session.scalar(select(Candidate.name)) == "Åsa Berg"


def test_a_name_longer_than_the_column_is_a_row_error_with_its_line(app):
    """Refused by the reader (the column's own length), so no database is reached:
    the same on SQLite, which would store it, and PostgreSQL, which would fail."""
    opening = make.opening()
    content = (HEADER + "Fine,fine@example.org,,,,\n"
               + "a" * 201 + ",long@example.org,,,,\n").encode()
    rejected = _refusal(opening, content)
    (problem,) = rejected.problems
    assert (problem.line, problem.code, problem.field) == (3, "csv_too_long", "name")
    assert rejected.text_for(problem.code, problem.params) == (
        "name is 201 characters long; at most 200 are allowed.")
    assert _count(Candidate) == 0


def test_a_name_of_exactly_the_column_length_imports(app):
    opening = make.opening()
    assert _import(opening, (HEADER + "a" * 200 + ",max@example.org,,,,\n").encode()).created
    db.session.commit()  # PostgreSQL checks the length here
    assert len(db.session.scalar(select(Candidate.name))) == 200


def test_the_row_cap_refuses_a_longer_file_before_writing(app):
    opening = make.opening()
    content = (HEADER + "".join(f"P{n},p{n}@example.org,,,,\n" for n in range(3))).encode()
    refused = _refusal(opening, content, max_rows=2)
    assert (refused.code, refused.params) == ("csv_too_many_rows", {"max": 2})
    assert _count(Candidate) == 0
    assert _import(opening, content, max_rows=3).created == 3


def test_the_template_file_reads_back_as_one_good_row(app):
    source = CsvImport(template_csv(IMPORT_COLUMNS), IMPORT_COLUMNS, max_rows=None)
    (row,) = list(source)
    assert (row["name"], row["email"]) == ("Aiko Tanaka", "aiko@example.org")
    source.raise_if_problems()


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
