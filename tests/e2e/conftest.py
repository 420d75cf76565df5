"""Browser tests: Debian's Chromium driven by Playwright against a live server.

`playwright install` cannot download browsers here, so the launch points at the system
Chromium (TOOLCHAIN.md). The server runs the real app in a thread on a free port, with
the demo data loaded, on a temporary SQLite file — or on PostgreSQL when
TEST_DATABASE_URL is set.
"""

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

from cshire import create_app
from cshire.auth.demo import DEMO_PASSWORD
from cshire.extensions import db
from tests.conftest import TEST_DATABASE_URL, app_config

CHROMIUM = next(
    (path for path in ("/usr/lib/chromium/chromium", "/usr/bin/chromium") if os.path.exists(path)),
    shutil.which("chromium"),
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM:
        pytest.fail("Chromium is not installed: apt-get install chromium (see README)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"],
    }


@pytest.fixture(scope="session")
def e2e_database_url(tmp_path_factory) -> Iterator[str]:
    """A database of the browser tests' own: the live server's demo data lives for the
    whole session and must not meet the other tests' rows."""
    if not TEST_DATABASE_URL:
        yield "sqlite:///" + str(tmp_path_factory.mktemp("e2e") / "e2e.db")
        return
    name = make_url(TEST_DATABASE_URL).database + "_e2e"
    server = create_engine(make_url(TEST_DATABASE_URL).set(database="postgres"),
                           isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
    with server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.dispose()


@pytest.fixture(scope="session")
def live_server(e2e_database_url) -> Iterator[str]:
    """The app with demo data, served on 127.0.0.1 in a thread; yields its base URL."""
    database = e2e_database_url
    app = create_app(app_config(
        SQLALCHEMY_DATABASE_URI=database, SQLALCHEMY_ENGINE_OPTIONS={},
        WTF_CSRF_ENABLED=True, SERVER_NAME=None,
    ))
    with app.app_context():
        from cshire.demo import load_demo

        db.create_all()
        load_demo("en")
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    return live_server


def sign_in(page, base_url: str, email: str, password: str = DEMO_PASSWORD) -> None:
    page.context.clear_cookies()  # whoever was signed in on this page is signed out
    page.goto(f"{base_url}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    # The live server is shared by all browser tests: start each one in English.
    if page.locator("html").get_attribute("lang") != "en":
        switch_language(page, "en")


def switch_language(page, language: str) -> None:
    """Choosing a language takes effect at once (the page reloads in it)."""
    # Only once language-switch.js (deferred) listens: a choice made before that is lost.
    page.wait_for_selector("html.js", state="attached")
    with page.expect_navigation():
        page.locator("#language-select").select_option(language)


@pytest.fixture(autouse=True)
def _short_timeouts(page):
    """Fail in seconds, not the default 30 s, when something is missing."""
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(15_000)


def download_pdf(page, link, path):
    """Click ``link``, save the PDF it downloads to ``path`` and return its text."""
    with page.expect_download() as download:
        link.click()
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
