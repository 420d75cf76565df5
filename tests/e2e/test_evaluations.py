"""Evaluations as the demo's people use them, in a real Chromium (issue 11, "Done when").

manager@ imports a journey, customer accounts and their events from files (a file with
one bad line is refused with that line and its reason, and nothing is written), reads
each CSM's funnel with the weakest step, runs one evaluation of the open demo cycle
through the whole workflow with its CSM, and reads the calibration view; csm@ cannot
open csm2@'s evaluation or metrics, and manager2@ cannot open the first team's.

The live server's data is shared by every browser test: this one adds its own journey
code and accounts (``E2E-EVAL-…``) and takes daniel@'s draft evaluation, which no other
test uses.
"""

import json
import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

JOURNEY = "e2e-crm"
CSM = "daniel@example.com"  # a CSM of manager@'s team whose open evaluation is a draft


def _events_count(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.scalar(text(
                "SELECT count(*) FROM journey_events e JOIN customer_accounts a"
                " ON a.id = e.account_id WHERE a.external_id LIKE 'E2E-EVAL-%'"))
    finally:
        engine.dispose()


def _files(tmp_path):
    day = (date.today() - timedelta(days=40)).isoformat()
    later = (date.today() - timedelta(days=20)).isoformat()
    journey = tmp_path / "journey.json"
    journey.write_text(json.dumps({
        "code": JOURNEY, "name": {"en": "CRM pilot journey", "ja": "CRM試験ジャーニー"},
        "stages": [{"code": "kickoff", "name": "Kick-off"}, {"code": "live", "name": "Live"},
                   {"code": "renewed", "name": "Renewed"}]}), encoding="utf-8")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("external_id,name,owner_email,touch_model,arr\n"
                        "E2E-EVAL-1,Pilot One,csm@example.com,high,120000\n"
                        "E2E-EVAL-2,Pilot Two,csm@example.com,low,\n"
                        f"E2E-EVAL-3,Pilot Three,{CSM},tech,8000\n", encoding="utf-8")
    header = "account_external_id,stage,entered_at\n"
    good_rows = (f"E2E-EVAL-1,kickoff,{day}\nE2E-EVAL-1,live,{later}\n"
                 f"E2E-EVAL-2,kickoff,{day}\nE2E-EVAL-3,kickoff,{day}\n")
    bad = tmp_path / "events-bad.csv"
    # Line 3 (the header is line 1) names a stage the journey does not have.
    bad.write_text(header + f"E2E-EVAL-1,kickoff,{day}\nE2E-EVAL-2,launched,{day}\n"
                   f"E2E-EVAL-3,kickoff,{day}\n", encoding="utf-8")
    good = tmp_path / "events.csv"
    good.write_text(header + good_rows, encoding="utf-8")
    return journey, accounts, bad, good


def _evaluations(page: Page) -> None:
    """The main navigation's entry (the phone menu holds the same links: the first)."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Evaluations")\
        .first.click()


def _open_cycle(page: Page) -> None:
    """The open cycle's page, from the Cycles tab."""
    _evaluations(page)
    page.get_by_role("navigation", name="Evaluations").get_by_role("link", name="Cycles").click()
    page.locator("tbody tr").filter(has_not=page.get_by_text("Cycle closed")).first\
        .get_by_role("link").first.click()


def _open_imports(page: Page) -> None:
    _evaluations(page)
    page.get_by_role("navigation", name="Evaluations").get_by_role("link", name="Imports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import from the CRM")


def _check_file(page: Page, kind: str, path, journey: str | None = None) -> None:
    card = page.locator(f"#import-{kind}")
    if journey:
        card.get_by_label("Journey").select_option(journey)
    card.locator("input[type=file]").set_input_files(path)
    card.get_by_role("button", name="Check the file").click()


def _imports(page: Page, base_url: str, e2e_database_url: str, tmp_path) -> None:
    journey, accounts, bad, good = _files(tmp_path)
    sign_in(page, base_url, "manager@example.com")
    _open_imports(page)
    page.get_by_role("button", name="Import a journey (JSON)").click()
    page.get_by_label("JSON file").set_input_files(journey)
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text(f"A new journey {JOURNEY} will be created.")).to_be_visible()
    page.get_by_role("button", name="Import the journey").click()
    expect(page.get_by_text(f"Journey {JOURNEY} imported.")).to_be_visible()

    _open_imports(page)
    _check_file(page, "accounts", accounts)
    expect(page.get_by_role("row", name="New 3")).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text("Accounts imported — created: 3, updated: 0, unchanged: 0."))\
        .to_be_visible()

    before = _events_count(e2e_database_url)
    _check_file(page, "events", bad, JOURNEY)
    expect(page.get_by_role("heading", name="Nothing was imported: lines to fix")).to_be_visible()
    problems = page.locator(".import-errors li")
    expect(problems).to_have_count(1)
    expect(problems).to_contain_text("Line 3:")
    expect(problems).to_contain_text("“launched” is not a stage of the journey")
    expect(page.get_by_role("button", name="Import", exact=True)).to_have_count(0)
    assert _events_count(e2e_database_url) == before

    page.get_by_role("link", name="Upload a corrected file").click()
    _check_file(page, "events", good, JOURNEY)
    expect(page.get_by_role("row", name="New 4")).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text("Journey events imported — added: 4, duplicates ignored: 0."))\
        .to_be_visible()
    assert _events_count(e2e_database_url) == before + 4


