from cshire.auth.models import Role, User
from cshire.extensions import db
from tests import factories
from tests.conftest import login
from tests.factories import PASSWORD


def test_sign_in_through_the_real_login_form(app, client):
    factories.user(Role.CSM, email="ana@example.org", name="Ana")
    db.session.commit()
    page = client.get("/login")
    assert page.status_code == 200 and b'name="email"' in page.data
    response = client.post("/login", data={"email": "ana@example.org", "password": PASSWORD},
                           follow_redirects=True)
    assert response.status_code == 200
    assert "Welcome, Ana." in response.get_data(as_text=True)


def test_failed_sign_in_says_so_without_revealing_the_email(app, client):
    response = client.post("/login", data={"email": "who@example.org", "password": "x" * 12})
    assert response.status_code == 401
    assert "The email or password is not correct." in response.get_data(as_text=True)


def test_throttled_sign_in_shows_a_clear_message(app, client):
    app.config["LOGIN_MAX_FAILURES"] = 2
    for _ in range(2):
        client.post("/login", data={"email": "who@example.org", "password": "x" * 12})
    response = client.post("/login", data={"email": "who@example.org", "password": "x" * 12})
    assert "Too many failed sign-ins for this email" in response.get_data(as_text=True)


def test_login_ignores_an_external_next_url(app, client):
    factories.user(email="ana@example.org")
    db.session.commit()
    response = client.post("/login?next=https://evil.example/", data={
        "email": "ana@example.org", "password": PASSWORD})
    assert response.location.endswith("/")
    assert "evil" not in response.location


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/competencies/")
    assert response.status_code == 302 and "/login" in response.location


def test_deactivated_user_session_no_longer_works(app, client):
    user = factories.user(Role.CSM)
    db.session.commit()
    login(client, user)
    user.active = False
    db.session.commit()
    assert client.get("/").status_code == 302


def test_change_password_form(app, client):
    user = factories.user(Role.CSM)
    db.session.commit()
    login(client, user)
    response = client.post("/account/password", data={
        "current_password": PASSWORD, "new_password": "another-long-pass",
        "confirm": "another-long-pass"})
    assert response.status_code == 302
    response = client.post("/account/password", data={
        "current_password": "wrong-wrong", "new_password": "x" * 12, "confirm": "y" * 12})
    assert "The passwords differ." in response.get_data(as_text=True)


def test_admin_creates_a_user_with_roles(app, as_role):
    client = as_role(Role.ADMIN)
    response = client.post("/admin/users/new", data={
        "email": "new@example.org", "display_name": "Neo", "locale": "ja",
        "roles": ["interviewer", "csm"], "team_id": "0", "password": "initial-pass-1"})
    assert response.status_code == 302
    created = db.session.scalar(db.select(User).where(User.email == "new@example.org"))
    assert created.roles == {Role.INTERVIEWER, Role.CSM} and created.locale == "ja"


