"""The scoring form in a real Chromium: the sticky bar counts the questions as they
are rated and stays in view while scrolling, and "why not asked" shows only while
"Not asked" is chosen."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

# test_hiring_process.py submits this candidate's scorecard: score another one here.
TAKEN = "Kara Yamada"


def _open_a_waiting_scorecard(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/hiring/my-interviews")  # on a phone the link is in the menu
    waiting = page.locator("section[aria-labelledby=waiting-title]")
    row = waiting.locator("tbody tr").filter(has_not_text=TAKEN).first
    row.get_by_role("link", name="Score").click()
    expect(page.locator("#scorecard-form")).to_be_visible()


def _rated(page: Page) -> tuple[int, int]:
    text = page.locator("#scoring-progress").inner_text()
    done, total = re.fullmatch(r"(\d+) of (\d+) rated", text).groups()
    return int(done), int(total)


def _unrated_question(page: Page):
    """A question without a choice yet (the demo's drafts are partly rated)."""
    questions = page.locator("fieldset.question[id^=question-]")
    for index in range(questions.count()):
        question = questions.nth(index)
        if question.locator("input[type=radio]:checked").count() == 0:
            return question
    pytest.fail("every question of this demo draft is rated already")


def test_the_bar_counts_ratings_as_they_are_chosen_and_stays_in_view(page: Page,
                                                                     base_url: str):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, base_url, "interviewer@example.com")
    _open_a_waiting_scorecard(page, base_url)
    done, total = _rated(page)
    question = _unrated_question(page)
    question.locator(".rating-choices").get_by_label("3", exact=True).check()
    assert _rated(page) == (done + 1, total)
    expect(page.locator("#autosave-status")).to_have_text(
        re.compile("Not saved yet|Saving draft|Draft saved"))
    # Half way down the form the bar with its buttons is still on the screen.
    page.locator("fieldset.question[id^=question-]").nth(total // 2).scroll_into_view_if_needed()
    bar = page.locator(".scoring-bar").bounding_box()
    assert bar["y"] >= 0 and bar["y"] + bar["height"] <= 844
    expect(page.get_by_role("button", name="Submit scorecard")).to_be_in_viewport()
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved", timeout=15_000)


def test_why_not_asked_shows_only_while_not_asked_is_chosen(page: Page, base_url: str):
    sign_in(page, base_url, "interviewer@example.com")
    _open_a_waiting_scorecard(page, base_url)
    question = _unrated_question(page)
    legend = question.locator("legend").first.inner_text()
    position = re.match(r"Question (\d+)", legend).group(1)
    reason = page.get_by_label(f"Why not asked (question {position})")
    expect(reason).to_be_hidden()
    done, total = _rated(page)
    question.get_by_label("Not asked", exact=True).check()
    expect(reason).to_be_visible()
    assert _rated(page) == (done + 1, total)  # "not asked" is an answer too
    reason.fill("We ran out of time")
    question.locator(".rating-choices").get_by_label("4", exact=True).check()
    expect(reason).to_be_hidden()
    assert _rated(page) == (done + 1, total)


def test_without_javascript_why_not_asked_stays_on_the_page(browser, base_url: str):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/login")
    page.get_by_label("Email").fill("interviewer@example.com")
    page.get_by_label("Password").fill("demo-pass-1234")
    page.get_by_role("button", name="Sign in").click()
    _open_a_waiting_scorecard(page, base_url)
    expect(page.get_by_label("Why not asked (question 1)")).to_be_visible()
    expect(page.locator("#scoring-progress")).to_have_text(re.compile(r"\d+ of \d+ rated"))
    context.close()
