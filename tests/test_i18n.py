"""English and Japanese: complete catalogs and the language each request uses."""

import re

import pytest

from cshire.auth.models import Role
from cshire.extensions import db
from tools.catalogs import LANGUAGES, extract, po_path, read_catalog

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory) -> set[str]:
    template = tmp_path_factory.mktemp("i18n") / "messages.pot"
    extract(template)
    return {str(m.id if isinstance(m.id, str) else m.id[0]) for m in read_catalog(template)
            if m.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_in_the_code_is_translated(source_messages, language):
    catalog = read_catalog(po_path(language))
    translated = {
        str(m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and all(m.string if isinstance(m.string, tuple) else (m.string,))
        and "fuzzy" not in m.flags
    }
    missing = sorted(source_messages - translated)
    assert missing == [], (
        f"{len(missing)} untranslated {language} messages; run `make extract-messages` "
        f"and translate them: {missing[:10]}"
    )


def test_japanese_translations_keep_every_placeholder():
    catalog = read_catalog(po_path("ja"))
    broken = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if string and set(PLACEHOLDER.findall(string)) != wanted:
                broken.append(ids[0])
    assert broken == []


def test_anonymous_visitor_gets_the_browsers_language(client):
    body = client.get("/login", headers={"Accept-Language": "ja,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="ja"' in body
    assert "ログイン" in body


def test_users_preference_beats_the_browser(as_role):
    client = as_role(Role.CSM, locale="ja")
    body = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="ja"' in body


def test_switch_applies_to_anonymous_visitors_through_the_session(client):
    client.post("/language", data={"language": "ja", "next": "/login"})
    assert '<html lang="ja"' in client.get("/login").get_data(as_text=True)


def test_dates_and_numbers_are_formatted_for_the_language(app):
    from datetime import UTC, datetime

    from flask_babel import force_locale, format_date, format_decimal

    with app.test_request_context(), force_locale("ja"):
        assert format_date(datetime(2026, 4, 1, tzinfo=UTC)) == "2026/04/01"
        assert format_decimal(1234.5) == "1,234.5"
    db.session.rollback()
