"""Browser tests: Debian's Chromium driven by Playwright against a live server.

`playwright install` cannot download browsers here, so the launch points at the system
Chromium (TOOLCHAIN.md). The server runs the real app in a thread on a free port, with
the demo data loaded, on a temporary SQLite file — or on PostgreSQL when
TEST_DATABASE_URL is set.
"""

import os
import shutil
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

from cshire import create_app
from cshire.extensions import db
from tests.conftest import TEST_DATABASE_URL, _truncate_all, app_config

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
def live_server(tmp_path_factory, _postgres_schema) -> Iterator[str]:
    """The app with demo data, served on 127.0.0.1 in a thread; yields its base URL."""
    database = TEST_DATABASE_URL or "sqlite:///" + str(tmp_path_factory.mktemp("e2e") / "e2e.db")
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
        if TEST_DATABASE_URL:
            _truncate_all()
        db.engine.dispose()


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    return live_server


def sign_in(page, base_url: str, email: str, password: str = "demo-pass-1234") -> None:
    page.context.clear_cookies()  # whoever was signed in on this page is signed out
    page.goto(f"{base_url}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    # The live server is shared by all browser tests: start each one in English.
    if page.locator("html").get_attribute("lang") != "en":
        page.locator("#language-select").select_option("en")
        page.locator(".language-switch button").click()


@pytest.fixture(autouse=True)
def _short_timeouts(page):
    """Fail in seconds, not the default 30 s, when something is missing."""
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(15_000)