def _funnels(page: Page) -> None:
    """manager@'s team on the demo journey: every CSM's funnel with their weakest step."""
    tabs = page.get_by_role("navigation", name="Evaluations")
    tabs.get_by_role("link", name="Metrics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Journey metrics")
    assert page.get_by_label("Team").locator("option:checked").inner_text() == "Success"
    cards = page.locator(".funnel-card")
    assert cards.count() >= 12  # the team's funnel and one per CSM
    expect(cards.first).to_contain_text("Team: Success")
    chris = cards.filter(has=page.get_by_role("link", name="Chris CSM"))
    expect(chris.locator("svg")).to_be_visible()
    expect(chris.locator(".weakest")).to_contain_text("Weakest step: Adoption → Expansion")
    # Each card names its weakest step, or says no account entered a stage.
    weakest = cards.locator(".weakest").count()
    none = cards.filter(has_text="No weakest step").count()
    assert weakest + none == cards.count() and weakest >= 10
    chris.get_by_role("link", name="Chris CSM").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Journey metrics of Chris CSM")
    expect(page.locator(".weakest").first).to_contain_text("Adoption → Expansion")


def _rate_all(page: Page, part: str, level: str) -> None:
    for question in page.locator(f"fieldset.question[id^={part}-]").all():
        question.locator(".choices").get_by_label(level, exact=True).check()


def _self_review(page: Page, base_url: str) -> str:
    sign_in(page, base_url, CSM)
    page.get_by_role("link", name=re.compile("self-review to write")).click()
    page.get_by_role("link", name="Your evaluation").first.click()
    url = page.url
    expect(page.get_by_role("heading", name="Self-review")).to_be_visible()
    _rate_all(page, "self", "3")
    first = page.locator("fieldset.question[id^=self-]").first
    first.locator(".choices").get_by_label("5", exact=True).check()
    first.locator("textarea").fill("")
    page.get_by_role("button", name="Save draft").first.click()
    expect(page.locator("fieldset.question[id^=self-]").first.locator(".field-error"))\
        .to_have_text("A 1 or a 5 needs evidence: describe what you saw that sets it apart.")
    first = page.locator("fieldset.question[id^=self-]").first
    expect(first.locator(".choices input:checked")).to_have_value("5")  # input kept
    first.locator("textarea").fill("Ran the kick-off of six new accounts alone.")
    page.get_by_label(re.compile("reflection", re.I)).fill(
        "I move on before the sponsor has seen value; I will book a check-in at day 30.")
    page.get_by_role("button", name="Save and submit…").first.click()
    page.get_by_role("button", name="Submit self-review").click()
    expect(page.get_by_text("Done: the evaluation is now “Self-review submitted”."))\
        .to_be_visible()
    return url


