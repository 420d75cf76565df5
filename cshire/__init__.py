"""cshire: hire, train, evaluate and promote a Customer Success team on one competency model."""

import os
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from cshire.config import (
    DEV_ENVIRONMENTS,
    INSECURE_DEV_KEY,
    PROJECT_ROOT,
    Config,
    EnvSettings,
    normalise_database_url,
)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the application. No side effects: no tables, no migrations, no network."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    app.config.from_object(Config)
    _apply_environment(app, EnvSettings.read(), test_config or {})
    _init_extensions(app)
    _register_blueprints(app)
    if app.config["TRUSTED_PROXIES"]:
        # The client's address (the sign-in throttle counts by it) and scheme come from
        # the X-Forwarded-* headers set by that many proxies in front of the app.
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    return app


def _apply_environment(app: Flask, env: EnvSettings, test_config: dict[str, Any]) -> None:
    environment = "testing" if test_config.get("TESTING") else env.environment
    app.config["CSHIRE_ENV"] = environment
    if env.secret_key:
        app.config["SECRET_KEY"] = env.secret_key
    app.config["TRUSTED_PROXIES"] = env.trusted_proxies
    if environment in DEV_ENVIRONMENTS:
        app.config["SECRET_KEY"] = app.config["SECRET_KEY"] or INSECURE_DEV_KEY
        # Plain-HTTP localhost in development: a Secure cookie would never be sent back.
        app.config["SESSION_COOKIE_SECURE"] = False
        app.config["REMEMBER_COOKIE_SECURE"] = False
    app.config.update(test_config)
    database_url = app.config["SQLALCHEMY_DATABASE_URI"] or env.database_url
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        database_url or _default_sqlite_url(app)
    )
    if not app.config.get("SECRET_KEY"):
        raise SystemExit(
            "cshire: SECRET_KEY is not set; export SECRET_KEY=<a long random string> "
            "(or CSHIRE_ENV=development for local use)."
        )


def _default_sqlite_url(app: Flask) -> str:
    os.makedirs(app.instance_path, exist_ok=True)
    return "sqlite:///" + os.path.join(app.instance_path, "cshire.sqlite")


def _init_extensions(app: Flask) -> None:
    from cshire import cache, i18n, models  # noqa: F401 - models registers every table
    from cshire.auth.access import init_access, select_timezone
    from cshire.extensions import csrf, db, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    i18n.init_app(app, timezone_selector=select_timezone)
    init_access(app)
    cache.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from cshire import cli, error_pages, headers, main, request_input
    from cshire.auth.views import bp as auth_bp
    from cshire.competencies.views import bp as competencies_bp
    from cshire.evaluations.views import bp as evaluations_bp
    from cshire.interviews.views import bp as interviews_bp
    from cshire.markdown import render_markdown
    from cshire.training.views import bp as training_bp

    request_input.init_app(app)
    app.jinja_env.filters["markdown"] = render_markdown
    app.register_blueprint(main.bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(competencies_bp)
    app.register_blueprint(interviews_bp)
    app.register_blueprint(training_bp)
    app.register_blueprint(evaluations_bp)
    error_pages.init_app(app)
    headers.init_app(app)
    cli.init_app(app)
