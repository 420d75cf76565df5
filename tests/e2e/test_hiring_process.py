"""Issue 4 as interviewers and the hiring manager do it, in a real Chromium: scoring
with a draft that survives a reload, independence between panel members, then the
scorecard, comparison, a decision against the rule, the PDF and the agreement page."""


import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import download_pdf, sign_in

pytestmark = pytest.mark.e2e

# The demo's interview held yesterday, with interviewer@ and interviewer2@ still to score
# (cshire/interviews/demo_simulation.py, candidate 25).
CANDIDATE = "Kara Yamada"
FIRST_NOTE = "Asked for the usage data before promising anything"


def _open_my_scorecard(page: Page) -> None:
    page.get_by_role("link", name="My interviews").first.click()
    waiting = page.locator("section[aria-labelledby=waiting-title]")
    row = waiting.locator("tr", has=page.get_by_role("link", name=CANDIDATE))
    row.get_by_role("link", name="Score").click()
    expect(page.locator("#scorecard-form")).to_be_visible()


def _rate_every_question(page: Page, rating: str, recommendation: str) -> None:
    questions = page.locator("fieldset.rating-choices")
    for index in range(questions.count()):
        questions.nth(index).get_by_label(rating, exact=True).check()
    page.get_by_label(recommendation, exact=True).check()


def test_independent_scoring_then_the_managers_decision(
    browser: Browser, page: Page, base_url: str, tmp_path
):
    # The first interviewer scores, saves a draft, reloads and finds it intact.
    sign_in(page, base_url, "interviewer@example.com")
    _open_my_scorecard(page)
    first_question = page.locator("fieldset.rating-choices").first
    first_question.get_by_label("5", exact=True).check()
    page.get_by_label("Evidence note (question 1)").fill(FIRST_NOTE)
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    page.reload()
    first_question = page.locator("fieldset.rating-choices").first
    expect(first_question.get_by_label("5", exact=True)).to_be_checked()
    expect(page.get_by_label("Evidence note (question 1)")).to_have_value(FIRST_NOTE)
    _rate_every_question(page, "5", "Strong yes")
    page.get_by_role("button", name="Submit scorecard").click()
    expect(page.locator(".flash-success")).to_be_visible()

    # The second interviewer cannot see those ratings until submitting their own.
    other = browser.new_context(base_url=base_url)
    second = other.new_page()
    second.set_default_timeout(10_000)
    sign_in(second, base_url, "interviewer2@example.com")
    _open_my_scorecard(second)
    assert FIRST_NOTE not in second.content()
    interview_page = second.locator("nav[aria-label=Breadcrumb] a", has_text=CANDIDATE)
    interview_url = interview_page.get_attribute("href")
    second.goto(base_url + interview_url)
    assert FIRST_NOTE not in second.content()
    second.go_back()
    # Autosave: typing alone is saved (no button pressed), so a reload loses nothing.
    second.get_by_label("Evidence note (question 1)").fill("Jumped to a discount at once")
    expect(second.locator("#autosave-status")).to_contain_text("Draft saved", timeout=15_000)
    second.reload()
    expect(second.get_by_label("Evidence note (question 1)")).to_have_value(
        "Jumped to a discount at once")
    _rate_every_question(second, "2", "No")
    second.get_by_role("button", name="Submit scorecard").click()
    expect(second.locator(".flash-success")).to_be_visible()
    second.goto(base_url + interview_url)
    expect(second.get_by_text(FIRST_NOTE)).to_be_visible()
    other.close()

    # The hiring manager reads the scorecard with its disagreement flags.
    sign_in(page, base_url, "manager@example.com")
    page.get_by_role("link", name="Openings").first.click()
    page.locator("tbody a").first.click()  # the header links sort the list
    page.get_by_role("link", name=CANDIDATE).first.click()
    expect(page.get_by_role("heading", name="Disagreements to discuss")).to_be_visible()
    expect(page.locator(".badge-warn", has_text="Discuss").first).to_be_visible()
    scorecard_url = page.url

    page.get_by_role("button", name="Compare candidates").click()
    expect(page.get_by_role("link", name=CANDIDATE)).to_be_visible()
    page.goto(scorecard_url)

    # Rejecting a candidate above the fit threshold departs from the rule: a reason is required.
    page.get_by_label("Reject", exact=True).check()
    page.get_by_label("Rationale").fill("Strong on empathy, but the panel was split.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.locator("#departure_reason-error, .flash-error").first).to_be_visible()
    page.get_by_label("Reason for departing from the rule").fill(
        "A stronger candidate accepted the offer for this single seat.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Departs from the rule").first).to_be_visible()

    text = download_pdf(page, page.get_by_role("button", name="Scorecard (PDF)"),
                        tmp_path / "scorecard.pdf")
    assert CANDIDATE in text

    page.get_by_role("link", name="Interviewer agreement").first.click()
    expect(page.get_by_role("heading", name="Reliability")).to_be_visible()
    expect(page.get_by_role("columnheader", name="ICC(1,1)").first).to_be_visible()