def test_admin_user_form_shows_errors_and_keeps_input(app, as_role):
    client = as_role(Role.ADMIN)
    response = client.post("/admin/users/new", data={
        "email": "not-an-email", "display_name": "Kept Name", "locale": "en", "team_id": "0"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'value="Kept Name"' in body and 'aria-invalid="true"' in body


def test_admin_deactivates_a_user_after_confirming(app, as_role):
    client = as_role(Role.ADMIN)
    target = factories.user(Role.CSM)
    db.session.commit()
    confirm = client.get(f"/admin/users/{target.id}/deactivate")
    assert "will no longer be able to sign in" in confirm.get_data(as_text=True)
    assert client.post(f"/admin/users/{target.id}/deactivate").status_code == 302
    db.session.refresh(target)
    assert target.active is False


def test_admin_lists_and_filters_users(app, as_role):
    client = as_role(Role.ADMIN)
    factories.user(Role.CSM, name="Carla Csm")
    factories.user(Role.INTERVIEWER, name="Ivo Interviewer")
    db.session.commit()
    body = client.get("/admin/users?role=csm").get_data(as_text=True)
    assert "Carla Csm" in body and "Ivo Interviewer" not in body


def test_admin_creates_a_team_with_a_manager(app, as_role):
    client = as_role(Role.ADMIN)
    manager = factories.user(Role.MANAGER)
    db.session.commit()
    response = client.post("/admin/teams/new", data={"name": "Onboarding",
                                                     "manager_id": str(manager.id)})
    assert response.status_code == 302
    assert "Onboarding" in client.get("/admin/teams").get_data(as_text=True)


def test_language_switch_sets_the_users_preference(app, as_role):
    client = as_role(Role.CSM)
    client.post("/language", data={"language": "ja", "next": "/"})
    user = db.session.scalar(db.select(User).order_by(User.id.desc()))
    assert user.locale == "ja"


def test_logout_needs_a_post(app, as_role):
    client = as_role(Role.CSM)
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 302
    assert client.get("/").status_code == 302


def test_user_edit_page_shows_who_changed_roles_and_activation(app, as_role):
    client = as_role(Role.ADMIN, name="Ada Admin")
    target = factories.user(Role.CSM)
    db.session.commit()
    client.post(f"/admin/users/{target.id}/edit", data={
        "display_name": target.display_name, "locale": "en", "roles": ["csm", "manager"],
        "team_id": "0", "active": "y"})
    client.post(f"/admin/users/{target.id}/deactivate")
    body = client.get(f"/admin/users/{target.id}/edit").get_data(as_text=True)
    history = body[body.index('id="audit-history-title"'):]
    assert "Ada Admin" in history
    assert history.index("Active (may sign in)") < history.index("Role: Manager")


def test_admin_cannot_deactivate_themselves_and_is_told_why(app, as_role):
    client = as_role(Role.ADMIN)
    admin = db.session.scalar(db.select(User).order_by(User.id.desc()))
    response = client.post(f"/admin/users/{admin.id}/deactivate", follow_redirects=True)
    assert "You cannot remove your own administrator role" in response.get_data(as_text=True)
    db.session.refresh(admin)
    assert admin.active is True


def test_new_user_without_a_password_is_refused_at_the_password_field(app, as_role):
    client = as_role(Role.ADMIN)
    body = client.post("/admin/users/new", data={
        "email": "new@example.org", "display_name": "Neo", "locale": "en",
        "team_id": "0"}).get_data(as_text=True)
    assert 'id="password-error"' in body and "A password needs at least" in body
    assert db.session.scalar(db.select(User).where(User.email == "new@example.org")) is None


def _order(html: str, *names: str) -> list[str]:
    """``names`` in the order the page's table shows them."""
    rows = html[html.index("<tbody"):]
    return sorted(names, key=rows.index)


def test_admin_sorts_users_by_team_with_users_without_one_last(app, as_role):
    client = as_role(Role.ADMIN, name="Ada Admin")
    factories.user(name="Bea Blue", team=factories.team("Blue"))
    factories.user(name="Cy Amber", team=factories.team("Amber"))
    db.session.commit()
    html = client.get("/admin/users?sort=team").get_data(as_text=True)
    assert _order(html, "Ada Admin", "Bea Blue", "Cy Amber") == [
        "Cy Amber", "Bea Blue", "Ada Admin"]
    html = client.get("/admin/users?sort=-team").get_data(as_text=True)
    assert _order(html, "Ada Admin", "Bea Blue", "Cy Amber") == [
        "Bea Blue", "Cy Amber", "Ada Admin"]


def test_admin_sorts_users_with_the_deactivated_last_and_keeps_the_filters(app, as_role):
    client = as_role(Role.ADMIN, name="Zed Admin")
    factories.user(Role.ADMIN, name="Ann Gone", active=False)
    db.session.commit()
    html = client.get("/admin/users?role=admin&sort=status").get_data(as_text=True)
    assert _order(html, "Zed Admin", "Ann Gone") == ["Zed Admin", "Ann Gone"]
    assert 'href="/admin/users?role=admin&amp;sort=-status"' in html
    assert _order(client.get("/admin/users?sort=name").get_data(as_text=True),
                  "Zed Admin", "Ann Gone") == ["Ann Gone", "Zed Admin"]


def test_admin_sorts_teams_by_manager(app, as_role):
    client = as_role(Role.ADMIN)
    factories.team("Alpha", manager=factories.user(Role.MANAGER, name="Zoe"))
    factories.team("Beta", manager=factories.user(Role.MANAGER, name="Abe"))
    db.session.commit()
    assert _order(client.get("/admin/teams").get_data(as_text=True), "Alpha", "Beta") == [
        "Alpha", "Beta"]
    assert _order(client.get("/admin/teams?sort=manager").get_data(as_text=True),
                  "Alpha", "Beta") == ["Beta", "Alpha"]
