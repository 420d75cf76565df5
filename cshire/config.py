"""Configuration: one class of safe defaults, overridden from the environment.

Nothing here reads the environment at import time; ``Config.from_env`` is called by
``create_app`` so tests can build apps with other settings.
"""

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

# The checkout (or installed tree) that holds templates/, migrations/ and cshire/.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEV_ENVIRONMENTS = {"development", "testing"}
INSECURE_DEV_KEY = "cshire-development-key-not-secret"


class Config:
    CSHIRE_ENV = "production"
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None  # default: SQLite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    # "Remember me" keeps a browser signed in this long (Flask-Login's default is a year).
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024  # CSV uploads are the largest requests
    CSV_IMPORT_MAX_ROWS = 10_000  # data rows per uploaded CSV; import views pass it on
    WTF_CSRF_TIME_LIMIT = None  # a long interview must not lose its form to an expired token
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"
    LANGUAGES = ("en", "ja")
    PER_PAGE = 25
    # Sign-in throttle (cshire/auth/throttle.py): attempts per window for one email from
    # one client address, and for one email from all addresses together.
    LOGIN_MAX_FAILURES = 5
    LOGIN_MAX_FAILURES_PER_EMAIL = 50
    LOGIN_LOCK_MINUTES = 15
    # Reverse proxies in front of the app that set X-Forwarded-For (the client's address
    # is what the throttle counts by); 0 = none, the app is reached directly.
    TRUSTED_PROXIES = 0


@dataclass(frozen=True)
class EnvSettings:
    """The settings that come from environment variables."""

    environment: str
    secret_key: str | None
    database_url: str | None
    trusted_proxies: int = 0

    @classmethod
    def read(cls) -> "EnvSettings":
        return cls(
            environment=os.environ.get("CSHIRE_ENV", "production").strip().lower(),
            secret_key=os.environ.get("SECRET_KEY") or None,
            database_url=os.environ.get("DATABASE_URL") or None,
            trusted_proxies=_whole_number("TRUSTED_PROXIES"),
        )


def _whole_number(name: str) -> int:
    value = os.environ.get(name, "").strip() or "0"
    if not (value.isascii() and value.isdigit()):
        raise SystemExit(f"cshire: {name} must be a whole number, not {value!r}.")
    return int(value)


def normalise_database_url(url: str) -> str:
    """Accept the common ``postgres://`` spelling and default PostgreSQL to psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url
