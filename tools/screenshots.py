"""Screenshots of cshire's main pages for the README: ``make screenshots``.

Loads the demo (English, then Japanese) into a temporary SQLite database, serves the
app on a loopback port in a thread, and drives the system Chromium (Playwright) through
the pages below at 1366 and 390 px wide, signed in as the user each page is for. The
PNGs go to ``docs/screenshots/<lang>-<width>-<page>.png``; refresh them after a change
to the pages and commit them.
"""

import os
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
WIDTHS = (1366, 390)
CHROMIUM = "/usr/bin/chromium"

# (name, who signs in, path or a function of the page that finds it)
PAGES = (
    ("home-manager", "manager@example.com", "/"),
    ("home-interviewer", "interviewer@example.com", "/"),
    ("my-interviews", "interviewer@example.com", "/hiring/my-interviews"),
    ("scoring-form", "interviewer@example.com", "first-waiting-scorecard"),
    ("candidate-scorecard", "manager@example.com", "first-decided-application"),
    ("openings", "manager@example.com", "/hiring/openings"),
    ("kit", "manager@example.com", "/hiring/kits"),
    ("analytics", "manager@example.com", "/hiring/analytics"),
    ("competencies", "manager@example.com", "/competencies/"),
    ("training-home", "newhire@example.com", "/training/"),
    ("training-plan", "newhire@example.com", "newhire-plan"),
    ("training-quiz-result", "newhire@example.com", "newhire-quiz-result"),
    ("training-sandbox", "newhire@example.com", "newhire-sandbox"),
    ("training-review", "csm@example.com", "first-review"),
    ("training-manager", "manager@example.com", "/training/"),
    ("friction-report", "manager@example.com", "/training/friction"),
    ("journey", "csm@example.com", "/training/journeys"),
)


def _serve(app):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def _demo_app(language: str, database: Path):
    from cshire import create_app
    from cshire.demo import load_demo
    from cshire.extensions import db

    app = create_app({"TESTING": False, "SECRET_KEY": "screenshots",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
                      "SESSION_COOKIE_SECURE": False, "REMEMBER_COOKIE_SECURE": False})
    with app.app_context():
        db.create_all()
        load_demo(language)
        db.session.commit()
    return app


def _resolve(page, base: str, target: str) -> str:
    """A named target is found by following links on the pages the user has."""
    if target == "first-waiting-scorecard":
        page.goto(f"{base}/hiring/my-interviews")
        return page.locator("a[href*='/hiring/scorecards/']").first.get_attribute("href")
    if target == "first-decided-application":
        page.goto(f"{base}/hiring/openings")
        page.locator("table a[href*='/hiring/openings/']").first.click()
        return page.locator("table a[href*='/hiring/applications/']").first.get_attribute("href")
    if target.startswith("newhire-"):
        page.goto(f"{base}/training/")
        plan = page.locator(".my-plan a[href*='/training/enrolments/']").first
        plan = plan.get_attribute("href")
        if target == "newhire-plan":
            return plan
        page.goto(base + plan)
        kind = "quiz" if target == "newhire-quiz-result" else "sandbox"
        module = page.locator(f"tr[data-kind={kind}] a").first.get_attribute("href")
        return f"{module}/quiz/attempts/1" if kind == "quiz" else module
    if target == "first-review":
        page.goto(f"{base}/training/reviews")
        return page.locator("a[href*='/training/submissions/']").first.get_attribute("href")
    return target


def _sign_in(page, base: str, email: str, language: str) -> None:
    from cshire.auth.demo import DEMO_PASSWORD

    page.context.clear_cookies()
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    if page.locator("html").get_attribute("lang") != language:
        with page.expect_navigation():
            page.select_option("#language-select", language)


def shoot(language: str, base: str, browser) -> list[Path]:
    made = []
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 900 if width > 500 else 844})
        for name, email, target in PAGES:
            _sign_in(page, base, email, language)
            page.goto(base + _resolve(page, base, target))
            path = OUT / f"{language}-{width}-{name}.png"
            page.screenshot(path=str(path), full_page=False)
            made.append(path)
        page.close()
    return made


def main() -> int:
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("CSHIRE_ENV", "development")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for language in ("en", "ja"):
            server, base = _serve(_demo_app(language, Path(folder) / f"{language}.sqlite"))
            try:
                for path in shoot(language, base, browser):
                    print(path.relative_to(ROOT))
            finally:
                server.shutdown()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
