"""Evidence files are served only to whoever may view the enrolment they belong to."""

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.work import Submission
from tests import factories
from tests.conftest import login
from tests.training import sandbox_factories as sb


@pytest.fixture
def world(app):
    manager = factories.user(Role.MANAGER)
    team = factories.team(manager=manager)
    w = sb.exercise(new_hire=factories.user(Role.NEW_HIRE, team=team))
    w.manager = manager
    w.file = sb.stored(owner=w.enrolment.user)
    sb.record(w.enrolment, w.module, w.milestones[0], file=w.file)
    w.other = sb.exercise()
    other_manager = factories.user(Role.MANAGER)
    factories.team(manager=other_manager)
    w.other_manager = other_manager
    db.session.commit()
    return w


def _url(w, enrolment=None, file_id=None) -> str:
    return url_for("training.evidence", enrolment_id=(enrolment or w.enrolment).id,
                   file_id=file_id or w.file.id)


@pytest.mark.parametrize("who", ["new hire", "mentor", "managing manager", "admin"])
def test_those_who_may_view_the_enrolment_get_the_file(client, world, who):
    user = {"new hire": world.enrolment.user, "mentor": world.enrolment.mentor,
            "managing manager": world.manager}.get(who) or factories.user(Role.ADMIN)
    db.session.commit()
    login(client, user)
    response = client.get(_url(world))
    assert response.status_code == 200
    assert response.data == sb.PNG
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("inline")
    assert response.mimetype == "image/png"


@pytest.mark.parametrize("who", ["other new hire", "other mentor", "other team's manager"])
def test_others_are_refused(client, world, who):
    user = {"other new hire": world.other.enrolment.user,
            "other mentor": world.other.enrolment.mentor,
            "other team's manager": world.other_manager}[who]
    login(client, user)
    assert client.get(_url(world)).status_code == 403
    # Nor through their own enrolment: the file does not belong to it.
    assert client.get(_url(world, enrolment=world.other.enrolment)).status_code in (403, 404)


def test_a_file_of_another_enrolment_is_not_found_under_mine(client, world):
    login(client, world.other.enrolment.user)
    assert client.get(_url(world, enrolment=world.other.enrolment)).status_code == 404


def test_a_file_only_in_a_handed_in_round_is_served(client, world):
    kept = sb.stored(sb.PDF, "round1.pdf", owner=world.enrolment.user)
    db.session.add(Submission(
        enrolment_id=world.enrolment.id, module_id=world.module.id, round=1,
        snapshot={"stages": [{"milestones": [{"evidence_file": {
            "id": kept.id, "filename": "round1.pdf", "content_type": "application/pdf"}}]}]}))
    db.session.commit()
    login(client, world.enrolment.mentor)
    response = client.get(_url(world, file_id=kept.id))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "round1.pdf" in response.headers["Content-Disposition"]
    download = client.get(_url(world, file_id=kept.id) + "?download=1")
    assert download.headers["Content-Disposition"].startswith("attachment")


def test_an_unreferenced_file_is_not_found(client, world):
    loose = sb.stored(owner=world.enrolment.user)
    db.session.commit()
    login(client, world.enrolment.user)
    assert client.get(_url(world, file_id=loose.id)).status_code == 404


def test_the_page_shows_image_evidence_as_a_thumbnail(client, world):
    login(client, world.enrolment.mentor)
    html = client.get(url_for("training.sandbox", enrolment_id=world.enrolment.id,
                              module_id=world.module.id)).get_data(as_text=True)
    assert f'<img src="{_url(world).removeprefix("http://localhost")}"' in html
