"""The domain-error base and the view's submit helper (cshire.errors, cshire.submit)."""

from datetime import UTC, datetime

import pytest
from flask import get_flashed_messages
from flask_wtf import FlaskForm
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from wtforms import FieldList, Form, FormField, StringField

from cshire.audit import ensure_current, record_changes, snapshot
from cshire.auth.models import Role, Team
from cshire.competencies.models import Competency
from cshire.errors import DomainError, EditConflict, Problem
from cshire.extensions import db
from cshire.forms import VersionedForm
from cshire.submit import submit
from tests import factories


class SampleError(DomainError):
    messages = {
        "refused": "Not today.",
        "name_taken": "The name %(name)s is taken.",
        "bad_row": "Row is wrong.",
    }


class NameForm(VersionedForm, FlaskForm):
    name = StringField()


class RowForm(Form):
    weight = StringField()


class RowsForm(FlaskForm):
    rows = FieldList(FormField(RowForm), min_entries=2)


def _post(app, **data):
    """A POST request context with ``data`` as its form body."""
    return app.test_request_context("/", method="POST", data=data)


def _flashes() -> list[tuple[str, str]]:
    return get_flashed_messages(with_categories=True)


def _team_names() -> list[str]:
    db.session.rollback()  # only what was committed
    return list(db.session.scalars(select(Team.name).order_by(Team.name)))


def _add_team(name: str, *, refuse: bool = False) -> Team:
    team = Team(name=name)
    db.session.add(team)
    db.session.flush()
    if refuse:
        raise SampleError("refused")
    return team


# ---------------------------------------------------------------- success


def test_success_commits_flashes_and_redirects(app):
    with _post(app):
        response = submit(lambda: _add_team("Onboarding"), success="Team saved.",
                          redirect_to="/teams")
        assert response.status_code == 302 and response.location == "/teams"
        assert _flashes() == [("success", "Team saved.")]
    assert _team_names() == ["Onboarding"]


def test_success_text_and_redirect_may_be_built_from_the_result(app):
    with _post(app):
        response = submit(lambda: _add_team("Renewals"),
                          success=lambda team: f"{team.name} saved.",
                          redirect_to=lambda team: f"/teams/{team.id}")
        assert response.location == f"/teams/{db.session.scalar(select(Team.id))}"
        assert _flashes() == [("success", "Renewals saved.")]


def test_no_success_text_means_no_flash(app):
    with _post(app):
        submit(lambda: _add_team("Quiet"), redirect_to="/")
        assert _flashes() == []


# ---------------------------------------------------------------- refusals


def test_a_domain_error_rolls_back_and_nothing_is_written(app):
    with _post(app):
        response = submit(lambda: _add_team("Half done", refuse=True), success="Saved.",
                          redirect_to="/")
        assert response is None
        assert _flashes() == [("error", "Not today.")]
    assert _team_names() == []


def test_keep_on_error_commits_what_the_service_wrote_before_refusing(app):
    with _post(app):
        assert submit(lambda: _add_team("Counted", refuse=True), redirect_to="/",
                      keep_on_error=True) is None
    assert _team_names() == ["Counted"]


def test_a_problem_naming_a_form_field_is_shown_under_that_field_not_flashed(app):
    with _post(app, name="Taken name"):
        form = NameForm()

        def refuse():
            raise SampleError.on_field("name", "name_taken", name="Taken name")

        assert submit(refuse, redirect_to="/", form=form) is None
        assert form.name.errors == ["The name Taken name is taken."]
        assert form.name.data == "Taken name"  # the input is kept for the re-render
        assert _flashes() == []


def test_problems_without_a_field_of_the_form_are_flashed_with_their_line(app):
    with _post(app, name="x"):
        form = NameForm()

        def refuse():
            raise SampleError("refused", Problem("bad_row", line=3),
                              Problem("name_taken", {"name": "Ann"}, field="name"))

        submit(refuse, redirect_to="/", form=form)
        assert _flashes() == [("error", "Not today."), ("error", "Line 3: Row is wrong.")]
        assert form.name.errors == ["The name Ann is taken."]


def test_a_problem_naming_a_field_of_a_row_is_shown_under_that_rows_field(app):
    with _post(app, **{"rows-0-weight": "1", "rows-1-weight": "0"}):
        form = RowsForm()

        def refuse():
            raise SampleError("refused", Problem("bad_row", line=2, field="rows.weight"),
                              Problem("bad_row", line=3, field="rows.weight"))

        submit(refuse, redirect_to="/", form=form)
        assert form.rows[1]["weight"].errors == ["Row is wrong."]  # the row shows which
        assert not form.rows[0]["weight"].errors
        # Row 3 is not in the form: flashed with its line, after the error's message.
        assert _flashes() == [("error", "Not today."), ("error", "Line 3: Row is wrong.")]


