"""The candidate scorecard and the comparison are served from the page cache while
nothing has changed, and never stale, shared between viewers or without a flash."""

from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.services.scoring import reopen_scorecard
from tests import factories
from tests.conftest import count_queries, login
from tests.interviews import factories_process as make


def _text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def _application():
    opening = make.opening()
    application = make.application(opening, name="Sato Aiko", status="interviewing")
    ana, ben = make.interviewer("Ana"), make.interviewer("Ben")
    interview = make.interview(application, [ana, ben])
    make.rate(make.seat(interview, ana), [2, 2, 2])
    db.session.commit()
    return application, make.seat(interview, ben)


def _page(client, application) -> str:
    db.session.expire_all()
    return _text(client.get(url_for("interviews.application_scorecard",
                                    application_id=application.id)))


def _disagreements(body: str) -> str:
    """The page's "Disagreements to discuss" section, up to the decision."""
    return body.split("Disagreements to discuss")[1].split('id="decision-title"')[0]


def test_the_second_view_is_served_from_the_cache(client, app):
    application, _ = _application()
    login(client, application.opening.hiring_manager)
    urls = (url_for("interviews.application_scorecard", application_id=application.id),
            url_for("interviews.opening_compare", opening_id=application.opening_id))
    for url in urls:
        with count_queries() as first:
            body = _text(client.get(url))
        with count_queries() as second:
            again = _text(client.get(url))
        assert again == body
        assert second.count <= 3 < first.count  # the user, the generation, the access check


def test_every_kind_of_change_shows_on_the_next_view(client, app):
    application, ben_seat = _application()
    manager = application.opening.hiring_manager
    login(client, manager)
    assert "Discussed in the debrief" not in _page(client, application)

    make.rate(ben_seat, [5, 5, 5], recommendation="strong_yes")  # a scorecard submitted
    db.session.commit()
    assert "Ben" in _disagreements(_page(client, application))

    client.post(url_for("interviews.application_debrief", application_id=application.id),
                data={"text": "Ask about the renewal story"})
    assert "Ask about the renewal story" in _page(client, application)

    client.post(url_for("interviews.application_decide", application_id=application.id),
                data={"outcome": "reject", "rationale": "Not this time"})
    assert "Not this time" in _page(client, application)

    entry = application.opening.profile.entries[0]
    entry.weight = 7.5  # the profile's weights edited
    db.session.commit()
    assert "7.5" in _page(client, application)

    entry.competency.name_en = "Renamed competency"  # a competency renamed
    db.session.commit()
    assert "Renamed competency" in _page(client, application)

    reopen_scorecard(ben_seat, actor=manager, reason="Wrong answer rated")
    db.session.commit()
    assert "Ben" not in _disagreements(_page(client, application))


def test_two_viewers_never_share_an_entry(client, app):
    application, _ = _application()
    admin = factories.user(Role.ADMIN, name="Admin Person")
    db.session.commit()
    login(client, application.opening.hiring_manager)
    _page(client, application)
    login(client, admin)
    assert "Admin Person" in _page(client, application)
    login(client, application.opening.hiring_manager)
    assert "Admin Person" not in _page(client, application)


def test_access_is_checked_on_every_view(client, app):
    application, _ = _application()
    manager = application.opening.hiring_manager
    login(client, manager)
    _page(client, application)
    application.opening.hiring_manager = factories.user(Role.MANAGER)
    db.session.commit()
    login(client, manager)
    assert client.get(url_for("interviews.application_scorecard",
                              application_id=application.id)).status_code == 403


def test_a_flash_message_is_never_lost_to_the_cache(client, app):
    application, _ = _application()
    login(client, application.opening.hiring_manager)
    _page(client, application)
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "A message for you")]
    assert "A message for you" in _page(client, application)
    assert "A message for you" not in _page(client, application)
