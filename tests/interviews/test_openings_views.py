"""Openings over HTTP: the form, the list, and object-level access."""

from datetime import timedelta

from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.models.openings import Opening
from tests import factories
from tests.conftest import login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text as _text


def test_a_manager_creates_an_opening_through_the_form(client, app):
    manager = factories.user(Role.MANAGER)
    version = make.kit_version()
    db.session.commit()
    login(client, manager)
    form = client.get(url_for("interviews.opening_new"))
    assert 'for="title"' in _text(form) and 'for="fit_threshold"' in _text(form)
    response = client.post(url_for("interviews.opening_new"), data={
        "title": "CSM — high touch", "profile_id": version.kit.profile_id,
        "hiring_manager_id": manager.id, "fit_threshold": "60", "notes_required": "y",
        "stage1_name": "Screening", "stage1_kit": version.id,
        "stage2_name": "", "stage2_kit": ""})
    assert response.status_code == 302
    opening = db.session.query(Opening).one()
    assert (opening.title, opening.fit_threshold, opening.notes_required) == (
        "CSM — high touch", 60, True)
    listing = client.get(url_for("interviews.openings"))
    assert "CSM — high touch" in _text(listing)


def test_a_refused_opening_keeps_the_input_and_says_why(client, app):
    manager = factories.user(Role.MANAGER)
    version = make.kit_version()
    db.session.commit()
    login(client, manager)
    response = client.post(url_for("interviews.opening_new"), data={
        "title": "CSM — kept title", "profile_id": version.kit.profile_id,
        "hiring_manager_id": manager.id, "stage1_name": "", "stage1_kit": "",
        "stage2_name": "", "stage2_kit": ""})
    assert response.status_code == 200
    assert "Add at least one interview stage" in _text(response)
    assert 'value="CSM — kept title"' in _text(response)
    assert db.session.query(Opening).count() == 0


def test_editing_an_opening_closes_it_and_a_stage_is_added(client, app):
    opening = make.opening()
    version = make.kit_version()
    db.session.commit()
    login(client, opening.hiring_manager)
    saved = client.post(url_for("interviews.opening_edit", opening_id=opening.id), data={
        "title": "Renamed", "profile_id": opening.profile_id,
        "hiring_manager_id": opening.hiring_manager_id, "closed": "1"},
        follow_redirects=True)
    assert "Opening saved." in _text(saved)
    added = client.post(url_for("interviews.opening_stage_add", opening_id=opening.id),
                        data={"name": "Final", "kit_version_id": version.id},
                        follow_redirects=True)
    assert "Stage “Final” added." in _text(added)
    db.session.expire_all()
    assert (opening.title, opening.is_open) == ("Renamed", False)
    assert [s.name for s in opening.stages] == ["Stage 1", "Final"]


def test_a_manager_cannot_open_another_managers_opening(client, app):
    opening = make.opening()
    application = make.application(opening)
    other = factories.user(Role.MANAGER)
    db.session.commit()
    login(client, other)
    for url in (url_for("interviews.opening_detail", opening_id=opening.id),
                url_for("interviews.application_scorecard", application_id=application.id),
                url_for("interviews.opening_compare", opening_id=opening.id)):
        assert client.get(url).status_code == 403
    assert opening.title not in _text(client.get(url_for("interviews.openings")))


def test_a_new_hire_reaches_nothing_of_hiring(client, app):
    make.scored_application()
    login(client, factories.user(Role.NEW_HIRE))
    db.session.commit()
    assert client.get(url_for("interviews.my_interviews")).status_code == 403
    assert client.get(url_for("interviews.openings")).status_code == 403


def test_openings_are_newest_first_and_sort_by_manager_or_threshold(client, app):
    admin = factories.user(Role.ADMIN)
    older = make.opening(factories.user(Role.MANAGER, name="Zoe"), threshold=70)
    newer = make.opening(factories.user(Role.MANAGER, name="Abe"), threshold=None)
    older.title, newer.title = "Older opening", "Newer opening"
    older.created_at = newer.created_at - timedelta(days=3)
    db.session.commit()
    login(client, admin)

    def order(**args):
        html = _text(client.get(url_for("interviews.openings", **args)))
        rows = html[html.index("<tbody"):]
        return sorted(["Older opening", "Newer opening"], key=rows.index)

    assert order() == ["Newer opening", "Older opening"]
    assert order(sort="manager") == ["Newer opening", "Older opening"]
    assert order(sort="-manager") == ["Older opening", "Newer opening"]
    assert order(sort="-threshold") == ["Older opening", "Newer opening"], "no threshold last"
    assert order(sort="threshold") == ["Older opening", "Newer opening"], "…both ways"
