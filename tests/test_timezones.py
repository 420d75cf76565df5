"""Times are stored in UTC and shown and entered in the viewer's zone, the zone named."""

from datetime import UTC, datetime

from flask import render_template_string
from flask_babel import refresh
from werkzeug.datastructures import MultiDict

from cshire.auth.access import select_timezone
from cshire.auth.models import OrganisationSettings, Role
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.timezones import LocalDateTimeField, format_when
from tests import factories
from tests.conftest import login

# Babel (CLDR 42+) puts a narrow no-break space before AM/PM.
NINE_UTC = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo


class MeetingForm(ConfirmForm):
    at = LocalDateTimeField("When")


def _organisation_zone(zone: str) -> None:
    db.session.add(OrganisationSettings(default_timezone=zone))
    db.session.commit()


def _as(app, user):
    """A request context signed in as ``user`` (Flask-Babel reads the zone per request)."""
    context = app.test_request_context("/")
    context.push()
    from flask_login import login_user

    login_user(user)
    refresh()
    return context


def test_without_settings_times_are_utc_and_say_so(app):
    with app.test_request_context("/"):
        assert select_timezone() == "UTC"
        assert format_when(NINE_UTC) == "Dec 1, 2026 12:00\u202fAM UTC"


def test_the_organisations_zone_applies_to_everyone_without_their_own(app):
    _organisation_zone("Asia/Tokyo")
    user = factories.user(Role.CSM)
    db.session.commit()
    context = _as(app, user)
    try:
        assert select_timezone() == "Asia/Tokyo"
        assert format_when(NINE_UTC) == "Dec 1, 2026 9:00\u202fAM JST"
    finally:
        context.pop()


def test_a_users_own_zone_wins_and_japanese_dates_read_as_japanese(app):
    _organisation_zone("Asia/Tokyo")
    user = factories.user(Role.CSM, locale="ja")
    user.timezone = "Europe/Berlin"
    db.session.commit()
    context = _as(app, user)
    try:
        assert format_when(NINE_UTC) == "2026/12/01 1:00 CET"
    finally:
        context.pop()


def test_the_filter_formats_pages_in_the_viewers_zone(app, client):
    _organisation_zone("Asia/Tokyo")
    user = factories.user(Role.CSM)
    db.session.commit()
    login(client, user)
    with client:
        client.get("/")
        assert render_template_string("{{ at|datetime }}", at=NINE_UTC) == (
            "Dec 1, 2026 9:00\u202fAM JST")


def test_a_time_typed_in_tokyo_is_kept_in_utc_and_shown_back_in_tokyo(app):
    _organisation_zone("Asia/Tokyo")
    user = factories.user(Role.MANAGER)
    db.session.commit()
    context = _as(app, user)
    try:
        form = MeetingForm(formdata=MultiDict({"at": "2026-12-01T09:00"}))
        assert form.at.data == NINE_UTC
        assert "Asia/Tokyo" in str(form.at.description)
        shown = MeetingForm(data={"at": NINE_UTC})
        assert shown.at._value() == "2026-12-01T09:00"
    finally:
        context.pop()


def test_an_interview_typed_in_tokyo_is_stored_in_utc_and_each_panelist_sees_their_zone(
        app, client):
    from flask import url_for

    from tests.interviews import factories_process as make

    _organisation_zone("Asia/Tokyo")
    opening = make.opening()
    application = make.application(opening)
    berlin = make.interviewer("Bea")
    berlin.timezone = "Europe/Berlin"
    db.session.commit()
    login(client, opening.hiring_manager)
    client.post(url_for("interviews.interview_new", application_id=application.id),
                data={"stage_id": opening.stages[0].id, "scheduled_at": "2030-05-01T10:00",
                      "panel": [berlin.id]})
    db.session.expire_all()
    (interview,) = application.interviews
    assert interview.scheduled_at == datetime(2030, 5, 1, 1, 0, tzinfo=UTC)
    page = client.get(url_for("interviews.interview_detail", interview_id=interview.id))
    assert "10:00\u202fAM JST" in page.get_data(as_text=True)
    login(client, berlin)
    mine = client.get(url_for("interviews.my_interviews")).get_data(as_text=True)
    assert "3:00\u202fAM CEST" in mine


def test_the_admin_sets_the_default_zone_and_a_user_chooses_their_own(app, client):
    admin = factories.user(Role.ADMIN)
    db.session.commit()
    login(client, admin)
    assert client.post("/admin/settings", data={"default_timezone": "Asia/Tokyo"}
                       ).status_code == 302
    assert "Europe/Paris" in client.get("/account/preferences").get_data(as_text=True)
    refused = client.post("/account/preferences", data={"timezone": "Mars/Olympus"})
    assert refused.status_code == 200
    client.post("/account/preferences", data={"timezone": "Europe/Paris"})
    db.session.expire_all()
    assert admin.timezone == "Europe/Paris"
    assert db.session.get(OrganisationSettings, 1).default_timezone == "Asia/Tokyo"
    client.post("/account/preferences", data={"timezone": ""})
    db.session.expire_all()
    assert admin.timezone is None