def test_a_page_listing_problems_gets_every_line_instead_of_flashes(app):
    with _post(app, name="x"):
        listed: list[str] = []

        def refuse():
            raise SampleError("refused", Problem("bad_row", line=3),
                              Problem("name_taken", {"name": "Ann"}, line=5, field="name"))

        assert submit(refuse, redirect_to="/", form=NameForm(), problems=listed) is None
        assert listed == ["Line 3: Row is wrong.", "Line 5: The name Ann is taken."]
        assert _flashes() == []

        alone: list[str] = []
        submit(lambda: _add_team("Refused", refuse=True), redirect_to="/", problems=alone)
        assert alone == ["Not today."]  # no problems: the error's own message
    assert _team_names() == []


def test_a_racing_save_of_a_versioned_record_becomes_the_edit_conflict(app):
    competency = factories.competency("RACE")
    db.session.commit()
    # Another request saves between this request's load and its flush (Core SQL, so
    # the loaded object keeps its old version as the other request's would).
    table = Competency.__table__
    db.session.connection().execute(
        table.update().where(table.c.id == competency.id)
        .values(version=table.c.version + 1, name_en="Theirs"))

    def save_mine():
        competency.name_en = "Mine"
        db.session.flush()

    with _post(app, name="Mine"):
        form = NameForm()
        assert submit(save_mine, redirect_to="/", form=form) is None
        [(category, text)] = _flashes()
        assert category == "error" and text.startswith("Someone else saved this")
        assert form.name.data == "Mine"
    db.session.expire_all()
    assert db.session.get(Competency, competency.id).name_en != "Mine"


def test_an_edit_conflict_moves_the_form_to_the_stored_version(app):
    competency = factories.competency("CONFLICT")
    db.session.commit()
    with _post(app, name="Mine", version="0"):
        form = NameForm()
        submit(lambda: ensure_current(competency, form.loaded_version), redirect_to="/",
               form=form)
        assert form.version.data == competency.version
        assert _flashes()[0][1].startswith("Someone else saved this")


def test_a_unique_constraint_race_at_commit_asks_to_save_again(app):
    _add_team("Support")
    db.session.commit()
    with _post(app):
        # The service checked the name was free; another request took it meanwhile.
        response = submit(lambda: db.session.add(Team(name="Support")), redirect_to="/")
        assert response is None
        [(category, text)] = _flashes()
        assert category == "error"
        assert text.startswith("Someone else saved a change at the same moment")
    assert _team_names() == ["Support"]


def test_an_integrity_error_that_is_no_race_is_a_bug_and_propagates(app):
    with _post(app), pytest.raises(IntegrityError):
        submit(lambda: db.session.add(Team(name=None)), redirect_to="/")
    assert _team_names() == []


# ---------------------------------------------------------------- messages


def test_a_parameter_named_code_fills_the_message_not_the_error_code():
    assert SampleError.text_for("name_taken", {"name": "A"}) == "The name A is taken."
    error = DomainError("code_clash", code="X")
    assert error.code == "code_clash" and error.params == {"code": "X"}


def test_edit_conflict_names_who_saved_and_when(app):
    when = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    with app.test_request_context():
        text = EditConflict(who="Mia", when=when).message()
        assert "Someone else saved this" in text and "Last saved by Mia" in text
        assert "9:30" in text
        assert "Last saved at" in EditConflict(when=when).message()
        assert "Last saved" not in EditConflict().message()


def test_ensure_current_names_the_last_audited_save(app):
    competency = factories.competency("NAMED")
    editor = factories.user(Role.MANAGER, name="Eda Editor")
    loaded = competency.version
    before = snapshot(competency, "name_en")
    competency.name_en = "After"
    record_changes(competency, before, editor)
    db.session.commit()
    with pytest.raises(EditConflict) as conflict:
        ensure_current(competency, loaded)
    assert conflict.value.who == "Eda Editor"
    assert conflict.value.current_version == competency.version != loaded
    ensure_current(competency, competency.version)  # the current version passes


def test_a_plural_message_follows_the_count_in_both_languages(app):
    from flask_babel import force_locale

    from cshire.csv_import import CsvImportError

    with app.test_request_context("/"):
        assert CsvImportError.text_for("csv_rejected", {"count": 1}) == (
            "Nothing was imported: 1 problem to fix in the file.")
        assert CsvImportError.text_for("csv_rejected", {"count": 4}) == (
            "Nothing was imported: 4 problems to fix in the file.")
        with force_locale("ja"):
            assert "4件" in CsvImportError.text_for("csv_rejected", {"count": 4})