def _manager_review(page: Page, base_url: str, url: str) -> None:
    sign_in(page, base_url, "manager@example.com")
    page.goto(url)
    expect(page.locator("#self").get_by_role("cell", name="Ran the kick-off of six new"))\
        .to_be_visible()
    _rate_all(page, "manager", "4")
    page.locator("#manager").get_by_role("textbox").last.fill(
        "Solid quarter; the next step is value reviews with sponsors.")
    page.locator("#manager").get_by_role("button", name="Save and submit…").click()
    page.get_by_role("button", name="Submit manager review").click()
    expect(page.get_by_text("Done: the evaluation is now “Manager review submitted”."))\
        .to_be_visible()
    page.get_by_role("button", name="Share with the CSM").click()
    page.get_by_role("button", name="Share with the CSM").click()
    expect(page.get_by_text("Done: the evaluation is now “Shared with the CSM”.")).to_be_visible()


def _acknowledge(page: Page, base_url: str, url: str) -> None:
    sign_in(page, base_url, CSM)
    page.goto(url)
    expect(page.locator("#manager").get_by_text("Solid quarter; the next step is value"))\
        .to_be_visible()
    page.get_by_role("button", name="Acknowledge").click()
    page.get_by_label(re.compile("Comment")).fill("Thank you, agreed on the check-ins.")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_text("Done: the evaluation is now “Acknowledged”.")).to_be_visible()


def _calibration(page: Page, base_url: str) -> None:
    sign_in(page, base_url, "manager@example.com")
    _open_cycle(page)
    page.get_by_role("button", name="Calibration").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Calibration")
    flagged = page.get_by_role("row").filter(has=page.get_by_text("Lenient", exact=True))
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text("Mark Manager")
    expect(flagged).to_contain_text(re.compile(
        r"\+\d\.\d\d points vs the others \(\d\.\d\d\), n = \d+"))


def _status(page: Page, url: str) -> int:
    return page.goto(url).status


def _open_cycle_evaluation(page: Page, name: str) -> str:
    """The URL of ``name``'s evaluation in the open cycle, from the cycles tab."""
    _open_cycle(page)
    page.get_by_role("link", name=name, exact=True).click()
    return page.url


def _metrics_page(page: Page, name: str) -> str:
    _evaluations(page)
    page.get_by_role("link", name=name, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Journey metrics of {name}")
    return page.url


def _access(page: Page, base_url: str, first_team_evaluation: str) -> None:
    """Each sees their own; nobody a peer's or another team's (403 or 404)."""
    sign_in(page, base_url, "manager2@example.com")
    casey_metrics = _metrics_page(page, "Casey CSM")
    casey_evaluation = _open_cycle_evaluation(page, "Casey CSM")
    assert _status(page, first_team_evaluation) in (403, 404)

    sign_in(page, base_url, "csm@example.com")
    tabs = page.get_by_role("navigation", name="Evaluations")
    _evaluations(page)
    expect(tabs.get_by_role("link")).to_have_text(["My metrics", "My evaluations"])
    expect(page.get_by_role("link", name="Casey CSM")).to_have_count(0)
    chris_metrics = _metrics_page(page, "Chris CSM")
    tabs.get_by_role("link", name="My evaluations").click()
    page.get_by_role("link", name="Your evaluation").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Evaluation of Chris CSM")
    assert _status(page, casey_evaluation) in (403, 404)
    assert _status(page, casey_metrics) in (403, 404)
    assert _status(page, first_team_evaluation) in (403, 404)  # a teammate's: a peer

    sign_in(page, base_url, "manager2@example.com")
    assert _status(page, chris_metrics) in (403, 404)


def test_a_manager_imports_measures_and_evaluates_with_a_csm(
        page: Page, base_url, e2e_database_url, tmp_path):
    _imports(page, base_url, e2e_database_url, tmp_path)
    _funnels(page)
    url = _self_review(page, base_url)
    _manager_review(page, base_url, url)
    _acknowledge(page, base_url, url)
    _calibration(page, base_url)
    _access(page, base_url, url)
