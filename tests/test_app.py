"""The factory, configuration, health check, security headers and error pages."""

import pytest
from sqlalchemy.exc import OperationalError

from cshire import create_app
from cshire.auth.models import Role
from cshire.config import normalise_database_url
from cshire.extensions import db
from tests import factories
from tests.conftest import app_config, login


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("CSHIRE_ENV", "production")
    with pytest.raises(SystemExit, match="SECRET_KEY is not set"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_cookies_are_secure(monkeypatch):
    monkeypatch.setenv("CSHIRE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["SESSION_COOKIE_HTTPONLY"]
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["MAX_CONTENT_LENGTH"] == 5 * 1024 * 1024


def test_database_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("CSHIRE_ENV", "development")
    monkeypatch.setenv("DATABASE_URL", "postgres://u@db:5432/cs")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db:5432/cs"


def test_default_database_is_sqlite_in_the_instance_folder(monkeypatch):
    monkeypatch.setenv("CSHIRE_ENV", "development")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/cshire.sqlite")


def test_url_normalisation_keeps_other_drivers():
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert normalise_database_url("postgresql://a/b") == "postgresql+psycopg://a/b"


def test_healthz_reports_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_database_outage(app, client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("down"))

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "error"}


def test_security_headers_on_every_page(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_404_page_is_friendly(as_role):
    client = as_role(Role.CSM)
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "There is no page at this address" in response.get_data(as_text=True)


def test_500_page_rolls_back_and_hides_the_trace(own_app):
    app = own_app
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/boom-for-test")
    def boom():
        db.session.execute(db.text("SELECT * FROM no_such_table"))

    boom.access_rule = None
    user = factories.user(Role.CSM)
    db.session.commit()
    client = login(app.test_client(), user)
    response = client.get("/boom-for-test")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Traceback" not in body and "An unexpected error occurred" in body
    assert client.get("/healthz").status_code == 200  # the session still works


def test_csrf_is_enforced_when_enabled():
    app = create_app(app_config(WTF_CSRF_ENABLED=True))
    # The CSRF check runs before the view, so this needs no tables.
    response = app.test_client().post("/login", data={"email": "a@b.c", "password": "x"})
    assert response.status_code == 400
    assert "The form had expired" in response.get_data(as_text=True)
