"""Sessions that can be ended: sign-out and a password change end every other session
of the user, a copied cookie and a remember-me cookie included."""

from datetime import timedelta

from cshire.auth.models import Role
from cshire.extensions import db
from tests import factories
from tests.factories import PASSWORD

NEW_PASSWORD = "a-brand-new-password"


def _signed_in_client(app, email: str, *, remember: bool = False):
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": PASSWORD,
                                           "remember": "y" if remember else ""})
    assert response.status_code == 302
    return client


def _cookie(client, name: str) -> str | None:
    cookie = client.get_cookie(name)
    return cookie.value if cookie else None


def _copy_with(app, cookies: dict[str, str]):
    """Another browser that holds only these copied cookies."""
    thief = app.test_client()
    for name, value in cookies.items():
        thief.set_cookie(name, value)
    return thief


def _can_open_the_dashboard(client) -> bool:
    return client.get("/").status_code == 200


def _user(email="ana@example.org"):
    user = factories.user(Role.CSM, email=email)
    db.session.commit()
    return user


def test_a_session_cookie_copied_before_sign_out_stops_working(app):
    _user()
    client = _signed_in_client(app, "ana@example.org")
    copy = _copy_with(app, {"session": _cookie(client, "session")})
    assert _can_open_the_dashboard(copy)
    client.post("/logout")
    assert not _can_open_the_dashboard(copy)
    assert not _can_open_the_dashboard(client)


def test_sign_out_ends_the_users_sessions_on_other_devices(app):
    _user()
    laptop = _signed_in_client(app, "ana@example.org")
    phone = _signed_in_client(app, "ana@example.org", remember=True)
    laptop.post("/logout")
    assert not _can_open_the_dashboard(phone)


def test_a_password_change_ends_other_sessions_and_keeps_this_one(app):
    _user()
    this_browser = _signed_in_client(app, "ana@example.org")
    other_device = _signed_in_client(app, "ana@example.org", remember=True)
    old_session = _copy_with(app, {"session": _cookie(this_browser, "session")})
    remember_only = _copy_with(app, {"remember_token": _cookie(other_device, "remember_token")})
    assert _can_open_the_dashboard(remember_only)  # the remember-me cookie alone works…

    response = this_browser.post("/account/password", data={
        "current_password": PASSWORD, "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302

    assert _can_open_the_dashboard(this_browser)
    assert not _can_open_the_dashboard(other_device)
    assert not _can_open_the_dashboard(old_session)
    assert not _can_open_the_dashboard(_copy_with(app, {
        "remember_token": _cookie(other_device, "remember_token") or ""}))


def test_an_admins_password_reset_ends_the_users_sessions(app):
    from cshire.auth.services import reset_password

    user = _user()
    client = _signed_in_client(app, "ana@example.org")
    reset_password(user, NEW_PASSWORD)
    db.session.commit()
    assert not _can_open_the_dashboard(client)


def test_a_session_id_without_the_current_token_is_refused(app):
    user = _user()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)  # the form ids had before tokens existed
        session["_fresh"] = True
    assert not _can_open_the_dashboard(client)


def test_remember_me_lasts_two_weeks(app):
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=14)
    _user()
    client = _signed_in_client(app, "ana@example.org", remember=True)
    cookie = client.get_cookie("remember_token")
    assert cookie is not None and cookie.expires is not None
