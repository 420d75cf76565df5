"""Languages: which one a request uses, and the Babel filters templates format with.

Content that users write in both languages (competency names, anchors…) is stored in
``<field>_en`` / ``<field>_ja`` columns; ``localized`` picks the viewer's language and
falls back to the other one so a half-translated catalogue still reads.
"""

from typing import Any

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import format_date, format_decimal, format_percent, get_locale
from flask_login import current_user

from cshire.config import PROJECT_ROOT
from cshire.extensions import babel
from cshire.timezones import format_when

LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}


def select_locale() -> str:
    """The signed-in user's preference, else the switch in this session, else the
    browser's Accept-Language, else English."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI commands and background work
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("language") in languages:
        return session["language"]
    return request.accept_languages.best_match(languages) or languages[0]


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale is not None else "en"


def localized(obj: Any, field: str, language: str | None = None) -> str:
    """``obj.<field>_<language>``, falling back to the other language when empty."""
    language = language or current_language()
    other = "ja" if language == "en" else "en"
    return getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_{other}", "") or ""


def init_app(app: Flask, timezone_selector=None) -> None:
    """``timezone_selector``: the viewer's zone (auth's, passed in by ``create_app``:
    i18n knows no feature package)."""
    app.config.setdefault(
        "BABEL_TRANSLATION_DIRECTORIES", str(PROJECT_ROOT / "cshire" / "translations")
    )
    babel.init_app(app, locale_selector=select_locale, timezone_selector=timezone_selector)
    app.jinja_env.filters.update(
        localized=localized,
        date=format_date,
        datetime=format_when,
        decimal=format_decimal,
        percent=format_percent,
    )
    app.jinja_env.globals.update(
        current_language=current_language, language_names=LANGUAGE_NAMES
    )
